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
