"""Trace pages served whole from the page cache (core/page_cache.py), per visitor language,
with the scan still counted on every hit (traceability/apps.py connects the hook).

A hit is recognised by its cost: no query, and no template context (the view did not run).
"""

import pytest
from django.core.cache import cache
from django.test import Client

from catalogue.models import Scan
from tests import factories
from tests.traceability.test_trace import PHONE, scan, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return factories.PublishedProductFactory(name_vi="Hộp sơn mài Hạ Thái", name_en="Hạ Thái lacquer box")


def served_from_cache(client, url, django_assert_num_queries, **headers):
    with django_assert_num_queries(0):
        response = scan(client, url, **headers)
    assert response.context is None, "the view ran"
    return response


def test_a_second_scan_is_served_from_the_cache_and_still_counted(
    client, product, write_scans, django_assert_num_queries
):
    url = product.get_trace_url()
    first = scan(client, url)
    assert first.context is not None
    again = served_from_cache(Client(), url, django_assert_num_queries)
    assert again.status_code == 200 and again.content == first.content
    write_scans()
    assert Scan.objects.filter(product=product).count() == 2


def test_a_lot_page_is_cached_and_counted_with_its_lot(client, write_scans, django_assert_num_queries):
    lot = factories.LotFactory()
    scan(client, lot.get_trace_url(), HTTP_ACCEPT_LANGUAGE="vi")
    served_from_cache(Client(), lot.get_trace_url(), django_assert_num_queries, HTTP_ACCEPT_LANGUAGE="vi")
    write_scans()
    assert list(Scan.objects.values_list("lot", "language")) == [(lot.pk, "vi"), (lot.pk, "vi")]


@pytest.mark.parametrize(
    "headers, language, name",
    [
        ({"HTTP_ACCEPT_LANGUAGE": "vi-VN,vi;q=0.9"}, "vi", "Hộp sơn mài Hạ Thái"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}, "en", "Hạ Thái lacquer box"),
        ({"HTTP_ACCEPT_LANGUAGE": "ko-KR,ko;q=0.9"}, "en", "Hạ Thái lacquer box"),
        ({"HTTP_ACCEPT_LANGUAGE": "vi", "HTTP_COOKIE": "django_language=en"}, "en", "Hạ Thái lacquer box"),
    ],
)
def test_each_visitor_gets_their_own_language_cold_and_warm(product, headers, language, name, write_scans):
    """Vietnamese and English pages of one URL are kept apart; the cookie beats the browser."""
    others = {"vi": "Hộp sơn mài Hạ Thái", "en": "Hạ Thái lacquer box"}
    other_language = "en" if language == "vi" else "vi"
    # Fill the cache with the other language first: it must not be served.
    scan(Client(), product.get_trace_url(), HTTP_ACCEPT_LANGUAGE=other_language)
    for _ in range(2):
        response = scan(Client(), product.get_trace_url(), **headers)
        assert f'lang="{language}"' in response.content.decode()
        assert others[language] in response.content.decode()
        assert others[other_language] not in text_of(response).replace(others[language], "")
        assert response["Content-Language"] == language
    write_scans()
    assert Scan.objects.filter(language=language).count() == 2


def test_a_cached_trace_page_stays_private_and_revalidated(client, product, django_assert_num_queries):
    """Its language follows the visitor, not the URL: a shared cache must not keep it."""
    url = product.get_trace_url()
    scan(client, url)
    hit = served_from_cache(Client(), url, django_assert_num_queries)
    assert "private" in hit["Cache-Control"] and "no-cache" in hit["Cache-Control"]
    assert "public" not in hit["Cache-Control"] and "s-maxage" not in hit["Cache-Control"]
    assert {"Accept-Language", "Cookie"} <= {part.strip() for part in hit["Vary"].split(",")}


def test_a_revalidation_from_the_cache_is_a_304_and_counted(client, product, write_scans, django_assert_num_queries):
    url = product.get_trace_url()
    first = scan(client, url)
    not_modified = served_from_cache(Client(), url, django_assert_num_queries, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == first["ETag"] and "no-cache" in not_modified["Cache-Control"]
    since = served_from_cache(Client(), url, django_assert_num_queries, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    write_scans()
    assert Scan.objects.count() == 3


def test_bots_prefetches_and_heads_served_from_the_cache_are_not_counted(client, product, write_scans):
    url = product.get_trace_url()
    scan(client, url)
    write_scans()
    Client().get(url, HTTP_USER_AGENT="facebookexternalhit/1.1")
    scan(Client(), url, HTTP_SEC_PURPOSE="prefetch")
    Client().head(url, HTTP_USER_AGENT=PHONE)
    scan(Client(), url, HTTP_REFERER=f"https://ocop.test{url}")
    write_scans()
    assert Scan.objects.count() == 1


def test_a_withdrawn_certificate_shows_on_the_next_scan(client, product):
    url = product.get_trace_url()
    scan(client, url)
    scan(client, url)  # from the cache
    product.certificate_withdrawn = True
    product.save()
    assert "withdrawn" in text_of(scan(Client(), url)).lower()


def test_an_unpublished_product_is_unknown_on_the_next_scan(client, product, write_scans):
    url = product.get_trace_url()
    scan(client, url)
    product.is_published = False
    product.save()
    assert scan(Client(), url).status_code == 404
    write_scans()
    assert Scan.objects.count() == 1


def test_a_visitor_with_a_session_gets_the_view(client, product):
    url = product.get_trace_url()
    scan(client, url)
    response = scan(Client(), url, HTTP_COOKIE="sessionid=abc")
    assert response.context is not None


@pytest.mark.parametrize("url", ["/t/ZZZZZZZ", "/t/ZZZZZZZ/LOT-1", "/t/%00", "/t/" + "A" * 300])
def test_unknown_and_junk_codes_leave_nothing_in_the_cache(client, url):
    """Codes come from whoever types a URL: each must not leave a cache entry or a
    generation behind (generations never expire), or junk requests fill the cache."""
    factories.PublishedProductFactory()
    scan(client, "/")  # the catalogue's own entries
    before = set(cache._cache)
    for _ in range(2):
        response = scan(client, url)
        assert response.status_code == 404 and response.context is not None
    assert set(cache._cache) == before


def test_an_unknown_lot_of_a_known_product_is_not_stored(client, product):
    scan(client, product.get_trace_url())
    for _ in range(2):
        response = scan(client, product.get_trace_url() + "/NO-SUCH-LOT")
        assert response.status_code == 404 and response.context is not None
