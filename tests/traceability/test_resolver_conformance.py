"""The resolver against the GS1-Conformant Resolver standard 1.2.0, with the requests a
conformance checker sends (GS1's interoperability test suite among them): walk-up, link
types without a link, JSON-LD, the description file, compressed URIs, data attributes."""

import json

import jsonschema
import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.models import Scan
from tests import factories
from tests.traceability.test_trace import scan, text_of
from traceability import gs1
from traceability.gs1_compression import compress

GTIN14 = "08934567890120"
LINKSET = "application/linkset+json"
JSON_LD = "application/ld+json"
CONTEXT_LINK = f'<{gs1.LINKSET_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"'


@pytest.fixture
def product(db):
    return factories.PublishedProductFactory(name="Khay sơn mài Hạ Thái", gtin=GTIN14)


@pytest.fixture
def lot(product):
    return factories.LotFactory(product=product, code="L2601-01")


def linkset_of(response):
    assert response.status_code == 200
    return json.loads(response.content)["linkset"][0]


def assert_resolver_headers(response):
    """Every answer, errors and preflight included, is readable cross-origin and points to the linkset."""
    assert response["Access-Control-Allow-Origin"] == "*"
    assert 'rel="linkset"' in response["Link"]


# --- 1. walk-up ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "qualifiers, parameter",
    [
        ("/10/NOPE", "unregistered_lot=NOPE"),
        ("/21/S-0042", "unregistered_serial=S-0042"),
        ("/22/V1", "unregistered_variant=V1"),
    ],
)
def test_an_unknown_lot_serial_or_variant_of_a_known_gtin_resolves_as_the_product(
    client, product, qualifiers, parameter, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        response = client.get(f"/01/{GTIN14}{qualifiers}")
    assert response.status_code == 307
    assert response["Location"] == f"http://testserver{product.get_trace_url()}?{parameter}"
    assert client.head(f"/01/{GTIN14}{qualifiers}")["Location"] == response["Location"]
    assert_resolver_headers(response)


def test_an_unknown_serial_of_a_known_lot_resolves_as_the_lot(client, lot):
    response = client.get(f"/01/{GTIN14}/10/{lot.code}/21/S1")
    assert response["Location"] == f"http://testserver{lot.get_trace_url()}?unregistered_serial=S1"


def test_the_linkset_of_a_walked_up_request_is_the_products_anchored_at_the_request(client, product):
    location = client.get(f"/01/{GTIN14}/10/NOPE")["Location"]
    context = linkset_of(client.get(f"/01/{GTIN14}/10/NOPE?linkType=linkset"))
    assert context["anchor"] == f"http://testserver/01/{GTIN14}/10/NOPE"
    assert context["itemDescription"] == context["description"] == "Khay sơn mài Hạ Thái"
    assert context[gs1.DEFAULT_LINK] == [{"href": location, "title": context[gs1.DEFAULT_LINK][0]["title"]}]
    assert context[gs1.TRACEABILITY][0]["href"] == location


def test_an_unknown_gtin_with_a_lot_is_still_404(client, product):
    response = client.get("/01/96385074/10/L1")
    assert response.status_code == 404
    assert_resolver_headers(response)


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("en", "Lot NOPE is not registered; what follows is the product’s record."),
        ("vi", "Lô NOPE chưa được đăng ký; thông tin dưới đây là của sản phẩm."),
    ],
)
def test_the_trace_page_says_the_lot_is_not_registered(client, product, language, sentence):
    location = client.get(f"/01/{GTIN14}/10/NOPE")["Location"]
    page = scan(client, location, HTTP_ACCEPT_LANGUAGE=language)
    assert page.status_code == 200
    assert sentence in text_of(page)
    assert "Khay sơn mài Hạ Thái" in text_of(page)


def test_serial_and_variant_notes_on_the_trace_page(client, product):
    text = text_of(scan(client, product.get_trace_url() + "?unregistered_serial=S1&unregistered_variant=V2"))
    assert "Serial number S1 is not registered; what follows is the product’s record." in text
    assert "Variant V2 is not registered; what follows is the product’s record." in text


def test_the_note_escapes_what_the_label_said(client, product):
    page = scan(client, product.get_trace_url() + "?unregistered_lot=%3Cb%3Ex")
    assert "<b>x" not in page.content.decode()
    assert "&lt;b&gt;x" in page.content.decode()
    # Not a GS1 value (too long, or a character outside the GS1 set): no note at all.
    assert "not registered" not in text_of(scan(client, product.get_trace_url() + "?unregistered_lot=" + "L" * 21))
    assert "not registered" not in text_of(scan(client, product.get_trace_url() + "?unregistered_lot=%E2%9C%93"))


