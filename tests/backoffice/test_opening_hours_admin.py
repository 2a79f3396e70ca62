"""Officers type opening hours a machine can read, and coordinates on the map: a message in
words for what is wrong, and nothing saved."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from core.opening_hours_text import osm_from_text
from showrooms.models import Showroom
from tests import factories
from tests.admin_forms import submit_as_a_browser
from villages.models import Village

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_good_hours_are_saved(city_admin_client):
    showroom = factories.ShowroomFactory()
    response = submit_as_a_browser(city_admin_client, change_url(showroom), opening_hours_osm="Mo-Fr 08:00-17:30")
    assert response.status_code == 302
    showroom.refresh_from_db()
    assert showroom.opening_hours_osm == "Mo-Fr 08:00-17:30"


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "is not a day: use Mo, Tu, We"), ("vi", "không phải là một ngày")],
)
def test_bad_hours_say_why_and_nothing_is_saved(city_admin_client, settings, language, words):
    city_admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    showroom = factories.ShowroomFactory(opening_hours_osm="Mo-Su 08:00-17:00")
    response = submit_as_a_browser(
        city_admin_client, change_url(showroom), opening_hours_osm="Mo-Fx 08:00-17:00", phone="024 1111 2222"
    )
    assert response.status_code == 200
    assert words in response.content.decode()
    showroom.refresh_from_db()
    assert showroom.opening_hours_osm == "Mo-Su 08:00-17:00"
    assert showroom.phone != "024 1111 2222"


def test_village_hours_are_checked_too(city_admin_client, settings):
    city_admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    village = factories.VillageFactory()
    response = submit_as_a_browser(city_admin_client, change_url(village), opening_hours_osm="Mo-Fr 25:00-26:00")
    assert response.status_code == 200
    assert "is not a time of day" in response.content.decode()
    village.refresh_from_db()
    assert village.opening_hours_osm == ""


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [("200", "105.9"), ("21.0", "-181"), ("-91", "105.9"), ("21.0", "")],
)
def test_coordinates_out_of_range_say_so_and_nothing_is_saved(city_admin_client, settings, latitude, longitude):
    city_admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    showroom = factories.ShowroomFactory()
    response = submit_as_a_browser(
        city_admin_client, change_url(showroom), latitude=latitude, longitude=longitude, phone="024 1111 2222"
    )
    assert response.status_code == 200
    assert "Give both latitude (−90 to 90) and longitude (−180 to 180), or neither." in response.content.decode()
    showroom.refresh_from_db()
    assert (str(showroom.latitude), str(showroom.longitude)) == ("20.980000", "105.920000")
    assert showroom.phone != "024 1111 2222"


# --- the data migrations that read today's free text ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8:00–18:00 hằng ngày", "Mo-Su 08:00-18:00"),
        ("9:00–21:00, thứ Hai nghỉ", "Tu-Su 09:00-21:00"),
        ("7:30–17:30", "Mo-Su 07:30-17:30"),
        ("Thứ Bảy, Chủ nhật 8:00–17:00", "Sa,Su 08:00-17:00"),
        ("Xưởng mở cửa 8:00–17:00, nên gọi trước khi đến.", "Mo-Su 08:00-17:00"),
        ("8:00–12:00, 13:00–17:00", ""),  # two ranges: left to an officer
        ("Gọi trước khi đến", ""),
        ("", ""),
    ],
)
def test_free_text_that_is_simple_is_read(text, expected):
    assert osm_from_text(text) == expected


def test_the_migrations_fill_the_new_fields_and_keep_the_text():
    showroom = factories.ShowroomFactory(opening_hours_vi="9:00–21:00, thứ Hai nghỉ", opening_hours_osm="")
    unread = factories.ShowroomFactory(opening_hours_vi="Gọi trước", opening_hours_osm="")
    village = factories.VillageFactory(opening_times_vi="Xưởng mở cửa 8:00–17:00, nên gọi trước.")
    importlib.import_module("showrooms.migrations.0005_fill_opening_hours_from_text").fill(apps, None)
    importlib.import_module("villages.migrations.0009_fill_opening_hours_from_text").fill(apps, None)
    showroom.refresh_from_db()
    unread.refresh_from_db()
    village.refresh_from_db()
    assert showroom.opening_hours_osm == "Tu-Su 09:00-21:00"
    assert showroom.opening_hours_vi == "9:00–21:00, thứ Hai nghỉ"
    assert unread.opening_hours_osm == ""
    assert village.opening_hours_osm == "Mo-Su 08:00-17:00"
    assert Showroom.objects.count() == 2 and Village.objects.filter(pk=village.pk).exists()
