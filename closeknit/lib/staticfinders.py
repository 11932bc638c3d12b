"""Front-end packages from npm, served by Django's static files.

Only the few built files the pages use are exposed (not whole package
folders), so collectstatic copies and compresses a handful of files instead of
tens of megabytes of source maps and variants.
"""

from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

# URL path under STATIC_URL -> path inside node_modules (installed by `npm ci`).
VENDOR_FILES = {
    "vendor/htmx/htmx.min.js": "htmx.org/dist/htmx.min.js",
    "vendor/chart.js/chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "vendor/pico/pico.pink.min.css": "@picocss/pico/css/pico.pink.min.css",
}


class NodeModulesFinder(BaseFinder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.storage = FileSystemStorage(location=settings.NODE_MODULES)

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:
        source = VENDOR_FILES.get(path)
        if source is None:
            return [] if find_all else ""
        full = str(settings.NODE_MODULES / source)
        return [full] if find_all else full

    def list(
        self, ignore_patterns: Iterable[str] | None
    ) -> Iterator[tuple[str, FileSystemStorage]]:
        for path, source in VENDOR_FILES.items():
            yield path, _Renamed(source, path, self.storage)


class _Renamed(FileSystemStorage):
    """Storage that opens `source` when collectstatic asks for `path`."""

    def __init__(self, source: str, path: str, base: FileSystemStorage) -> None:
        super().__init__(location=base.location)
        self._source, self._path = source, path

    def open(self, name: str, mode: str = "rb") -> Any:
        return super().open(self._source if name == self._path else name, mode)

    def path(self, name: str) -> str:
        return super().path(self._source if name == self._path else name)
