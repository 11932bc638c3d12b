"""{{ session.user_agent|device_name }}: "Firefox on Android", not the raw header."""

from django import template

from closeknit.accounts import devices

register = template.Library()


@register.filter
def device_name(user_agent: str | None) -> str:
    return devices.device_name(user_agent or "")
