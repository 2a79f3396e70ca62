"""Telling a producer about a new order part, at once.

`send_order_emails()` (services.py) emails each part to the producer's own address and to
its active producer-area accounts (`recipients()`), then calls `notify_producer(part)`
for each part. That function sends the `producer_order_placed` signal: the hook where
another channel (Zalo OA messages, SMS) is plugged in later, by a receiver connected in
the owning app's `ready()`, without touching checkout. A receiver that fails is logged
and never undoes the order (it runs after the commit).
"""

import logging

from django.dispatch import Signal

from catalogue.producer_scope import account_emails

logger = logging.getLogger(__name__)

# Sent once per producer part of a newly placed order; kwargs: part (ProducerOrder, with
# its order, producer and lines loaded).
producer_order_placed = Signal()


def recipients(parts):
    """{part id: [email, …]}: the producer's address and its accounts', without repeats."""
    by_producer = account_emails({part.producer_id for part in parts})
    found = {}
    for part in parts:
        emails = [part.producer.email] if part.producer.email else []
        emails += [email for email in by_producer.get(part.producer_id, []) if email not in emails]
        found[part.pk] = emails
    return found


def notify_producer(part):
    """The hook for channels other than email (see the module's docstring)."""
    for receiver, result in producer_order_placed.send_robust(sender=type(part), part=part):
        if isinstance(result, Exception):
            logger.error("producer notification by %r failed for %s", receiver, part, exc_info=result)
