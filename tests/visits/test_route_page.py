"""The route page: stops in order, distances and travel estimates, opening hours on a day,
print styles; the route list; routes on the pages they pass."""

import datetime

import pytest
from django.core.cache import cache

from tests import factories
from tests.language import english_page, english_url, vietnamese_page, vietnamese_url

pytestmark = pytest.mark.django_db


def test_the_route_page_lists_the_stops_in_order_with_distances_and_an_estimate(client, route):
    body = english_page(client, english_url(route))
    assert "<h1>Bát Tràng and Vạn Phúc in one day</h1>" in body
    positions = [body.index(name) for name in ("Bát Tràng</a>", "Điểm OCOP Bát Tràng</a>", "Vạn Phúc</a>")]
    assert positions == sorted(positions)
    # 14.2 km across the river: 18.5 km of road at 30 km/h = 37 min, rounded up to 40.
    assert "14.2 km in a straight line · about 40 min on the road (estimate)" in body
    assert "at 30 km/h on average" in body
    assert "Watch potters at the wheel" in body


def test_the_route_page_reads_in_vietnamese(client, route):
    body = vietnamese_page(client, vietnamese_url(route))
    assert "<h1>Bát Tràng và Vạn Phúc trong một ngày</h1>" in body
    assert "14,2 km theo đường chim bay · khoảng 40 phút đi đường (ước tính)" in body
    assert "Xem nặn gốm" in body


def test_opening_hours_are_those_of_the_chosen_day(client, route):
    monday, tuesday = datetime.date(2026, 12, 21), datetime.date(2026, 12, 22)
    body = english_page(client, english_url(route) + f"?day={monday}")
    assert "Monday 21 December 2026" in body
    assert "open 08:00–17:30" in body  # Bát Tràng, every day
    assert "closed that day" in body  # the showroom rests on Mondays
    assert "Cả tuần, sáng đến chiều" in body  # Vạn Phúc has only words: shown as given
    body = english_page(client, english_url(route) + f"?day={tuesday}")
    assert "open 08:00–17:00" in body and "closed that day" not in body


@pytest.mark.parametrize("bad", ["2026-02-30", "tomorrow", "9" * 300])
def test_a_bad_day_gives_a_notice_and_todays_hours(client, route, bad):
    response = client.get(english_url(route), {"day": bad})
    assert response.status_code == 200
    notice = response.content.decode().split('<p class="notice" role="status">')[1].split("</p>")[0]
    assert "is not a date like 2026-12-24: showing today’s opening hours." in notice
    assert len(notice) < 150  # what was typed is cut short


@pytest.mark.parametrize("far", ["1850-01-01", "2150-06-01"])
def test_a_real_date_out_of_range_is_said_so_not_called_a_non_date(client, route, far):
    response = client.get(english_url(route), {"day": far})
    assert response.status_code == 200
    notice = response.content.decode().split('<p class="notice" role="status">')[1].split("</p>")[0]
    assert "Opening hours can be shown for 2020 to 2100 only: showing today’s." in notice
    vietnamese = client.get(vietnamese_url(route), {"day": far}).content.decode()
    assert "Chỉ xem được giờ mở cửa từ năm 2020 đến năm 2100" in vietnamese


def test_the_route_page_prints_without_navigation(client, route):
    body = english_page(client, english_url(route))
    assert "css/visits.css" in body and "Print this route" in body
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/visits.css")).read()
    assert "@media print" in css and ".no-print" in css


def test_an_unpublished_route_is_not_found(client, route):
    route.is_published = False
    route.save()
    assert client.get(english_url(route)).status_code == 404


def test_route_pages_stay_within_ten_queries(client, route, django_assert_max_num_queries):
    for _ in range(3):
        factories.RouteFactory(stops=[factories.VillageFactory(), factories.ShowroomFactory()])
    for url in ("/en/routes/", english_url(route), english_url(route) + "?day=2026-12-24"):
        cache.clear()
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200


def test_routes_show_on_the_pages_of_the_villages_and_showrooms_they_pass(client, route, bat_trang, showroom):
    for url in (english_url(bat_trang), english_url(showroom)):
        body = english_page(client, url)
        assert "Visit routes that pass here" in body, url
        assert "Bát Tràng and Vạn Phúc in one day" in body, url
    elsewhere = factories.ShowroomFactory(name="Điểm OCOP Chuông", district_slug="thanh-oai")
    assert "Visit routes that pass here" not in english_page(client, english_url(elsewhere))


def test_a_product_page_lists_the_routes_through_its_village_and_links_to_the_village(client, route, bat_trang):
    product = factories.PublishedProductFactory(producer=factories.ProducerFactory(village=bat_trang))
    body = english_page(client, english_url(product))
    assert "Visit routes that pass here" in body
    assert "Bát Tràng and Vạn Phúc in one day" in body
    assert f'href="{english_url(route)}"' in body
    assert "Visiting Bát Tràng: opening times, visit routes and events" in body
    assert f'href="{english_url(bat_trang)}"' in body
    elsewhere = factories.PublishedProductFactory()
    assert "Bát Tràng and Vạn Phúc in one day" not in english_page(client, english_url(elsewhere))


def test_a_product_page_lists_the_events_it_or_its_producer_takes_part_in(client, bat_trang):
    product = factories.PublishedProductFactory(producer=factories.ProducerFactory(village=bat_trang))
    sibling = factories.PublishedProductFactory(producer=product.producer)
    stranger = factories.PublishedProductFactory()
    fair = factories.EventFactory(title_en="Hanoi OCOP fair", title_vi="Hội chợ OCOP Hà Nội")
    fair.products.add(product)
    festival = factories.EventFactory(title_en="Bát Tràng pottery festival", title_vi="Lễ hội gốm Bát Tràng")
    festival.producers.add(product.producer)
    past = factories.EventFactory(title_en="Last year's fair", on=datetime.date.today() - datetime.timedelta(days=30))
    past.products.add(product)
    body = english_page(client, english_url(product))
    assert "Upcoming events" in body
    assert "Hanoi OCOP fair" in body and "Bát Tràng pottery festival" in body
    assert "Last year's fair" not in body
    sibling_page = english_page(client, english_url(sibling))
    assert "Bát Tràng pottery festival" in sibling_page and "Hanoi OCOP fair" not in sibling_page
    assert "Upcoming events" not in english_page(client, english_url(stranger))


def test_the_trace_page_says_where_to_visit(client, route, bat_trang):
    product = factories.PublishedProductFactory(producer=factories.ProducerFactory(village=bat_trang))
    body = client.get(product.get_trace_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Visit where this was made" in body
    assert english_url(route) in body or vietnamese_url(route) in body


def test_a_new_route_changes_the_trace_pages_etag(client, bat_trang):
    product = factories.PublishedProductFactory(producer=factories.ProducerFactory(village=bat_trang))
    before = client.get(product.get_trace_url())["ETag"]
    factories.RouteFactory(stops=[bat_trang])
    after = client.get(product.get_trace_url(), HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before
