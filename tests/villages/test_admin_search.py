"""Admin search ignores diacritics and case, as the shop's search does (issue 11, §4).

Officers type without accents ("giay bup be"); the records carry them ("Giày búp bê").
Run on SQLite and on PostgreSQL (DATABASE_URL=postgres://…): the folding happens in the
database on both.
"""

import pytest
from django.urls import reverse

from tests import factories
from tests.scope import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    village = factories.VillageFactory(name="Làng giày Phú Yên", district_slug="phu-xuyen")
    producer = factories.ProducerFactory(name="Cơ sở Đức Thắng", village=village, email="info@example.com")
    product = factories.PublishedProductFactory(name="Giày búp bê da bò", producer=producer, craft_slug=None)
    lot = factories.LotFactory(product=product, code="L2611-07")
    # Something that must not match the searches below.
    other = factories.PublishedProductFactory(name="Bình gốm men lam")
    return {"village": village, "producer": producer, "product": product, "lot": lot, "other": other}


def found(client, app, model, term):
    response = client.get(admin_url(app, model, "changelist"), {"q": term})
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


@pytest.mark.parametrize("term", ["giay bup be", "GIAY BUP BE", "Giày búp bê", "giày bup", "bup be da"])
def test_product_search_ignores_diacritics(city_admin_client, records, term):
    assert found(city_admin_client, "catalogue", "product", term) == {records["product"]}


def test_product_search_finds_by_producer_village_and_codes(city_admin_client, records):
    product = records["product"]
    assert found(city_admin_client, "catalogue", "product", "duc thang") == {product}
    assert found(city_admin_client, "catalogue", "product", "phu yen") == {product}
    assert found(city_admin_client, "catalogue", "product", product.trace_code.lower()) == {product}
    assert found(city_admin_client, "catalogue", "product", product.certificate_number) == {product}


@pytest.mark.parametrize("term", ["duc thang", "ĐỨC THẮNG", "co so duc thang", "giay phu yen"])
def test_producer_search_ignores_diacritics(city_admin_client, records, term):
    assert found(city_admin_client, "catalogue", "producer", term) == {records["producer"]}


def test_producer_search_by_email_and_phone_still_works(city_admin_client, records):
    assert found(city_admin_client, "catalogue", "producer", "info@example") == {records["producer"]}


@pytest.mark.parametrize("term", ["lang giay phu yen", "PHU YEN", "phú yen", "giay"])
def test_village_search_ignores_diacritics(city_admin_client, records, term):
    assert found(city_admin_client, "villages", "village", term) == {records["village"]}


@pytest.mark.parametrize("term", ["giay bup be", "l2611", "L2611-07 giày"])
def test_lot_search_ignores_diacritics(city_admin_client, records, term):
    assert found(city_admin_client, "catalogue", "lot", term) == {records["lot"]}


def test_search_with_nothing_matching_finds_nothing(city_admin_client, records):
    assert found(city_admin_client, "catalogue", "product", "khong co gi") == set()


def test_autocomplete_ignores_diacritics_and_keeps_the_district_scope(client, records):
    officer = factories.OfficerFactory(username="officer.gl", districts=["gia-lam"])
    client.force_login(officer)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "catalogue", "model_name": "lot", "field_name": "product", "term": "giay bup"},
    )
    assert response.status_code == 200
    assert response.json()["results"] == []  # the shoes are Phú Xuyên's
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "catalogue", "model_name": "lot", "field_name": "product", "term": "binh gom"},
    )
    assert [item["id"] for item in response.json()["results"]] == [str(records["other"].pk)]


def test_district_autocomplete_ignores_diacritics(city_admin_client, records):
    response = city_admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "villages", "model_name": "village", "field_name": "district", "term": "phu xuyen"},
    )
    assert [item["text"] for item in response.json()["results"]] == ["Phú Xuyên"]
