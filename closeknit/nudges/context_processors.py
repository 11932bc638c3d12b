from django.http import HttpRequest

from closeknit.nudges.models import Notification


def unread(request: HttpRequest) -> dict[str, object]:
    """The unread count beside "Inbox" in the navigation."""
    if not request.user.is_authenticated:
        return {}
    count = Notification.objects.filter(recipient=request.user, read_at__isnull=True).count()
    return {"unread_count": count}
