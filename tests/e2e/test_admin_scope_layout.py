"""The admin pages fit an officer's 1280 px screen, and the main ones a 390 px phone
(issue 11, §5): no list or inline table runs past the window's edge (the production-step
inline was 2,518 px wide, the product list showed 4 of 9 columns), and no page scrolls
sideways."""

import pytest
from django.urls import reverse

from showrooms.models import ShowroomStock
from tests import factories

from .helpers import horizontal_overflow

TABLES_PAST_THE_EDGE = """() => [...document.querySelectorAll('#content table')]
    .filter(t => t.getBoundingClientRect().right > window.innerWidth + 1)
    .map(t => (t.id || t.closest('[id]').id) + ' ' + Math.round(t.getBoundingClientRect().width) + 'px')"""


@pytest.fixture
def listings():
    village = factories.VillageFactory(name="Làng giày Phú Yên", district_slug="phu-xuyen")
    producer = factories.ProducerFactory(name="Giày da Phú Yên Hưng Thịnh", village=village)
    product = factories.PublishedProductFactory(name="Giày búp bê da nữ", producer=producer)
    lot = factories.LotFactory(product=product, steps=5)
    lot.steps.update(
        notes_vi="Da bò thuộc thảo mộc, cắt theo rập, may tay từng đường.",
        notes_en="Vegetable-tanned cowhide, cut and hand-stitched.",
    )
    other = factories.PublishedProductFactory(
        name="Bình gốm men lam", producer=factories.ProducerFactory(district_slug="gia-lam")
    )
    showroom = factories.ShowroomFactory(name="Điểm OCOP Phú Xuyên", district_slug="phu-xuyen", products=[product])
    ShowroomStock.objects.create(showroom=showroom, product=other)
    return {"village": village, "producer": producer, "product": product, "lot": lot, "showroom": showroom}


def signed_in(page, live_server, client, user):
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def pages_of(listings):
    change = lambda app, model, key: reverse(f"admin:{app}_{model}_change", args=[listings[key].pk])  # noqa: E731
    return [
        reverse("admin:index"),
        reverse("admin:catalogue_product_changelist"),
        change("catalogue", "product", "product"),
        reverse("admin:catalogue_lot_changelist"),
        change("catalogue", "lot", "lot"),
        reverse("admin:catalogue_producer_changelist"),
        change("catalogue", "producer", "producer"),
        reverse("admin:villages_village_changelist"),
        change("villages", "village", "village"),
        reverse("admin:showrooms_showroom_changelist"),
        change("showrooms", "showroom", "showroom"),
        reverse("admin:catalogue_scan_changelist"),
    ]


@pytest.mark.parametrize("who", ["officer", "city administrator"])
def test_admin_pages_fit_a_1280_px_screen(page, live_server, client, listings, who):
    if who == "officer":
        user = factories.OfficerFactory(username="officer.px", districts=["phu-xuyen"])
    else:
        user = factories.CityAdminFactory()
    signed_in(page, live_server, client, user)
    problems = {}
    for path in pages_of(listings):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        wide = page.evaluate(TABLES_PAST_THE_EDGE)
        if wide or horizontal_overflow(page):
            problems[path] = (wide, horizontal_overflow(page))
    assert problems == {}


def test_main_admin_pages_do_not_scroll_sideways_on_a_phone(
    browser, browser_context_args, live_server, client, listings
):
    context = browser.new_context(
        **{**browser_context_args, "viewport": {"width": 390, "height": 844}}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    signed_in(page, live_server, client, factories.OfficerFactory(username="officer.px", districts=["phu-xuyen"]))
    try:
        for path in pages_of(listings)[:5] + [pages_of(listings)[10]]:
            assert page.goto(live_server.url + path).status == 200, path
            assert horizontal_overflow(page) == 0, path
    finally:
        context.close()
