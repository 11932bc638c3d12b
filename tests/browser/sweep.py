"""The page sweep: every page a person can reach, checked for layout and accessibility.

`crawl()` follows every same-site link from a few starting pages, the way a
curious person would, so a new page is swept the day it is linked from
anywhere. Each page is checked at three widths:

- 320 px: nothing may scroll sideways, and nothing may stick out of the page
  (nor at 1000 px, the widest the tab bar serves);
- 390 px (a phone) and 1280 px (a laptop): axe-core's WCAG 2.2 A/AA and
  best-practice rules.

axe-core comes from npm (package-lock.json). The pages forbid inline scripts
(Content-Security-Policy), and Playwright's `add_script_tag` is refused like
any other inline script, so axe is evaluated through the DevTools protocol
(`page.evaluate`), which a page's policy does not govern. The page itself
keeps its policy, so a violation of the page's own still fails the test.
"""

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db import models
from playwright.sync_api import Page

from closeknit.accounts.models import User
from closeknit.couples.demo import create_demo_couple
from closeknit.couples.models import Couple
from closeknit.test import PASSWORD
from tests.browser.helpers import htmx_settled

NARROW = {"width": 320, "height": 700}
TABLET = {"width": 1000, "height": 800}  # just below where the full top bar takes over
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Minor and moderate findings we keep, each with the reason. Anything critical
# or serious always fails, and so does any other rule.
ACCEPTED: dict[str, str] = {}

# Links the sweep does not follow: files and feeds, the API and the admin,
# signing out (a form, but allauth also answers GET with a page that signs
# nobody out; skipped so the crawl keeps its session), one-click unsubscribe,
# and confirming with a passkey (the sweep's passkey is not a real one;
# test_passkeys.py signs in with a real one).
NOT_PAGES = re.compile(
    r"^/(static|api|admin)/|^/(sw\.js|manifest\.webmanifest)$|/logout/|\.ics$"
    r"|^/settings/export/$|/unsubscribe/|/recovery-codes/download/|/webauthn/reauthenticate/"
)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# Long words and addresses, as people paste them: nothing may push a page wider.
LONG = (
    " Supercalifragilisticexpialidociouslyandthensomemorewithoutanybreak"
    " https://example.org/a/really/long/address/that/keeps/going/without/a/single/break"
    "?with=query&and=more&until=the-end"
)
# Text fields that hold codes, keys or addresses, not words a person wrote.
NOT_WORDS = {
    "key",
    "digest",
    "secret",
    "token",
    "url",
    "endpoint",
    "p256dh",
    "auth",
    "code",
    "choice",
    "kept_feedback",
}


# --- the people and what they wrote ----------------------------------------------------


@dataclass
class World:
    ana: User
    ben: User
    couple: Couple
    eli: User
    invite_url: str


def build_world() -> World:
    """The demo couple (a little of everything), with long words in all they wrote,
    and Eli, who is not paired yet and has an invite open."""
    from closeknit.couples import invites
    from closeknit.test import make_user

    couple, ana, ben = create_demo_couple()
    for person in (ana, ben):
        person.set_password(PASSWORD)
        person.save(update_fields=["password"])
    ben.display_name = "Bartholomew-Maximilian"
    ben.save(update_fields=["display_name"])
    lengthen(couple)
    eli = make_user("eli")
    invite = invites.create_invite(eli)
    return World(ana, ben, couple, eli, f"/pair/{invite.token}/")


def lengthen(couple: Couple) -> None:
    """Append LONG to every free text the couple and its partners wrote."""
    from tests.trust.world import owned_models, rows_of

    for model in owned_models():
        for obj in rows_of(model, couple):
            _lengthen(obj)


def _lengthen(obj: models.Model) -> None:
    names = []
    for f in obj._meta.concrete_fields:
        if not _holds_words(f):
            continue
        value = getattr(obj, f.attname) or ""
        if not value:
            continue
        setattr(obj, f.attname, (value + LONG)[: f.max_length or None])
        names.append(f.attname)
    if names:
        obj.save(update_fields=names)


def _holds_words(f: models.Field) -> bool:
    if not isinstance(f, models.CharField | models.TextField) or f.choices:
        return False
    if f.name in NOT_WORDS or f.model._meta.label == "nudges.Notification":
        return False
    return f.max_length is None or f.max_length >= 100


# --- visiting pages --------------------------------------------------------------------


def log_in_as(page: Page, base: str, email: str) -> None:
    from tests.browser.helpers import log_in

    log_in(page, base, email)


