"""Checking a code by hand (/certificates/check/): what is printed on a label gives the same
verdict as a scan, without counting as one, and nothing found is a clear answer, not an error.

Labels can be copied: a tourist whose QR code will not scan, or who doubts it, types the
code, the barcode number, the link or the decision number instead.
"""

import datetime
from urllib.parse import quote

import pytest

from catalogue.codes import gtin_check_digit
from catalogue.models import Decision, Scan
from tests import factories
from tests.browsing import page_text
from tests.language import en_reverse
from traceability import gs1_compression

pytestmark = pytest.mark.django_db

CHECK = "/certificates/check/"
GTIN_13 = "893123456789" + gtin_check_digit("893123456789")


@pytest.fixture
def vase(today):
    product = factories.PublishedProductFactory(
        name="Bình gốm men lam",
        trace_code="7K3MQ01",
        gtin=GTIN_13,
        certificate_number="1032/QĐ-UBND",
        certificate_date=datetime.date(2025, 3, 10),
    )
    factories.LotFactory(product=product, code="L2601-01")
    return product


def check(client, code, **headers):
    return client.get(CHECK, {"code": code}, **headers)


def assert_verdict_for(response, product, verdict="✓ Sản phẩm OCOP đã đăng ký"):
    assert response.status_code == 200
    body = response.content.decode()
    assert verdict in body
    assert product.name in body
    return body


# --- a product code ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed",
    [
        "7K3MQ01",
        "7k3mq01",  # lower case
        " 7K3 MQ0-1 ",  # spaces and dashes
        "7K3MQOL",  # O read as 0, L as 1
        "7k3mqoi",  # I read as 1
        "https://ocop.test/t/7K3MQ01",  # the whole link
        "ocop.test/t/7k3mq01/",  # without the scheme, trailing slash
        "/t/7K3MQ01",
        "http://ocop.test/t/7K3MQ01?utm_source=label#x",
    ],
)
def test_a_trace_code_typed_any_way_gives_the_trace_verdict(client, vase, typed):
    body = assert_verdict_for(check(client, typed), vase)
    assert f'href="{vase.get_trace_url()}"' in body  # the full record, one click away
    assert "1032/QĐ-UBND" in body  # and its decision


@pytest.mark.parametrize("typed", [GTIN_13, f"0{GTIN_13}", f"{GTIN_13[:3]} {GTIN_13[3:7]} {GTIN_13[7:]}"])
def test_a_gtin_gives_the_trace_verdict(client, vase, typed):
    assert_verdict_for(check(client, typed), vase)


def test_a_gtin_with_a_wrong_check_digit_says_so(client, vase):
    wrong = GTIN_13[:-1] + str((int(GTIN_13[-1]) + 1) % 10)
    response = check(client, wrong)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Số kiểm tra của mã GTIN này bị sai" in body
    assert vase.name not in body


def test_a_gs1_digital_link_with_its_lot(client, vase):
    body = assert_verdict_for(check(client, f"https://ocop.test/01/0{GTIN_13}/10/L2601-01"), vase)
    assert "Lô L2601-01 đã được đăng ký cho sản phẩm này." in body
    assert f'href="{vase.lots.get().get_trace_url()}"' in body


def test_a_gs1_digital_link_with_an_unknown_lot_names_it(client, vase):
    body = assert_verdict_for(check(client, f"https://ocop.test/01/{GTIN_13}/10/FAKE-LOT"), vase)
    assert "Lô FAKE-LOT chưa được đăng ký" in body
    assert f'href="{vase.get_trace_url()}?unregistered_lot=FAKE-LOT"' in body


def test_a_compressed_digital_link(client, vase):
    compressed = gs1_compression.compress([("01", f"0{GTIN_13}")])
    assert_verdict_for(check(client, f"https://ocop.test/{compressed}"), vase)


def test_a_broken_digital_link_says_it_cannot_be_read(client, vase):
    response = check(client, "https://ocop.test/01/123/10/")
    assert response.status_code == 200
    assert "Không đọc được đây là mã sản phẩm" in response.content.decode()


@pytest.mark.parametrize(
    ("factory", "verdict"),
    [(factories.ExpiredProductFactory, "Chứng nhận OCOP đã hết hạn"), (factories.WithdrawnProductFactory, "thu hồi")],
)
def test_a_lapsed_certificate_is_never_shown_as_valid(client, today, factory, verdict):
    product = factory(trace_code="LAPSED1")
    body = check(client, "lapsed1").content.decode()
    assert verdict in body
    assert "✓" not in body
    assert product.name in body


