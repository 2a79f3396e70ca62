"""Events: upcoming, by month, the archive; on home, product, producer and village pages;
cached pages and the day an event ends; the admin refusing an event that ends before it starts."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests import factories
from tests.factories import hanoi
from tests.language import english_page, english_url, vietnamese_page
from visits.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(bat_trang, showroom):
    today = timezone.localdate()
    producer = factories.ProducerFactory(name="Gốm Quang Vinh", village=bat_trang)
    product = factories.PublishedProductFactory(name="Bình gốm men lam", producer=producer)
    fair = factories.EventFactory(
        title_vi="Hội chợ OCOP Hà Nội",
        title_en="Hanoi OCOP Fair",
        slug="hoi-cho-ocop",
        on=today + datetime.timedelta(days=5),
        district_slug="dong-anh",
    )
    fair.products.add(product)
    fair.producers.add(producer)
    festival = factories.EventFactory(
        kind=Event.Kind.FESTIVAL,
        title_vi="Lễ hội gốm Bát Tràng",
        title_en="Bát Tràng Ceramics Festival",
        slug="le-hoi-gom",
        village=bat_trang,
        address="",
        on=today + datetime.timedelta(days=12),
    )
    past = factories.EventFactory(
        title_vi="Hội chợ năm ngoái",
        title_en="Last year's fair",
        slug="hoi-cho-cu",
        on=today - datetime.timedelta(days=40),
    )
    past.producers.add(producer)
    live = factories.EventFactory(
        kind=Event.Kind.LIVESTREAM,
        title_vi="Livestream khảm trai Chuyên Mỹ",
        title_en="Chuyên Mỹ inlay livestream",
        slug="livestream",
        address="",
        livestream_url="https://www.facebook.com/ocop.phuxuyen/live",
        district_slug="phu-xuyen",
        on=today + datetime.timedelta(days=2),
    )
    return {"fair": fair, "festival": festival, "past": past, "live": live, "product": product, "producer": producer}


def test_the_events_page_lists_upcoming_events_soonest_first_and_not_past_ones(client, events):
    body = english_page(client, "/en/events/")
    order = [body.index(title) for title in ("Chuyên Mỹ inlay livestream", "Hanoi OCOP Fair", "Bát Tràng Ceramics")]
    assert order == sorted(order)
    assert "Last year&#x27;s fair" not in body
    assert "Livestream on Facebook" in body


def test_the_archive_keeps_past_events(client, events):
    body = english_page(client, "/en/events/archive/")
    assert "Last year&#x27;s fair" in body and "Hanoi OCOP Fair" not in body


def test_the_month_page_lists_the_months_events_in_both_languages(client, events):
    start = events["fair"].local_start
    url = f"/events/{start.year}/{start.month:02d}/"
    vietnamese = vietnamese_page(client, url)
    assert "Hội chợ OCOP Hà Nội" in vietnamese
    assert f"Sự kiện tháng {start.month}/{start.year}" in vietnamese
    body = english_page(client, "/en" + url)
    assert "Hanoi OCOP Fair" in body
    assert f"Events in {start:%B %Y}" in body
    assert "/" not in body.split("<h1>", 1)[1].split("</h1>", 1)[0], "the month is written out in English"


def test_a_month_has_one_url(client, events):
    assert client.get("/events/2027/1/").status_code == 404
    assert client.get("/events/2027/01/").status_code == 200
    body = vietnamese_page(client, "/events/")
    assert "/events/2027/01/" in body or "/events/2026/12/" in body


def test_the_archive_offers_past_months_not_future_ones(client, events):
    import datetime

    from django.utils import timezone

    first = timezone.localdate().replace(day=1)
    body = english_page(client, "/en/events/archive/")
    last_month = (first - datetime.timedelta(days=1)).replace(day=1)
    next_month = (first + datetime.timedelta(days=32)).replace(day=1)
    assert f'/en/events/{last_month:%Y/%m}/"' in body
    assert f'/en/events/{next_month:%Y/%m}/"' not in body


@pytest.mark.parametrize("url", ["/events/2026/13/", "/events/2026/0/", "/events/1999/12/", "/en/events/99999/1/"])
def test_a_month_that_is_not_one_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_an_event_page_shows_times_in_hanoi_and_who_takes_part(client, events):
    body = english_page(client, english_url(events["fair"]))
    start = events["fair"].local_start
    assert f'<time datetime="{start:%Y-%m-%dT08:00:00+07:00}">' in body
    assert "08:00" in body and "17:00" in body
    assert "Gốm Quang Vinh" in body and "Bình gốm men lam" in body


def test_a_livestream_page_links_to_the_stream(client, events):
    body = english_page(client, english_url(events["live"]))
    assert 'href="https://www.facebook.com/ocop.phuxuyen/live"' in body and "Watch live on Facebook" in body


def test_upcoming_events_show_on_home_producer_and_village_pages(client, events, bat_trang):
    home = english_page(client, "/en/")
    assert "Fairs, festivals and livestreams" in home and "Chuyên Mỹ inlay livestream" in home
    body = english_page(client, english_url(events["producer"]))
    assert "Hanoi OCOP Fair" in body and "Last year" not in body
    # The product page leads to its village's page, which lists its producers' events.
    assert f'href="{english_url(bat_trang)}"' in english_page(client, english_url(events["product"]))
    village = english_page(client, english_url(bat_trang))
    assert "Bát Tràng Ceramics Festival" in village and "Hanoi OCOP Fair" in village  # its producer takes part
    assert "/en/events/village/bat-trang.ics" in village


def test_an_event_that_ended_today_is_todays_until_midnight_then_archived(client, today):
    """Pages are cached per day, so "upcoming" is decided by the day: an event that ended
    at 17:00 is still listed (as today's) at 23:00, and in the archive the next morning."""
    ended = factories.EventFactory(title_en="Morning market", slug="morning", on=today.date)
    body = english_page(client, "/en/events/")
    assert "Morning market" in body and "· today" in body
    today.move_to(today.date + datetime.timedelta(days=1))
    assert "Morning market" not in english_page(client, "/en/events/")
    assert "Morning market" in english_page(client, "/en/events/archive/")
    assert ended.ends_at == hanoi(ended.local_end.date(), 17)


def test_a_cached_events_page_is_not_served_the_day_after(client, today, settings):
    """The whole-page cache (visitors without a session) keys on the date too."""
    factories.EventFactory(title_en="Morning market", slug="morning", on=today.date)
    for _ in range(3):  # the first request starts the generation, the next one stores the page
        assert "Morning market" in english_page(client, "/en/events/")
    today.move_to(today.date + datetime.timedelta(days=1))
    assert "Morning market" not in english_page(client, "/en/events/")


def test_unpublished_events_show_nowhere(client, events):
    events["fair"].is_published = False
    events["fair"].save()
    assert "Hanoi OCOP Fair" not in english_page(client, "/en/events/")
    assert client.get(english_url(events["fair"])).status_code == 404


def test_event_pages_stay_within_ten_queries(client, events, bat_trang, django_assert_max_num_queries):
    start = events["fair"].local_start
    urls = [
        "/en/events/",
        "/en/events/archive/",
        f"/en/events/{start.year}/{start.month}/",
        english_url(events["fair"]),
        "/en/events/calendar.ics",
        "/en/events/village/bat-trang.ics",
        "/en/",
        english_url(events["product"]),
        english_url(events["producer"]),
        english_url(bat_trang),
    ]
    for url in urls:
        cache.clear()
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200, url


# --- the admin -------------------------------------------------------------------------------


def event_form(district, **changes):
    start = timezone.localdate() + datetime.timedelta(days=3)
    data = {
        "kind": "fair",
        "title_vi": "Hội chợ thử",
        "title_en": "Test fair",
        "slug": "hoi-cho-thu",
        "is_published": "on",
        "starts_at_0": start.isoformat(),
        "starts_at_1": "08:00:00",
        "ends_at_0": start.isoformat(),
        "ends_at_1": "17:00:00",
        "district": district.pk,
        "address": "Sân vận động xã",
    }
    data.update(changes)
    return data


def test_an_officer_adds_an_event_in_their_district(officer_client):
    response = officer_client.post("/admin/visits/event/add/", event_form(factories.district("phu-xuyen")))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.local_start.hour == 8  # typed in Hanoi time, kept as such


def test_an_event_that_ends_before_it_starts_is_refused_in_the_admin(english_officer_client):
    data = event_form(factories.district("phu-xuyen"), ends_at_1="07:00:00")
    response = english_officer_client.post("/admin/visits/event/add/", data)
    assert response.status_code == 200
    assert "An event must end after it starts." in response.content.decode()
    assert not Event.objects.exists()


def test_an_officer_cannot_add_an_event_in_another_district(english_officer_client):
    response = english_officer_client.post("/admin/visits/event/add/", event_form(factories.district("gia-lam")))
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_an_officer_sees_only_their_districts_events(officer_client):
    factories.EventFactory(title_vi="Hội chợ Phú Xuyên", district_slug="phu-xuyen")
    other = factories.EventFactory(title_vi="Hội chợ Gia Lâm", district_slug="gia-lam")
    body = officer_client.get("/admin/visits/event/").content.decode()
    assert "Hội chợ Phú Xuyên" in body and "Hội chợ Gia Lâm" not in body
    assert officer_client.get(f"/admin/visits/event/{other.pk}/change/").status_code == 404
