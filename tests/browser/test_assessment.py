import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from closeknit.assessment.models import Response
from closeknit.test import make_couple
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def choose(page: Page, first: int, second: int) -> None:
    """In every radio group on the page, check the value for its first or second answer."""
    page.evaluate(
        """([first, second]) => document.querySelectorAll('input[type=radio]').forEach(input => {
            const want = input.name.endsWith('__0') ? first : second;
            if (input.value === String(want)) { input.checked = true; }
        })""",
        [first, second],
    )


def take_assessment(
    page: Page, base: str, now: int, ideal: int, answer: int, guess: int, private: bool = False
) -> None:
    """Every page, rated `now` and `ideal`; with `private`, "Prefer not to say" where offered."""
    page.goto(f"{base}/assessment/")
    button = page.get_by_role("button", name="Begin the baseline")
    if button.count():
        button.click()
    else:
        page.get_by_role("button", name="Begin").click()
    # The first page by tapping each pill, like a person; the rest in one go per page.
    for i, scale in enumerate(page.locator("fieldset.scale").all()):
        scale.locator("label.pick").nth((now if i % 2 == 0 else ideal) - 1).click()
    page.get_by_role("button", name="Save and continue").click()
    for _ in range(7):  # six more kinds of intimacy, then responsiveness
        choose(page, now, ideal)
        if private:
            for box in page.get_by_label("Prefer not to say").all():
                box.check()
        page.get_by_role("button", name="Save and continue").click()
    for _ in range(2):  # the love-map quiz: my answer, then my guess of my partner's
        choose(page, answer, guess)
        page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Review and finish")).to_be_visible()
    page.get_by_role("button", name="Finish").click()


def test_both_partners_take_the_assessment_and_see_the_report(
    live_server: LiveServer, new_page
) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    ana.goto(f"{base}/us/")
    ana.get_by_role("link", name="Couples' assessment and report").click()
    take_assessment(ana, base, now=3, ideal=6, answer=0, guess=1)
    expect(ana.get_by_role("heading", name="The report isn't open yet")).to_be_visible()
    assert Response.objects.get().finished_at is not None

    take_assessment(ben, base, now=5, ideal=6, answer=1, guess=0)
    expect(ben.get_by_role("heading", name="Your couple report")).to_be_visible()
    expect(
        ben.get_by_text("You experience it this way, and Ana experiences it that way.")
    ).to_be_visible()

    ana.goto(f"{base}/inbox/")
    ana.get_by_role("button", name="Ben finished the couples' assessment.").click()
    expect(ana.get_by_role("heading", name="Your couple report")).to_be_visible()
    first_row = ana.locator("#profiles tbody tr").first
    expect(first_row).to_contain_text("Emotional")
    expect(first_row).to_contain_text("3.0")
    expect(first_row).to_contain_text("5.0")
    expect(ana.locator("#gaps")).to_contain_text(
        "you'd like 3.0 more, and Ben would like 1.0 more"
    )
    expect(ana.locator("#lovemap")).to_contain_text("You knew 24 of Ben's 24 answers")
    ana.wait_for_function(
        "() => window.Chart && Chart.getChart('radar-mine') && Chart.getChart('lovemap-chart')"
    )
    mine = ana.evaluate("() => Chart.getChart('radar-mine').data.datasets[0].data")
    assert mine == [3, 3, 3, 3, 3, 3, 3]

    ana.get_by_role("button", name="Printable view").click()
    expect(ana.get_by_role("heading", name="Couple report: Ana and Ben")).to_be_visible()
    expect(ana.get_by_role("button", name="Print")).to_be_visible()
    ana.emulate_media(media="print")
    expect(ana.locator(".site-header")).to_be_hidden()


def test_prefer_not_to_say_is_named_in_the_report_and_never_counted(
    live_server: LiveServer, new_page
) -> None:
    make_couple("ana", "ben")
    base = live_server.url
    ana, ben = new_page("ana"), new_page("ben")
    log_in(ana, base, "ana@example.org")
    log_in(ben, base, "ben@example.org")

    take_assessment(ana, base, now=3, ideal=6, answer=0, guess=1)
    take_assessment(ben, base, now=5, ideal=6, answer=1, guess=0, private=True)
    expect(ben.get_by_role("heading", name="Your couple report")).to_be_visible()
    skipped = ben.locator("#not-said")
    expect(skipped).to_contain_text("you preferred not to say for 6 of 6 sentences")
    expect(skipped).to_contain_text("left out of the profiles, the gaps and the differences")
    expect(ben.locator("#profiles tbody")).not_to_contain_text("Sexual")
    assert all(
        v is None
        for k, v in Response.objects.get(author__display_name="Ben").intimacy.items()
        if k.startswith("sexual")
    )
