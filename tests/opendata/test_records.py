"""Each endpoint's records: the fields they show, in both languages, and what never appears
(unpublished products, closed showrooms, email addresses, stock, orders, scans, users)."""

import json

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

PRIVATE_KEYS = {
    "email",
    "stock_quantity",
    "certificate_number",
    "certificate_issuer",
    "certificate_level",
    "certificate_date",
    "search_text",
    "search_name",
    "officers",
    "orders",
    "scans",
    "password",
    "username",
}


def keys_of(value):
    """Every key at any depth of a JSON answer."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_of(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_of(item)}
    return set()


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_product_record_names_its_producer_places_certificate_and_links_in_both_languages(client, today):
    village = factories.VillageFactory(name="Bát Tràng", slug="bat-trang", commune=factories.commune("Xã Bát Tràng"))
    producer = factories.ProducerFactory(
        name="Gốm Minh Hải", slug="gom-minh-hai", village=village, commune=factories.commune("Xã Bát Tràng")
    )
    product = factories.PublishedProductFactory(
        name="Bình hút lộc",
        name_en="Fortune vase",
        slug="binh-hut-loc",
        producer=producer,
        craft_slug="ceramics",
        stars=4,
        potential_five_star=True,
        price=1_200_000,
        unit_vi="chiếc",
        unit_en="piece",
        gtin="8934567890120",
    )
    factories.ProductImageFactory(product=product)

    [record] = results(client, "/api/v1/products/")

    assert record["slug"] == "binh-hut-loc"
    assert record["name"] == {"vi": "Bình hút lộc", "en": "Fortune vase"}
    assert record["producer"] == {"slug": "gom-minh-hai", "name": "Gốm Minh Hải"}
    assert record["village"] == {"slug": "bat-trang", "name": "Bát Tràng"}
    assert record["district"]["slug"] == "gia-lam"
    assert record["commune"]["name"] == "Xã Bát Tràng"
    assert record["craft"] == {"slug": "ceramics", "name": {"vi": "Gốm sứ", "en": "Ceramics"}}
    assert record["group"] == {"code": "handicrafts", "label": {"vi": "Thủ công mỹ nghệ", "en": "Handicrafts"}}
    assert record["product_set"]["code"] == "handicrafts-decor"
    assert record["stars"] == 4 and record["potential_five_star"] is True
    assert record["certificate"]["status"]["code"] == "valid"
    assert record["certificate"]["status"]["label"] == {"vi": "Còn hiệu lực", "en": "Valid"}
    assert record["certificate"]["valid_until"] == product.certificate_valid_until.isoformat()
    assert record["price_vnd"] == 1_200_000
    assert record["unit"] == {"vi": "chiếc", "en": "piece"}
    assert record["gtin"] == "08934567890120"
    assert record["trace_url"] == f"https://ocop.test/t/{product.trace_code}"
    assert record["gs1_digital_link"] == "https://ocop.test/01/08934567890120"
    assert record["url"] == {
        "vi": "https://ocop.test/products/binh-hut-loc/",
        "en": "https://ocop.test/en/products/binh-hut-loc/",
    }
    assert record["image_url"].startswith("https://ocop.test/media/products/")
    assert record["is_demo"] is False


def test_english_text_that_was_never_written_is_null_not_the_vietnamese(client):
    factories.PublishedProductFactory(name="Lụa tơ tằm", unit_vi="mét")
    [record] = results(client, "/api/v1/products/")
    assert record["name"] == {"vi": "Lụa tơ tằm", "en": None}
    assert record["unit"]["en"] is None


def test_only_published_products_appear_lapsed_certificates_with_their_status(client, today):
    shown = factories.PublishedProductFactory(slug="shown")
    expired = factories.ExpiredProductFactory(slug="expired")
    withdrawn = factories.WithdrawnProductFactory(slug="withdrawn")
    draft = factories.DraftProductFactory(slug="draft")

    records = {record["slug"]: record for record in results(client, "/api/v1/products/")}

    assert set(records) == {shown.slug, expired.slug, withdrawn.slug}
    assert records["expired"]["certificate"]["status"]["code"] == "expired"
    assert records["withdrawn"]["certificate"]["status"]["code"] == "withdrawn"
    assert client.get(f"/api/v1/products/{draft.slug}/").status_code == 404
    assert client.get("/api/v1/products/shown/").json()["slug"] == "shown"


def test_a_producer_shows_its_business_contacts_and_no_email(client):
    producer = factories.ProducerFactory(
        name="HTX Gốm Bát Tràng",
        slug="htx-gom",
        kind="cooperative",
        address="Thôn 3, Bát Tràng",
        phone="024 3874 0000",
        email="owner.private@example.com",
        website="https://gom.example.vn",
        facebook_url="https://facebook.com/gom",
    )
    factories.PublishedProductFactory(producer=producer)
    factories.DraftProductFactory(producer=factories.ProducerFactory(slug="not-yet-public"))

    response = client.get("/api/v1/producers/")
    [record] = response.json()["results"]

    assert record["slug"] == "htx-gom"
    assert record["kind"] == {"code": "cooperative", "label": {"vi": "hợp tác xã", "en": "cooperative"}}
    assert record["address"] == "Thôn 3, Bát Tràng"
    assert record["phone"] == "024 3874 0000"
    assert record["website"] == "https://gom.example.vn"
    assert record["facebook_url"] == "https://facebook.com/gom"
    assert record["url"]["en"] == "https://ocop.test/en/producers/htx-gom/"
    assert "owner.private" not in response.content.decode()
    assert client.get("/api/v1/producers/not-yet-public/").status_code == 404


def test_villages_list_their_crafts_and_map_point(client):
    factories.VillageFactory(name="Vạn Phúc", slug="van-phuc", crafts=["silk-weaving", "embroidery"])
    [record] = results(client, "/api/v1/villages/")
    assert record["name"] == "Vạn Phúc"
    assert {craft["slug"] for craft in record["crafts"]} == {"embroidery", "silk-weaving"}
    assert {"slug": "embroidery", "name": {"vi": "Thêu ren", "en": "Embroidery"}} in record["crafts"]
    assert record["latitude"] == 20.97 and record["longitude"] == 105.91
    assert record["url"]["vi"] == "https://ocop.test/villages/van-phuc/"


def test_only_open_showrooms_appear(client):
    factories.ShowroomFactory(slug="open-one", phone="024 1111 2222", opening_hours_osm="Mo-Su 08:00-17:00")
    factories.ShowroomFactory(slug="closed-one", is_active=False)
    [record] = results(client, "/api/v1/showrooms/")
    assert record["slug"] == "open-one"
    assert record["kind"]["label"]["en"] == "OCOP showroom"
    assert record["phone"] == "024 1111 2222"
    assert record["opening_hours"] == "Mo-Su 08:00-17:00"
    assert client.get("/api/v1/showrooms/closed-one/").status_code == 404


def test_the_lookup_lists_give_every_craft_district_and_commune(client):
    crafts = client.get("/api/v1/crafts/").json()
    districts = client.get("/api/v1/districts/").json()
    communes = client.get("/api/v1/communes/").json()
    assert {"slug": "ceramics", "name": {"vi": "Gốm sứ", "en": "Ceramics"}} in crafts["results"]
    assert districts["count"] == 30 and len(districts["results"]) == 30
    assert communes["count"] == 126
    bat_trang = next(row for row in communes["results"] if row["name"] == "Xã Bát Tràng")
    assert bat_trang["kind"]["code"] == "xa" and len(bat_trang["code"]) == 5
    assert client.get("/api/v1/communes/xa-bat-trang/").json()["name"] == "Xã Bát Tràng"


def test_no_answer_carries_private_fields_orders_or_scans(client, write_scans):
    product = factories.PublishedProductFactory()
    factories.ShowroomFactory(products=[product])
    factories.OrderFactory(lines=[(product, 1)])
    client.get(product.get_trace_url())
    write_scans()
    for url in ("products", "producers", "villages", "showrooms", "crafts", "districts", "communes"):
        body = client.get(f"/api/v1/{url}/").json()
        assert not keys_of(body) & PRIVATE_KEYS, url
    assert "0912 345 678" in json.dumps(client.get("/api/v1/producers/").json())  # the business phone only


def test_every_answer_states_the_licence(client):
    factories.PublishedProductFactory(slug="p")
    for url in ("/api/v1/products/", "/api/v1/products/p/", "/api/v1/crafts/", "/api/v1/products/?stars=9"):
        response = client.get(url)
        assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"', url
    body = client.get("/api/v1/products/").json()
    assert body["license"]["name"] == "CC BY 4.0"
    assert body["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "OCOP Hà Nội" in body["license"]["attribution"]["vi"]


def test_the_api_root_lists_every_endpoint(client):
    body = client.get("/api/v1/").json()
    assert body["endpoints"]["products"] == "https://ocop.test/api/v1/products/"
    assert set(body["endpoints"]) == {
        "products",
        "producers",
        "villages",
        "showrooms",
        "decisions",
        "certifications",
        "crafts",
        "districts",
        "communes",
    }
    assert body["documentation"] == "https://ocop.test/api/v1/docs/"
    assert body["license"]["name"] == "CC BY 4.0"


def test_an_unknown_path_is_a_json_404_and_a_missing_slash_is_added(client):
    response = client.get("/api/v1/orders/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"status": 404, "detail": "No such endpoint."}
    assert client.get("/api/v1/products")["Location"] == "/api/v1/products/"


def test_any_web_page_may_read_the_api(client):
    factories.PublishedProductFactory(slug="p")
    response = client.get("/api/v1/products/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options("/api/v1/products/p/", HTTP_ORIGIN="https://example.org")
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert client.get("/api/v1/products/?stars=9")["Access-Control-Allow-Origin"] == "*"
