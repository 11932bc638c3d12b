"""Every page, for every kind of person, at 320, 390 and 1280 px: nothing scrolls
sideways, and axe-core finds nothing critical or serious (tests/browser/sweep.py).

The couple is the demo couple with long words and addresses in everything they
wrote; each partner crawls every page linked from anywhere, answers a few
forms wrongly (the error states), and makes the htmx swaps (each swap is
swept too, and the `new_page` fixture fails the test on any
Content-Security-Policy complaint, inline styles from a swap included).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.template.loader import render_to_string
from playwright.sync_api import Page, Route
from pytest_django.live_server_helper import LiveServer

from closeknit.accounts.models import User
from tests.browser.conftest import OUTPUT
from tests.browser.helpers import htmx_settled, log_in
from tests.browser.sweep import Sweep, World, build_world, crawl, report

pytestmark = pytest.mark.django_db(transaction=True)

REPORTS = OUTPUT / "sweep"
POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"


@pytest.fixture
def world() -> World:
    return build_world()


@dataclass
class WrongForm:
    """A form sent empty (or wrong), to sweep its error state."""

    url: str
    button: str | re.Pattern[str]
    fill: dict[str, str] | None = None


# Forms whose error states each partner sees: every field emptied, then sent.
PAIRED_ERRORS = [
    WrongForm("/appreciate/new/", re.compile(r"^Send to ")),
    WrongForm("/check-in/?edit=1", re.compile(r"^(Check in|Save changes)$")),
    WrongForm("/support/", re.compile(r"^Let .* know$")),
    WrongForm("/dates/new/", re.compile(r"^Send to ")),
    WrongForm("/dreams/new/", "Save"),
    WrongForm("/talk/time/", "Suggest"),
    WrongForm("/intentions/?edit=1", re.compile(r"^Save")),
    WrongForm("/fun/", "Put it in the jar"),
    WrongForm("/settings/", "Save"),
    WrongForm("/settings/tokens/", re.compile(r"^(Make|Create)")),
    WrongForm("/settings/delete/", re.compile(r"^Delete")),
    WrongForm("/us/unpair/", "Unpair"),
    WrongForm("/accounts/password/change/", re.compile(r"^Change")),
    WrongForm("/accounts/email/", re.compile(r"^Add")),
]
VISITOR_ERRORS = [
    WrongForm("/accounts/login/", re.compile(r"^(Log in|Sign In)$")),
    WrongForm("/accounts/signup/", re.compile(r"^(Create (my|an) account|Sign Up)$")),
    WrongForm("/accounts/password/reset/", re.compile(r"^(Send|Reset)")),
]
UNPAIRED_ERRORS = [WrongForm("/pair/", "Continue", {"code": "NOPE-NOPE"})]


def send_wrong(page: Page, base: str, wrong: WrongForm) -> None:
    page.goto(base + wrong.url)
    htmx_settled(page)
    main = page.locator("main")
    button = main.get_by_role("button", name=wrong.button, include_hidden=True).first
    # Empty every field of that form (the browser's own checks off), then send.
    button.evaluate(_EMPTY_FORM, wrong.fill or {})
    with page.expect_navigation() if not button.evaluate(_IS_HTMX) else _nothing():
        button.click()
    htmx_settled(page)


_EMPTY_FORM = """(button, fill) => {
  const form = button.form;
  form.noValidate = true;
  for (let d = button.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  for (const el of form.elements) {
    if (el.type === "hidden" || el.tagName === "BUTTON") continue;
    if (el.name in fill) { el.value = fill[el.name]; continue; }
    if (el.type === "radio" || el.type === "checkbox") el.checked = false;
    else if (el.tagName === "SELECT") el.selectedIndex = -1;
    else el.value = "";
  }
}"""
_IS_HTMX = "button => button.form.hasAttribute('hx-post')"


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def sweep_errors(sweep: Sweep, page: Page, base: str, wrongs: list[WrongForm]) -> None:
    for wrong in wrongs:
        send_wrong(page, base, wrong)
        sweep.check(page, f"{wrong.url} (sent wrong)")


# --- swaps: each htmx swap a partner makes, then the page swept as it stands ---------


def swaps(page: Page, base: str) -> list[tuple[str, Callable[[], None]]]:
    def ritual_on_home() -> None:
        page.goto(base + "/")
        htmx_settled(page)
        page.locator("#today-rituals button.ritual-toggle").first.click()

    def coach_on_appreciation() -> None:
        page.goto(base + "/appreciate/new/")
        htmx_settled(page)
        page.locator("main textarea").first.fill("You fixed the bike but you were late again.")
        page.locator("#appreciation-coach :first-child").first.wait_for()

    def jar() -> None:
        page.goto(base + "/fun/")
        htmx_settled(page)
        page.get_by_role("button", name=re.compile("jar")).first.click()

    def history_search() -> None:
        page.goto(base + "/talk/history/")
        htmx_settled(page)
        page.get_by_role("searchbox").fill("you")

    def ritual_week() -> None:
        page.goto(base + "/rituals/")
        htmx_settled(page)
        page.locator("button.day").first.click()

    def react() -> None:
        page.goto(base + "/appreciate/")
        htmx_settled(page)
        page.locator("form.reactions button").first.click()

    return [
        ("/ after a ritual tap", ritual_on_home),
        ("/appreciate/new/ with the coach", coach_on_appreciation),
        ("/fun/ after the jar", jar),
        ("/talk/history/ searched", history_search),
        ("/rituals/ after a day tap", ritual_week),
        ("/appreciate/ after a reaction", react),
    ]


def sweep_swaps(sweep: Sweep, page: Page, base: str) -> None:
    for where, act in swaps(page, base):
        act()
        htmx_settled(page)
        sweep.check(page, where)


# --- the personas ----------------------------------------------------------------------


def second_factor(user: User) -> None:
    """An authenticator app, recovery codes and a passkey, to sweep their pages."""
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    credential = {"clientExtensionResults": {"credProps": {"rk": True}}}
    Authenticator.objects.create(
        user=user,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "Phone", "credential": credential},
    )


ACCOUNT_PAGES = [
    "/settings/export/page/",
    "/accounts/sessions/",
    "/accounts/reauthenticate/",
    "/paths/history/",
]


def assert_clean(sweep: Sweep) -> None:
    report([sweep], REPORTS / f"{sweep.who}.json")
    failures = sweep.failures()
    lines = [f"{f.where} @{f.width}: {f.rule} ({f.impact}) {f.detail}" for f in failures]
    assert not failures, f"{len(failures)} findings on {sweep.pages} pages:\n" + "\n".join(lines)


@pytest.mark.parametrize("who", ["ana", "ben"])
def test_every_page_of_each_partner_fits_320px_and_passes_axe(
    live_server: LiveServer, new_page, world: World, who: str
) -> None:
    base = live_server.url
    person = getattr(world, who)
    page = new_page(who)
    log_in(page, base, person.email)
    if who == "ben":
        second_factor(person)
    sweep = Sweep(who)
    for url in crawl(page, base, ["/", *ACCOUNT_PAGES]):
        sweep.visit(page, base, url)
    sweep_errors(sweep, page, base, PAIRED_ERRORS)
    sweep_swaps(sweep, page, base)
    assert sweep.pages > 60
    assert_clean(sweep)


def test_every_page_of_someone_not_paired_yet_fits_and_passes_axe(
    live_server: LiveServer, new_page, world: World
) -> None:
    base = live_server.url
    page = new_page("eli")
    log_in(page, base, world.eli.email)
    sweep = Sweep("eli")
    for url in crawl(page, base, ["/", "/settings/export/page/", "/accounts/sessions/"]):
        sweep.visit(page, base, url)
    sweep_errors(sweep, page, base, UNPAIRED_ERRORS)
    assert sweep.pages > 10
    assert_clean(sweep)


def test_every_page_a_visitor_sees_fits_and_passes_axe(
    live_server: LiveServer, new_page, world: World
) -> None:
    base = live_server.url
    page = new_page("visitor")
    sweep = Sweep("visitor")
    key = default_token_generator.make_token(world.eli)
    starts = [
        "/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        f"/accounts/password/reset/key/{user_pk_to_url_str(world.eli)}-{key}/",
        world.invite_url,
    ]
    for url in crawl(page, base, starts):
        sweep.visit(page, base, url)
    for url in ("/pair/no-such-invite/", "/no-such-page/"):
        sweep.visit(page, base, url)
    for name in ("403", "429", "500"):
        sweep.check(page, f"{name}.html", lambda name=name: error_page(page, base, name))
    sweep_errors(sweep, page, base, VISITOR_ERRORS)
    assert sweep.pages > 10
    assert_clean(sweep)


def error_page(page: Page, base: str, name: str) -> None:
    """Our error page as the server sends it, at an address of the live site (so its
    styles load and its policy applies)."""
    html = render_to_string(f"{name}.html")
    url = f"{base}/__error-{name}/"

    def fulfil(route: Route) -> None:
        headers = {"Content-Security-Policy": POLICY}
        route.fulfill(status=int(name), body=html, content_type="text/html", headers=headers)

    page.route(url, fulfil)
    page.goto(url)
