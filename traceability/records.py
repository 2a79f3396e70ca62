"""What a trace page reads: the product with the showrooms that stock it, nearest first."""

import re

from django.db.models import Prefetch

from catalogue.codes import LOT_CODE_PATTERN, TRACE_CODE_PATTERN
from showrooms.models import ShowroomStock, nearest_first


def well_formed(code, lot_code=None):
    """Whether a (normalised) trace code and optional lot code can exist at all.

    Checked before any query or cache lookup: junk from a damaged label or a scanner
    costs nothing and leaves no cache entry.
    """
    if not re.match(TRACE_CODE_PATTERN, code):
        return False
    return lot_code is None or bool(re.match(LOT_CODE_PATTERN, lot_code))


def for_trace(products):
    """A trace page: the card's rows plus the showrooms that stock the product.

    Everything the page and its HTTP validator (ETag) need, in four queries: the
    product with producer, village, district and craft; its images; its certification
    history with the decisions; its stock rows (`stock_rows`) with their showrooms, for
    nearest_showrooms().
    """
    return (
        products.for_cards()
        .select_related("producer__village__commune")
        .prefetch_related(
            products.certification_history(),
            Prefetch(
                "showroom_stock",
                queryset=ShowroomStock.objects.select_related("showroom__district", "showroom__village"),
                to_attr="stock_rows",
            ),
        )
    )


def nearest_showrooms(product):
    """Open showrooms stocking the product (from for_trace()), nearest to its village first.

    Showrooms without coordinates, or a product without a located village, come last
    (by name); each showroom gets `distance_km` set.
    """
    return nearest_first(
        (row.showroom for row in product.stock_rows if row.showroom.is_active), product.producer.village
    )
