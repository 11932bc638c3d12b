"""The main navigation, in one place."""

from typing import NamedTuple

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


class NavItem(NamedTuple):
    label: str
    url_name: str
    # URL namespaces, names or name prefixes that count as this section.
    sections: tuple[str, ...]


# A feature's item appears once the feature defines its "<app>:index" page.
COUPLE_NAV = [
    NavItem("Today", "home", ("home",)),
    NavItem("Talk", "talk:index", ("talk",)),
    NavItem("Appreciate", "appreciate:index", ("appreciate",)),
    NavItem("Check-in", "checkin:index", ("checkin", "support", "intentions")),
    NavItem("Dates", "dates:index", ("dates", "rituals", "fun")),
    NavItem("Dreams", "dreams:index", ("dreams",)),
    NavItem("Us", "us", ("us", "unpair", "assessment", "private", "paths")),
    NavItem("Inbox", "inbox", ("inbox", "open_notification")),
    NavItem(
        "Settings",
        "settings",
        (
            "settings",
            "export",
            "delete_account",
            "tokens",
            "revoke_token",
            "nudge_settings",
            "account_",
            "mfa_",
        ),
    ),
]


def navigation(request: HttpRequest) -> dict[str, object]:
    """Context processor: the nav items with the current one marked."""
    if getattr(request, "couple", None) is None:
        return {"nav": []}
    match = request.resolver_match
    here = [match.namespace, match.url_name or ""] if match else []
    items = []
    for item in COUPLE_NAV:
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": item.label, "url": url, "current": _is_current(item, here)})
    return {"nav": items}


def _is_current(item: NavItem, here: list[str]) -> bool:
    return any(
        name == section or (section.endswith("_") and name.startswith(section))
        for name in here
        if name
        for section in item.sections
    )
