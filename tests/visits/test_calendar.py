"""The iCalendar feeds, read back with the icalendar library as a calendar app would."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from tests import factories
from tests.factories import hanoi
from visits import ical

pytestmark = pytest.mark.django_db
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


@pytest.fixture
def fair(db):
    day = datetime.date(2026, 12, 18)
    return factories.EventFactory(
        title_vi="Hội chợ OCOP Hà Nội 2026",
        title_en="Hanoi OCOP Fair 2026",
        slug="hoi-cho-ocop-2026",
        starts_at=hanoi(day, 8, 30),
        ends_at=hanoi(day + datetime.timedelta(days=3), 21),
        address="Cung Văn hóa Hữu nghị, 91 Trần Hưng Đạo, Hoàn Kiếm",
        district_slug="hoan-kiem",
    )


def test_the_feed_gives_hanoi_times_that_any_calendar_reads_right(client, fair):
    calendar = read(client, "/events/calendar.ics")
    (event,) = calendar.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime.datetime(2026, 12, 18, 8, 30, tzinfo=HANOI)
    assert start.utcoffset() == datetime.timedelta(hours=7)
    assert start.astimezone(datetime.timezone.utc).hour == 1  # 08:30 in Hanoi is 01:30 UTC
    assert end == datetime.datetime(2026, 12, 21, 21, 0, tzinfo=HANOI)
    assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    # The time zone the TZID names is defined in the file, for apps that do not know it.
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Asia/Ho_Chi_Minh"
    assert str(event["SUMMARY"]) == "Hội chợ OCOP Hà Nội 2026"
    assert "Cung Văn hóa Hữu nghị" in str(event["LOCATION"])
    assert str(event["URL"]).endswith("/events/hoi-cho-ocop-2026/")


def test_the_english_feed_is_in_english(client, fair):
    calendar = read(client, "/en/events/calendar.ics")
    assert str(calendar["X-WR-CALNAME"]) == "OCOP Hanoi events"
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Hanoi OCOP Fair 2026"
    assert str(event["URL"]).endswith("/en/events/hoi-cho-ocop-2026/")


def test_uids_are_stable_across_edits_and_unique(client, fair):
    factories.EventFactory(slug="other")
    before = {str(event["UID"]) for event in read(client, "/events/calendar.ics").walk("VEVENT")}
    assert len(before) == 2
    fair.title_vi = "Hội chợ OCOP Hà Nội (đổi tên)"
    fair.slug = "doi-ten"
    fair.save()
    after = {str(event["UID"]) for event in read(client, "/events/calendar.ics").walk("VEVENT")}
    assert after == before
    assert ical.uid(fair) in after


def test_a_livestream_gives_its_link_as_the_location(client):
    factories.EventFactory(kind="livestream", address="", livestream_url="https://www.tiktok.com/@langnghe/live")
    (event,) = read(client, "/events/calendar.ics").walk("VEVENT")
    assert str(event["LOCATION"]) == "https://www.tiktok.com/@langnghe/live"


def test_the_village_feed_has_only_that_villages_events(client, bat_trang, van_phuc):
    factories.EventFactory(title_vi="Lễ hội gốm", village=bat_trang, address="")
    producer_event = factories.EventFactory(title_vi="Hội chợ có Bát Tràng")
    producer_event.producers.add(factories.ProducerFactory(village=bat_trang))
    factories.EventFactory(title_vi="Lễ hội lụa", village=van_phuc, address="", district_slug="ha-dong")
    summaries = {str(e["SUMMARY"]) for e in read(client, "/events/village/bat-trang.ics").walk("VEVENT")}
    assert summaries == {"Lễ hội gốm", "Hội chợ có Bát Tràng"}
    assert client.get("/events/village/no-such-village.ics").status_code == 404


def test_unpublished_and_long_past_events_are_left_out(client, fair):
    factories.EventFactory(title_vi="Bản nháp", is_published=False)
    factories.EventFactory(title_vi="Hai năm trước", on=datetime.date.today() - datetime.timedelta(days=800))
    summaries = {str(e["SUMMARY"]) for e in read(client, "/events/calendar.ics").walk("VEVENT")}
    assert summaries == {"Hội chợ OCOP Hà Nội 2026"}
