"""Telling a producer about a new order part, at once.

`send_order_emails()` (services.py) emails each part to the producer's own address and to
its active producer-area accounts (`recipients()`), then calls `notify_producer(part)`
for each part. That function sends the `producer_order_placed` signal: the hook where
another channel (Zalo OA messages, SMS) is plugged in later, by a receiver connected in
the owning app's `ready()`, without touching checkout. A receiver that fails is logged
and never undoes the order (it runs after the commit).

The email links to the part on the producer's own screen when one of its accounts may sign
in. That screen belongs to an app above this one (producer_area), which names its URL with
`register_part_path()` in its `ready()`: orders names no app above it.
"""

import logging
from dataclasses import dataclass

from django.dispatch import Signal

from catalogue.producer_scope import account_emails

logger = logging.getLogger(__name__)

# Sent once per producer part of a newly placed order; kwargs: part (ProducerOrder, with
# its order, producer and lines loaded).
producer_order_placed = Signal()


# function(part) → the path of `part` in the producer's own area (see the module's docstring).
_part_path = None


def register_part_path(function):
    global _part_path
    _part_path = function


@dataclass
class Recipients:
    emails: list
    # The part on the producer's own screen (a path: the email puts SITE_URL before it), or
    # "" when no active account of the producer could open it.
    area_path: str = ""


def recipients(parts):
    """{part id: Recipients}: the producer's address and its accounts', without repeats,
    and the link for the accounts. Call it in the email's language (the path has it)."""
    by_producer = account_emails({part.producer_id for part in parts})
    found = {}
    for part in parts:
        accounts = by_producer.get(part.producer_id, [])
        emails = [part.producer.email] if part.producer.email else []
        emails += [email for email in accounts if email not in emails]
        area_path = _part_path(part) if accounts and _part_path else ""
        found[part.pk] = Recipients(emails, area_path)
    return found


def notify_producer(part):
    """The hook for channels other than email (see the module's docstring)."""
    for receiver, result in producer_order_placed.send_robust(sender=type(part), part=part):
        if isinstance(result, Exception):
            logger.error("producer notification by %r failed for %s", receiver, part, exc_info=result)