def test_an_unpublished_products_code_is_not_found(client, today):
    factories.DraftProductFactory(trace_code="DRAFT01", name="Chưa công bố")
    body = check(client, "DRAFT01").content.decode()
    assert "Chưa công bố" not in body
    assert "Không tìm thấy trong sổ chứng nhận" in body


def test_a_check_is_not_a_scan(client, vase, write_scans):
    """Neither the check (from our own page) nor a shared check link counts as a QR scan."""
    check(client, "7K3MQ01", HTTP_USER_AGENT="Mozilla/5.0 (iPhone)")
    check(
        client, "7K3MQ01", HTTP_USER_AGENT="Mozilla/5.0 (iPhone)", HTTP_REFERER="https://ocop.test/certificates/check/"
    )
    write_scans()
    assert Scan.objects.count() == 0


# --- a decision number -------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["1032/QĐ-UBND", "1032 qd ubnd", "Quyết định số 1032/QĐ-UBND", "qd 1032"])
def test_a_decision_number_leads_to_its_page(client, vase, typed):
    response = check(client, typed)
    assert response.status_code == 302
    assert response["Location"] == Decision.objects.get(number="1032/QĐ-UBND").get_absolute_url()


def test_a_decision_number_shared_by_several_decisions_lists_them(client, vase):
    factories.DecisionFactory(number="1032/QĐ-UBND", decided_on=datetime.date(2023, 5, 2))
    body = page_text(client, f"{CHECK}?code={quote('1032/QĐ-UBND')}")
    assert "Các quyết định có số này" in body
    for decision in Decision.objects.filter(number="1032/QĐ-UBND"):
        assert f'href="{decision.get_absolute_url()}"' in body


@pytest.mark.parametrize("typed", ["ZZZ<b>9", "32", "103", "x1032"])
def test_only_a_whole_decision_number_leads_to_a_decision(client, vase, typed):
    factories.DecisionFactory(number="329/QĐ-UBND")
    response = check(client, typed)
    assert response.status_code == 200
    assert "Không tìm thấy trong sổ chứng nhận" in response.content.decode()


# --- nothing found, garbage ----------------------------------------------------------------------
def test_nothing_found_answers_200_with_what_to_do(client, vase):
    response = check(client, "ZZZZ999")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Không tìm thấy trong sổ chứng nhận" in body
    assert "Ủy ban nhân dân cấp huyện" in body  # where to report a copied label
    assert '<meta name="robots" content="noindex">' in body


def test_nothing_found_in_english(client, vase):
    response = client.get(en_reverse("certificates:check"), {"code": "ZZZZ999"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nothing in the register matches this" in body
    assert "report it to the People's Committee of the district" in body


@pytest.mark.parametrize(
    "garbage",
    [
        "x" * 10_000,
        "9" * 500,
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "🙂 ĐỒ GỐM 漢字",
        "abc\x00def",
        "http://[::1",
        "https://ocop.test/t/../../etc/passwd",
        "https://ocop.test/01/" + "9" * 40,
        "%",
        "'; DROP TABLE catalogue_product; --",
        "/",
    ],
)
def test_garbage_answers_200_and_is_never_echoed_as_html(client, vase, garbage):
    response = check(client, garbage)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)" not in body
    assert "<img src=x" not in body


def test_the_bare_form(client):
    response = client.get(CHECK)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tự kiểm tra mã" in body
    assert 'name="code"' in body
    assert 'method="get"' in body


# --- rate limit ----------------------------------------------------------------------------------
def test_lookups_are_rate_limited_with_a_message(client, vase, settings):
    settings.CERTIFICATE_CHECK_RATE = "2/m"
    client.get(CHECK)  # the bare form does not count
    assert check(client, "7K3MQ01").status_code == 200
    assert check(client, "ZZZZ999").status_code == 200
    response = check(client, "7K3MQ01")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Bạn đã kiểm tra quá nhiều lần" in body
    assert vase.name not in body


# --- links to the check page ---------------------------------------------------------------------
def test_the_not_registered_trace_page_links_to_the_check(client, today):
    response = client.get("/t/NOSUCH1", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 404
    assert 'href="/certificates/check/"' in response.content.decode()


def test_a_malformed_barcode_link_points_to_the_check(client, today):
    response = client.get("/01/12345678901234", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert 'href="/en/certificates/check/"' in response.content.decode()
