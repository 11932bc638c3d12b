"""Files a process creates once and every later process reads (no Django here)."""

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def made_once(path: Path, make: Callable[[], str]) -> str:
    """The file's text, written first from make() when the file does not exist yet.

    Written whole under a temporary name (owner-only), then linked into place:
    processes starting at once on a fresh data directory (`closeknit serve`
    with several workers) all end up with the first one's value, and none
    reads a half-written file.
    """
    if not path.exists():
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "w") as f:
                f.write(make())
            # Fails when another process was first: everyone uses its value.
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    return path.read_text()
