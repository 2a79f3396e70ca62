"""What the producer area shows of an order part's payment."""

from django import template

from orders.models import Status

register = template.Library()


@register.filter
def transfer_awaited(part):
    """A bank-transfer part whose money has not been recorded, and that still counts (not
    cancelled): the orders list badges it, the part's page offers "Transfer received".

    Not `ProducerOrder.awaits_transfer`, which is the shopper's "still to pay" and ends
    when the part is completed; a producer may see the money arrive after handing over.
    The same rule as the admin's "bank transfer: awaited" filter (orders/admin.py)."""
    return part.payee is not None and part.paid_at is None and part.status != Status.CANCELLED
