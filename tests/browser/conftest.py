"""Browser tests: Playwright driving Debian's Chromium against a live server.

Never `playwright install`: the browser is /usr/bin/chromium (or $CHROMIUM).
Each partner gets their own browser context, at a phone's width first.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls that
# tests make alongside it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Waiting, not timing: on a busy two-core CI machine (the database server, the
# browser and the suite on the same cores) a debounced htmx round trip through
# the coach can take longer than Playwright's default five seconds.
expect.set_options(timeout=15_000)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Page]]:
    """new_page("ana") opens a fresh context (own cookies) for one partner.

    Every page also listens for Content-Security-Policy violations: a page that
    needed an inline script or style fails the test.
    """
    contexts: dict[str, BrowserContext] = {}
    violations: list[str] = []

    def make(name: str) -> Page:
        context = browser.new_context(viewport=PHONE)
        context.set_default_timeout(10_000)
        contexts[name] = context
        page = context.new_page()
        page.on("console", lambda msg: _record_csp(msg.text, violations))
        return page

    yield make
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        OUTPUT.mkdir(exist_ok=True)
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        for name, context in contexts.items():
            for i, page in enumerate(context.pages):
                page.screenshot(path=str(OUTPUT / f"{slug}-{name}-{i}.png"), full_page=True)
    for context in contexts.values():
        context.close()
    assert not violations, f"Content-Security-Policy violations: {violations}"


def _record_csp(text: str, violations: list[str]) -> None:
    if "Content Security Policy" in text:
        violations.append(text)
