"""An officer of Phú Xuyên against a Gia Lâm record: the listings and helpers the scope
tests share. The `world` and `officer_client` fixtures are in conftest.py."""

from django.urls import reverse

from tests import factories


def listing_in(district_slug, name):
    village = factories.VillageFactory(name=f"Làng {name}", district_slug=district_slug)
    producer = factories.ProducerFactory(name=f"Cơ sở {name}", village=village)
    product = factories.PublishedProductFactory(name=f"Sản phẩm {name}", producer=producer)
    lot = factories.LotFactory(product=product)
    showroom = factories.ShowroomFactory(name=f"Điểm OCOP {name}", district_slug=district_slug, products=[product])
    return {"village": village, "producer": producer, "product": product, "lot": lot, "showroom": showroom}


SCOPED = [
    ("villages", "village", "village"),
    ("catalogue", "producer", "producer"),
    ("catalogue", "product", "product"),
    ("catalogue", "lot", "lot"),
    ("showrooms", "showroom", "showroom"),
]


def admin_url(app, model, view, *args):
    return reverse(f"admin:{app}_{model}_{view}", args=args)
