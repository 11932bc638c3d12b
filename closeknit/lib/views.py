from django.http import HttpRequest, HttpResponse


def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and uptime checks: the process answers, nothing more."""
    return HttpResponse("ok", content_type="text/plain")
