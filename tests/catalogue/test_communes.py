"""Current communes and wards in the catalogue: the product list's `commune` filter, search by
the commune's name (new and old names, with or without diacritics), a renamed commune, the
pages that say "Xã Bát Tràng (formerly Gia Lâm district)", and the producer import's column."""

import csv
import io
import re

import pytest

from catalogue.models import Producer, Product
from tests import factories
from tests.browsing import page_text
from tests.import_files import confirm, preview
from villages.models import Commune

pytestmark = pytest.mark.django_db

URL = "/products/"


def shown(response):
    body = response.content.decode()
    return {name.strip() for name in re.findall(r'class="card-link">.*?<h3>([^<]+)</h3>', body, re.S)}


@pytest.fixture
def places():
    bat_trang = factories.commune("Xã Bát Tràng")
    ha_dong = factories.commune("Phường Hà Đông")
    village = factories.VillageFactory(name="Bát Tràng", slug="bat-trang", commune=bat_trang)
    potter = factories.ProducerFactory(name="Gốm Quang Vinh", village=village, commune=bat_trang)
    weaver = factories.ProducerFactory(name="Lụa Vạn Phúc", district_slug="ha-dong", commune=ha_dong)
    vase = factories.PublishedProductFactory(name="Bình gốm men lam", producer=potter)
    scarf = factories.PublishedProductFactory(name="Khăn lụa tơ tằm", producer=weaver, craft_slug="silk-weaving")
    return {"commune": bat_trang, "vase": vase, "scarf": scarf, "potter": potter, "village": village}


# --- the product list --------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["xa-bat-trang", "00577"])
def test_the_list_filters_by_commune_slug_or_code(client, places, value):
    response = client.get(URL, {"commune": value})
    assert response.status_code == 200
    assert shown(response) == {"Bình gốm men lam"}
    body = response.content.decode()
    # One canonical URL, whichever way the link named the commune; the chip names it.
    assert re.search(r'rel="canonical" href="[^"]*/products/\?commune=xa-bat-trang"', body)
    assert re.search(r'class="chip chip-active" href="\?"[^>]*>Xã Bát Tràng <', body)


def test_commune_and_old_district_filter_together(client, places):
    assert shown(client.get(URL, {"commune": "phuong-ha-dong", "district": "ha-dong"})) == {"Khăn lụa tơ tằm"}
    assert shown(client.get(URL, {"commune": "phuong-ha-dong", "district": "gia-lam"})) == set()


@pytest.mark.parametrize("value", ["atlantis", "99999", "x" * 500, "<b>x</b>"])
def test_an_unknown_commune_is_left_out_with_a_notice_never_a_server_error(client, places, value):
    response = client.get(URL, {"commune": value})
    assert response.status_code == 200
    assert shown(response) == {"Bình gốm men lam", "Khăn lụa tơ tằm"}
    body = response.content.decode()
    assert "Một số phần của đường dẫn này không hợp lệ nên đã được bỏ qua:" in body and "<code>commune</code>" in body
    assert "<b>x</b>" not in body


# --- search ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["Xã Bát Tràng", "xa bat trang", "Bát Tràng", "bat trang", "Gia Lâm", "gia lam"])
def test_search_finds_a_product_by_its_commune_new_name_and_its_old_places(client, places, query):
    assert shown(client.get(URL, {"q": query})) == {"Bình gốm men lam"}


def test_search_finds_a_product_by_its_ward_even_outside_a_village(client, places):
    assert shown(client.get(URL, {"q": "phuong ha dong"})) == {"Khăn lụa tơ tằm"}


def test_a_renamed_commune_shows_in_search_and_on_the_pages(client, places):
    commune = places["commune"]
    commune.name = "Xã Gốm Sứ Bát Tràng"
    commune.save()
    assert Product.objects.get(pk=places["vase"].pk).search_text.endswith("xa gom su bat trang")
    assert shown(client.get(URL, {"q": "gom su bat trang"})) == {"Bình gốm men lam"}
    # Pages are cached; the rename bumps the cache like any other place's.
    for url in (
        places["vase"].get_absolute_url(),
        places["potter"].get_absolute_url(),
        places["village"].get_absolute_url(),
    ):
        assert "Xã Gốm Sứ Bát Tràng (trước đây thuộc huyện Gia Lâm)" in page_text(client, url), url


