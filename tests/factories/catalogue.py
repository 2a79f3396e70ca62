"""Producers, products by certificate and sale state, photos, lots, OCOP decisions and
certifications (a product's own first certification is made by Product.save())."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from catalogue.models import (
    CertificateLevel,
    Certification,
    CertificationKind,
    Decision,
    Lot,
    Producer,
    Product,
    ProductImage,
    ProductionStep,
    Scan,
)
from tests.factories.images import jpeg
from tests.factories.villages import VillageFactory, craft, district


def _days_ago(days):
    # timezone.localdate is read at build time, so the `today` fixture (conftest.py) applies.
    return timezone.localdate() - datetime.timedelta(days=days)


class ProducerFactory(DjangoModelFactory):
    """A household in a new village; `district_slug=` alone makes one with no village."""

    class Meta:
        model = Producer

    class Params:
        district_slug = None

    name = factory.Sequence(lambda n: f"Cơ sở thử {n}")
    slug = factory.Sequence(lambda n: f"producer-{n}")
    kind = Producer.Kind.HOUSEHOLD
    village = factory.Maybe("district_slug", yes_declaration=None, no_declaration=factory.SubFactory(VillageFactory))
    district = factory.LazyAttribute(lambda o: o.village.district if o.village else district(o.district_slug))
    phone = "0912 345 678"


class PublishedProductFactory(DjangoModelFactory):
    """A published 4-star ceramics product with a valid province certificate, 10 in stock.

    `name=` fills the Vietnamese column (as `unit_vi` is set): the active language must
    not decide where a name lands. Traits: `expired`, `withdrawn`, `out_of_stock`, `potential_five`.
    """

    class Meta:
        model = Product

    class Params:
        name = "Bình gốm men lam"
        craft_slug = "ceramics"
        expired = factory.Trait(
            certificate_date=factory.LazyFunction(lambda: _days_ago(1200)),
            certificate_valid_until=factory.LazyFunction(lambda: _days_ago(1)),
        )
        withdrawn = factory.Trait(certificate_withdrawn=True, certificate_withdrawn_reason="Thu hồi")
        out_of_stock = factory.Trait(stock_quantity=0)
        # A 4-star product the council marked as a 5-star candidate (only 4 stars may be).
        potential_five = factory.Trait(stars=4, potential_five_star=True)

    name_vi = factory.SelfAttribute("name")
    slug = factory.Sequence(lambda n: f"product-{n}")
    producer = factory.SubFactory(ProducerFactory)
    craft = factory.LazyAttribute(lambda o: craft(o.craft_slug) if o.craft_slug else None)
    group = "handicrafts"
    product_set = "handicrafts-decor"
    stars = 4
    certificate_number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    certificate_issuer = "UBND thành phố Hà Nội"
    certificate_level = CertificateLevel.PROVINCE
    certificate_date = factory.LazyFunction(lambda: _days_ago(100))
    price = 350_000
    unit_vi = "chiếc"
    stock_quantity = 10
    is_published = True


class DraftProductFactory(PublishedProductFactory):
    """The same product, not yet published."""

    is_published = False


class ExpiredProductFactory(PublishedProductFactory):
    """Published, its certificate lapsed yesterday."""

    expired = True


class WithdrawnProductFactory(PublishedProductFactory):
    """Published, its certificate withdrawn."""

    withdrawn = True


class DecisionFactory(DjangoModelFactory):
    """A city decision of 100 days ago (certificates valid the standard 36 months)."""

    class Meta:
        model = Decision

    number = factory.Sequence(lambda n: f"{5000 + n}/QĐ-UBND")
    decided_on = factory.LazyFunction(lambda: _days_ago(100))
    issuer_vi = "UBND thành phố Hà Nội"
    level = CertificateLevel.PROVINCE


class CertificationFactory(DjangoModelFactory):
    """A re-assessment of a published product (which has its own first certification,
    made when it was saved) under a new decision; saving it makes it the product's
    current certificate if it is the latest (Product.adopt_current_certificate())."""

    class Meta:
        model = Certification

    product = factory.SubFactory(PublishedProductFactory)
    decision = factory.SubFactory(DecisionFactory)
    kind = CertificationKind.REASSESSMENT
    stars = 4


class ProductImageFactory(DjangoModelFactory):
    """A product photo (one-colour JPEG)."""

    class Meta:
        model = ProductImage

    product = factory.SubFactory(PublishedProductFactory)
    image = factory.LazyFunction(jpeg)
    alt_text = factory.LazyAttribute(lambda o: f"Ảnh {o.product.name}")
    position = 0


class LotFactory(DjangoModelFactory):
    """A lot of 50 made on 10 January 2026 with `steps` production steps (default 2)."""

    class Meta:
        model = Lot
        skip_postgeneration_save = True

    product = factory.SubFactory(PublishedProductFactory)
    code = "L2601-01"
    produced_on = datetime.date(2026, 1, 10)
    quantity = 50

    @factory.post_generation
    def steps(self, create, count, **kwargs):
        if create:
            for position in range(2 if count is None else count):
                ProductionStepFactory(lot=self, position=position)


class ProductionStepFactory(DjangoModelFactory):
    class Meta:
        model = ProductionStep

    lot = factory.SubFactory(LotFactory, steps=0)
    position = 0
    name_vi = factory.LazyAttribute(lambda o: f"Công đoạn {o.position + 1}")
    done_on = factory.LazyAttribute(lambda o: datetime.date(2026, 1, 1 + o.position))


def make_scans(code, count, *, on, hour=12):
    """`count` scans on the local (Hanoi) day `on`, at `hour` o'clock: of a product's own QR
    code when `code` is a Product, of that lot's when it is a Lot. Bulk-created (a surge
    takes dozens), written straight to the scan log as the buffer's flusher does."""
    lot = code if isinstance(code, Lot) else None
    product = lot.product if lot else code
    at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(hour)))
    Scan.objects.bulk_create(
        Scan(product=product, lot=lot, scanned_at=at, language="vi", source=Scan.Source.QR) for _ in range(count)
    )
