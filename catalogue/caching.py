"""Which cached pages a product's change concerns (core/cache.py holds the mechanism).

Every public page depends on the "catalogue" generation. A product's own page also
depends on `page_concern(slug)`, its trace page on `trace_concern(trace_code)`. A change
that lists, cards, facets or counts can show bumps "catalogue" (every page); a change that
only the product's own pages show bumps only that product's two concerns, so that an
officer fixing one description, or a sale that leaves some stock, does not empty the home
page and every list at 100,000 products.

What lists show of a product, and so what bumps "catalogue": its name, price, unit,
stars, certificate dates and withdrawal (on sale or not), producer, craft, published flag,
images (another model), and whether it is in stock. Everything in PAGE_ONLY_FIELDS shows
on its own page and trace page only. A field not listed there counts as shown in lists:
a new field is safe by default.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from core import cache

PAGE_ONLY_FIELDS = {
    "description",
    "description_vi",
    "description_en",
    "gtin",
    "certificate_number",
    "certificate_issuer",
    "certificate_issuer_vi",
    "certificate_issuer_en",
    "certificate_level",
    "certificate_withdrawn_reason",
    "certificate_withdrawn_reason_vi",
    "certificate_withdrawn_reason_en",
    # Only the order of equally starred featured products on the home page reads it: a
    # tie-break, not content (it moves on every sale).
    "updated_at",
    # Lists show only whether some is left: handled below.
    "stock_quantity",
}


def page_concern(slug):
    return f"product:{slug}"


def trace_concern(trace_code):
    return f"trace:{trace_code}"


def concerns_of(slug, trace_code):
    """A product's own concerns: its page and its trace page."""
    return {page_concern(slug), trace_concern(trace_code)}


# What moves a product into, out of or between the catalogue's counts (core.cache.COUNTS):
# whether it is on sale (published, withdrawn, the certificate's dates) and what it is
# counted by (stars, group, craft, producer: district and village).
COUNTED_FIELDS = {
    "is_published",
    "certificate_withdrawn",
    "certificate_date",
    "certificate_valid_until",
    "stars",
    "group",
    "craft_id",
    "producer_id",
}


def _listed_fields(model):
    return [f.attname for f in model._meta.concrete_fields if f.attname not in PAGE_ONLY_FIELDS]


def _remember_old_row(sender, instance, raw=False, **kwargs):
    """Before a save: the row as stored, to tell after it what the save changed."""
    instance._cache_old_row = None
    if raw or instance._state.adding or instance.pk is None:
        return
    instance._cache_old_row = (
        sender.objects.filter(pk=instance.pk).values(*_listed_fields(sender), "stock_quantity").first()
    )


def _changes_lists(instance, old):
    if old is None:  # new (or its row was gone): lists may gain it
        return True
    if any(old[name] != getattr(instance, name) for name in _listed_fields(type(instance))):
        return True
    return (old["stock_quantity"] > 0) != (instance.stock_quantity > 0)


def _bump_after_save(sender, instance, raw=False, **kwargs):
    old = getattr(instance, "_cache_old_row", None)
    concerns = concerns_of(instance.slug, instance.trace_code)
    if old is not None:  # a renamed slug or code: its old page must change too
        concerns |= concerns_of(old["slug"], old["trace_code"])
    if _changes_lists(instance, old):
        concerns.add(cache.CATALOGUE)
    if old is None or any(old[name] != getattr(instance, name) for name in COUNTED_FIELDS):
        concerns.add(cache.COUNTS)
    cache.bump_on_commit(*sorted(concerns))


def _bump_after_delete(sender, instance, **kwargs):
    concerns = concerns_of(instance.slug, instance.trace_code)
    cache.bump_on_commit(cache.CATALOGUE, cache.COUNTS, *sorted(concerns))


def connect(product_model):
    """Wire the product's receivers (CatalogueConfig.ready())."""
    uid = "catalogue.caching.product"
    pre_save.connect(_remember_old_row, sender=product_model, dispatch_uid=uid + ".pre_save")
    post_save.connect(_bump_after_save, sender=product_model, dispatch_uid=uid + ".save")
    post_delete.connect(_bump_after_delete, sender=product_model, dispatch_uid=uid + ".delete")
    cache.bump_when_relations_change(product_model)


def _bump_products(product_rows):
    """Bump the own concerns of the products in `product_rows` (a queryset)."""
    concerns = set()
    for slug, trace_code in product_rows.values_list("slug", "trace_code"):
        concerns |= concerns_of(slug, trace_code)
    if concerns:
        cache.bump_on_commit(*sorted(concerns))


def connect_lots(product_model, lot_model, step_model):
    """Lots and their production steps show on their product's own page and trace pages
    only (no list, card or count shows them): a change bumps that product's concerns, so
    that recording a day's production does not empty the home page and every list."""

    def lot_changed(sender, instance, raw=False, **kwargs):
        if not raw:
            _bump_products(product_model.objects.filter(pk=instance.product_id))

    def step_changed(sender, instance, raw=False, **kwargs):
        if not raw:
            _bump_products(product_model.objects.filter(lots__pk=instance.lot_id))

    uid = "catalogue.caching"
    for model, receiver in ((lot_model, lot_changed), (step_model, step_changed)):
        label = model._meta.label_lower
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.{label}.save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.{label}.delete")


# The public certificate register (pages: /certificates/…) depends on this concern and on
# "catalogue" (a product's name, publishing); any decision or certification change bumps it.
REGISTER = "certificates"


def connect_certifications(product_model, certification_model, decision_model):
    """A product's certification history and its decisions show on its own page and trace
    page and in the register. A change to the current certificate also saves the product's
    copy (Product.adopt_current_certificate()), whose own receivers bump lists and counts."""

    def certification_changed(sender, instance, raw=False, **kwargs):
        if not raw:
            _bump_products(product_model.objects.filter(pk=instance.product_id))
            cache.bump_on_commit(REGISTER)

    def decision_changed(sender, instance, raw=False, **kwargs):
        if not raw:
            _bump_products(product_model.objects.filter(certifications__decision=instance.pk))
            cache.bump_on_commit(REGISTER)

    uid = "catalogue.caching"
    for model, receiver in ((certification_model, certification_changed), (decision_model, decision_changed)):
        label = model._meta.label_lower
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.{label}.save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}.{label}.delete")


def stock_moved(product_model, changes):
    """Tell the cache that update() moved these products' stock ({pk: units added, negative
    for a sale}), after the update and in its transaction: each product's pages, and every
    page when one ran out or came back (lists show "out of stock" and filter on it)."""
    rows = product_model.objects.filter(pk__in=changes).values_list("pk", "slug", "trace_code", "stock_quantity")
    concerns = set()
    for pk, slug, trace_code, stock in rows:
        concerns |= concerns_of(slug, trace_code)
        before = stock - changes[pk]
        if (before > 0) != (stock > 0):
            concerns.add(cache.CATALOGUE)
    if concerns:
        cache.bump_on_commit(*sorted(concerns))