def test_moving_a_producer_to_another_commune_rewrites_its_search_text(places):
    potter = places["potter"]
    potter.commune = factories.commune("Phường Hà Đông")
    potter.save()
    assert "phuong ha dong" in Product.objects.get(pk=places["vase"].pk).search_text


# --- pages ------------------------------------------------------------------------------------------
def test_product_and_producer_pages_say_the_commune_and_the_old_district(client, places):
    for url in (places["vase"].get_absolute_url(), places["potter"].get_absolute_url()):
        assert "Xã Bát Tràng (trước đây thuộc huyện Gia Lâm)" in page_text(client, url)
        assert "Xã Bát Tràng (formerly Gia Lâm district)" in page_text(client, "/en" + url)


def test_a_showroom_page_says_its_ward_and_the_old_district(client, places):
    showroom = factories.ShowroomFactory(
        district=factories.district("ha-dong"), commune=factories.commune("Phường Hà Đông")
    )
    assert "Phường Hà Đông (trước đây thuộc quận Hà Đông)" in page_text(client, showroom.get_absolute_url())
    assert "Phường Hà Đông (formerly Hà Đông district)" in page_text(client, "/en" + showroom.get_absolute_url())


def test_a_town_is_named_as_a_town(client):
    village = factories.VillageFactory(district_slug="son-tay", commune=factories.commune("Phường Sơn Tây"))
    assert "Phường Sơn Tây (trước đây thuộc thị xã Sơn Tây)" in page_text(client, village.get_absolute_url())
    assert "Phường Sơn Tây (formerly Sơn Tây town)" in page_text(client, "/en" + village.get_absolute_url())


def test_an_unknown_commune_shows_nothing_rather_than_a_guess(client):
    village = factories.VillageFactory(name="Làng chưa rõ", commune_note="Xã Thử")
    body = page_text(client, village.get_absolute_url())
    assert "trước đây thuộc" not in body and "Xã Thử" not in body


# --- import -----------------------------------------------------------------------------------------
PRODUCER_COLUMNS = ["slug", "name", "kind", "district", "village", "commune"]


def producer_csv(*communes):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=PRODUCER_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for n, commune in enumerate(communes):
        writer.writerow(
            {
                "slug": f"xuong-{n}",
                "name": f"Xưởng {n}",
                "kind": "household",
                "district": "phu-xuyen",
                "commune": commune,
            }
        )
    return out.getvalue()


def test_the_producer_import_accepts_a_commune_by_code_or_by_name(importing_officer):
    response = preview(importing_officer, producer_csv("10273", "xa phu xuyen", "Xã Chuyên Mỹ", ""), model="producer")
    assert not response.context["result"].has_validation_errors()
    confirm(importing_officer, response, model="producer")
    communes = dict(Producer.objects.filter(slug__startswith="xuong-").values_list("slug", "commune__name"))
    assert communes == {
        "xuong-0": "Xã Phú Xuyên",
        "xuong-1": "Xã Phú Xuyên",
        "xuong-2": "Xã Chuyên Mỹ",
        "xuong-3": None,
    }


def test_an_unknown_commune_code_is_a_row_error_in_words_and_nothing_is_saved(importing_officer):
    response = preview(importing_officer, producer_csv("10273", "99999"), model="producer")
    result = response.context["result"]
    assert result.has_validation_errors()
    assert [row.number for row in result.invalid_rows] == [2]
    body = response.content.decode()
    assert "No commune or ward “99999” in the official list" in body
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert not Producer.objects.filter(slug__startswith="xuong-").exists()


def test_the_producer_export_writes_the_commune_code(places):
    from catalogue.resources import ProducerResource

    dataset = ProducerResource(user=factories.CityAdminFactory()).export()
    row = dict(zip(dataset.headers, dataset[[r[0] for r in dataset].index(places["potter"].slug)], strict=True))
    assert row["commune"] == "00577"
    assert Commune.objects.get(code=row["commune"]) == places["commune"]
