"""Pickup for part of a cart, when no showroom stocks all of it.

An order has one pickup showroom (or one delivery address), so a cart that no showroom
stocks in full cannot be picked up as it is. Rather than a dead end, checkout names what
blocks it and offers, per showroom, to pick up what that showroom has once the rest is
taken out of the cart (the shopper orders the rest separately, e.g. for delivery). The
order placed afterwards is an ordinary pickup order: services.place_order checks again
that its showroom stocks every line.
"""

from dataclasses import dataclass, field

from showrooms.models import Showroom, ShowroomStock

# Enough to choose from without turning the checkout into the showroom list.
MAX_OPTIONS = 3


@dataclass
class PartialPickup:
    showroom: Showroom
    has: list = field(default_factory=list)  # cart lines this showroom stocks
    lacks: list = field(default_factory=list)  # cart lines it does not


@dataclass
class PickupCoverage:
    options: list  # PartialPickup, the showrooms stocking most of the cart first
    unstocked: list  # cart lines that no open showroom stocks at all


def stocked_by(product_ids, showroom_ids=None):
    """{showroom id: {ids of these products it stocks}} for open showrooms, in one query."""
    rows = ShowroomStock.objects.filter(showroom__is_active=True, product_id__in=product_ids)
    if showroom_ids is not None:
        rows = rows.filter(showroom_id__in=showroom_ids)
    stocked = {}
    for showroom_id, product_id in rows.values_list("showroom_id", "product_id"):
        stocked.setdefault(showroom_id, set()).add(product_id)
    return stocked


def coverage(lines, limit=MAX_OPTIONS):
    """Which open showrooms stock which cart lines, for a cart no showroom stocks in full."""
    stocked = stocked_by({line.product.pk for line in lines})
    showrooms = Showroom.objects.for_listing().in_bulk(list(stocked))
    options = [
        PartialPickup(
            showroom=showrooms[showroom_id],
            has=[line for line in lines if line.product.pk in ids],
            lacks=[line for line in lines if line.product.pk not in ids],
        )
        for showroom_id, ids in stocked.items()
    ]
    options.sort(key=lambda option: (-len(option.has), option.showroom.name))
    anywhere = set().union(*stocked.values()) if stocked else set()
    return PickupCoverage(
        options=options[:limit], unstocked=[line for line in lines if line.product.pk not in anywhere]
    )


def lacking_at(showroom, product_ids):
    """The ids among `product_ids` that `showroom` (open) does not stock."""
    have = stocked_by(product_ids, showroom_ids=[showroom.pk]).get(showroom.pk, set())
    return [pk for pk in product_ids if pk not in have]
