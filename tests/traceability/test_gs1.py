"""GS1 Digital Link: path parsing and the resolver's HTTP behaviour."""

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalogue.codes import gtin_check_digit
from tests import factories
from traceability import gs1

GTIN13 = "8934567890120"  # 0 is the check digit of 893456789012
GTIN14 = "0" + GTIN13
LINKSET = "application/linkset+json"


# --- parsing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("96385074", "00000096385074"),  # GTIN-8
        ("036000291452", "00036000291452"),  # GTIN-12 (UPC-A)
        (GTIN13, GTIN14),  # GTIN-13
        (GTIN14, GTIN14),
    ],
)
def test_gtins_of_every_length_normalise_to_14_digits(raw, expected):
    assert gs1.parse_path(f"/01/{raw}").gtin == expected


def test_qualifiers_are_read_in_order():
    link = gs1.parse_path(f"/01/{GTIN14}/22/V1/10/L-1/21/S9/")
    assert link.lot == "L-1"
    assert link.qualifiers == {"22": "V1", "10": "L-1", "21": "S9"}


@pytest.mark.parametrize(
    "path",
    [
        "/01/8934567890127",  # wrong check digit
        "/01/893456789012",  # 12 digits whose last is not a valid check digit
        "/01/12345",  # no GTIN length
        "/01/89345678901X8",
        f"/01/{GTIN14}/10",  # key without value
        f"/01/{GTIN14}/10/L1/extra",  # extra segment
        f"/01/{GTIN14}/21/S1/10/L1",  # out of order
        f"/01/{GTIN14}/10/L1/10/L2",  # repeated
        f"/01/{GTIN14}/99/x",  # not a GTIN qualifier
        f"/01/{GTIN14}/10/" + "L" * 21,  # lot longer than 20
        "/414/9520123456788",  # another primary key
    ],
)
def test_malformed_paths_are_rejected(path):
    with pytest.raises(gs1.Gs1SyntaxError):
        gs1.parse_path(path)


def test_link_types_accept_curie_and_uri():
    assert gs1.normalise_link_type("gs1:pip") == gs1.PIP
    assert gs1.normalise_link_type(gs1.PIP) == gs1.PIP


# --- resolver ------------------------------------------------------------------------------


@pytest.fixture
def product(db):
    return factories.PublishedProductFactory(name="Khay sơn mài Hạ Thái", gtin=GTIN14)


@pytest.fixture
def lot(product):
    return factories.LotFactory(product=product, code="L2601-01")


def linkset_of(response):
    assert response.status_code == 200
    return json.loads(response.content)["linkset"][0]


def test_gtin_redirects_307_to_the_trace_page_with_a_linkset_link(client, product):
    response = client.get(f"/01/{GTIN14}")
    assert response.status_code == 307
    assert response["Location"] == f"http://testserver{product.get_trace_url()}"
    assert f'<http://testserver/01/{GTIN14}?linkType=linkset>; rel="linkset"' in response["Link"]
    assert 'rel="https://gs1.org/voc/pip"' in response["Link"]


def test_short_gtin_resolves_like_its_14_digit_form(client, product):
    assert client.get(f"/01/{GTIN13}")["Location"] == client.get(f"/01/{GTIN14}")["Location"]


def test_lot_link_redirects_to_the_lot_trace_page(client, lot):
    response = client.get(f"/01/{GTIN14}/10/{lot.code}")
    assert response.status_code == 307
    assert response["Location"].endswith(lot.get_trace_url())


def test_trailing_slash_is_tolerated(client, product):
    assert client.get(f"/01/{GTIN14}/")["Location"] == client.get(f"/01/{GTIN14}")["Location"]


def test_query_string_is_passed_on_when_redirecting(client, product):
    response = client.get(f"/01/{GTIN14}?17=261231&foo=bar")
    assert response["Location"] == f"http://testserver{product.get_trace_url()}?17=261231&foo=bar"


@pytest.mark.parametrize(
    "query, headers",
    [("?linkType=linkset", {}), ("", {"HTTP_ACCEPT": LINKSET}), ("?linkType=all", {"HTTP_ACCEPT": LINKSET})],
)
def test_linkset_is_served_on_request(client, lot, query, headers):
    response = client.get(f"/01/{GTIN14}/10/{lot.code}{query}", **headers)
    assert response["Content-Type"] == LINKSET
    context = linkset_of(response)
    assert context["anchor"] == f"http://testserver/01/{GTIN14}/10/{lot.code}"
    assert "Khay sơn mài Hạ Thái" in context["itemDescription"]
    for link_type in ("pip", "certificationInfo", "traceability", "defaultLink"):
        targets = context[f"https://gs1.org/voc/{link_type}"]
        assert all(target["href"].startswith("http://testserver/") and target["title"] for target in targets)
    assert context["https://gs1.org/voc/traceability"][0]["href"].endswith(lot.get_trace_url())


