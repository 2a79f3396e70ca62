"""Rate limits (429 with Retry-After and a message) and caching: public answers with an
ETag, kept on the server under the catalogue's generations, so an edit shows at once."""

import pytest

from opendata.throttling import OpenDataThrottle
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(monkeypatch):
    monkeypatch.setitem(OpenDataThrottle.THROTTLE_RATES, "opendata", "3/min")


def test_past_the_limit_the_api_answers_429_with_retry_after_and_a_message(client, three_a_minute):
    for _ in range(3):
        assert client.get("/api/v1/crafts/").status_code == 200
    response = client.get("/api/v1/products/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    body = response.json()
    assert body["status"] == 429 and body["retry_after"] == int(response["Retry-After"])
    assert body["detail"].startswith("Too many requests (at most 3 requests a minute from one address). Try again in ")
    assert response["Cache-Control"] == "no-store"


def test_the_limit_is_per_client_address(client, three_a_minute):
    for _ in range(3):
        client.get("/api/v1/crafts/", REMOTE_ADDR="10.0.0.1")
    assert client.get("/api/v1/crafts/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/api/v1/crafts/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_behind_a_proxy_the_address_comes_from_the_configured_header(client, three_a_minute, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    for _ in range(3):
        client.get("/api/v1/crafts/", HTTP_X_REAL_IP="203.0.113.7")
    assert client.get("/api/v1/crafts/", HTTP_X_REAL_IP="203.0.113.7").status_code == 429
    assert client.get("/api/v1/crafts/", HTTP_X_REAL_IP="203.0.113.8").status_code == 200


def test_answers_are_public_for_a_short_while_and_revalidate_with_their_etag(client, settings):
    factories.PublishedProductFactory()
    response = client.get("/api/v1/products/")
    assert response["Cache-Control"] == f"public, max-age={settings.OPENDATA_MAX_AGE}"
    assert "Set-Cookie" not in response and not response.cookies
    again = client.get("/api/v1/products/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == response["ETag"]


def test_errors_are_not_cached(client):
    response = client.get("/api/v1/products/?stars=9")
    assert response.status_code == 400 and response["Cache-Control"] == "no-store"


def test_an_edit_shows_in_the_api_on_the_next_request(client, django_assert_num_queries):
    product = factories.PublishedProductFactory(slug="vase", name="Bình cũ", price=100_000)
    assert client.get("/api/v1/products/").json()["results"][0]["name"]["vi"] == "Bình cũ"
    with django_assert_num_queries(0):  # the second time from the cache
        etag = client.get("/api/v1/products/")["ETag"]

    product.name = "Bình mới"
    product.save()
    response = client.get("/api/v1/products/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["results"][0]["name"]["vi"] == "Bình mới"


def test_an_edit_no_list_shows_still_reaches_the_api(client):
    """A GTIN shows on the product's own page only (catalogue/caching.py), but in the API."""
    product = factories.PublishedProductFactory(slug="vase")
    assert client.get("/api/v1/products/vase/").json()["gtin"] is None
    product.gtin = "8934567890120"
    product.save()
    assert client.get("/api/v1/products/vase/").json()["gtin"] == "08934567890120"
    assert client.get("/api/v1/products/").json()["results"][0]["gtin"] == "08934567890120"


def test_unpublishing_or_renaming_a_place_shows_at_once(client):
    product = factories.PublishedProductFactory(slug="vase")
    assert client.get("/api/v1/products/").json()["count"] == 1
    village = product.producer.village
    village.name = "Làng mới"
    village.save()
    assert client.get("/api/v1/products/").json()["results"][0]["village"]["name"] == "Làng mới"
    product.is_published = False
    product.save()
    assert client.get("/api/v1/products/").json()["count"] == 0
    assert client.get("/api/v1/products/vase/").status_code == 404


@pytest.mark.parametrize(
    "url, most",
    [
        ("/api/v1/products/", 3),  # count, rows with their joins, images
        ("/api/v1/products/?district=gia-lam&craft=ceramics&q=binh", 4),  # + the places' one UNION
        ("/api/v1/producers/", 2),
        ("/api/v1/villages/", 3),  # + crafts
        ("/api/v1/showrooms/", 2),
        ("/api/v1/communes/", 1),
    ],
)
def test_a_page_costs_the_same_few_queries_however_many_records(client, url, most, django_assert_max_num_queries):
    for n in range(12):
        product = factories.PublishedProductFactory(name=f"Bình {n}", craft_slug="ceramics")
        factories.ProductImageFactory(product=product)
        factories.ShowroomFactory(village=product.producer.village, commune=factories.commune("Xã Bát Tràng"))
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200
    assert response.json()["count"] >= 12


def test_the_limit_is_told_in_words_in_both_languages(client, three_a_minute):
    for _ in range(4):
        response = client.get("/api/v1/crafts/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.json()["detail"].startswith("Quá nhiều yêu cầu (tối đa 3 yêu cầu mỗi phút từ một địa chỉ).")
    assert "At most 3 requests a minute from one address" in client.get("/en/open-data/").content.decode()
