from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from closeknit.nudges.models import Delivery, Notification, NudgeSettings, PushSubscription


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin[Delivery]):
    """Deliveries that failed, and why. Content never appears here: only fixed texts."""

    list_display = ["notification", "channel", "status", "attempts", "due_at", "sent_at"]
    list_filter = ["status", "channel"]
    readonly_fields = [
        "notification",
        "channel",
        "claimed_at",
        "sent_at",
        "attempts",
        "last_error",
    ]
    actions = ["retry"]

    @admin.action(description="Try again now (only failed ones)")
    def retry(self, request: HttpRequest, queryset: QuerySet[Delivery]) -> None:
        from django.utils import timezone

        queryset.filter(status=Delivery.FAILED).update(
            status=Delivery.PENDING, due_at=timezone.now(), attempts=0
        )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin[Notification]):
    list_display = ["text", "kind", "created", "read_at"]
    list_filter = ["kind"]


admin.site.register(NudgeSettings)
admin.site.register(PushSubscription)
