"""Routes, stops and events: the rules the data always obeys (constraints and clean())."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tests import factories
from visits.models import Event, RouteStop, haversine_km, travel_minutes
from visits.validators import livestream_platform

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    """The messages are read in English here (their Vietnamese is in locale/vi)."""
    with translation.override("en"):
        yield


def messages(error):
    return " ".join(error.messages)


# --- stops ---------------------------------------------------------------------------------------


def test_a_stop_at_a_village_a_showroom_or_a_place_with_a_point_is_valid(route):
    for stop in route.stops.all():
        stop.full_clean()
    place = factories.StopFactory(route=route, position=9, at=("Đền Chử Đồng Tử", 20.74, 105.93))
    place.full_clean()
    assert place.point == (Decimal("20.74"), Decimal("105.93"))


def test_a_stop_at_both_a_village_and_a_showroom_is_refused_in_words(route, bat_trang, showroom):
    stop = RouteStop(route=route, position=5, village=bat_trang, showroom=showroom)
    with pytest.raises(ValidationError) as error:
        stop.full_clean()
    assert "exactly one of: a village, a showroom, or another place" in messages(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        stop.save()


def test_a_place_without_a_map_point_or_a_stop_with_nothing_is_refused(route):
    for stop in (RouteStop(route=route, position=5, place_name="Chùa"), RouteStop(route=route, position=6)):
        with pytest.raises(ValidationError):
            stop.full_clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            stop.save()
    assert route.stops.count() == 3


def test_coordinates_out_of_range_are_refused(route):
    stop = RouteStop(route=route, position=5, place_name="Nowhere", latitude=Decimal("95"), longitude=Decimal("105"))
    with pytest.raises(ValidationError) as error:
        stop.full_clean()
    assert "latitude (−90 to 90)" in messages(error.value)


def test_distances_are_great_circle_and_times_an_estimate():
    # One degree of latitude is 111.19 km on the mean Earth sphere.
    assert haversine_km(20, 105, 21, 105) == pytest.approx(111.19, abs=0.01)
    assert travel_minutes(0.1) == 5  # never "0 minutes"
    # 10 km in a straight line: 13 km of road at 30 km/h = 26 min, rounded up to 30.
    assert travel_minutes(10) == 30


def test_route_legs_measure_from_the_previous_stop(route):
    legs = route.legs()
    assert [leg[0].name for leg in legs] == ["Bát Tràng", "Điểm OCOP Bát Tràng", "Vạn Phúc"]
    assert legs[0][1] is None and legs[0][2] is None
    assert legs[1][1] == pytest.approx(0.29, abs=0.02)  # the showroom is 300 m from the village
    assert legs[2][1] == pytest.approx(14.2, abs=0.1)  # Bát Tràng → Vạn Phúc across the river


# --- events --------------------------------------------------------------------------------------


def test_an_event_that_ends_before_it_starts_is_refused_in_words_and_by_the_database():
    event = factories.EventFactory.build(district=factories.district("gia-lam"))
    event.ends_at = event.starts_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "An event must end after it starts." in messages(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()
    assert not Event.objects.exists()


def test_an_event_has_exactly_one_place_or_a_livestream(bat_trang):
    event = factories.EventFactory.build(district=bat_trang.district, village=bat_trang)  # and an address
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "exactly one of: a showroom, a village, an address, or a livestream link" in messages(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


@pytest.mark.parametrize(
    "url, platform",
    [
        ("https://www.facebook.com/ocop.phuxuyen/live", "Facebook"),
        ("https://fb.watch/abc123/", "Facebook"),
        ("https://www.tiktok.com/@langnghe/live", "TikTok"),
        ("https://zalo.me/g/ocop", "Zalo"),
        ("http://www.facebook.com/live", ""),  # not https
        ("https://facebook.com.evil.example/live", ""),
        ("https://notfacebook.com/live", ""),
        ("https://youtube.com/live/x", ""),
        ("javascript:alert(1)", ""),
    ],
)
def test_livestream_links_are_facebook_tiktok_or_zalo_over_https(url, platform):
    assert livestream_platform(url) == platform


def test_a_livestream_at_another_host_or_without_a_link_is_refused():
    gia_lam = factories.district("gia-lam")
    event = factories.EventFactory.build(
        district=gia_lam, kind=Event.Kind.LIVESTREAM, address="", livestream_url="https://youtube.com/live/x"
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "livestream_url" in error.value.message_dict
    assert "Facebook, TikTok or Zalo" in messages(error.value)
    event = factories.EventFactory.build(district=gia_lam, kind=Event.Kind.LIVESTREAM)  # an address, no link
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "needs its Facebook, TikTok or Zalo link" in messages(error.value)


def test_an_event_at_a_village_is_in_the_villages_district(bat_trang):
    event = factories.EventFactory.build(district=factories.district("phu-xuyen"), village=bat_trang, address="")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "district" in error.value.message_dict
