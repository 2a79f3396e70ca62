"""A tourist on a phone presses "Near me": the showrooms are sorted by distance from where
the phone is (a fake position granted to the browser), directions start from there, and
"open now" is worked out on the phone. The position is never sent to the site."""

from decimal import Decimal

import pytest

from tests import factories

from .helpers import PHONE, horizontal_overflow

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

# Hoàn Kiếm lake: the tourist stands here.
HERE = {"latitude": 21.0285, "longitude": 105.8524}


@pytest.fixture
def showrooms():
    """Three showrooms, created farthest first so that the name order is not the answer."""
    far = factories.ShowroomFactory(
        name="A Điểm Ba Vì", district_slug="ba-vi", latitude=Decimal("21.08"), longitude=Decimal("105.38")
    )
    middle = factories.ShowroomFactory(
        name="B Điểm Bát Tràng",
        district_slug="gia-lam",
        latitude=Decimal("20.976"),
        longitude=Decimal("105.912"),
        opening_hours_osm="24/7",
    )
    near = factories.ShowroomFactory(
        name="C Trung tâm Hàng Bông", district_slug="hoan-kiem", latitude=Decimal("21.03"), longitude=Decimal("105.848")
    )
    return [near, middle, far]


@pytest.fixture
def located_phone(browser, live_server):
    """An English phone that has granted this site its position."""
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
    sent = []
    context.on("request", lambda request: sent.append(request.url))
    # No tiles from the internet in tests.
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    yield context, sent
    context.close()


def names_in(page, selector):
    return [name.strip() for name in page.locator(selector).all_inner_texts()]


def test_near_me_sorts_the_showroom_list_by_distance_from_the_phone(located_phone, live_server, showrooms):
    context, sent = located_phone
    page = context.new_page()
    page.goto(live_server.url + "/en/showrooms/")
    assert names_in(page, "#showroom-list h3") == ["A Điểm Ba Vì", "B Điểm Bát Tràng", "C Trung tâm Hàng Bông"]
    page.get_by_role("button", name="Near me").click()
    page.get_by_text("Sorted by distance from you").wait_for()
    assert names_in(page, "#showroom-list h3") == ["C Trung tâm Hàng Bông", "B Điểm Bát Tràng", "A Điểm Ba Vì"]
    first = page.locator("#showroom-list article").first
    assert first.locator("[data-distance]").inner_text() == "0.5 km"
    directions = first.get_by_role("link", name="Directions (OpenStreetMap)").get_attribute("href")
    assert directions.startswith("https://www.openstreetmap.org/directions?route=21.02850%2C105.85240%3B21.030000")
    assert page.locator("#showroom-list article", has_text="B Điểm Bát Tràng").get_by_text("Open now").is_visible()
    assert horizontal_overflow(page) <= 0
    # The position went nowhere: no request carried it.
    assert not [url for url in sent if "21.0285" in url or "105.8524" in url]


def test_near_me_on_the_map_page(located_phone, live_server, showrooms):
    context, sent = located_phone
    page = context.new_page()
    page.goto(live_server.url + "/en/map/?kind=showroom")
    page.get_by_role("button", name="Near me").click()
    page.get_by_text("Sorted by distance from you").wait_for()
    assert names_in(page, "#map-places h2") == ["C Trung tâm Hàng Bông", "B Điểm Bát Tràng", "A Điểm Ba Vì"]
    assert horizontal_overflow(page) <= 0
    assert not [url for url in sent if "21.0285" in url]


def test_the_map_page_works_without_javascript(browser, live_server, showrooms):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="en-US")
    page = context.new_page()
    page.goto(live_server.url + "/en/map/")
    assert set(names_in(page, "#map-places h2")) == {"A Điểm Ba Vì", "B Điểm Bát Tràng", "C Trung tâm Hàng Bông"}
    assert not page.get_by_role("button", name="Near me").is_visible()
    context.close()


def test_the_map_draws_a_marker_per_place_and_each_opens_a_card(page, live_server, showrooms, settings):
    if not settings.LEAFLET_AVAILABLE:
        pytest.skip("Leaflet is not installed (npm ci): the map page is its list")
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(live_server.url + "/en/map/?kind=showroom")
    markers = page.locator("#places-map path.leaflet-interactive")
    markers.first.wait_for()
    assert markers.count() == 3
    # The 24/7 showroom's marker: click each until its card shows.
    card = page.locator(".leaflet-popup-content", has_text="B Điểm Bát Tràng")
    for index in range(3):
        markers.nth(index).click(force=True)
        page.locator(".leaflet-popup-content").last.wait_for()
        if card.count():
            break
    assert "Open now" in card.inner_text()
    assert "Open 24/7" in card.inner_text()
    link = card.get_by_role("link", name="B Điểm Bát Tràng")
    assert link.get_attribute("href").endswith("/en/showrooms/" + showrooms[1].slug + "/")
