"""Closeknit can be installed on a phone's home screen, and says so kindly when offline.

Chromium's own installability check (DevTools' Page.getInstallabilityErrors)
runs in a real profile: in a private (incognito) context it refuses any site.
"""

import struct
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def test_chromium_finds_it_installable_and_it_shows_the_offline_page(
    live_server: LiveServer, browser: Browser, tmp_path: Path
) -> None:
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=PHONE
    )
    complaints: list[str] = []
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.on(
            "console", lambda msg: complaints.append(msg.text) if msg.type == "error" else None
        )
        page.goto(live_server.url)
        assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active !== null)")
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getAppManifest")["errors"] == []
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []

        context.set_offline(True)
        page.goto(f"{live_server.url}/talk/")
        expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
        assert (
            page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"
        )
    finally:
        context.close()
    assert not [c for c in complaints if "Content Security Policy" in c], complaints


def test_the_manifest_names_icons_that_exist_at_their_sizes() -> None:
    data = Client().get("/manifest.webmanifest").json()
    assert (data["display"], data["start_url"]) == ("standalone", "/")
    sizes = {icon["sizes"]: icon for icon in data["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= set(sizes)
    assert any(icon.get("purpose") == "maskable" for icon in data["icons"])
    for icon in data["icons"]:
        if icon["type"] != "image/png":
            continue
        path = finders.find(icon["src"].removeprefix("/static/"))
        width, height = struct.unpack(">II", Path(path).read_bytes()[16:24])
        assert f"{width}x{height}" == icon["sizes"]
