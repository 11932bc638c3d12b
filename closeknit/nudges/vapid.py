"""VAPID keys for Web Push: generated on first use, kept in the data directory."""

import base64
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from py_vapid import Vapid01

from closeknit.lib.files import made_once


def _path() -> Path:
    return Path(settings.DATA_DIR) / "vapid_private.pem"


@cache
def keys() -> Vapid01:
    return Vapid01.from_pem(made_once(_path(), _new_private_pem).encode())


def _new_private_pem() -> str:
    vapid = Vapid01()
    vapid.generate_keys()
    pem: bytes = vapid.private_pem()
    return pem.decode()


def public_key() -> str:
    """The applicationServerKey a browser subscribes with (base64url, uncompressed point)."""
    raw = keys().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def private_key_path() -> str:
    keys()
    return str(_path())
