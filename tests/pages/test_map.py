"""The map of places to visit (/map/ and its GeoJSON): exactly the published places, the
filters, bad filter values, caching, and the links a visitor on a phone follows."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from showrooms.models import Showroom
from tests import factories
from tests.language import en_reverse, english_page, vietnamese_page
from villages.models import Village

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    """A ceramics village in Gia Lâm with a producer of published products and a showroom;
    a silk village in Hà Đông whose producer has only a draft; a closed showroom."""
    bat_trang = factories.VillageFactory(
        name="Bát Tràng",
        slug="bat-trang",
        district_slug="gia-lam",
        crafts=["ceramics"],
        latitude=Decimal("20.976"),
        longitude=Decimal("105.912"),
        opening_hours_osm="Mo-Su 08:00-17:00",
    )
    van_phuc = factories.VillageFactory(
        name="Vạn Phúc",
        slug="van-phuc",
        district_slug="ha-dong",
        crafts=["silk-weaving"],
        latitude=Decimal("20.979"),
        longitude=Decimal("105.775"),
    )
    potter = factories.ProducerFactory(name="Gốm Quang Vinh", village=bat_trang)
    factories.PublishedProductFactory(producer=potter)
    weaver = factories.ProducerFactory(name="Lụa Vạn Phúc chưa đăng", village=van_phuc)
    factories.DraftProductFactory(producer=weaver, craft_slug="silk-weaving")
    shop = factories.ShowroomFactory(
        name="Điểm OCOP Bát Tràng",
        district_slug="gia-lam",
        village=bat_trang,
        opening_hours_osm="Tu-Su 09:00-21:00; Mo off",
    )
    closed = factories.ShowroomFactory(name="Điểm OCOP đã đóng", district_slug="ha-dong", is_active=False)
    return {
        "bat_trang": bat_trang,
        "van_phuc": van_phuc,
        "potter": potter,
        "weaver": weaver,
        "shop": shop,
        "closed": closed,
    }


def geojson(client, query="", language="vi"):
    url = (en_reverse if language == "en" else reverse)("places:map_geojson") + query
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    return json.loads(response.content)


def names(collection):
    return {feature["properties"]["name"] for feature in collection["features"]}


def test_the_map_lists_exactly_the_published_places(client, places, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        html = vietnamese_page(client, reverse("places:map"))
    for shown in ("Bát Tràng", "Vạn Phúc", "Gốm Quang Vinh", "Điểm OCOP Bát Tràng"):
        assert f">{shown}</a>" in html
    assert "Lụa Vạn Phúc chưa đăng" not in html  # only a draft product
    assert "Điểm OCOP đã đóng" not in html  # not active
    assert html.count('class="place place-') == 4


def test_the_geojson_lists_the_same_places(client, places, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        collection = geojson(client)
    assert collection["type"] == "FeatureCollection"
    assert names(collection) == {"Bát Tràng", "Vạn Phúc", "Gốm Quang Vinh", "Điểm OCOP Bát Tràng"}
    shop = next(f for f in collection["features"] if f["properties"]["name"] == "Điểm OCOP Bát Tràng")
    assert shop["geometry"] == {"type": "Point", "coordinates": [105.92, 20.98]}  # longitude first
    assert shop["properties"]["url"].endswith(places["shop"].get_absolute_url())
    assert shop["properties"]["hours"][0] == []  # closed on Mondays
    assert shop["properties"]["hours"][1] == [[540, 1260]]
    assert shop["properties"]["hours_text"] == "Thứ Hai nghỉ; Thứ Ba–Chủ Nhật 09:00–21:00"
    potter = next(f for f in collection["features"] if f["properties"]["kind"] == "producer")
    assert potter["properties"]["approximate"] is True
    assert potter["geometry"]["coordinates"] == [105.912, 20.976]  # its village's point


def test_the_english_geojson_speaks_english(client, places):
    collection = geojson(client, language="en")
    shop = next(f for f in collection["features"] if f["properties"]["name"] == "Điểm OCOP Bát Tràng")
    assert shop["properties"]["hours_text"] == "Monday closed; Tuesday–Sunday 09:00–21:00"
    assert shop["properties"]["kind_label"] == "OCOP showroom"
    assert "/en/showrooms/" in shop["properties"]["url"]


def test_the_english_map_reads_as_english(client, places):
    html = english_page(client, en_reverse("places:map"))
    assert "Map of craft villages, showrooms and producers" in html
    assert "Every day 08:00–17:00" in html
    assert "Open in my map app" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=showroom", {"Điểm OCOP Bát Tràng"}),
        ("?kind=village", {"Bát Tràng", "Vạn Phúc"}),
        ("?kind=producer", {"Gốm Quang Vinh"}),
        ("?district=ha-dong", {"Vạn Phúc"}),
        ("?craft=ceramics", {"Bát Tràng", "Gốm Quang Vinh", "Điểm OCOP Bát Tràng"}),
        ("?craft=silk-weaving", {"Vạn Phúc"}),
        ("?craft=ceramics&district=ha-dong", set()),
        ("?craft=ceramics&kind=village&district=gia-lam", {"Bát Tràng"}),
    ],
)
def test_filters(client, places, query, expected):
    assert names(geojson(client, query)) == expected
    html = vietnamese_page(client, reverse("places:map") + query)
    assert html.count('class="place place-') == len(expected)


def test_a_showroom_matches_a_craft_by_what_it_stocks(client, places):
    design_centre = factories.ShowroomFactory(name="Trung tâm thiết kế", district_slug="hoan-kiem")
    factories.StockFactory(showroom=design_centre, product=places["potter"].products.get())
    assert "Trung tâm thiết kế" in names(geojson(client, "?craft=ceramics"))
    assert "Trung tâm thiết kế" not in names(geojson(client, "?craft=silk-weaving"))


@pytest.mark.parametrize(
    "query",
    ["?craft=plastic", "?district=atlantis", "?kind=spaceport", "?kind=showroom&craft=%00", "?district=" + "x" * 5000],
)
def test_bad_filter_values_are_dropped_with_a_notice(client, places, query):
    response = client.get(reverse("places:map") + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không hiểu nên đã bỏ qua" in html
    assert response.status_code == 200
    collection = geojson(client, query)
    assert collection["ignored"]


def test_a_bad_value_drops_only_itself(client, places):
    html = english_page(client, en_reverse("places:map") + "?kind=showroom&craft=plastic")
    assert "Not understood and left out: craft=plastic" in html
    assert html.count('class="place place-') == 1
    assert ">Điểm OCOP Bát Tràng</a>" in html


def test_places_without_a_point_are_listed_but_not_on_the_map(client, places):
    factories.ShowroomFactory(name="Điểm chưa có toạ độ", district_slug="gia-lam", latitude=None, longitude=None)
    html = vietnamese_page(client, reverse("places:map") + "?kind=showroom")
    assert ">Điểm chưa có toạ độ</a>" in html
    assert "Điểm chưa có toạ độ" not in names(geojson(client, "?kind=showroom"))


def test_directions_links(client, places):
    html = vietnamese_page(client, reverse("places:map") + "?kind=showroom")
    assert (
        'href="geo:20.980000,105.920000?q=20.980000,105.920000(%C4%90i%E1%BB%83m%20OCOP%20B%C3%A1t%20Tr%C3%A0ng)"'
        in html
    )
    assert 'href="https://www.openstreetmap.org/directions?route=%3B20.980000%2C105.920000"' in html
    assert 'data-directions-to="20.980000,105.920000"' in html


def test_open_now_travels_as_data_not_as_a_verdict(client, places):
    """The page is cached: it carries the hours for the phone to decide, never "open now"."""
    html = vietnamese_page(client, reverse("places:map") + "?kind=showroom")
    assert 'data-hours="[[],[[540,1260]],[[540,1260]],[[540,1260]],[[540,1260]],[[540,1260]],[[540,1260]]]"' in html
    assert "data-open-now hidden" in html


def test_the_near_me_button_and_script_are_there_without_inline_script(client, places):
    html = vietnamese_page(client, reverse("places:map"))
    assert 'data-near-me="map-places"' in html
    assert "js/places.js" in html
    assert "<script>" not in html


def test_the_map_and_geojson_are_cached_and_change_on_the_next_request(client, places):
    url = reverse("places:map_geojson")
    geojson(client)
    geojson(client)  # stored now
    Showroom.objects.filter(pk=places["shop"].pk).update(name="Không qua tín hiệu")  # no signal
    assert "Không qua tín hiệu" not in names(geojson(client)), "served from the cache"
    places["shop"].refresh_from_db()
    places["shop"].name = "Điểm OCOP Bát Tràng mới"
    places["shop"].save()
    assert "Điểm OCOP Bát Tràng mới" in names(geojson(client))
    Village.objects.filter(pk=places["van_phuc"].pk).update(latitude=None, longitude=None)
    Village.objects.get(pk=places["van_phuc"].pk).save()
    assert "Vạn Phúc" not in names(geojson(client))
    assert client.get(url)["Cache-Control"].startswith("public")


def test_an_unpublished_product_brings_its_producer_off_the_map(client, places):
    geojson(client)
    product = places["potter"].products.get()
    product.is_published = False
    product.save()
    assert "Gốm Quang Vinh" not in names(geojson(client))


def test_the_village_showroom_and_district_pages_link_directions(client, places):
    village = vietnamese_page(client, places["bat_trang"].get_absolute_url())
    assert "Hằng ngày 08:00–17:00" in village
    assert 'data-directions-to="20.976000,105.912000"' in village
    showroom = vietnamese_page(client, places["shop"].get_absolute_url())
    assert "Thứ Hai nghỉ; Thứ Ba–Chủ Nhật 09:00–21:00" in showroom
    district = vietnamese_page(client, reverse("places:district_detail", kwargs={"slug": "gia-lam"}))
    assert reverse("places:map") + "?district=gia-lam" in district


def test_small_maps_need_leaflet(client, places, settings):
    """Without npm's Leaflet the pages carry no map element (their text says it all)."""
    from django.template import engines

    page = client.get(places["bat_trang"].get_absolute_url()).content.decode()
    assert ('data-map data-lat="20.976000"' in page) == settings.LEAFLET_AVAILABLE
    template = engines["django"].from_string(
        '{% include "partials/place_map.html" with latitude=lat longitude=lng name="X" %}'
    )
    assert "data-map" in template.render({"MAP_LEAFLET": True, "lat": 1, "lng": 2})
    assert "data-map" not in template.render({"MAP_LEAFLET": False, "lat": 1, "lng": 2})
    assert "data-map" not in template.render({"MAP_LEAFLET": True, "lat": None, "lng": None})


