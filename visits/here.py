"""The routes and upcoming events that concern a village, showroom, producer or product,
for the part of their pages that visits fills (templates/visits/partials/visits_here.html).

Both come from one query, a UNION of the two tables' few columns a card shows: those pages
were already near their budget of 10 queries on a cold cache, and each adds only this one.
The rows become small objects with the attributes the card partials read."""

import datetime
from dataclasses import dataclass, field

from django.db.models import CharField, DateTimeField, F, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from catalogue.models import Producer, Product
from showrooms.models import Showroom
from villages.models import Village

from .models import Event, InHanoiTime, Route, start_of_day
from .validators import livestream_platform

EVENTS_SHOWN = 5
# The UNION's columns, named (not field names, which an annotation may not reuse) and
# listed in one order for both tables.
COLUMNS = [f"column_{n}" for n in range(12)]


def _translated(vietnamese, english):
    language = (get_language() or "vi").split("-")[0]
    return (english or vietnamese) if language == "en" else vietnamese


@dataclass
class RouteItem:
    slug: str
    title: str
    summary: str
    district_name: str

    @property
    def district(self):
        return {"name": self.district_name}

    def get_absolute_url(self):
        return reverse("visits:route_detail", kwargs={"slug": self.slug})


@dataclass
class EventItem(InHanoiTime):
    slug: str
    title: str
    kind: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place_name: str
    address_line: str
    livestream_url: str
    platform: str = field(init=False)

    def __post_init__(self):
        self.platform = livestream_platform(self.livestream_url) if self.livestream_url else ""

    def get_kind_display(self):
        return Event.Kind(self.kind).label

    def get_absolute_url(self):
        return reverse("visits:event_detail", kwargs={"slug": self.slug})


def _route_ids(subject):
    routes = Route.objects.published()
    if isinstance(subject, Village):
        return routes.filter(stops__village=subject).values("pk")
    if isinstance(subject, Showroom):
        return routes.filter(stops__showroom=subject).values("pk")
    if isinstance(subject, Product) and subject.producer.village_id:
        # The routes through the village where it is made ("visit where it is made").
        return routes.filter(stops__village_id=subject.producer.village_id).values("pk")
    return None


def _event_ids(subject):
    events = Event.objects.published()
    if isinstance(subject, Village):
        condition = Q(village=subject) | Q(showroom__village=subject) | Q(producers__village=subject)
    elif isinstance(subject, Showroom):
        condition = Q(showroom=subject)
    elif isinstance(subject, Producer):
        condition = Q(producers=subject)
    elif isinstance(subject, Product):
        # Events it takes part in, or its producer does (a fair stand sells their range).
        condition = Q(products=subject) | Q(producers=subject.producer_id)
    else:
        return None
    return events.filter(condition).values("pk")


def visits_here(subject, today=None):
    """(routes, upcoming events) of `subject`, in one query; routes by title, events
    soonest first (upcoming by the day, as EventQuerySet.upcoming())."""
    route_ids, event_ids = _route_ids(subject), _event_ids(subject)
    none = Value(None, output_field=CharField())
    empty = Value("", output_field=CharField())
    no_time = Value(None, output_field=DateTimeField())
    parts = []
    if route_ids is not None:
        parts.append(
            QuerySet(model=Route)
            .filter(pk__in=route_ids)
            .order_by()
            .annotate(
                column_0=Value("route", output_field=CharField()),
                column_1=F("slug"),
                column_2=F("title_vi"),
                column_3=F("title_en"),
                column_4=Coalesce("summary_vi", empty, output_field=TextField()),
                column_5=Coalesce("summary_en", empty, output_field=TextField()),
                column_6=empty,
                column_7=no_time,
                column_8=no_time,
                column_9=F("district__name"),
                column_10=empty,
                column_11=empty,
            )
            .values_list(*COLUMNS)
        )
    if event_ids is not None:
        parts.append(
            QuerySet(model=Event)
            .filter(pk__in=event_ids, ends_at__gte=start_of_day(today or timezone.localdate()))
            .order_by()
            .annotate(
                column_0=Value("event", output_field=CharField()),
                column_1=F("slug"),
                column_2=F("title_vi"),
                column_3=F("title_en"),
                column_4=Coalesce(none, empty, output_field=TextField()),
                column_5=Coalesce(none, empty, output_field=TextField()),
                column_6=F("kind"),
                column_7=F("starts_at"),
                column_8=F("ends_at"),
                column_9=Coalesce("showroom__name", "village__name", "address", output_field=CharField()),
                column_10=Coalesce("showroom__address", empty, output_field=CharField()),
                column_11=F("livestream_url"),
            )
            .values_list(*COLUMNS)
        )
    if not parts:
        return [], []
    # Plain QuerySets for the parts: django-modeltranslation's (the models' managers) lists
    # the columns of values_list() in an order of its own, which would misalign the UNION.
    query = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    routes, events = [], []
    for kind, slug, title_vi, title_en, text_vi, text_en, event_kind, starts, ends, place, line, link in query:
        title = _translated(title_vi, title_en)
        if kind == "route":
            routes.append(RouteItem(slug, title, _translated(text_vi, text_en), place or ""))
        else:
            # SQLite gives back naive UTC in a UNION's columns (no field to convert them).
            starts, ends = (_aware(value) for value in (starts, ends))
            events.append(EventItem(slug, title, event_kind, starts, ends, place or "", line or "", link or ""))
    routes.sort(key=lambda route: route.title)
    events.sort(key=lambda event: (event.starts_at, event.slug))
    return routes, events[:EVENTS_SHOWN]


def _aware(value):
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value
