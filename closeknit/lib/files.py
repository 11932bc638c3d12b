"""Files a process creates once and every later process reads (no Django here)."""

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

# What each file looked like when this process last read it with read_tracked().
_seen: dict[str, tuple[int, int, int, int]] = {}


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


def replace(path: Path, text: str) -> None:
    """Write the whole file under a temporary name (owner-only), then rename it into place.

    A reader opens either the old file or the new one, never half of one, and
    a crash part-way leaves the old file as it was.
    """
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """One process at a time changes `path`, so two read-modify-writes never lose one's change.

    The lock is on the directory: the file itself is replaced by each change,
    so a lock on it would be a lock on a file that no longer has the name.
    """
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def read_tracked(path: Path) -> str:
    """The file's text; changed(path) tells later whether another process replaced it since."""
    with open(path) as f:
        _seen[os.path.abspath(path)] = _version(os.fstat(f.fileno()))
        return f.read()


def changed(path: Path) -> bool:
    """Whether `path` differs from what this process last read with read_tracked().

    False for a file it never read that way: only the files a process took
    its configuration from are worth reading again.
    """
    seen = _seen.get(os.path.abspath(path))
    if seen is None:
        return False
    try:
        return _version(os.stat(path)) != seen
    except FileNotFoundError:
        return False


def _version(st: os.stat_result) -> tuple[int, int, int, int]:
    # A replaced file is a new inode; a file edited in place changes its time or size.
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def key_lines(text: str) -> list[str]:
    """The keys in a key file's text: one a line, blank lines and `#` comments skipped."""
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]
