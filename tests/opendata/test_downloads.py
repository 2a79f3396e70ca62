"""The bulk files and the /open-data/ page: the files hold the API's records, carry the
licence, open in Excel with Vietnamese intact, and follow the data when it changes."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from opendata import exports
from tests import factories
from tests.language import english_page, vietnamese_page

pytestmark = pytest.mark.django_db

LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def download(client, name, **headers):
    response = client.get(f"/open-data/files/{name}", **headers)
    assert response.status_code == 200, name
    return response, b"".join(response.streaming_content)


def api_records(client, dataset):
    records, url = [], f"/api/v1/{dataset}/?page_size=2"
    while url:
        body = client.get(url).json()
        records += body["results"]
        url = body["next"]
    return records


@pytest.fixture
def listings(today):
    bat_trang = factories.VillageFactory(name="Bát Tràng", commune=factories.commune("Xã Bát Tràng"))
    products = [
        factories.PublishedProductFactory(
            name="Bình gốm men rạn", producer=factories.ProducerFactory(village=bat_trang)
        ),
        factories.PublishedProductFactory(name='=HYPERLINK("http://evil")', craft_slug="ceramics"),
        factories.ExpiredProductFactory(name="Ấm trà cũ", gtin="8934567890120"),
    ]
    factories.DraftProductFactory(name="Chưa công bố")
    factories.ShowroomFactory(name="Điểm OCOP Hồ Gươm", products=products[:1])
    return products


@pytest.mark.parametrize("dataset", ["products", "producers", "villages", "showrooms"])
def test_the_json_file_holds_the_api_records_and_the_licence(client, listings, dataset):
    response, content = download(client, f"{dataset}.json")
    assert response["Content-Type"] == "application/json"
    assert response["Link"] == LICENCE_LINK
    document = json.loads(content)
    assert document["license"]["name"] == "CC BY 4.0"
    assert document["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert document["records"] == api_records(client, dataset)
    assert document["count"] == len(document["records"]) > 0


@pytest.mark.parametrize("dataset", ["products", "producers", "villages", "showrooms"])
def test_the_csv_file_has_a_row_per_api_record_with_every_leaf_as_a_column(client, listings, dataset):
    response, content = download(client, f"{dataset}.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == LICENCE_LINK
    assert 'filename="ocop-ha-noi-' in response["Content-Disposition"]
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads Vietnamese right
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    records = api_records(client, dataset)
    assert [row["id"] for row in rows] == [str(record["id"]) for record in records]
    for row, record in zip(rows, records):
        for column, value in exports.flatten(record).items():
            if value is None and column not in row:  # an empty relation: its columns are empty
                assert all(row[name] == "" for name in row if name.startswith(column + ".")), column
            else:
                assert row[column] == exports.cell(value), column


def test_the_product_csv_reads_as_a_spreadsheet_expects(client, listings):
    _response, content = download(client, "products.csv")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    by_id = {int(row["id"]): row for row in rows}
    vase, formula, old = listings
    assert by_id[vase.pk]["name.vi"] == "Bình gốm men rạn"
    assert by_id[vase.pk]["village.name"] == "Bát Tràng"
    assert by_id[formula.pk]["name.vi"] == '\'=HYPERLINK("http://evil")'  # text, never a live formula
    assert by_id[old.pk]["certificate.status.code"] == "expired"
    assert by_id[old.pk]["gtin"] == "08934567890120"
    assert by_id[old.pk]["commune.code"] == ""  # no commune: an empty cell, the column is still there
    assert "Chưa công bố" not in content.decode("utf-8-sig")
    assert len(rows) == 3


def test_datapackage_describes_every_file_and_its_licence(client, listings):
    response, content = download(client, "datapackage.json")
    package = json.loads(content)
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    paths = {resource["path"] for resource in package["resources"]}
    assert paths == {
        f"{name}.{fmt}"
        for name in ("products", "producers", "villages", "showrooms", "decisions", "certifications")
        for fmt in ("csv", "json")
    }
    products = next(r for r in package["resources"] if r["path"] == "products.csv")
    assert products["encoding"] == "utf-8-sig" and products["count"] == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_files_follow_an_edit_made_in_the_background(client, listings, settings):
    """The request that finds the set stale gets the previous one at once; a thread (its
    own database connection: hence a committed transaction here) writes the new one."""
    settings.OPENDATA_REFRESH_SECONDS = 0
    _response, before = download(client, "products.json")
    product = listings[0]
    product.name = "Bình gốm đổi tên"
    product.save()

    _response, meanwhile = download(client, "products.json")
    exports.wait_for_background()
    _response, after = download(client, "products.json")

    assert "Bình gốm đổi tên" not in before.decode() and meanwhile == before
    assert "Bình gốm đổi tên" in after.decode()
    assert exports.current_manifest()["previous_files"]  # kept for downloads under way


def test_files_are_not_made_again_more_often_than_the_setting_allows(client, listings, settings):
    settings.OPENDATA_REFRESH_SECONDS = 3600
    first = exports.current_manifest()
    listings[0].save()
    assert exports.current_manifest() == first  # stale, but made a moment ago: kept for now


def test_a_download_revalidates_with_its_etag(client, listings):
    response, _content = download(client, "villages.csv")
    again = client.get("/open-data/files/villages.csv", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get("/open-data/files/secrets.csv").status_code == 404
    assert client.get("/open-data/files/manifest.json").status_code == 404


def test_the_command_writes_every_file(listings, capsys):
    call_command("export_open_data")
    output = capsys.readouterr().out
    assert "products.csv: 3 records" in output
    manifest = exports.read_manifest()
    assert set(manifest["files"]) == {
        *(
            f"{name}.{fmt}"
            for name in ("products", "producers", "villages", "showrooms", "decisions", "certifications")
            for fmt in ("csv", "json")
        ),
        "datapackage.json",
    }


def test_the_page_explains_the_data_licence_and_api_in_both_languages(client, listings):
    page = vietnamese_page(client, "/open-data/")
    assert "Dữ liệu mở" in page and "CC BY 4.0" in page
    assert "/open-data/files/products.csv" in page and "/api/v1/docs/" in page
    english = english_page(client, "/en/open-data/")
    assert "Creative Commons Attribution 4.0 International licence" in english
    assert "Files made at" in english


def test_the_footer_links_to_the_page(client):
    assert 'href="/open-data/"' in client.get("/").content.decode()
    assert 'href="/en/open-data/"' in client.get("/en/").content.decode()


def test_the_page_is_in_the_sitemap_in_both_languages(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "https://ocop.test/open-data/</loc>" in sitemap or "/open-data/</loc>" in sitemap
    assert "/en/open-data/" in sitemap


def test_making_the_files_costs_a_few_queries_however_many_records(django_assert_max_num_queries):
    for n in range(15):
        product = factories.PublishedProductFactory(name=f"Bình {n}", craft_slug="ceramics")
        factories.ProductImageFactory(product=product)
        factories.ShowroomFactory(village=product.producer.village)
    # products and their images, producers, villages and their crafts, showrooms, decisions,
    # certifications
    with django_assert_max_num_queries(8):  # one pass per dataset for both files
        manifest = exports.export()
    assert manifest["files"]["products.csv"]["count"] == 15
