"""The int8 rewrite of the MiniLM graph, made once and cached in a data directory."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import pytest
from onnx import helper

from closeknit.coach import int8
from closeknit.coach.encoder import (
    TUNED_LAYERS,
    Encoder,
    ModelMissingError,
    get_encoder,
    model_file,
)


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


def _float_vector(model: bytes, text: str) -> np.ndarray:
    """The normalised mean token vector of `model` run with float arithmetic."""
    import onnxruntime

    session = onnxruntime.InferenceSession(model, providers=["CPUExecutionProvider"])
    ids = np.array([get_encoder().tokenizer.encode(text).ids])
    (states,) = session.run(
        None,
        {
            "input_ids": ids,
            "attention_mask": np.ones_like(ids),
            "token_type_ids": np.zeros_like(ids),
        },
    )
    mean = states[0].mean(axis=0)
    return np.asarray(mean / np.linalg.norm(mean))


def test_int8_vectors_stay_close_to_the_float_model() -> None:
    text = "I'm so sorry you had to sit through that alone."
    tuned = int8.tune(model_file().read_bytes(), TUNED_LAYERS.read_bytes())
    assert float(_float_vector(tuned, text) @ get_encoder().encode(text).mean()) > 0.98


def _layers(**arrays: Any) -> bytes:
    import io

    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def _made_for(model: bytes) -> np.ndarray:
    import hashlib

    return np.frombuffer(hashlib.sha256(model).hexdigest().encode(), dtype=np.uint8)


def test_the_tuned_layers_take_the_place_of_the_shipped_ones() -> None:
    original = model_file().read_bytes()
    tuned = onnx.load_from_string(int8.tune(original, TUNED_LAYERS.read_bytes()))
    before = {
        t.name: onnx.numpy_helper.to_array(t)
        for t in onnx.load_from_string(original).graph.initializer
    }
    after = {t.name: onnx.numpy_helper.to_array(t) for t in tuned.graph.initializer}
    with np.load(TUNED_LAYERS) as saved:
        names = [n for n in saved.files if n != "source_sha256"]
        assert names and all(np.array_equal(after[n], saved[n]) for n in names)
    changed = {n for n in before if not np.array_equal(before[n], after[n])}
    assert changed and changed <= set(names)
    assert "inner.encoder.layer.0.output.LayerNorm.weight" not in changed  # the bottom is kept
    # and the vectors are the tuned model's, not the shipped one's
    text = "That sounds exhausting. What happened?"
    assert float(_float_vector(original, text) @ get_encoder().encode(text).mean()) < 0.99


def test_no_tuned_layers_leave_the_model_as_it_is() -> None:
    original = model_file().read_bytes()
    assert int8.tune(original, b"") is original


def test_layers_tuned_for_another_model_are_refused() -> None:
    original = model_file().read_bytes()
    with pytest.raises(int8.TunedLayersError, match="another MiniLM"):
        int8.tune(original, _layers(source_sha256=_made_for(b"another model")))
    shape = _layers(
        source_sha256=_made_for(original),
        **{"inner.embeddings.LayerNorm.bias": np.zeros(3, np.float32)},
    )
    with pytest.raises(int8.TunedLayersError, match="does not fit"):
        int8.tune(original, shape)
    unknown = _layers(source_sha256=_made_for(original), nowhere=np.zeros(3, np.float32))
    with pytest.raises(int8.TunedLayersError, match="not in the model"):
        int8.tune(original, unknown)


def test_the_cached_file_is_named_for_the_layers_it_holds(tmp_path: Path) -> None:
    original = model_file().read_bytes()
    plain = tmp_path / "plain.npz"
    plain.write_bytes(_layers(source_sha256=_made_for(original)))
    assert int8.cached_model(model_file(), tmp_path, plain) != int8.cached_model(
        model_file(), tmp_path, TUNED_LAYERS
    )


def test_the_encoder_says_what_to_do_when_its_layers_do_not_fit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "encoder.npz"
    stale.write_bytes(_layers(source_sha256=_made_for(b"an older model")))
    monkeypatch.setattr("closeknit.coach.encoder.TUNED_LAYERS", stale)
    with pytest.raises(ModelMissingError, match="make install"):
        Encoder(tmp_path / "cache")


def _saturating_model(path: Path, rows: int = 8) -> Path:
    """x @ W with W stored as int8 (127 everywhere) and turned back into float in the graph.

    The largest products there are: an activation that quantizes to 255 times
    127, twice, overflows the 16 bits a CPU without VNNI adds pairs of them in.
    """
    from onnx import numpy_helper

    weight = numpy_helper.from_array(np.full((rows, 2), 127, np.int8), "w_q")
    scale = numpy_helper.from_array(np.ones((1, 2), np.float32), "w_scale")
    graph = helper.make_graph(
        [
            helper.make_node("Cast", ["w_q"], ["w_f"], to=onnx.TensorProto.FLOAT),
            helper.make_node("Mul", ["w_f", "w_scale"], ["w"]),
            helper.make_node("MatMul", ["x", "w"], ["y"]),
        ],
        "saturating",
        [helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [1, rows])],
        [helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [1, 2])],
        [weight, scale],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    onnx.save(model, str(path))
    return path


def test_the_int8_products_are_exact_on_this_cpu(tmp_path: Path) -> None:
    import onnxruntime

    from closeknit.coach.encoder import session_options

    source = _saturating_model(tmp_path / "saturating.onnx")
    model = int8.cached_model(source, tmp_path / "cache")
    assert isinstance(model, str) and model != str(source)  # the rewrite, not the fallback
    session = onnxruntime.InferenceSession(
        model, session_options(), providers=["CPUExecutionProvider"]
    )
    (y,) = session.run(["y"], {"x": np.ones((1, 8), np.float32)})
    # Exact: 8 x 1.0 x 127. Without VNNI, a kernel that saturates gives about half.
    assert np.allclose(y, 8 * 127, rtol=0.01)
