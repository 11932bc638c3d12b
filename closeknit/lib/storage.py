from whitenoise.storage import CompressedManifestStaticFilesStorage

_CSS, _CSS_PATTERNS = CompressedManifestStaticFilesStorage.patterns[0]


class StaticStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]  # untyped
    """Hashed, compressed static files, minus Django's source-map rewriting.

    Source maps are not collected (see lib/apps.py), so the `sourceMappingURL`
    comments in vendor files are left as they are instead of failing the build.
    Only the CSS url() and @import rewriting is kept.
    """

    patterns = ((_CSS, tuple(p for p in _CSS_PATTERNS if "sourceMappingURL" not in str(p))),)
