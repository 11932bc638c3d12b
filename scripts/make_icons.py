"""Draw Closeknit's app icons as PNG files (the home-screen and install icons).

    .venv/bin/python scripts/make_icons.py

The mark is the one in closeknit/lib/static/closeknit/icon.svg: two
overlapping rings, white on Closeknit pink. PNG is written by hand (zlib and
struct), each pixel's cover of a shape taken from its distance to the shape's
edge, so the script needs nothing beyond Python. Writes:

- icon-192.png, icon-512.png: rounded square, for browsers and the apple-touch-icon;
- icon-maskable-512.png: full-bleed square with the rings inside the central
  safe zone (80 %), for Android's masks.
"""

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "closeknit" / "lib" / "static" / "closeknit"
PINK = (217, 38, 98)
WHITE = (255, 255, 255)


def cover(distance: float) -> float:
    """How much of a pixel a shape covers, from the signed distance of its centre (px)."""
    return min(1.0, max(0.0, 0.5 - distance))


def rounded_square(x: float, y: float, size: float, radius: float) -> float:
    """Signed distance from (x, y) to a square of `size` with corners of `radius`."""
    half = size / 2
    qx = abs(x - half) - (half - radius)
    qy = abs(y - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def ring(x: float, y: float, cx: float, cy: float, r: float, width: float) -> float:
    return abs(math.hypot(x - cx, y - cy) - r) - width / 2


def draw(size: int, maskable: bool) -> list[bytes]:
    """Rows of RGBA pixels."""
    # The SVG's 96-unit design: rings of radius 20 at x 38 and 58, stroke 7.
    scale = size / 96 * (0.8 if maskable else 1.0)
    offset = size / 2 - 48 * scale
    rings = [
        (38 * scale + offset, 48 * scale + offset),
        (58 * scale + offset, 48 * scale + offset),
    ]
    radius, width = 20 * scale, 7 * scale
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            x, y = px + 0.5, py + 0.5
            base = 1.0 if maskable else cover(rounded_square(x, y, size, 22 / 96 * size))
            mark = max(cover(ring(x, y, cx, cy, radius, width)) for cx, cy in rings)
            rgb = [round(p + (w - p) * mark) for p, w in zip(PINK, WHITE, strict=True)]
            row += bytes([*rgb, round(255 * base)])
        rows.append(bytes(row))
    return rows


def png(size: int, rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    data = zlib.compress(b"".join(rows), 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def main() -> None:
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
    ]:
        (OUT / name).write_bytes(png(size, draw(size, maskable)))
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
