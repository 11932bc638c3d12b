"""closeknit/api/ holds what is API-wide (authentication, errors, schemas) and never a feature.

Feature apps import `closeknit.api.auth` and `closeknit.api.errors` to declare
their operations; the API root that adds every feature's router lives next to
the URL map (closeknit/api_root.py). If a module here imported a feature app,
the two would import each other.
"""

import ast
import tempfile
from pathlib import Path
from unittest import TestCase

from closeknit.lib.features import FEATURES

API = Path(__file__).resolve().parents[1]

# Modules here that may import a feature app, and why (none since the coach's
# operation moved to closeknit/coaching).
ALLOWED: dict[str, str] = {}


def imported(path: Path) -> set[str]:
    """Every module `path` imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def features_imported(path: Path) -> set[str]:
    return {
        name
        for name in imported(path)
        for feature in FEATURES
        if name == f"closeknit.{feature}" or name.startswith(f"closeknit.{feature}.")
    }


class LayeringTestCase(TestCase):
    def test_no_module_of_the_api_package_imports_a_feature_app(self) -> None:
        modules = sorted(API.rglob("*.py"))
        self.assertGreater(len(modules), 5)
        problems = {
            str(path.relative_to(API)): sorted(found)
            for path in modules
            if str(path.relative_to(API)) not in ALLOWED and (found := features_imported(path))
        }
        self.assertEqual(problems, {})

    def test_the_check_sees_every_form_of_import(self) -> None:
        source = (
            "import closeknit.talk\n"
            "from closeknit.dates import api\n"
            "from closeknit import checkin\n"
            "def late():\n"
            "    from closeknit.rituals.models import Ritual\n"
        )
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "module.py"
            path.write_text(source)
            found = features_imported(path)
        self.assertEqual(
            found,
            {
                "closeknit.talk",
                "closeknit.dates",
                "closeknit.dates.api",
                "closeknit.checkin",
                "closeknit.rituals.models",
                "closeknit.rituals.models.Ritual",
            },
        )
