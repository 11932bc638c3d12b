"""`make screenshots`: every page each partner can reach, at 390 and 1280 px, to look at.

Not part of `make test` (pytest only collects test_*.py unless a file is named
on the command line, as the Makefile does). The couple is the sweep's: the
demo couple with long words in everything they wrote, Ben with a second
factor; the pages are found the same way, by following every link.

The pictures land in test-output/screenshots/pages/<who>/, one full-page PNG
per page and width, named after the page's address, with an index.html that
shows them side by side.
"""

import html
import re

import pytest
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import OUTPUT
from tests.browser.helpers import log_in
from tests.browser.sweep import DESKTOP, PHONE, World, build_world, crawl, settled
from tests.browser.test_sweep import ACCOUNT_PAGES, second_factor

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = OUTPUT / "screenshots" / "pages"


@pytest.fixture
def world() -> World:
    return build_world()


def slug(url: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", url).strip("-") or "home"


def shoot(page: Page, base: str, who: str, url: str) -> list[str]:
    names = []
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        page.goto(base + url)
        settled(page)
        name = f"{slug(url)}-{size['width']}.png"
        page.screenshot(path=str(SHOTS / who / name), full_page=True)
        names.append(name)
    return names


def write_index(who: str, shots: dict[str, list[str]]) -> None:
    rows = "\n".join(
        f"<h2>{html.escape(url)}</h2><p>"
        + "".join(f'<img src="{n}" alt="{html.escape(url)}" width="390">' for n in names)
        + "</p>"
        for url, names in shots.items()
    )
    (SHOTS / who / "index.html").write_text(
        f"<!doctype html><meta charset=utf-8><title>{who}</title><h1>{who}</h1>\n{rows}\n"
    )


@pytest.mark.parametrize("who", ["ana", "ben"])
def test_screenshots_of_every_page(
    live_server: LiveServer, new_page, world: World, who: str
) -> None:
    base = live_server.url
    person = getattr(world, who)
    page = new_page(who)
    log_in(page, base, person.email)
    if who == "ben":
        second_factor(person)
    (SHOTS / who).mkdir(parents=True, exist_ok=True)
    shots = {url: shoot(page, base, who, url) for url in crawl(page, base, ["/", *ACCOUNT_PAGES])}
    write_index(who, shots)
    print(f"{who}: {len(shots)} pages, {2 * len(shots)} pictures in {SHOTS / who}")
    assert len(shots) > 60