def test_default_link_equals_the_redirect_location(client, product):
    location = client.get(f"/01/{GTIN14}")["Location"]
    context = linkset_of(client.get(f"/01/{GTIN14}?linkType=linkset"))
    assert context["https://gs1.org/voc/defaultLink"][0]["href"] == location


def test_anchor_is_the_uri_as_requested(client, product, settings):
    settings.ALLOWED_HOSTS = ["ocop.test"]
    context = linkset_of(client.get(f"/01/{GTIN13}?linkType=linkset", HTTP_HOST="ocop.test:8443", secure=True))
    assert context["anchor"] == f"https://ocop.test:8443/01/{GTIN13}"


def test_link_type_redirects_to_that_link_in_the_asked_language(client, product):
    english = client.get(f"/01/{GTIN14}?linkType=gs1:pip", HTTP_ACCEPT_LANGUAGE="en")
    vietnamese = client.get(f"/01/{GTIN14}?linkType=https://gs1.org/voc/pip", HTTP_ACCEPT_LANGUAGE="vi")
    assert english.status_code == vietnamese.status_code == 307
    assert english["Location"] == f"http://testserver/en/products/{product.slug}/"
    assert vietnamese["Location"] == f"http://testserver/products/{product.slug}/"


def test_wrong_check_digit_is_400_never_200(client, product):
    response = client.get("/01/08934567890127", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "check digit" in response.content.decode()


def test_malformed_path_is_400(client, product):
    assert client.get(f"/01/{GTIN14}/foo").status_code == 400
    assert client.get(f"/01/{GTIN14}/10/L1/extra").status_code == 400


def test_unknown_or_unpublished_gtin_is_404(client, db):
    assert client.get("/01/96385074").status_code == 404
    factories.PublishedProductFactory(gtin=GTIN14, is_published=False)
    assert client.get(f"/01/{GTIN14}").status_code == 404
    assert client.get(f"/01/{GTIN14}?linkType=linkset").status_code == 404


def test_head_and_options_work_with_cors_and_linkset_header(client, product):
    head = client.head(f"/01/{GTIN14}")
    options = client.options(
        f"/01/{GTIN14}", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert head.status_code == 307
    assert options.status_code == 204
    for response in (head, options, client.get(f"/01/{GTIN14}")):
        assert response["Access-Control-Allow-Origin"] == "*"
        assert {"GET", "HEAD", "OPTIONS"} <= {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
        assert 'rel="linkset"' in response["Link"]


def test_errors_carry_cors_headers_too(client, db):
    assert client.get("/01/08934567890127")["Access-Control-Allow-Origin"] == "*"


def test_resolver_description(client, db):
    response = client.get("/.well-known/gs1resolver")
    data = json.loads(response.content)
    assert response.status_code == 200
    assert data["supportedPrimaryKeys"] == ["01"]
    assert data["resolverRoot"] == "http://testserver"


@pytest.mark.parametrize(
    "path",
    [
        "/01/٠٨٩٣٤٥٦٧٨٩٠١٢٠",  # Arabic-Indic digits
        "/01/%00",
        f"/01/{GTIN14}/10/%00",
        f"/01/{GTIN14}/10/%F0%9F%8D%B5",
        "/01/" + "9" * 200,
        "/t/%00",
        "/t/ABC1234/%00",
        "/qr/%00.png",
        "/qr/ABC1234/%00.svg",
    ],
)
def test_hostile_paths_get_a_4xx_never_a_500(client, product, path):
    assert 400 <= client.get(path).status_code < 500


@given(st.text(max_size=80))
def test_any_path_parses_or_raises_a_syntax_error(path):
    """Whatever arrives after the host, the resolver can answer 400 instead of failing."""
    try:
        gs1.parse_path(path)
    except gs1.Gs1SyntaxError:
        pass


@given(st.sampled_from([7, 11, 12, 13]).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n)))
def test_every_gtin_with_its_check_digit_parses_to_14_digits(body):
    gtin = body + gtin_check_digit(body)
    assert gs1.parse_path(f"/01/{gtin}").gtin == gtin.zfill(14)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("270312", datetime.date(2027, 3, 12)),
        ("270200", datetime.date(2027, 2, 28)),  # DD=00: the end of the month
        ("760101", datetime.date(2076, 1, 1)),  # 50 years ahead: still this century
        ("770101", datetime.date(1977, 1, 1)),  # 51 ahead: the last century
        ("991231", datetime.date(1999, 12, 31)),
    ],
)
def test_gs1_dates_follow_the_century_rule(value, expected):
    assert gs1.gs1_date(value, today=datetime.date(2026, 6, 1)) == expected


def test_data_attributes_are_checked_and_other_keys_left_alone():
    pairs = [("17", "270312"), ("utm_source", "label"), ("linkType", "gs1:pip"), ("99", "free text")]
    assert gs1.parse_attributes(pairs) == {"17": "270312"}
    with pytest.raises(gs1.Gs1SyntaxError):
        gs1.parse_attributes([("17", "991340")])
