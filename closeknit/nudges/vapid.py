"""VAPID keys for Web Push: generated on first use, kept in the data directory."""

import base64
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from py_vapid import Vapid01


def _path() -> Path:
    return Path(settings.DATA_DIR) / "vapid_private.pem"


@cache
def keys() -> Vapid01:
    path = _path()
    if not path.exists():
        vapid = Vapid01()
        vapid.generate_keys()
        vapid.save_key(str(path))
        path.chmod(0o600)
    return Vapid01.from_file(str(path))


def public_key() -> str:
    """The applicationServerKey a browser subscribes with (base64url, uncompressed point)."""
    raw = keys().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def private_key_path() -> str:
    keys()
    return str(_path())
