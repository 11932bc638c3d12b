"""The main flows with the keyboard alone: Tab, Shift+Tab, Enter, Space and arrows.

Every control is reached in the page's tab order (never by a click or a
`focus()` call), and whatever has focus shows a ring a person can see.
"""

import pytest
from playwright.sync_api import Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.appreciate.models import Appreciation
from closeknit.checkin.models import Checkin
from closeknit.talk.models import Answer
from closeknit.test import PASSWORD, make_couple

pytestmark = pytest.mark.django_db(transaction=True)

MOST_TABS = 80  # more than any page here needs; a control past it is unreachable


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until `target` has focus, and check its focus ring shows."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            assert has_ring(page), f"no visible focus ring on {target}"
            return
    raise AssertionError(f"{target} is not reachable with Tab")


def has_ring(page: Page) -> bool:
    """An outline of at least 2 px that is not transparent, or a box-shadow ring."""
    return page.evaluate(
        """() => {
          const s = getComputedStyle(document.activeElement);
          const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2
            && s.outlineColor !== "rgba(0, 0, 0, 0)";
          return outline || (s.boxShadow && s.boxShadow !== "none");
        }"""
    )


def type_into(page: Page, field: Locator, text: str) -> None:
    tab_to(page, field)
    page.keyboard.type(text)


def test_a_partner_signs_in_answers_appreciates_and_checks_in_by_keyboard(
    live_server: LiveServer, new_page
) -> None:
    ana_user, _, couple = make_couple("ana", "ben")
    base = live_server.url
    ana = new_page("ana")

    ana.goto(f"{base}/accounts/login/")
    type_into(ana, ana.get_by_label("Email"), "ana@example.org")
    type_into(ana, ana.get_by_label("Password"), PASSWORD)
    ana.keyboard.press("Enter")
    expect(ana.get_by_role("heading", name="Hello, Ana")).to_be_visible()

    # The first Tab finds the skip link; it moves focus into the page's content.
    ana.keyboard.press("Tab")
    skip = ana.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    ana.keyboard.press("Enter")
    expect(ana.locator("main")).to_be_focused()

    # The tab bar, by keyboard: on to Talk, and the daily question answered.
    tab_to(ana, ana.get_by_role("navigation", name="Main").last.get_by_role("link", name="Talk"))
    ana.keyboard.press("Enter")
    ana.wait_for_url(f"{base}/talk/")
    type_into(ana, ana.get_by_label("Your answer"), "The smell of rain on the balcony.")
    tab_to(ana, ana.get_by_role("button", name="Share my answer"))
    ana.keyboard.press("Enter")
    expect(ana.locator(".answer-text")).to_contain_text("balcony")
    assert Answer.objects.get(author=ana_user).text == "The smell of rain on the balcony."

    # An appreciation, its three parts typed and sent with Enter on the button.
    ana.goto(f"{base}/appreciate/new/")
    type_into(ana, ana.get_by_label("What you did"), "You carried the shopping up four floors.")
    type_into(ana, ana.get_by_label("How it affected me"), "I could sit down for once.")
    type_into(ana, ana.get_by_label("What it shows about you"), "You notice when I'm tired.")
    tab_to(ana, ana.get_by_role("button", name="Send to Ben"))
    ana.keyboard.press("Enter")
    expect(ana.get_by_text("You carried the shopping up four floors.")).to_be_visible()
    assert Appreciation.objects.filter(couple=couple, author=ana_user).count() == 1

    # The check-in: each scale is a radio group, chosen with the arrow keys.
    ana.goto(f"{base}/check-in/")
    tab_to(ana, ana.locator("input[name=closeness]").first)
    for _ in range(4):
        ana.keyboard.press("ArrowRight")
    expect(ana.locator("input[name=closeness]").nth(4)).to_be_checked()
    for scale in ana.locator("fieldset.scale").all():
        tab_to(ana, scale.locator("input[type=radio]").first)
        for _ in range(5):
            ana.keyboard.press("ArrowRight")
    tab_to(ana, ana.locator("input[name=mood]").first)
    good = ana.get_by_role("radio", name="Good", exact=True)
    for _ in range(10):
        if good.is_checked():
            break
        ana.keyboard.press("ArrowRight")
    expect(good).to_be_checked()
    fun = ana.get_by_role("checkbox", name="Fun", exact=True)
    tab_to(ana, fun)
    ana.keyboard.press("Space")
    expect(fun).to_be_checked()
    tab_to(ana, ana.get_by_role("button", name="Check in"))
    ana.keyboard.press("Enter")
    expect(ana.get_by_text("Thank you. Your check-in is in.")).to_be_visible()
    mine = Checkin.objects.get(couple=couple, author=ana_user)
    assert mine.closeness == 5
