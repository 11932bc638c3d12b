"""The int8 rewrite of the MiniLM graph, made once and cached in a data directory."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import helper

from closeknit.coach import int8
from closeknit.coach.encoder import get_encoder, model_file


def test_it_swaps_every_weight_product_for_int8() -> None:
    original = model_file().read_bytes()
    rewritten = onnx.load_from_string(int8.quantize(original))
    ops = [n.op_type for n in rewritten.graph.node]
    assert ops.count("DynamicQuantizeMatMul") >= 36  # 6 layers x 6 products
    weights = {t.name for t in rewritten.graph.initializer}
    float_products = [n for n in rewritten.graph.node if n.op_type == "MatMul"]
    assert [n for n in float_products if n.input[1] in weights] == []
    assert any(o.domain == "com.microsoft" for o in rewritten.opset_import)
    assert rewritten.ByteSize() < len(original) * 1.05


def test_no_float_copy_of_a_weight_is_left() -> None:
    rewritten = onnx.load_from_string(int8.quantize(model_file().read_bytes()))
    inputs = {name for node in rewritten.graph.node for name in node.input}
    weights = {t.name for t in rewritten.graph.initializer}
    casts = [n for n in rewritten.graph.node if n.op_type == "Cast" and n.input[0] in weights]
    assert casts == []
    assert all(t.name in inputs for t in rewritten.graph.initializer)


def test_it_returns_anything_it_cannot_read_unchanged() -> None:
    assert int8.quantize(b"not a model") == b"not a model"
    assert int8.quantize(b"") == b""


def _float_only_model(path: Path) -> Path:
    """A tiny valid model with nothing to swap: the float fallback must run it."""
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["y"])],
        "tiny",
        [helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [1])],
    )
    onnx.save(helper.make_model(graph), str(path))
    return path


def test_a_model_with_nothing_to_swap_runs_as_it_is(tmp_path: Path) -> None:
    source = _float_only_model(tmp_path / "tiny.onnx")
    assert int8.cached_model(source, tmp_path / "cache") == str(source)
    assert not (tmp_path / "cache").exists()


def test_the_rewrite_is_made_once_and_then_read_from_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = int8.cached_model(model_file(), tmp_path)
    assert isinstance(first, str) and Path(first).parent == tmp_path
    calls: list[bytes] = []

    def counting(model: bytes) -> bytes:
        calls.append(model)
        return model

    monkeypatch.setattr(int8, "quantize", counting)
    assert int8.cached_model(model_file(), tmp_path) == first
    assert calls == []  # the second process reads the file, it does not rewrite


def test_an_unwritable_directory_keeps_the_rewrite_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    model = int8.cached_model(model_file(), blocked / "coach")
    assert isinstance(model, bytes) and b"DynamicQuantizeMatMul" in model


def test_processes_starting_together_agree_on_one_whole_file(tmp_path: Path) -> None:
    code = (
        "import sys, hashlib; from pathlib import Path\n"
        "from closeknit.coach import int8\n"
        "from closeknit.coach.encoder import model_file\n"
        "p = int8.cached_model(model_file(), Path(sys.argv[1]))\n"
        "print(hashlib.sha256(Path(p).read_bytes()).hexdigest())\n"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE)
        for _ in range(3)
    ]
    digests = {run.communicate(timeout=120)[0].strip() for run in runs}
    assert len(digests) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers
    assert len(list(tmp_path.iterdir())) == 1
    onnx.load(str(next(tmp_path.iterdir())))  # a whole, readable model


def test_int8_vectors_stay_close_to_the_float_model() -> None:
    import onnxruntime

    text = "I'm so sorry you had to sit through that alone."
    encoder = get_encoder()
    float_model = onnxruntime.InferenceSession(
        str(model_file()), providers=["CPUExecutionProvider"]
    )
    ids = np.array([encoder.tokenizer.encode(text).ids])
    (states,) = float_model.run(
        None,
        {
            "input_ids": ids,
            "attention_mask": np.ones_like(ids),
            "token_type_ids": np.zeros_like(ids),
        },
    )
    reference = states[0].mean(axis=0)
    reference /= np.linalg.norm(reference)
    assert float(reference @ encoder.encode(text).mean()) > 0.98
