"""The folded search text of products, and keeping it current when a name it copies changes.

A product's `search_name` (its own names) and `search_text` (its names plus its producer,
village, craft, district and current commune or ward) are folded copies (core.text.fold), so search is a plain
LIKE on both SQLite and PostgreSQL (trigram-indexed there). Copies go stale: Product.save()
rebuilds its own, and a save of a village, producer, craft or district that changes a name
the copies hold rebuilds the text of every product it reaches, in one UPDATE (receivers
below, wired in CatalogueConfig.ready()).
"""

from django.db.models.signals import post_save, pre_save

from core import cache
from core.text import fold
from villages.models import Commune, Craft, District, Village


def texts(names, producer_name, district_name, craft_names=(), village_name="", commune_name=""):
    """(search_name, search_text): the one recipe, for a product being saved and for a refresh.

    The old district and the producer's current commune or ward are both in the text, so
    "Gia Lâm" and "Xã Bát Tràng" (or "bat trang") find the same vase."""
    search_name = fold(" ".join(filter(None, names)))
    parts = [*names, producer_name, district_name, *craft_names, village_name, commune_name]
    return search_name, fold(" ".join(filter(None, parts)))


def build_search_fields(product, producer=None, craft=None, village=None, district=None, commune=None):
    """Fill `product`'s folded search columns from its names and its related rows.

    Bulk loaders that already hold the related rows pass them in to spare the queries.
    """
    producer = producer or product.producer
    craft = craft if craft is not None else product.craft
    village = village if village is not None else producer.village
    district = district or producer.district
    commune = commune if commune is not None else producer.commune
    product.search_name, product.search_text = texts(
        [product.name_vi, product.name_en],
        producer.name,
        district.name,
        [craft.name_vi, craft.name_en] if craft else (),
        village.name if village else "",
        commune.name if commune else "",
    )


# The columns each text is made of, read in one SELECT with its joins.
_SOURCE_COLUMNS = (
    "pk",
    "name_vi",
    "name_en",
    "producer__name",
    "producer__district__name",
    "craft__name_vi",
    "craft__name_en",
    "producer__village__name",
    "producer__commune__name",
)


def refresh_search_text(products):
    """Rebuild the search text of the `products` queryset: one SELECT, then one UPDATE.

    The UPDATE is bulk_update()'s single `CASE WHEN id=… THEN …` statement, written only
    for rows whose text changed. Django splits it by the database's parameter limit: on
    SQLite 999 parameters, 3 per product (333 products per statement), on PostgreSQL none
    (one statement). bulk_update() sends no signals, so the cache generation is bumped here.
    Returns the number of products rewritten.
    """
    stale = []
    for (
        pk,
        name_vi,
        name_en,
        producer,
        district,
        craft_vi,
        craft_en,
        village,
        commune,
        current,
    ) in products.order_by().values_list(*_SOURCE_COLUMNS, "search_text"):
        _, text = texts([name_vi, name_en], producer, district, [craft_vi, craft_en], village, commune)
        if text != current:
            stale.append(products.model(pk=pk, search_text=text))
    if stale:
        products.model._default_manager.bulk_update(stale, ["search_text"])
        cache.bump_on_commit(cache.CATALOGUE)
    return len(stale)


# --- keeping it current ------------------------------------------------------------------------
# For each model whose names the text copies: the fields that matter (attnames), and its
# products as a Product lookup. Filled by connect(): Producer and Product live in .models,
# which imports this module.
_sources = {}


def note_stored_names(sender, instance, raw=False, **kwargs):
    """pre_save: remember whether this save changes a name the search text copies.

    One small SELECT by primary key, only for an existing row (a new one has no
    products yet); fixtures (raw) carry their products' texts as they are.
    """
    instance._search_names_changed = False
    if raw or instance._state.adding or instance.pk is None:
        return
    fields, _, _ = _sources[sender]
    stored = sender._default_manager.filter(pk=instance.pk).values_list(*fields).first()
    instance._search_names_changed = stored != tuple(getattr(instance, field) for field in fields)


def refresh_after_rename(sender, instance, raw=False, **kwargs):
    """post_save: after a rename, rebuild the search text of every product it reaches."""
    if raw or not getattr(instance, "_search_names_changed", False):
        return
    instance._search_names_changed = False
    _, product_model, lookup = _sources[sender]
    refresh_search_text(product_model.objects.filter(**{lookup: instance.pk}))


def connect(product_model, producer_model):
    """Wire the receivers (from CatalogueConfig.ready(): villages never imports catalogue)."""
    _sources.update(
        {
            Village: (("name",), product_model, "producer__village"),
            District: (("name",), product_model, "producer__district"),
            Craft: (("name_vi", "name_en"), product_model, "craft"),
            Commune: (("name",), product_model, "producer__commune"),
            # Moving a producer moves its products to another village's, district's and commune's search.
            producer_model: (("name", "village_id", "district_id", "commune_id"), product_model, "producer"),
        }
    )
    for model in _sources:
        uid = f"catalogue.search.{model._meta.label_lower}"
        pre_save.connect(note_stored_names, sender=model, dispatch_uid=uid + ".pre")
        post_save.connect(refresh_after_rename, sender=model, dispatch_uid=uid + ".post")
