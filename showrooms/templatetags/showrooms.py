from django import template

from ..models import nearest_first

register = template.Library()


@register.filter
def nearest_to(showrooms, origin):
    """{% for showroom in product.showrooms.active|nearest_to:village %}: nearest first."""
    return nearest_first(showrooms, origin)
