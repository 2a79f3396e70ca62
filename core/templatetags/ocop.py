"""Template helpers shared by every app: prices, numbers and dates in the page's language
(written by core/formats.py), stars, page numbers."""

from django import template
from django.utils.translation import ngettext

from core import formats

register = template.Library()

register.filter("number", formats.number)
register.filter("vnd", formats.vnd)
register.filter("day", formats.day)
register.filter("day_time", formats.day_time)
register.filter("year_month", formats.year_month)


@register.inclusion_tag("partials/stars.html")
def stars(count, potential_five_star=False):
    count = int(count or 0)
    return {
        "filled": range(count),
        "empty": range(max(0, 5 - count)),
        "label": ngettext("%(n)d-star OCOP", "%(n)d-star OCOP", count) % {"n": count},
        "potential_five_star": potential_five_star,
    }


@register.filter
def page_window(page_obj, around=2):
    """Page numbers to link: first, last and a few around the current one; None is a gap."""
    current, last = page_obj.number, page_obj.paginator.num_pages
    wanted = {1, last, *range(current - around, current + around + 1)}
    numbers = sorted(n for n in wanted if 1 <= n <= last)
    window = []
    for number in numbers:
        if window and number - window[-1] > 1:
            window.append(None)
        window.append(number)
    return window
