"""Shared steps for browser tests."""

from playwright.sync_api import Page, expect

from closeknit.test import PASSWORD

# htmx marks what it is working on with these classes: the element whose request
# is in flight, the target while it swaps and settles, and new content until it
# has been bound (`htmx-added` goes just before htmx processes the element).
_HTMX_IDLE = """() => window.htmx !== undefined && document.readyState === "complete"
    && !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added")"""


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def htmx_settled(page: Page) -> None:
    """Wait until htmx has bound the page and finished every request, swap and settle.

    Call it after an htmx swap and before typing into what the swap brought:
    content is visible a moment before htmx has bound its listeners.
    """
    page.wait_for_function(_HTMX_IDLE)
