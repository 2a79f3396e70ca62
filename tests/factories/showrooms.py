"""Showrooms and the products they stock."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from showrooms.models import Showroom, ShowroomStock
from tests.factories.catalogue import PublishedProductFactory
from tests.factories.villages import InDistrictFactory


class ShowroomFactory(InDistrictFactory):
    """An open OCOP showroom in Gia Lâm; `products=[...]` stocks them."""

    class Meta:
        model = Showroom

    name = factory.Sequence(lambda n: f"Điểm OCOP thử {n}")
    slug = factory.Sequence(lambda n: f"showroom-{n}")
    kind = Showroom.Kind.SHOWROOM
    address = "Số 1, Hà Nội"
    latitude = Decimal("20.98")
    longitude = Decimal("105.92")

    @factory.post_generation
    def products(self, create, products, **kwargs):
        if create:
            for product in products or ():
                StockFactory(showroom=self, product=product)


class StockFactory(DjangoModelFactory):
    """A product on a showroom's shelf."""

    class Meta:
        model = ShowroomStock

    showroom = factory.SubFactory(ShowroomFactory)
    product = factory.SubFactory(PublishedProductFactory)
