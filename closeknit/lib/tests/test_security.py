import os
import re
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

from closeknit.test import BaseTestCase

# Inline <script> bodies and on*="..." handlers are what a strict CSP forbids.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


class SecurityHeadersTestCase(BaseTestCase):
    def test_pages_send_a_strict_csp_and_security_headers(self) -> None:
        r = self.client_for(self.ana).get(reverse("home"))
        csp = r["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertEqual(r["X-Frame-Options"], "DENY")
        self.assertEqual(r["X-Content-Type-Options"], "nosniff")
        self.assertIn("camera=()", r["Permissions-Policy"])

    def test_pages_have_no_inline_scripts(self) -> None:
        pages = [
            (None, "home"),
            (None, "account_login"),
            (None, "account_signup"),
            (self.eli, "pair"),
            (self.ana, "home"),
            (self.ana, "us"),
            (self.ana, "settings"),
            (self.ana, "tokens"),
            (self.ana, "export"),
            (self.ana, "delete_account"),
        ]
        for user, name in pages:
            client = self.client_for(user) if user else self.client
            html = client.get(reverse(name)).content.decode()
            with self.subTest(page=name):
                self.assertIsNone(INLINE_SCRIPT.search(html))
                self.assertIsNone(INLINE_HANDLER.search(html))

    def test_forms_need_a_csrf_token(self) -> None:
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(self.eli)
        r = client.post(reverse("create_invite"))
        self.assertEqual(r.status_code, 403)


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "closeknit.settings",
        "DEBUG": "0",
        "SITE_URL": "https://closeknit.example.org",
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
        "DATA_DIR": str(tmp_path),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process
    out = subprocess.run(
        [sys.executable, "-m", "closeknit.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no issues" in out.stdout


def test_the_secret_key_is_kept_in_the_data_directory(tmp_path: Path) -> None:
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "closeknit.settings"}
    env.pop("SECRET_KEY", None)
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    runs = [
        subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and len(runs[0].strip()) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


class NulCharacterTestCase(BaseTestCase):
    """PostgreSQL cannot store NUL; it is refused with a clear 400, on both databases."""

    def test_a_nul_in_a_query_string_is_refused(self) -> None:
        r = self.client_for(self.ana).get(reverse("talk:history"), {"q": "rain\x00"})
        self.assertEqual(r.status_code, 400)
        self.assertIn(b"NUL character", r.content)

    def test_a_nul_in_json_text_is_refused_and_nothing_is_stored(self) -> None:
        from closeknit.talk import prompts
        from closeknit.talk.models import Answer

        question = prompts.todays_question(self.couple)
        r = self.client_for(self.ana).put(
            f"/api/v1/talk/questions/{question.pk}/answer",
            {"text": "I felt\x00 seen."},
            content_type="application/json",
        )
        self.assertEqual(r.status_code, 400)
        self.assertIn("NUL character", r.json()["detail"])
        self.assertFalse(Answer.objects.filter(question=question).exists())

    def test_text_without_a_nul_goes_through(self) -> None:
        r = self.client_for(self.ana).get(reverse("talk:history"), {"q": "rain"})
        self.assertEqual(r.status_code, 200)


def site_url_with(tmp_path: Path, **variables: str) -> str:
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "closeknit.settings"}
    for name in ("SITE_URL", "HOST", "PORT"):
        env.pop(name, None)
    env.update(variables)
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_links_follow_host_and_port_when_site_url_is_not_set(tmp_path: Path) -> None:
    """E-mail links, .ics URLs and invite links name the address the app really serves."""
    assert site_url_with(tmp_path) == "http://127.0.0.1:8000"
    assert site_url_with(tmp_path, PORT="8102") == "http://127.0.0.1:8102"
    assert site_url_with(tmp_path, HOST="localhost", PORT="8102") == "http://localhost:8102"
    assert site_url_with(tmp_path, HOST="0.0.0.0", PORT="9000") == "http://127.0.0.1:9000"
    assert site_url_with(tmp_path, PORT="8102", SITE_URL="https://us.example.org/") == (
        "https://us.example.org"
    )
