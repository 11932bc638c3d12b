"""{% once %}: the hidden key that makes a form's submission happen once (lib/once.py)."""

import secrets

from django import template
from django.utils.html import format_html

from closeknit.lib.once import FIELD

register = template.Library()


@register.simple_tag
def once() -> str:
    return format_html(
        '<input type="hidden" name="{}" value="{}">', FIELD, secrets.token_urlsafe(16)
    )