def crawl(page: Page, base: str, starts: Iterable[str], per_pattern: int = 2) -> list[str]:
    """Every page reachable by links from `starts`, at most `per_pattern` of each shape.

    A shape is the path with identifiers replaced and the query's names kept:
    /dates/<id>/ is one shape, /rituals/?week=... another. Every page reached
    must answer below 400: a link to a broken page fails the sweep too.
    """
    queue = list(starts)
    seen: set[str] = set()
    shapes: dict[str, int] = {}
    pages: list[str] = []
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        shape = _shape(url)
        shapes[shape] = shapes.get(shape, 0) + 1
        if shapes[shape] > (per_pattern if "<id>" in shape else 1):
            continue
        response = page.goto(base + url)
        assert response is not None and response.status < 400, f"{url}: {response}"
        landed = _local(page.url, base)
        if landed != url and landed in seen:
            continue
        seen.add(landed)
        pages.append(landed)
        queue.extend(u for u in links(page, base) if u not in seen)
    return pages


def _shape(url: str) -> str:
    parts = urlsplit(url)
    names = sorted({pair.split("=")[0] for pair in parts.query.split("&") if pair})
    return UUID.sub("<id>", parts.path) + ("?" + "&".join(names) if names else "")


def _local(url: str, base: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def links(page: Page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    host = urlsplit(base).netloc
    found = []
    for href in hrefs:
        parts = urlsplit(urljoin(page.url, href))
        if parts.netloc != host or parts.scheme not in ("http", "https"):
            continue
        if NOT_PAGES.search(parts.path):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


# --- checks ----------------------------------------------------------------------------


@dataclass
class Finding:
    who: str
    where: str
    width: int
    rule: str
    impact: str
    detail: str


@dataclass
class Sweep:
    """What every check of one persona found."""

    who: str
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0

    def check(self, page: Page, where: str, load: Callable[[], object] | None = None) -> None:
        """Overflow at 320 px, then axe at phone and desktop width, on the page as it is.

        `load` (re)opens the page at 320 px first; without it the page is
        checked as it stands (after a swap or a form's answer), narrowed in place.
        """
        self.pages += 1
        page.set_viewport_size(NARROW)
        if load is not None:
            load()
        settled(page)
        for problem in overflow(page):
            self.findings.append(Finding(self.who, where, 320, "overflow", "serious", problem))
        page.set_viewport_size(TABLET)
        for problem in overflow(page):
            self.findings.append(Finding(self.who, where, 1000, "overflow", "serious", problem))
        for size in (PHONE, DESKTOP):
            page.set_viewport_size(size)
            for v in axe(page):
                self.findings.append(
                    Finding(self.who, where, size["width"], v["id"], v["impact"], _nodes(v))
                )
        page.set_viewport_size(PHONE)

    def visit(self, page: Page, base: str, url: str) -> None:
        self.check(page, url, lambda: page.goto(base + url))

    def failures(self) -> list[Finding]:
        return [
            f
            for f in self.findings
            if f.impact in ("critical", "serious") or f.rule not in ACCEPTED
        ]


def settled(page: Page) -> None:
    """Loaded, and htmx idle where the page uses htmx."""
    if page.locator("script[src*=htmx]").count():
        htmx_settled(page)
    else:
        page.wait_for_load_state("load")


def overflow(page: Page) -> list[str]:
    """What makes the page wider than the window, if anything."""
    return page.evaluate(_OVERFLOW)


_OVERFLOW = r"""() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide`);
  }
  // Anything sticking out on the right, unless it sits inside its own scroll
  // area (a table that scrolls) or is hidden on purpose.
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  const sticksOut = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  };
  for (const el of document.body.querySelectorAll("*")) {
    // The outermost culprit only: what it holds sticks out with it.
    if (!sticksOut(el) || clipped(el) || sticksOut(el.parentElement)) continue;
    const box = el.getBoundingClientRect();
    const classes = typeof el.className === "string" ? el.className.trim().split(/\s+/) : [];
    const name = [el.tagName.toLowerCase() + (el.id ? "#" + el.id : ""), ...classes].join(".");
    const words = el.textContent.trim().replace(/\s+/g, " ").slice(0, 60);
    problems.push(`${name} reaches ${Math.round(box.right)}px: ${words}`);
    if (problems.length > 5) break;
  }
  return problems;
}"""


@cache
def _axe_source() -> str:
    return (Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js").read_text()


def axe(page: Page) -> list[dict]:
    """axe-core's violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("options => axe.run(document, options)", options)
    return result["violations"]


def _nodes(violation: dict) -> str:
    nodes = violation["nodes"][:3]
    return "; ".join(f"{n['target']} {n['html'][:120]}" for n in nodes)


def report(sweeps: Iterable[Sweep], path: Path) -> dict[str, int]:
    """Totals by impact (one per rule, page and width), written next to the screenshots."""
    totals = {"critical": 0, "serious": 0, "moderate": 0, "minor": 0}
    rows = []
    for sweep in sweeps:
        for f in sweep.findings:
            totals[f.impact] = totals.get(f.impact, 0) + 1
            rows.append(f.__dict__)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"totals": totals, "findings": rows}, indent=1))
    return totals
