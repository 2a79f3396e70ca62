"""The product list's active filters as chips: one a filter, each a link that removes it."""

from django.utils.translation import gettext as _

from core.formats import vnd

from . import querystrings
from .filters import STATUS_CHOICES


def chips(filterset):
    """Active filters as removable chips: [{name, label, url}], in canonical order.

    Labels are in the page's language, prices written as core.formats writes every price
    on the page (200.000 ₫ on Vietnamese pages, 200,000 ₫ on English ones).
    """
    values = filterset.values
    found = []
    for name, value in querystrings.params(values):
        if name == "sort":
            continue  # an order, not a filter: nothing to remove
        found.append(
            {
                "name": name,
                "label": _label(filterset, name, value),
                "url": querystrings.link(values, remove=[(name, value)]),
            }
        )
    return found


def _label(filterset, name, value):
    if name == "q":
        return _("“%(q)s”") % {"q": value}
    if name == "price_min":
        return _("from %(price)s") % {"price": vnd(value)}
    if name == "price_max":
        return _("up to %(price)s") % {"price": vnd(value)}
    if name == "in_stock":
        return _("In stock")
    if name == "status":
        return dict(STATUS_CHOICES)[value]
    return filterset.label_for(name, value)
