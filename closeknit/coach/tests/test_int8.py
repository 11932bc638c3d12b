"""The in-memory int8 rewrite of the MiniLM graph."""

import numpy as np

from closeknit.coach import int8
from closeknit.coach.encoder import get_encoder, model_file


def test_it_swaps_every_weight_product_for_int8() -> None:
    original = model_file().read_bytes()
    rewritten = int8.quantize(original)
    assert rewritten != original
    assert rewritten.count(b"DynamicQuantizeMatMul") >= 36  # 6 layers x 6 products
    assert len(rewritten) < len(original) * 1.05


def test_it_returns_anything_it_cannot_read_unchanged() -> None:
    assert int8.quantize(b"not a model") == b"not a model"
    assert int8.quantize(b"") == b""


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
