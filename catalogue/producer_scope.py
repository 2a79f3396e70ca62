"""THE producer scope: which producer a signed-in producer user acts for, and the rows of
any model narrowed to that producer.

A user reaches a producer through an active `ProducerAccount` (catalogue/models.py); an
inactive account, an inactive user or an anonymous visitor reaches none and so sees
nothing. Every view of the producer area (producer_area/) reads its rows through
`narrow()` or the helpers below, never `Model.objects` directly, so another producer's
order part id, product slug or photo id in a URL or a form is simply not found (404).

Like `villages/scoping.py` for districts, each model says how it reaches its producer:
`producer_path` on the model, or "producer" (Product, ProducerOrder, DeliveryRule…) when
it has none. This module names no model of a higher app.
"""

from django.db.models.constants import LOOKUP_SEP

from .models import Producer, ProducerAccount, Product, ProductImage

DEFAULT_PATH = "producer"


def producer_of(user):
    """The producer `user` acts for in the producer area, or None.

    Read once per user object (a request's user lives as long as the request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if not hasattr(user, "_producer_of"):
        account = ProducerAccount.objects.active().select_related("producer").filter(user=user).first()
        user._producer_of = account.producer if account else None
    return user._producer_of


def producer_path(model):
    return getattr(model, "producer_path", DEFAULT_PATH)


def narrow(queryset, user, path=None):
    """The rows of `queryset` that belong to the producer `user` acts for (none without one)."""
    producer = producer_of(user)
    if producer is None:
        return queryset.none()
    path = path or producer_path(queryset.model)
    if path == "pk" and queryset.model is Producer:
        return queryset.filter(pk=producer.pk)
    return queryset.filter(**{f"{path}{LOOKUP_SEP}exact": producer.pk})


def products_of(user):
    return narrow(Product.objects.all(), user)


def images_of(user):
    return narrow(ProductImage.objects.all(), user, path="product__producer")


def account_emails(producers):
    """{producer id: [email, …]} of the active accounts of `producers` (ids or rows), one query:
    where new-order emails go besides the producer's own address."""
    emails = {}
    rows = (
        ProducerAccount.objects.active()
        .filter(producer__in=producers)
        .exclude(user__email="")
        .values_list("producer_id", "user__email")
    )
    for producer_id, email in rows:
        emails.setdefault(producer_id, []).append(email)
    return emails
