"""Issue 13's journey: a tourist on a phone scans a Bát Tràng vase, goes from its trace page
to a route that visits the village where it was made and to the nearest showroom that is
open now; a shopper subscribes to the fair calendar."""

import datetime
from decimal import Decimal

import pytest

from tests import factories

from .helpers import PHONE, horizontal_overflow

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

# The tourist stands by Hoàn Kiếm lake.
HERE = {"latitude": 21.0285, "longitude": 105.8524}


@pytest.fixture
def bat_trang_vase():
    village = factories.VillageFactory(
        name="Bát Tràng", district_slug="gia-lam", latitude=Decimal("20.9760"), longitude=Decimal("105.9120")
    )
    vase = factories.PublishedProductFactory(
        name_vi="Bình gốm men lam", name_en="Blue-glazed vase", producer=factories.ProducerFactory(village=village)
    )
    # Stocked by three showrooms: the nearest to the village is closed tonight, the
    # nearest to the tourist is open around the clock.
    factories.ShowroomFactory(
        name="Điểm OCOP Bát Tràng",
        district_slug="gia-lam",
        latitude=Decimal("20.9765"),
        longitude=Decimal("105.9125"),
        opening_hours_osm="off",
        products=[vase],
    )
    factories.ShowroomFactory(
        name="Trung tâm OCOP Hàng Bông",
        district_slug="hoan-kiem",
        latitude=Decimal("21.0300"),
        longitude=Decimal("105.8480"),
        opening_hours_osm="24/7",
        products=[vase],
    )
    factories.ShowroomFactory(
        name="Điểm OCOP Ba Vì",
        district_slug="ba-vi",
        latitude=Decimal("21.0800"),
        longitude=Decimal("105.3800"),
        opening_hours_osm="24/7",
        products=[vase],
    )
    route = factories.RouteFactory(
        title_vi="Bát Tràng và Vạn Phúc trong một ngày",
        title_en="Bát Tràng and Vạn Phúc in one day",
        district_slug="gia-lam",
        stops=[village],
    )
    fair = factories.EventFactory(
        title_vi="Hội chợ OCOP Hà Nội",
        title_en="Hanoi OCOP fair",
        on=datetime.date.today() + datetime.timedelta(days=12),
    )
    fair.products.add(vase)
    return vase, route


@pytest.fixture
def tourist_phone(browser, live_server):
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        locale="en-US",
        geolocation=HERE,
        permissions=["geolocation"],
        extra_http_headers={"Accept-Language": "en-US,en;q=0.9"},
    )
    context.set_default_timeout(10_000)
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    yield context
    context.close()


def test_from_a_scan_to_a_route_through_the_village_and_the_nearest_open_showroom(
    tourist_phone, live_server, bat_trang_vase
):
    vase, route = bat_trang_vase
    page = tourist_phone.new_page()
    page.goto(live_server.url + vase.get_trace_url())
    assert page.get_by_text("Registered OCOP product").first.is_visible()
    assert "Blue-glazed vase" in page.inner_text("h1")
    assert horizontal_overflow(page) <= 0

    # "Visit where this was made" leads to a route with the village as a stop.
    page.get_by_role("link", name="Bát Tràng and Vạn Phúc in one day").click()
    page.wait_for_url(f"**{route.get_absolute_url()}")
    assert page.get_by_role("heading", name="Bát Tràng and Vạn Phúc in one day").is_visible()
    assert page.locator("main").get_by_text("Bát Tràng").first.is_visible()
    assert horizontal_overflow(page) <= 0

    # Back on the trace page, "Near me" puts the nearest showroom first, and says it is open.
    page.go_back()
    page.get_by_role("button", name="Near me").click()
    page.get_by_text("Sorted by distance from you").wait_for()
    shops = page.locator("#trace-shops li")
    assert shops.first.locator("h3").inner_text() == "Trung tâm OCOP Hàng Bông"
    assert shops.first.get_by_text("Open now").is_visible()
    closed = page.locator("#trace-shops li", has_text="Điểm OCOP Bát Tràng")
    assert not closed.get_by_text("Open now").is_visible()
    directions = shops.first.get_by_role("link", name="Directions (OpenStreetMap)").get_attribute("href")
    assert directions.startswith("https://www.openstreetmap.org/directions?route=21.02850%2C105.85240%3B")


def test_a_shopper_subscribes_to_the_fair_calendar(page, live_server, bat_trang_vase):
    page.goto(live_server.url + "/en/events/")
    assert page.get_by_text("Hanoi OCOP fair").first.is_visible()
    feed = page.get_by_role("link", name="Subscribe to the calendar (iCalendar)").get_attribute("href")
    response = page.request.get(live_server.url + feed)
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    calendar = response.text()
    assert "BEGIN:VCALENDAR" in calendar and "SUMMARY:Hanoi OCOP fair" in calendar
