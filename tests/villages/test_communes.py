"""Hanoi's communes and wards since 1 July 2025: the loaded list, name matching, the migration
that turned the villages' free text into links, and the village list's commune filter."""

import importlib

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.browsing import page_text
from villages import communes
from villages.models import Commune, Village

pytestmark = pytest.mark.django_db

migration = importlib.import_module("villages.migrations.0008_communes_after_2025_reform")


def test_the_migration_loads_hanois_126_units_75_communes_and_51_wards():
    hanoi = Commune.objects.filter(province__code="01")
    assert hanoi.count() == 126
    assert hanoi.filter(kind=Commune.Kind.COMMUNE).count() == 75
    assert hanoi.filter(kind=Commune.Kind.WARD).count() == 51
    assert all(c.name.startswith("Xã ") for c in hanoi.filter(kind=Commune.Kind.COMMUNE))
    assert all(c.name.startswith("Phường ") for c in hanoi.filter(kind=Commune.Kind.WARD))
    bat_trang = Commune.objects.get(code="00577")
    assert (bat_trang.name, bat_trang.slug, bat_trang.kind) == ("Xã Bát Tràng", "xa-bat-trang", "xa")
    assert Commune.objects.get(code="09556").name == "Phường Hà Đông"


def test_loading_again_changes_nothing():
    before = list(Commune.objects.values_list("code", "name", "slug", "kind"))
    assert communes.load(apps.get_model("villages", "Province"), Commune) == 126
    assert list(Commune.objects.values_list("code", "name", "slug", "kind")) == before


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Xã Bát Tràng", "Xã Bát Tràng"),
        ("xa bat trang", "Xã Bát Tràng"),
        ("Bát Tràng", "Xã Bát Tràng"),
        ("BAT TRANG", "Xã Bát Tràng"),
        ("  phường Hà Đông ", "Phường Hà Đông"),
        ("00577", "Xã Bát Tràng"),
        ("577", "Xã Bát Tràng"),
        ("Phường Bát Tràng", None),  # the name, but not of a ward
        ("Xã Thử", None),
        ("99999", None),
        ("", None),
    ],
)
def test_a_commune_is_found_by_its_name_as_people_write_it_or_by_its_code(text, expected):
    found = communes.Matcher(Commune.objects.all()).find(text)
    assert (found.name if found else None) == expected


def test_the_migration_links_villages_by_their_old_text_and_keeps_what_it_cannot_match(capsys):
    accented = factories.VillageFactory(commune_note="Xã Bát Tràng")
    plain = factories.VillageFactory(commune_note="van phuc")  # not a unit's name: Vạn Phúc is in Phường Hà Đông
    ward = factories.VillageFactory(commune_note="phuong ha dong")
    unknown = factories.VillageFactory(commune_note="Xã Thử")
    empty = factories.VillageFactory(commune_note="")

    migration.match_villages(apps, None)

    linked = {v.pk: v for v in Village.objects.select_related("commune")}
    assert linked[accented.pk].commune.name == "Xã Bát Tràng"
    assert linked[ward.pk].commune.name == "Phường Hà Đông"
    assert linked[plain.pk].commune is None
    assert linked[unknown.pk].commune is None and linked[unknown.pk].commune_note == "Xã Thử"
    assert linked[empty.pk].commune is None
    # Nothing typed is lost, and the officer is told which ones need a look.
    assert linked[accented.pk].commune_note == "Xã Bát Tràng"
    output = capsys.readouterr().out
    assert "2 village(s)" in output and unknown.slug in output and "'Xã Thử'" in output


# --- the village list --------------------------------------------------------------------------
@pytest.fixture
def two_villages():
    factories.VillageFactory(name="Bát Tràng", commune=factories.commune("Xã Bát Tràng"))
    factories.VillageFactory(name="Vạn Phúc", district_slug="ha-dong", commune=factories.commune("Phường Hà Đông"))


def listed(client, query):
    return page_text(client, "/villages/" + query).split('class="result-count"')[1]


@pytest.mark.parametrize("value", ["xa-bat-trang", "00577"])
def test_the_village_list_filters_by_commune_slug_or_code(client, two_villages, value):
    body = listed(client, f"?commune={value}")
    assert "Bát Tràng" in body and "Vạn Phúc" not in body


def test_an_unknown_commune_on_the_village_list_is_left_out_and_said_so(client, two_villages):
    text = page_text(client, "/villages/?commune=atlantis")  # a 200
    assert "Một số phần của đường dẫn này không hợp lệ nên đã được bỏ qua: <code>commune</code>" in text
    assert "Bát Tràng" in text and "Vạn Phúc" in text


def test_village_cards_say_the_commune_and_the_old_district(client, two_villages):
    body = listed(client, "")
    assert "Xã Bát Tràng (trước đây thuộc huyện Gia Lâm)" in body
    assert "Phường Hà Đông (trước đây thuộc quận Hà Đông)" in body


def count_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_village_list_and_page_query_counts_do_not_grow_with_communes(client, two_villages):
    bare = count_queries(client, "/villages/")
    for n in range(10):
        factories.VillageFactory(commune=factories.commune("Xã Bát Tràng" if n % 2 else "Phường Hà Đông"))
    assert count_queries(client, "/villages/") == bare
    # Filtering by commune costs its one lookup, however many villages it shows.
    assert count_queries(client, "/villages/?commune=xa-bat-trang") <= bare + 1
    village = Village.objects.filter(commune__isnull=False).first()
    without = factories.VillageFactory()
    assert count_queries(client, village.get_absolute_url()) <= count_queries(client, without.get_absolute_url())


# --- the admin ---------------------------------------------------------------------------------
@pytest.mark.parametrize("model_name", ["village", "producer", "showroom"])
def test_an_officer_picks_the_commune_by_autocomplete_without_diacritics(officer_client, model_name):
    app_label = {"village": "villages", "producer": "catalogue", "showroom": "showrooms"}[model_name]
    response = officer_client.get(
        "/admin/autocomplete/",
        {"app_label": app_label, "model_name": model_name, "field_name": "commune", "term": "bat trang"},
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Xã Bát Tràng"]


def test_the_admin_village_list_filters_by_commune(city_admin_client, two_villages):
    commune = factories.commune("Xã Bát Tràng")
    body = page_text(city_admin_client, f"/admin/villages/village/?commune__id__exact={commune.pk}")
    assert "Bát Tràng" in body and "Vạn Phúc" not in body


@pytest.mark.parametrize(
    "code_name, language, expected",
    [
        ("Xã Bát Tràng", "vi", "xã Bát Tràng"),
        ("Xã Bát Tràng", "en", "Bát Tràng commune"),
        ("Phường Hà Đông", "vi", "phường Hà Đông"),
        ("Phường Hà Đông", "en", "Hà Đông ward"),
    ],
)
def test_running_text_names_a_commune_as_a_sentence_does(code_name, language, expected):
    assert Commune.objects.get(name=code_name).in_sentence(language) == expected


def test_a_village_page_links_to_its_communes_products_in_running_text(client):
    village = factories.VillageFactory(commune=Commune.objects.get(name="Xã Bát Tràng"))
    vietnamese = page_text(client, village.get_absolute_url())
    assert "Sản phẩm của xã Bát Tràng" in vietnamese or "xã Bát Tràng" in vietnamese
    english = page_text(client, "/en" + village.get_absolute_url())
    assert "Products from Bát Tràng commune" in english
    assert "Products from Xã" not in english
