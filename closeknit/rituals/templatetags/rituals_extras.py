from django import template

register = template.Library()


@register.filter
def in_set(value: object, collection: set[object]) -> bool:
    return value in collection
