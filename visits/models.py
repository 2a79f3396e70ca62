"""Visit routes through craft villages and showrooms, and fairs, festivals and livestreams.

Both belong to a district (`district_path`, villages/scoping.py): a route to its home
district (each stop's district is checked against the officer's too, `Route.stops_outside()`),
an event to the district where it takes place (a livestream: its organiser's district).
"""

import datetime
import math

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import Producer, Product
from core.models import DemoFlagModel, GeoPointModel, TimeStampedModel
from core.opening_hours import opening_hours_field
from showrooms.models import Showroom
from villages.models import District, Village

from .validators import livestream_platform, validate_livestream_url

EARTH_RADIUS_KM = 6371.0
# Travel between stops is an estimate, said so on the page: the road is taken as 1.3 times
# the straight line (Hanoi's outskirts: dykes, village lanes) and driven at 30 km/h on
# average (motorbike or car, traffic and village streets included).
ROAD_FACTOR = 1.3
AVERAGE_SPEED_KMH = 30


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km between two WGS 84 points (degrees)."""
    lat1, lon1, lat2, lon2 = (math.radians(float(value)) for value in (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def travel_minutes(straight_km):
    """Estimated minutes by road for a straight-line distance, rounded up to 5 minutes."""
    minutes = straight_km * ROAD_FACTOR / AVERAGE_SPEED_KMH * 60
    return max(5, math.ceil(minutes / 5) * 5)


class RouteQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_listing(self):
        return self.select_related("district").order_by("title")

    def for_detail(self):
        stops = RouteStop.objects.select_related(
            "village__district", "village__commune", "showroom__district"
        ).order_by("position")
        return self.select_related("district").prefetch_related(models.Prefetch("stops", queryset=stops))

    def passing(self, *, villages=(), showrooms=()):
        """Routes with a stop at one of `villages` or `showrooms` (rows or ids), each once."""
        condition = Q(stops__village__in=villages) | Q(stops__showroom__in=showrooms)
        ids = self.filter(condition).values("pk")
        return self.filter(pk__in=ids).for_listing()


class Route(DemoFlagModel, TimeStampedModel):
    """A day's visit: ordered stops at villages, showrooms or other places."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="routes",
        verbose_name=_("district"),
        help_text=_("The district that keeps this route; each stop must be in one of your districts too."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    villages = models.ManyToManyField(
        Village, through="RouteStop", related_name="routes", blank=True, verbose_name=_("villages")
    )
    showrooms = models.ManyToManyField(
        Showroom, through="RouteStop", related_name="routes", blank=True, verbose_name=_("showrooms")
    )

    objects = RouteQuerySet.as_manager()

    district_path = "district"  # villages/scoping.py

    class Meta:
        ordering = ["title"]
        verbose_name = _("visit route")
        verbose_name_plural = _("visit routes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("visits:route_detail", kwargs={"slug": self.slug})

    def legs(self):
        """[(stop, distance_km or None, minutes or None)] in order: the distance and the
        estimated time from the previous stop (None for the first, or without points)."""
        stops = list(self.stops.all())
        result = []
        previous = None
        for stop in stops:
            km = stop.distance_km(previous) if previous is not None else None
            result.append((stop, km, travel_minutes(km) if km is not None else None))
            previous = stop
        return result

    def stops_outside(self, stops, district_ids):
        """The stops (unsaved ones too) whose district is not in `district_ids` (None: all
        districts allowed)."""
        if district_ids is None:
            return []
        return [stop for stop in stops if stop.district_id_for(self) not in district_ids]


class RouteStop(GeoPointModel):
    """One stop of a route: exactly one of a village, a showroom or a place of its own
    (a community-tourism site, a temple, a restaurant) with its name and map point."""

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="stops", verbose_name=_("route"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, null=True, blank=True, related_name="route_stops", verbose_name=_("village")
    )
    showroom = models.ForeignKey(
        Showroom,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="route_stops",
        verbose_name=_("showroom"),
    )
    place_name = models.CharField(
        _("other place"),
        max_length=200,
        blank=True,
        help_text=_("A community-tourism site or another place: give its name and its latitude and longitude."),
    )
    place_address = models.CharField(_("address of the place"), max_length=300, blank=True)
    place_opening_hours = opening_hours_field(_("opening hours of the place"))
    note = models.TextField(_("note"), blank=True)

    class Meta(GeoPointModel.Meta):
        ordering = ["route", "position", "id"]
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        constraints = [
            *GeoPointModel.Meta.constraints,
            models.CheckConstraint(
                condition=Q(village__isnull=False, showroom__isnull=True, place_name="")
                | Q(village__isnull=True, showroom__isnull=False, place_name="")
                | (
                    Q(village__isnull=True, showroom__isnull=True, latitude__isnull=False, longitude__isnull=False)
                    & ~Q(place_name="")
                ),
                name="visits_stop_exactly_one_place",
                violation_error_message=_(
                    "A stop is exactly one of: a village, a showroom, or another place with its name and map point."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def target(self):
        return self.village or self.showroom

    @property
    def name(self):
        target = self.target
        return target.name if target else self.place_name

    @property
    def kind_label(self):
        if self.village_id:
            return _("craft village")
        if self.showroom_id:
            return self.showroom.get_kind_display()
        return _("place to visit")

    @property
    def address(self):
        if self.showroom_id:
            return self.showroom.address
        if self.village_id:
            return self.village.commune.name if self.village.commune_id else ""
        return self.place_address

    @property
    def point(self):
        """(latitude, longitude) of the stop, or None."""
        source = self.target if self.target is not None else self
        if source.latitude is None or source.longitude is None:
            return None
        return source.latitude, source.longitude

    @property
    def stop_map_url(self):
        source = self.target if self.target is not None else self
        return source.map_url

    @property
    def opening_hours_osm(self):
        """The stop's machine-readable opening hours (core/opening_hours.py), or ''."""
        if self.showroom_id:
            return self.showroom.opening_hours_osm
        if self.village_id:
            return self.village.opening_hours_osm
        return self.place_opening_hours

    @property
    def opening_hours_words(self):
        """The stop's opening hours in words, shown when there are no machine-readable ones."""
        if self.showroom_id:
            return self.showroom.opening_hours
        if self.village_id:
            return self.village.opening_times
        return ""

    def distance_km(self, other):
        a, b = self.point, other.point
        if a is None or b is None:
            return None
        return haversine_km(*a, *b)

    def district_id_for(self, route):
        """The district of the stop: its village's or showroom's; a place of its own is in
        its route's district."""
        if self.village_id:
            return self.village.district_id
        if self.showroom_id:
            return self.showroom.district_id
        return route.district_id

    def get_absolute_url(self):
        target = self.target
        return target.get_absolute_url() if target else ""


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_listing(self):
        return self.select_related("district", "village__commune", "showroom").order_by("starts_at", "pk")

    def at_village(self, village):
        """Events at `village`, at one of its showrooms, or with its producers; each once."""
        condition = Q(village=village) | Q(showroom__village=village) | Q(producers__village=village)
        return self.filter(pk__in=self.filter(condition).values("pk"))

    def upcoming(self, today=None):
        """Events that end today (Hanoi date) or later, soonest first.

        By the day, not the minute: pages that list them are cached per day (every cached
        entry carries today's date, core/cache.py), so a list made at 09:00 must stay true
        until midnight. An event that ended at 14:00 stays listed, marked as today's,
        until the day is over; then it moves to the archive."""
        return self.filter(ends_at__gte=start_of_day(today or timezone.localdate())).for_listing()

    def past(self, today=None):
        """Events that ended before today (Hanoi date), latest first: the archive."""
        return (
            self.filter(ends_at__lt=start_of_day(today or timezone.localdate()))
            .for_listing()
            .order_by("-starts_at", "-pk")
        )

    def in_month(self, year, month):
        """Events running at some time in that month (Hanoi time)."""
        first = datetime.date(year, month, 1)
        after = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return self.filter(starts_at__lt=start_of_day(after), ends_at__gte=start_of_day(first)).for_listing()


def start_of_day(day):
    """The aware moment a Hanoi (TIME_ZONE) day starts."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class InHanoiTime:
    """`local_start` and `local_end` of anything with `starts_at` and `ends_at` (aware)."""

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at)


class Event(InHanoiTime, DemoFlagModel, TimeStampedModel):
    """A trade fair, festival, livestream sale or workshop with OCOP producers."""

    class Kind(models.TextChoices):
        FAIR = "fair", _("trade fair")
        FESTIVAL = "festival", _("festival")
        LIVESTREAM = "livestream", _("livestream sale")
        WORKSHOP = "workshop", _("workshop")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"), help_text=_("Hanoi time."))
    ends_at = models.DateTimeField(_("ends"), help_text=_("Hanoi time."))
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("district"),
        help_text=_("Where it takes place; for a livestream, the organiser's district."),
    )
    showroom = models.ForeignKey(
        Showroom, on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("showroom")
    )
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("village")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    livestream_url = models.URLField(
        _("livestream link"),
        max_length=500,
        blank=True,
        validators=[validate_livestream_url],
        help_text=_("Facebook, TikTok or Zalo; for a livestream sale instead of a place."),
    )
    producers = models.ManyToManyField(
        Producer, related_name="events", blank=True, verbose_name=_("producers taking part")
    )
    products = models.ManyToManyField(Product, related_name="events", blank=True, verbose_name=_("products shown"))
    is_published = models.BooleanField(_("published"), default=True)

    objects = EventQuerySet.as_manager()

    district_path = "district"  # villages/scoping.py

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["ends_at", "starts_at"], name="visits_event_dates")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="visits_event_ends_after_start",
                violation_error_message=_("An event must end after it starts."),
            ),
            models.CheckConstraint(
                # Exactly one of: a showroom, a village, an address, a livestream link.
                condition=Q(showroom__isnull=False, village__isnull=True, address="", livestream_url="")
                | Q(showroom__isnull=True, village__isnull=False, address="", livestream_url="")
                | (Q(showroom__isnull=True, village__isnull=True, livestream_url="") & ~Q(address=""))
                | (Q(showroom__isnull=True, village__isnull=True, address="") & ~Q(livestream_url="")),
                name="visits_event_one_place",
                violation_error_message=_(
                    "Give exactly one of: a showroom, a village, an address, or a livestream link."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("visits:event_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.kind == self.Kind.LIVESTREAM and not self.livestream_url:
            raise ValidationError({"livestream_url": _("A livestream sale needs its Facebook, TikTok or Zalo link.")})
        place = self.showroom if self.showroom_id else self.village if self.village_id else None
        if place is not None and self.district_id and place.district_id != self.district_id:
            raise ValidationError({"district": _("The event's district must be the district of its place.")})

    @property
    def platform(self):
        return livestream_platform(self.livestream_url) if self.livestream_url else ""

    @property
    def place_name(self):
        if self.showroom_id:
            return self.showroom.name
        if self.village_id:
            return self.village.name
        return self.address

    @property
    def address_line(self):
        """The street address under the place's name, where there is one."""
        if self.showroom_id:
            return self.showroom.address
        if self.village_id:
            return self.village.commune.name if self.village.commune_id else ""
        return ""

    @property
    def place_url(self):
        place = self.showroom or self.village
        return place.get_absolute_url() if place else ""

    def runs_on(self, day):
        return self.local_start.date() <= day <= self.local_end.date()

    def is_over(self, now=None):
        return self.ends_at <= (now or timezone.now())