def test_trace_pages_with_a_query_string_are_not_kept_whole_and_every_scan_counts(client, product, write_scans):
    """The page cache keys pages by URL: one entry per lot code anyone types would fill it."""
    url = product.get_trace_url()
    scan(client, url)  # the plain page, kept whole
    before = set(cache._cache)
    for _ in range(2):
        noted = scan(Client(), url + "?unregistered_lot=NOPE")
        assert noted.context is not None, "served from the page cache"
        assert "Lot NOPE is not registered" in text_of(noted)
    assert set(cache._cache) == before
    plain = scan(Client(), url)
    assert plain.context is None and "not registered" not in text_of(plain)
    write_scans()
    assert Scan.objects.filter(product=product).count() == 4


# --- 2. link types ---------------------------------------------------------------------------


@pytest.mark.parametrize("link_type", ["gs1:recipeInfo", "https://gs1.org/voc/recipeInfo", "gs1:nosuchlt"])
def test_a_link_type_the_item_has_no_link_for_is_404(client, product, link_type):
    response = client.get(f"/01/{GTIN14}", {"linkType": link_type}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert f"There is no link of type “{link_type}” for this product." in response.content.decode()
    assert_resolver_headers(response)


def test_the_404_for_a_missing_link_type_is_in_the_visitors_language(client, product):
    response = client.get(f"/01/{GTIN14}?linkType=gs1:recipeInfo", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 404
    assert "Không có liên kết loại “gs1:recipeInfo” cho sản phẩm này." in response.content.decode()


def test_a_missing_link_type_of_a_walked_up_lot_is_404_too(client, product):
    assert client.get(f"/01/{GTIN14}/10/NOPE?linkType=gs1:recipeInfo").status_code == 404


@pytest.mark.parametrize(
    "link_type, expected",
    [
        ("gs1:traceability", "{trace}"),
        ("https://gs1.org/voc/traceability", "{trace}"),
        ("gs1:certificationInfo", "{trace}#certificate"),
        ("https://ref.gs1.org/voc/certificationInfo", "{trace}#certificate"),
        ("gs1:defaultLink", "{trace}"),
        ("https://gs1.org/voc/defaultLink", "{trace}"),
        ("gs1:pip", "{pip}"),
        ("https://gs1.org/voc/pip", "{pip}"),
    ],
)
def test_known_link_types_redirect_to_their_link(client, product, link_type, expected):
    response = client.get(f"/01/{GTIN14}", {"linkType": link_type}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 307
    trace = f"http://testserver{product.get_trace_url()}"
    assert response["Location"] == expected.format(trace=trace, pip=f"http://testserver/products/{product.slug}/")


def test_each_single_link_in_the_linkset_is_where_its_link_type_redirects(client, product):
    """What GS1's test suite does: ask for each link type the linkset lists, expect its href."""
    context = linkset_of(client.get(f"/01/{GTIN14}?linkType=linkset"))
    for link_type in (gs1.TRACEABILITY, gs1.CERTIFICATION_INFO):
        [target] = context[link_type]
        assert client.get(f"/01/{GTIN14}", {"linkType": link_type})["Location"] == target["href"]


def test_the_default_link_has_a_title_and_nothing_else(client, product):
    context = linkset_of(client.get(f"/01/{GTIN14}?linkType=linkset"))
    assert set(context[gs1.DEFAULT_LINK][0]) == {"href", "title"}


# --- 3. JSON-LD ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, accept",
    [("", JSON_LD), ("?linkType=linkset", JSON_LD), ("?linkType=all", f"{LINKSET};q=0.5, {JSON_LD}")],
)
def test_the_linkset_as_json_ld_embeds_and_links_its_context(client, lot, query, accept):
    response = client.get(f"/01/{GTIN14}/10/{lot.code}{query}", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"] == JSON_LD
    document = json.loads(response.content)
    assert document["@context"] == "https://ref.gs1.org/standards/resolver/linkset-context"
    assert document["linkset"][0]["anchor"] == f"http://testserver/01/{GTIN14}/10/{lot.code}"
    assert CONTEXT_LINK in response["Link"]


@pytest.mark.parametrize("headers", [{}, {"HTTP_ACCEPT": LINKSET}, {"HTTP_ACCEPT": "text/html,*/*;q=0.8"}])
def test_the_rfc_9264_linkset_stays_as_it_was_and_links_the_context(client, product, headers):
    response = client.get(f"/01/{GTIN14}?linkType=linkset", **headers)
    assert response["Content-Type"] == LINKSET
    assert "@context" not in json.loads(response.content)
    assert CONTEXT_LINK in response["Link"]


def test_plain_json_is_served_as_json(client, product):
    response = client.get(f"/01/{GTIN14}?linkType=linkset", HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "application/json"
    assert linkset_of(response)["anchor"] == f"http://testserver/01/{GTIN14}"


# --- 4. the description file -----------------------------------------------------------------

# Transcribed from the Resolver standard 1.2.0's JSON schema for description files
# (https://ref.gs1.org/standards/resolver/1.2.0/description-file-schema, draft-07): the
# required members, types, the enumeration of primary keys and the prefix pattern.
DESCRIPTION_FILE_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["resolverRoot", "supportedPrimaryKeys"],
    "properties": {
        "resolverRoot": {"type": "string", "format": "uri"},
        "supportedPrimaryKeys": {
            "type": "array",
            "items": {
                "type": "string",
                "enum": [
                    *("all", "01", "8006", "8013", "8010", "410", "411", "412", "413", "414", "415", "417"),
                    *("8017", "8018", "255", "00", "253", "401", "402", "8003", "8004"),
                ],
            },
        },
        "name": {"type": "string"},
        "supportedLinkType": {
            "type": "array",
            "items": {
                "properties": {
                    "namespace": {"type": "string", "format": "uri"},
                    "prefix": {"type": "string", "pattern": "^[a-zA-Z_][A-Za-z0-9_-]*?:$"},
                }
            },
        },
        "linkTypeDefaultCanBeLinkset": {"type": "boolean", "default": False},
        "supportedContextValuesEnumerated": {"type": "array", "items": {"type": "string"}},
        "supportedContextValuesExternal": {
            "type": "array",
            "items": {"type": "object", "properties": {"nameOfList": {"type": "string"}, "url": {"type": "string"}}},
        },
        "contact": {
            "type": "object",
            "properties": {
                "fn": {"type": "string"},
                "hasAddress": {
                    "type": "object",
                    "properties": {
                        "streetAddress": {"type": "string"},
                        "locality": {"type": "string"},
                        "region": {"type": "string"},
                        "postal-code": {"type": "string"},
                    },
                },
            },
        },
        "extensionProfile": {"type": "string"},
        "jsonLdContextLocation": {"type": "string"},
    },
}


def description(client):
    response = client.get("/.well-known/gs1resolver")
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_the_description_file_validates_against_the_standards_schema(client, db):
    _response, document = description(client)
    jsonschema.Draft7Validator.check_schema(DESCRIPTION_FILE_SCHEMA)
    jsonschema.validate(document, DESCRIPTION_FILE_SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


@pytest.mark.parametrize(
    "broken",
    [{"contact": "http://testserver/"}, {"supportedPrimaryKeys": ["gtin"]}, {"resolverRoot": None}],
)
def test_the_transcribed_schema_refuses_what_the_old_file_had_wrong(client, db, broken):
    """The schema is not a formality: the pre-1.2 file (contact as a URL string) fails it."""
    _response, document = description(client)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**document, **broken}, DESCRIPTION_FILE_SCHEMA)


def test_the_description_file_says_what_this_resolver_does(client, db):
    response, document = description(client)
    assert document["resolverRoot"] == "http://testserver"
    assert document["supportedPrimaryKeys"] == ["01"]
    assert document["jsonLdContextLocation"] == gs1.LINKSET_CONTEXT
    assert document["linkTypeDefaultCanBeLinkset"] is False
    assert document["supportedContextValuesEnumerated"] == []
    assert document["contact"]["fn"] and document["contact"]["hasAddress"]["locality"] == "Hà Nội"
    assert {"namespace": "https://gs1.org/voc/", "prefix": "gs1:"} in document["supportedLinkType"]
    assert response["Access-Control-Allow-Origin"] == "*"


# --- 5. compressed URIs ----------------------------------------------------------------------


def test_a_compressed_gtin_resolves_where_its_uncompressed_uri_does(client, product):
    compressed = compress([("01", GTIN14)])
    response = client.get(f"/{compressed}")
    assert response.status_code == 307
    assert response["Location"] == client.get(f"/01/{GTIN14}")["Location"]
    assert f'<http://testserver/01/{GTIN14}>; rel="owl:sameAs"' in response["Link"]
    assert client.get(f"/{compressed}/")["Location"] == response["Location"]
    assert_resolver_headers(response)


def test_a_published_compressed_uri_with_a_lot_resolves_to_the_lot(client, db):
    """/AQnYUc1gmiCNV4JG is GS1's example for /01/05412345000013/10/ABC123."""
    lot = factories.LotFactory(product=factories.PublishedProductFactory(gtin="05412345000013"), code="ABC123")
    response = client.get("/AQnYUc1gmiCNV4JG")
    assert response["Location"] == f"http://testserver{lot.get_trace_url()}"
    context = linkset_of(client.get("/AQnYUc1gmiCNV4JG?linkType=linkset"))
    assert context["anchor"] == "http://testserver/01/05412345000013/10/ABC123"


def test_a_compressed_uri_with_an_expiry_date_passes_it_on(client, lot):
    compressed = compress([("01", GTIN14), ("10", "NOPE"), ("17", "270312")])
    response = client.get(f"/{compressed}?utm_source=label")
    assert response["Location"] == (
        f"http://testserver{lot.product.get_trace_url()}?unregistered_lot=NOPE&17=270312&utm_source=label"
    )


def test_head_and_options_on_a_compressed_uri(client, product):
    compressed = compress([("01", GTIN14)])
    assert client.head(f"/{compressed}").status_code == 307
    options = client.options(f"/{compressed}", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert options.status_code == 204
    assert_resolver_headers(options)


@pytest.mark.parametrize(
    "path",
    [
        "/AQnYUc1gmh",  # stray bits after the GTIN
        "/AQnYUc1g",  # cut in the middle of the GTIN
        "/AQnYUc1gmiCNV4",  # cut in the middle of the lot
        "/" + compress([("01", "08934567890127")]),  # wrong check digit
    ],
)
def test_a_malformed_compressed_path_is_400(client, product, path):
    for response in (client.get(path), client.options(path)):
        assert response.status_code == 400
        assert_resolver_headers(response)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=40))
def test_any_compressed_looking_path_gets_a_redirect_or_a_4xx(product, tail):
    response = Client().get(f"/AQ{tail}")
    assert response.status_code in (307, 400, 404)
    assert_resolver_headers(response)


# --- 6. data attributes ----------------------------------------------------------------------


@pytest.mark.parametrize("query", ["?17=270312", "?15=260100&11=250601", "?17=270312&3103=000189", "?20=01&30=12"])
def test_data_attributes_are_accepted_and_passed_on(client, product, query):
    response = client.get(f"/01/{GTIN14}{query}")
    assert response.status_code == 307
    assert response["Location"] == f"http://testserver{product.get_trace_url()}{query}"


@pytest.mark.parametrize(
    "query, reason",
    [
        ("?17=991340", "month"),
        ("?17=270231", "days"),
        ("?15=2701", "6 digits"),
        ("?3103=12", "6 digits"),
        ("?10=L1", "path"),
    ],
)
def test_a_malformed_data_attribute_is_400_with_a_message(client, product, query, reason):
    api = client.get(f"/01/{GTIN14}{query}", HTTP_ACCEPT="application/json")
    assert api.status_code == 400 and reason in json.loads(api.content)["error"]
    page = client.get(f"/01/{GTIN14}{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 400
    assert "not valid" in text_of(page)
    assert_resolver_headers(page)


def test_a_malformed_data_attribute_is_explained_in_vietnamese(client, product):
    page = client.get(f"/01/{GTIN14}?17=991340", HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 400
    assert "không hợp lệ" in text_of(page)


@pytest.mark.parametrize(
    "language, sentence",
    [("en", "Expiry date on the label: 12 March 2027"), ("vi", "Hạn sử dụng ghi trên nhãn: 12/03/2027")],
)
def test_the_trace_page_shows_the_labels_expiry_date(client, product, language, sentence):
    location = client.get(f"/01/{GTIN14}?17=270312")["Location"]
    assert sentence in text_of(scan(client, location, HTTP_ACCEPT_LANGUAGE=language))


def test_an_expiry_day_00_is_the_end_of_the_month(client, product):
    assert "Expiry date on the label: 28 February 2027" in text_of(scan(client, product.get_trace_url() + "?17=270200"))


def test_a_malformed_expiry_on_the_trace_page_is_left_out(client, product):
    page = scan(client, product.get_trace_url() + "?17=991340")
    assert page.status_code == 200 and "Expiry" not in text_of(page)
