"""Officers keep routes in the admin, scoped to their districts: a stop in another district
is refused in words and nothing of the route is saved."""

import pytest

from tests import factories
from visits.models import Route, RouteStop

pytestmark = pytest.mark.django_db

ADD = "/admin/visits/route/add/"


def route_form(district, stops):
    data = {
        "title_vi": "Một ngày ở làng nghề Phú Xuyên",
        "title_en": "A day in the Phú Xuyên craft villages",
        "slug": "mot-ngay-phu-xuyen",
        "district": district.pk,
        "is_published": "on",
        "stops-TOTAL_FORMS": str(len(stops)),
        "stops-INITIAL_FORMS": "0",
        "stops-MIN_NUM_FORMS": "0",
        "stops-MAX_NUM_FORMS": "1000",
    }
    for index, stop in enumerate(stops):
        for name, value in {"position": index + 1, **stop}.items():
            data[f"stops-{index}-{name}"] = value
    return data


@pytest.fixture
def chuyen_my(db):
    return factories.VillageFactory(name="Chuyên Mỹ", district_slug="phu-xuyen", crafts=["mother-of-pearl"])


def test_an_officer_makes_a_route_through_their_district(officer_client, chuyen_my):
    data = route_form(
        factories.district("phu-xuyen"),
        [
            {"village": chuyen_my.pk, "note_vi": "Xưởng khảm trai"},
            {"place_name": "Đền Chử Đồng Tử", "latitude": "20.7420", "longitude": "105.9320"},
        ],
    )
    response = officer_client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    route = Route.objects.get()
    assert [stop.name for stop in route.stops.all()] == ["Chuyên Mỹ", "Đền Chử Đồng Tử"]


def test_a_stop_in_another_district_is_refused_in_words_and_nothing_is_saved(english_officer_client, chuyen_my):
    bat_trang = factories.VillageFactory(name="Bát Tràng", district_slug="gia-lam")
    data = route_form(factories.district("phu-xuyen"), [{"village": chuyen_my.pk}, {"village": bat_trang.pk}])
    response = english_officer_client.post(ADD, data)
    assert response.status_code == 200
    assert "Bát Tràng is in Gia Lâm, outside your districts: ask a city administrator to add it." in (
        response.content.decode()
    )
    assert not Route.objects.exists() and not RouteStop.objects.exists()


def test_a_stop_that_is_two_things_at_once_is_refused_in_words(english_officer_client, chuyen_my):
    data = route_form(
        factories.district("phu-xuyen"),
        [{"village": chuyen_my.pk, "place_name": "Chợ", "latitude": "20.7", "longitude": "105.9"}],
    )
    response = english_officer_client.post(ADD, data)
    assert response.status_code == 200
    assert "A stop is exactly one of: a village, a showroom, or another place" in response.content.decode()
    assert not Route.objects.exists()


def test_a_city_administrator_makes_a_route_across_districts(city_admin_client, chuyen_my):
    bat_trang = factories.VillageFactory(name="Bát Tràng", district_slug="gia-lam")
    data = route_form(factories.district("phu-xuyen"), [{"village": chuyen_my.pk}, {"village": bat_trang.pk}])
    assert city_admin_client.post(ADD, data).status_code == 302
    assert Route.objects.get().stops.count() == 2


def test_an_officer_sees_only_their_districts_routes(officer_client):
    factories.RouteFactory(title_vi="Tuyến Phú Xuyên", district_slug="phu-xuyen")
    other = factories.RouteFactory(title_vi="Tuyến Gia Lâm", district_slug="gia-lam")
    body = officer_client.get("/admin/visits/route/").content.decode()
    assert "Tuyến Phú Xuyên" in body and "Tuyến Gia Lâm" not in body
    assert officer_client.get(f"/admin/visits/route/{other.pk}/change/").status_code == 404
    assert officer_client.get(ADD).status_code == 200
