"""Ask once before what can't be taken back.

A destructive page action (take a ritual off the list, call a date off, delete
a dream or a journal entry) answers a GET with a page that says plainly what
goes, and acts only on a POST carrying `confirm=yes` from that page's button
(templates/_confirm.html). A POST without it, from an old page or a form that
skipped the question, gets the question, so nothing goes on a single tap.

The API does not ask: its clients confirm on their side.
"""

from django.http import HttpRequest

FIELD = "confirm"
YES = "yes"


def confirmed(request: HttpRequest) -> bool:
    """True for a POST sent from the confirmation page's button."""
    return request.method == "POST" and request.POST.get(FIELD) == YES
