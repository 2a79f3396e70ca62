"""Template tags for places on a map: opening hours as data and words, directions links."""

import json
from decimal import Decimal
from urllib.parse import quote

from django import template

from core import opening_hours

register = template.Library()


def _parsed(value):
    try:
        return opening_hours.parse(value or "")
    except opening_hours.OpeningHoursError:  # saved before validation: treated as unknown
        return None


@register.filter
def hours_data(value):
    """Each weekday's minute ranges as JSON for the page's script ("open now"), or ""."""
    hours = _parsed(value)
    return json.dumps(hours.as_data(), separators=(",", ":")) if hours else ""


@register.filter
def hours_text(value):
    """The hours in words in the page's language: "Thứ Hai–Thứ Sáu 08:00–17:30", or ""."""
    hours = _parsed(value)
    return opening_hours.describe(hours) if hours else ""


@register.filter
def coordinate(value):
    """A latitude or longitude for attributes and URLs: a dot and six decimals in every
    language (a Vietnamese page would otherwise write 21,030000)."""
    return f"{Decimal(str(value)):.6f}"


@register.simple_tag
def geo_url(latitude, longitude, name):
    """A geo: URI (RFC 5870) that opens the phone's map app at the place, labelled."""
    lat, lng = coordinate(latitude), coordinate(longitude)
    return f"geo:{lat},{lng}?q={lat},{lng}({quote(name, safe='')})"


@register.simple_tag
def osm_directions_url(latitude, longitude):
    """OpenStreetMap's directions to the place; the page's script adds the visitor's position
    as the start when they share it (on the phone only)."""
    return f"https://www.openstreetmap.org/directions?route=%3B{coordinate(latitude)}%2C{coordinate(longitude)}"
