"""Addresses of pages that moved, kept working."""

import re

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import URLPattern, get_script_prefix, re_path


class PermanentRedirectKeepingMethod(HttpResponsePermanentRedirect):
    status_code = 308


def moved(old: str, new: str) -> URLPattern:
    """Everything under /<old> answers with the same address under /<new>, for good.

    Inbox items keep the address a page had when they were written, and a page
    left open in a browser still posts its forms to the old one. GET and HEAD
    get a 301; other methods a 308, so the browser repeats the same request
    (the CSRF check runs again on the new address).
    """

    def view(request: HttpRequest) -> HttpResponse:
        url = get_script_prefix() + new + request.path_info.removeprefix("/" + old)
        if request.META.get("QUERY_STRING"):
            url += "?" + request.META["QUERY_STRING"]
        if request.method in ("GET", "HEAD"):
            return HttpResponsePermanentRedirect(url)
        return PermanentRedirectKeepingMethod(url)

    return re_path("^" + re.escape(old), view)
