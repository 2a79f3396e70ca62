"""The iCalendar feeds (RFC 5545) of events, written with the `icalendar` library.

Times are given in Asia/Ho_Chi_Minh with a TZID and the VTIMEZONE it names (Hanoi has no
daylight saving time, UTC+7 all year), so a calendar app shows them at Hanoi time wherever
the subscriber is. Each event's UID is made of its id and the site's host: stable across
edits and renames, so a calendar app updates the event instead of adding it twice."""

import datetime
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from icalendar import Calendar
from icalendar import Event as CalendarEvent

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# A feed keeps a year of past events: calendars keep what they imported, and a subscriber
# joining today does not need the whole archive.
ARCHIVE_DAYS = 365


def feed_events(events):
    """The events a feed lists: upcoming ones and those that ended within the last year."""
    since = timezone.now() - datetime.timedelta(days=ARCHIVE_DAYS)
    return (
        events.filter(ends_at__gte=since)
        .select_related("district", "village__commune", "showroom")
        .order_by("starts_at", "pk")
    )


def uid(event):
    host = urlsplit(settings.SITE_URL).hostname or "ocop.local"
    return f"event-{event.pk}@{host}"


def feed(events, name):
    """The calendar as bytes."""
    calendar = Calendar()
    calendar.add("prodid", "-//OCOP Ha Noi//Craft Catalogue//" + (get_language() or "vi").upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for event in events:
        calendar.add_component(entry(event))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def entry(event):
    url = settings.SITE_URL + event.get_absolute_url()
    item = CalendarEvent()
    item.add("uid", uid(event))
    item.add("summary", event.title)
    item.add("dtstart", event.starts_at.astimezone(HANOI))
    item.add("dtend", event.ends_at.astimezone(HANOI))
    item.add("dtstamp", event.updated_at.astimezone(datetime.timezone.utc))
    item.add("last-modified", event.updated_at.astimezone(datetime.timezone.utc))
    item.add("categories", [str(event.get_kind_display())])
    item.add("url", url)
    if event.livestream_url:
        item.add("location", event.livestream_url)
    else:
        item.add("location", ", ".join(part for part in (event.place_name, event.address_line) if part))
    description = "\n\n".join(part for part in (event.description, url) if part)
    item.add("description", description)
    return item
