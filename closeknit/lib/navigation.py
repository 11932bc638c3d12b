"""The main navigation, in one place.

On phones a bottom tab bar holds the few places a couple goes every week and
"More", a page listing everything else; on wide screens a top bar holds the
main places and "More" too. Inbox (with its unread badge) sits in the header
at every width. So every feature is at most two taps from home.
"""

from typing import NamedTuple

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


class NavItem(NamedTuple):
    label: str
    url_name: str
    # URL namespaces, names or name prefixes (ending in "_") that count as this place.
    sections: tuple[str, ...]
    icon: str = ""
    # A few words under the item on the More page.
    blurb: str = ""


TODAY = NavItem("Today", "home", ("home",), "home")
TALK = NavItem(
    "Talk", "talk:index", ("talk",), "talk", "Today's question, past answers, talk time"
)
APPRECIATE = NavItem(
    "Appreciate", "appreciate:index", ("appreciate",), "heart", "Thank each other, specifically"
)
# A place's sections follow its sub-navigation: rituals and fun sit under Dates,
# support and intentions under Check-in, the assessment, paths and "Just us" under Us.
CHECKIN = NavItem(
    "Check-in",
    "checkin:index",
    ("checkin", "support", "intentions"),
    "circles",
    "One minute a week",
)
DATES = NavItem(
    "Dates",
    "dates:index",
    ("dates", "rituals", "fun"),
    "calendar",
    "Plan the next one, find ideas",
)
DREAMS = NavItem("Dreams", "dreams:index", ("dreams",), "star", "Each other's dreams and goals")
US = NavItem(
    "Us",
    "us",
    ("us", "unpair", "assessment", "private", "paths"),
    "us",
    "The two of you, your time zone",
)
INBOX = NavItem("Inbox", "inbox", ("inbox", "open_notification"), "bell", "Your notifications")
SETTINGS = NavItem(
    "Settings",
    "settings",
    (
        "settings",
        "export",
        "export_page",
        "delete_account",
        "tokens",
        "revoke_token",
        "nudge_settings",
        "account_",
        "mfa_",
        "usersessions_",
    ),
    "settings",
    "Profile, e-mail, password, two-factor, your data",
)
MORE = NavItem("More", "more", ("more",), "more")

# The phone's tab bar: four places a couple goes every week, then More.
TABS = [TODAY, TALK, APPRECIATE, DATES]
# The top bar on wide screens.
TOP = [TODAY, TALK, APPRECIATE, CHECKIN, DATES, DREAMS, US]

# The More page: everything, grouped as a couple thinks of it. A feature's item
# appears once the feature defines its page.
MORE_GROUPS: list[tuple[str, list[NavItem]]] = [
    (
        "How we are",
        [
            CHECKIN,
            NavItem(
                "I'm having a hard time",
                "support:index",
                ("support",),
                "support",
                "Let your partner know what would help",
            ),
            NavItem(
                "Intentions",
                "intentions:index",
                ("intentions",),
                "compass",
                "What each of you wants from this",
            ),
            NavItem(
                "Assessment",
                "assessment:index",
                ("assessment",),
                "chart",
                "Seven kinds of intimacy, side by side",
            ),
            NavItem("Paths", "paths:index", ("paths",), "path", "A few weeks of guided practice"),
        ],
    ),
    (
        "Together",
        [
            DATES,
            NavItem("Rituals", "rituals:index", ("rituals",), "repeat", "Small daily habits"),
            NavItem(
                "Fun together", "fun:index", ("fun",), "smile", "Shows to watch, the jokes jar"
            ),
            DREAMS,
            NavItem(
                "Just us", "private:index", ("private",), "lock", "Opt-in, for the two of you"
            ),
        ],
    ),
    (
        "Talk and thanks",
        [
            TALK,
            NavItem(
                "Both true",
                "talk:both_true_list",
                (),
                "both",
                "Two sides of one moment, joined by “and”",
            ),
            NavItem("Talk time", "talk:talk_time", (), "clock", "Your weekly time to talk"),
            APPRECIATE,
            NavItem(
                "Gratitude journal", "appreciate:journal", (), "book", "Private, for you alone"
            ),
        ],
    ),
    ("You and your account", [US, INBOX, SETTINGS]),
]


def navigation(request: HttpRequest) -> dict[str, object]:
    """Context processor: the tab bar, the top bar and the inbox link, the current place marked."""
    if getattr(request, "couple", None) is None:
        return {"nav": None}
    here = _here(request)
    inbox = _links(request, [INBOX], here)[0]
    settings = _links(request, [SETTINGS], here)[0]
    return {
        "nav": {
            # On phones Settings is on the More page; on wide screens, in the header.
            "tabs": _with_more(_links(request, [*TABS, MORE], here), [inbox]),
            "top": _with_more(_links(request, [*TOP, MORE], here), [inbox, settings]),
            "inbox": inbox,
            "settings": settings,
        }
    }


Link = dict[str, str]


def _with_more(links: list[Link], beside: list[Link]) -> list[Link]:
    """More (last) is where you are on any page that no other link marks."""
    if not any(link["current"] for link in [*links, *beside]):
        links[-1]["current"] = "true"
    return links


def more_groups(request: HttpRequest) -> list[dict[str, object]]:
    """The More page's groups, each with the items whose page exists."""
    here = _here(request)
    groups: list[dict[str, object]] = []
    for title, items in MORE_GROUPS:
        if links := _links(request, items, here):
            groups.append({"title": title, "items": links})
    return groups


def _here(request: HttpRequest) -> list[str]:
    match = request.resolver_match
    return [name for name in ([match.namespace, match.url_name or ""] if match else []) if name]


def _links(request: HttpRequest, items: list[NavItem], here: list[str]) -> list[dict[str, str]]:
    links = []
    for item in items:
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        links.append(
            {
                "label": item.label,
                "url": url,
                "icon": item.icon,
                "blurb": item.blurb,
                "current": _current(item, url, request.path, here),
            }
        )
    return links


def _current(item: NavItem, url: str, path: str, here: list[str]) -> str:
    """aria-current: "page" on the page itself, "true" anywhere else in its section."""
    if url == path:
        return "page"
    in_section = any(
        name == section or (section.endswith("_") and name.startswith(section))
        for name in here
        for section in item.sections
    )
    return "true" if in_section else ""