def test_the_showroom_list_has_near_me(client, places):
    html = vietnamese_page(client, reverse("showrooms:showroom_list"))
    assert 'data-near-me="showroom-list"' in html
    assert 'id="showroom-list"' in html
    assert 'data-lat="20.980000" data-lng="105.920000"' in html


def test_the_map_is_in_the_sitemap(client, places):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/map/</loc>" in sitemap
    assert "/en/map/" in sitemap


def test_the_district_filter_is_in_vietnamese_alphabetical_order(client):
    body = vietnamese_page(client, "/map/")
    positions = [
        body.index(f">{name}<") for name in ("Ba Đình", "Ba Vì", "Cầu Giấy", "Chương Mỹ", "Hà Đông", "Hoàn Kiếm")
    ]
    assert positions == sorted(positions)


def test_the_craft_filter_puts_d_before_đ(client):
    """đ is a letter after d: "Dệt lụa" comes before "Đan mây tre", which an accent-free
    sort ("dan" < "det") would put first."""
    from villages.models import Craft

    Craft.objects.create(name_vi="Đan mây tre", name_en="Bamboo and rattan weaving", slug="dan-may-tre-test")
    Craft.objects.create(name_vi="Dệt lụa", name_en="Silk weaving", slug="det-lua-test")
    body = vietnamese_page(client, "/map/")
    assert body.index(">Dệt lụa<") < body.index(">Đan mây tre<")
