"""Visit routes and their stops; events."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests.factories.villages import InDistrictFactory, VillageFactory
from visits.models import Event, Route, RouteStop


class RouteFactory(InDistrictFactory):
    """A published route kept by Gia Lâm; `stops=[village, showroom, ("Name", lat, lon), …]`."""

    class Meta:
        model = Route

    title = factory.Sequence(lambda n: f"Một ngày ở làng nghề {n}")
    slug = factory.Sequence(lambda n: f"route-{n}")
    summary = "Gốm, lụa và khảm trai"

    @factory.post_generation
    def stops(self, create, stops, **kwargs):
        if not create:
            return
        for position, target in enumerate(stops or (), start=1):
            StopFactory(route=self, position=position, at=target)


class StopFactory(DjangoModelFactory):
    """A stop at a village (`at=` a village, a showroom or ("name", lat, lon))."""

    class Meta:
        model = RouteStop

    route = factory.SubFactory(RouteFactory)
    position = factory.Sequence(int)
    at = factory.SubFactory(VillageFactory)

    @classmethod
    def _create(cls, model_class, *args, at=None, **kwargs):
        from showrooms.models import Showroom
        from villages.models import Village

        if isinstance(at, Village):
            kwargs["village"] = at
        elif isinstance(at, Showroom):
            kwargs["showroom"] = at
        elif at is not None:
            name, latitude, longitude = at
            kwargs.update(place_name=name, latitude=Decimal(str(latitude)), longitude=Decimal(str(longitude)))
        return super()._create(model_class, *args, **kwargs)


def hanoi(day, hour=0, minute=0):
    """An aware datetime at `hour`:`minute` Hanoi time on `day`."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class EventFactory(InDistrictFactory):
    """A published trade fair at an address in Gia Lâm, 08:00–17:00 Hanoi time in ten days
    (`on=` a date moves it; `starts_at`/`ends_at` override)."""

    class Meta:
        model = Event
        exclude = ["on"]

    kind = Event.Kind.FAIR
    title = factory.Sequence(lambda n: f"Hội chợ OCOP thử {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    address = "Trung tâm Triển lãm Việt Nam, Đông Anh"
    on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    starts_at = factory.LazyAttribute(lambda o: hanoi(o.on, 8))
    ends_at = factory.LazyAttribute(lambda o: hanoi(o.on, 17))
