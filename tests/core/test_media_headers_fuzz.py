"""Whatever a browser, a bot or an attacker puts in Referer, User-Agent, Accept-Language or
Cookie, a public page answers without a server error."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factories

pytestmark = pytest.mark.django_db

GTIN14 = "08934567890120"

# What a WSGI server can hand over: header values are latin-1 text without line breaks.
HEADER_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
    max_size=120,
)
# Values that break URL, language-tag and cookie parsers, mixed with random text.
NASTY = st.sampled_from(
    [
        "http://[::1",
        "http://[",
        "https://[::1]:99999/t/",
        "http://x:-1/",
        "//[::1/t/ABC",
        "http://[v1.x]/",
        "http://%zz/",
        "\x00",
        "é" * 300,
        "vi;q=abc",
        "*;q=-1, vi-VN;q=1e9",
        "x" * 600,
        "vi-" + "a" * 200,
        "django_language=zz",
        "django_language=vi\\x00",
        'sessionid="unterminated',
        "cart=%ff%fe; csrftoken=;;;=",
    ]
)
VALUE = st.one_of(NASTY, HEADER_TEXT, st.builds(lambda a, b: a + b, NASTY, HEADER_TEXT))
HEADERS = st.fixed_dictionaries(
    {},
    optional={"Referer": VALUE, "User-Agent": VALUE, "Accept-Language": VALUE, "Cookie": VALUE},
)


@pytest.fixture
def public_urls():
    product = factories.PublishedProductFactory(name="Khay sơn mài", gtin=GTIN14, slug="khay-son-mai")
    lot = factories.LotFactory(product=product, code="L2601-01", steps=1)
    return [
        "/",
        "/products/",
        product.get_absolute_url(),
        f"/en{product.get_absolute_url()}",
        "/en/",
        f"/t/{product.trace_code}",
        f"/t/{product.trace_code}/{lot.code}",
        f"/01/{GTIN14}",
        f"/01/{GTIN14}/10/{lot.code}",
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(headers=HEADERS, which=st.integers(min_value=0, max_value=8))
@example(headers={"Referer": "http://[::1"}, which=5)
@example(headers={"Referer": "http://[::1", "User-Agent": "Mozilla/5.0 (iPhone)"}, which=5)
@example(headers={"Referer": "http://[::1", "User-Agent": "Mozilla/5.0 (iPhone)"}, which=6)
def test_public_pages_never_answer_5xx_whatever_the_headers(client, public_urls, headers, which):
    response = client.get(public_urls[which], headers=headers)
    assert response.status_code < 500


@pytest.mark.parametrize("index", range(9))
def test_a_malformed_referer_is_treated_as_a_link_on_every_public_page(client, public_urls, index):
    """The reported case, page by page: `Referer: http://[::1` gave 500 on trace pages."""
    response = client.get(public_urls[index], headers={"Referer": "http://[::1", "User-Agent": "Mozilla/5.0 (iPhone)"})
    assert response.status_code in (200, 301, 302, 307)


def test_a_scan_with_a_malformed_referer_is_still_counted_as_a_link(client, public_urls, write_scans):
    from catalogue.models import Scan

    client.get(public_urls[5], headers={"Referer": "http://[::1", "User-Agent": "Mozilla/5.0 (iPhone)"})
    write_scans()
    assert list(Scan.objects.values_list("source", flat=True)) == [Scan.Source.LINK]
