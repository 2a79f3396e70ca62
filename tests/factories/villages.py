"""Villages. Districts and crafts are reference rows from the data migrations: looked up."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tests.factories.images import jpeg
from villages.models import Commune, Craft, District, Village, VillageImage


def district(slug="phu-xuyen"):
    return District.objects.get(slug=slug)


def commune(name="Xã Bát Tràng"):
    """A current commune or ward (from the data migration), by its official name."""
    return Commune.objects.get(name=name)


def craft(slug="ceramics"):
    return Craft.objects.get(slug=slug)


class InDistrictFactory(DjangoModelFactory):
    """A row of a district: Gia Lâm unless `district_slug=` names another."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    class Params:
        district_slug = "gia-lam"

    district = factory.LazyAttribute(lambda o: district(o.district_slug))


class VillageFactory(InDistrictFactory):
    """A craft village in Gia Lâm making ceramics (`district_slug=`, `crafts=` slugs)."""

    class Meta:
        model = Village

    name = factory.Sequence(lambda n: f"Làng thử {n}")
    slug = factory.Sequence(lambda n: f"village-{n}")
    commune = None  # pass commune=factories.commune("Xã Bát Tràng")
    latitude = Decimal("20.97")
    longitude = Decimal("105.91")

    @factory.post_generation
    def crafts(self, create, slugs, **kwargs):
        if create:
            self.crafts.set([craft(slug) for slug in (("ceramics",) if slugs is None else slugs)])


class VillageImageFactory(DjangoModelFactory):
    """A village photo (one-colour JPEG)."""

    class Meta:
        model = VillageImage

    village = factory.SubFactory(VillageFactory)
    image = factory.LazyFunction(jpeg)
    alt_text = factory.LazyAttribute(lambda o: f"Ảnh {o.village.name}")
    position = 0
