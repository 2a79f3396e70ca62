"""The map of places to visit (/map/): craft villages, showrooms and producers, as an HTML
list that works alone and as GeoJSON for the map that enhances it.

One reading shape (`map_places()`) feeds both, so the list, the markers and the tests
agree on what is shown: every craft village with a point; active showrooms; producers
with at least one published product (a producer has no point of its own yet, so it is
shown at its village's point and says so). Filters (craft, district, kind) come from the
query string; an unknown value is dropped and named in a notice, never an error.

"Open now" is not computed here: the pages are cached (core/page_cache.py) and would go
stale at opening and closing time with no write. The opening hours travel as data (each
weekday's minute ranges, core/opening_hours.py) and the page's script works it out on
the phone in Hanoi time; the list without script shows the hours in words.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalogue.models import Producer, Product
from core import opening_hours
from core.text import vietnamese_sort_key
from showrooms.models import Showroom
from villages.models import Craft, District, Village

KINDS = {
    "village": gettext_lazy("Craft villages"),
    "showroom": gettext_lazy("Showrooms and sales points"),
    "producer": gettext_lazy("Producers"),
}


@dataclass
class MapFilters:
    craft: Craft | None = None
    district: District | None = None
    kind: str = ""
    ignored: list = field(default_factory=list)  # (parameter, value) pairs dropped
    crafts: list = field(default_factory=list)  # the choices, for the form
    districts: list = field(default_factory=list)

    def query_string(self):
        parts = []
        if self.craft:
            parts.append(f"craft={self.craft.slug}")
        if self.district:
            parts.append(f"district={self.district.slug}")
        if self.kind:
            parts.append(f"kind={self.kind}")
        return "&".join(parts)


def read_filters(query):
    """MapFilters from a QueryDict; unknown values go to `ignored` (two queries: the choices)."""
    # Sorted as Vietnamese is read, in the page's language ("Ba Đình" before "Ba Vì", "Dệt"
    # before "Đan"), not in the database's byte order.
    filters = MapFilters(
        crafts=sorted(Craft.objects.all(), key=lambda craft: vietnamese_sort_key(craft.name)),
        districts=sorted(District.objects.all(), key=lambda district: vietnamese_sort_key(district.name)),
    )
    by_slug = {"craft": {c.slug: c for c in filters.crafts}, "district": {d.slug: d for d in filters.districts}}
    for name in ("craft", "district"):
        value = query.get(name, "").strip()
        if value:
            found = by_slug[name].get(value)
            if found is None:
                filters.ignored.append((name, value))
            setattr(filters, name, found)
    kind = query.get("kind", "").strip()
    if kind in KINDS:
        filters.kind = kind
    elif kind:
        filters.ignored.append(("kind", kind))
    return filters


@dataclass
class Place:
    kind: str  # village, showroom, producer
    kind_label: str
    name: str
    url: str
    address: str
    district: str
    latitude: Decimal | None
    longitude: Decimal | None
    hours: str = ""  # OpenStreetMap form, core/opening_hours.py
    approximate: bool = False  # shown at its village's point

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def key(self):
        return f"{self.kind}-{self.url}"


def _valid_point(latitude, longitude):
    """Only a point on Earth reaches the map (the database checks too: GeoPointModel)."""
    return latitude is not None and longitude is not None and -90 <= latitude <= 90 and -180 <= longitude <= 180


def map_places(filters):
    """The places the map and its list show, villages first, then showrooms, then producers,
    each by name. Three queries at most."""
    places = []
    if filters.kind in ("", "village"):
        villages = Village.objects.select_related("district", "commune").order_by("name")
        if filters.craft:
            villages = villages.filter(crafts=filters.craft)
        if filters.district:
            villages = villages.filter(district=filters.district)
        for village in villages:
            commune = village.commune.name if village.commune else village.commune_note
            address = ", ".join(part for part in (commune, village.district.name) if part)
            places.append(
                Place(
                    "village",
                    _("Craft village"),
                    village.name,
                    village.get_absolute_url(),
                    address,
                    village.district.name,
                    village.latitude,
                    village.longitude,
                    village.opening_hours_osm,
                )
            )
    if filters.kind in ("", "showroom"):
        showrooms = Showroom.objects.active().for_listing().order_by("name")
        if filters.craft:
            stocked = Product.objects.published().filter(craft=filters.craft, showrooms=OuterRef("pk"))
            showrooms = showrooms.filter(
                Exists(stocked) | Exists(Village.objects.filter(pk=OuterRef("village_id"), crafts=filters.craft))
            )
        if filters.district:
            showrooms = showrooms.filter(district=filters.district)
        for showroom in showrooms:
            places.append(
                Place(
                    "showroom",
                    showroom.get_kind_display(),
                    showroom.name,
                    showroom.get_absolute_url(),
                    showroom.address,
                    showroom.district.name,
                    showroom.latitude,
                    showroom.longitude,
                    showroom.opening_hours_osm,
                )
            )
    if filters.kind in ("", "producer"):
        published = Product.objects.published().filter(producer=OuterRef("pk"))
        if filters.craft:
            published = published.filter(craft=filters.craft)
        producers = Producer.objects.with_places().filter(Exists(published)).order_by("name")
        if filters.district:
            producers = producers.filter(district=filters.district)
        for producer in producers:
            village = producer.village
            places.append(
                Place(
                    "producer",
                    producer.get_kind_display(),
                    producer.name,
                    producer.get_absolute_url(),
                    producer.address or (village.name if village else producer.district.name),
                    producer.district.name,
                    village.latitude if village else None,
                    village.longitude if village else None,
                    approximate=True,
                )
            )
    for place in places:
        if not _valid_point(place.latitude, place.longitude):
            place.latitude = place.longitude = None
    kinds = ("village", "showroom", "producer")
    places.sort(
        key=lambda place: (
            kinds.index(place.kind) if place.kind in kinds else len(kinds),
            vietnamese_sort_key(place.name),
        )
    )
    return places


def _ignored_notice(filters):
    if not filters.ignored:
        return ""
    values = ", ".join(f"{name}={value}" for name, value in filters.ignored)
    return _("Not understood and left out: %(values)s. The map shows the rest.") % {"values": values}


def map_page(request):
    filters = read_filters(request.GET)
    places = map_places(filters)
    geojson_url = request.path + "places.geojson"
    if filters.query_string():
        geojson_url += "?" + filters.query_string()
    return render(
        request,
        "map.html",
        {
            "filters": filters,
            "kinds": KINDS.items(),
            "places": places,
            "located": sum(1 for place in places if place.has_location),
            "notice": _ignored_notice(filters),
            "geojson_url": geojson_url,
            "canonical_query": f"?{filters.query_string()}" if filters.query_string() else "",
        },
    )


def feature(place, request):
    hours = None
    try:
        parsed = opening_hours.parse(place.hours)
    except opening_hours.OpeningHoursError:  # saved before validation: shown as unknown
        parsed = None
    if parsed is not None:
        hours = parsed.as_data()
    return {
        "type": "Feature",
        # GeoJSON order: longitude, latitude (RFC 7946).
        "geometry": {"type": "Point", "coordinates": [float(place.longitude), float(place.latitude)]},
        "properties": {
            "kind": place.kind,
            "kind_label": capfirst(str(place.kind_label)),
            "name": place.name,
            "url": request.build_absolute_uri(place.url),
            "address": place.address,
            "district": place.district,
            "hours": hours,
            "hours_text": opening_hours.describe(parsed) if parsed else "",
            "approximate": place.approximate,
        },
    }


def map_geojson(request):
    """The map's markers as GeoJSON, with the page's filters; places without a point left out."""
    filters = read_filters(request.GET)
    places = [place for place in map_places(filters) if place.has_location]
    body = {
        "type": "FeatureCollection",
        # Producers first: the map draws later markers on top (villages, showrooms).
        "features": [feature(place, request) for place in sorted(places, key=lambda p: p.kind != "producer")],
        "ignored": [{"parameter": name, "value": value} for name, value in filters.ignored],
    }
    return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/geo+json; charset=utf-8")
