"""Template helpers shared by every app: VND prices, stars, certificate badges."""

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def vnd(amount):
    """350000 -> '350.000 ₫', the Vietnamese way, in every language (prices are in VND)."""
    if amount is None or amount == "":
        return ""
    try:
        amount = int(amount)
    except (TypeError, ValueError):
        return ""
    return f"{amount:,}".replace(",", ".") + "\u00a0₫"


@register.inclusion_tag("partials/stars.html")
def stars(count, potential_five_star=False):
    count = int(count or 0)
    return {
        "filled": range(count),
        "empty": range(max(0, 5 - count)),
        "label": ngettext("%(n)d-star OCOP", "%(n)d-star OCOP", count) % {"n": count},
        "potential_five_star": potential_five_star,
    }


@register.inclusion_tag("partials/certificate_badge.html")
def certificate_badge(product):
    return {"status": product.certificate_status, "product": product}


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
