from django.apps import AppConfig
from django.contrib.staticfiles.apps import StaticFilesConfig as BaseStaticFilesConfig


class LibConfig(AppConfig):
    """Shared code, the layout templates and the project-wide commands."""

    name = "closeknit.lib"
    label = "lib"


class StaticFilesConfig(BaseStaticFilesConfig):
    """Static files without source maps and the unused ReDoc bundle.

    `closeknit serve` runs collectstatic at every start; skipping these keeps
    it to seconds instead of compressing megabytes nobody downloads.
    """

    ignore_patterns = [*BaseStaticFilesConfig.ignore_patterns, "*.map", "redoc*"]
