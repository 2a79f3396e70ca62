"""{% saved_thumbnail photo "card" as thumb %}: a thumbnail made when the photo was saved.

Never makes one: see core.thumbnails. `thumb` is None when the photo has none.
"""

from django import template

from core import thumbnails

register = template.Library()


@register.simple_tag
def saved_thumbnail(photo, size_name):
    return thumbnails.saved_thumbnail(photo, size_name)
