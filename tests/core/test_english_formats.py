"""Numbers, prices, dates and certificate wording in the visitor's language.

English pages write 650,000 ₫ and 12 March 2026; Vietnamese pages keep 650.000 ₫ and
12/03/2026. Each assertion names the language of the page it reads.
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from catalogue.models import Product
from core.formats import day, number, vnd
from orders import services
from tests import factories
from tests.language import english_page, english_url, vietnamese_page, vietnamese_url

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
DECIDED = datetime.date(2025, 3, 12)  # valid until 12 March 2028 (36 months)


@pytest.fixture
def vase():
    return factories.PublishedProductFactory(
        name="Bình gốm men lam", stars=5, price=650_000, stock_quantity=7, certificate_date=DECIDED
    )


# --- the filters ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "language, price, count, date",
    [
        ("en", f"1,500,000{NBSP}₫", "2,711", "12 March 2026"),
        ("vi", f"1.500.000{NBSP}₫", "2.711", "12/03/2026"),
    ],
)
def test_filters_write_numbers_and_dates_the_way_each_language_reads_them(language, price, count, date):
    with translation.override(language):
        assert vnd(1_500_000) == price
        assert number(2711) == count
        assert day(datetime.date(2026, 3, 12)) == date


def test_filters_leave_missing_values_empty():
    with translation.override("en"):
        assert vnd(None) == "" and number("") == "" and day(None) == ""


# --- prices on the shop's pages ----------------------------------------------------------------
def test_english_product_list_writes_prices_with_commas(client, vase):
    body = english_page(client, "/en/products/")
    assert f"650,000{NBSP}₫" in body  # English page
    assert "650.000" not in body


def test_vietnamese_product_list_keeps_dots(client, vase):
    body = vietnamese_page(client, "/products/")
    assert f"650.000{NBSP}₫" in body  # Vietnamese page
    assert "650,000" not in body


def test_english_product_page_writes_price_and_certificate_dates_in_english(client, vase):
    factories.LotFactory(product=vase, produced_on=datetime.date(2026, 1, 10))
    body = english_page(client, english_url(vase))
    assert f"650,000{NBSP}₫" in body  # English page
    assert "12 March 2025" in body and "12 March 2028" in body  # decision date, valid until
    assert "10 January 2026" in body  # the lot's production date
    assert "12/03/2025" not in body and "10/01/2026" not in body


def test_vietnamese_product_page_keeps_day_month_year(client, vase):
    factories.LotFactory(product=vase, produced_on=datetime.date(2026, 1, 10))
    body = vietnamese_page(client, vietnamese_url(vase))
    assert f"650.000{NBSP}₫" in body  # Vietnamese page
    assert "12/03/2025" in body and "12/03/2028" in body and "10/01/2026" in body
    assert "March" not in body


def test_trace_page_in_english_writes_dates_in_english(client, vase):
    client.cookies["django_language"] = "en"
    body = english_page(client, vase.get_trace_url())
    assert "12 March 2028" in body  # English trace page
    assert "March 12, 2028" not in body and "12/03/2028" not in body


def test_trace_page_in_vietnamese_keeps_day_month_year(client, vase):
    client.cookies["django_language"] = "vi"
    body = vietnamese_page(client, vase.get_trace_url())
    assert "12/03/2028" in body  # Vietnamese trace page


# --- search placeholders -----------------------------------------------------------------------
VIETNAMESE_LETTERS = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]", re.I)


def placeholders(body):
    return re.findall(r'placeholder="([^"]*)"', body)


def test_english_pages_have_english_search_placeholders(client):
    for url in ("/en/", "/en/products/"):
        found = placeholders(english_page(client, url))
        assert found, url
        for text in found:
            assert not VIETNAMESE_LETTERS.search(text), f"{url}: {text}"
            assert not re.search(r"\b(gom|lua|son mai)\b", text, re.I), f"{url}: {text}"


def test_vietnamese_pages_keep_vietnamese_search_placeholders(client):
    found = placeholders(vietnamese_page(client, "/"))  # Vietnamese home page
    assert any(VIETNAMESE_LETTERS.search(text) for text in found)


def test_english_empty_results_suggest_english_searches_that_find_something(client):
    factories.PublishedProductFactory(
        name="Khăn lụa Vạn Phúc", name_en="Van Phuc silk scarf", craft_slug="silk-weaving"
    )
    body = english_page(client, "/en/products/?q=zzzz")
    suggestions = re.findall(r'<a href="\?q=([^"]+)">', body)
    assert "silk" in suggestions  # English page suggests English words
    assert english_page(client, "/en/products/?q=silk").count("Van Phuc silk scarf") >= 1


# --- orders: confirmation page and emails -------------------------------------------------------
def place(product, *, language, email="lan@example.vn"):
    return factories.OrderFactory(lines=[(product, 2)], name="Lan", email=email, language=language)


def test_english_order_email_writes_amounts_with_commas_and_producer_email_keeps_dots(vase):
    vase.producer.email = "quangvinh@example.vn"
    vase.producer.save()
    order = place(vase, language="en")
    mail.outbox.clear()
    services.send_order_emails(order)
    to_shopper = next(m for m in mail.outbox if m.to == ["lan@example.vn"])
    to_producer = next(m for m in mail.outbox if m.to == ["quangvinh@example.vn"])
    assert f"1,300,000{NBSP}₫" in to_shopper.body  # the English shopper's email
    assert f"1.300.000{NBSP}₫" in to_producer.body  # the producer reads Vietnamese


def test_english_order_page_writes_the_order_date_in_english(client, vase):
    order = place(vase, language="en", email="")
    with translation.override("en"):
        url = reverse("orders:lookup")
    response = client.post(url, {"code": order.code, "phone": "0986 123 456"})
    assert response.status_code == 302
    body = english_page(client, response.url)
    local = order.created_at.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
    assert local.strftime("%B") in body  # English order page: the month in words
    assert f"1,300,000{NBSP}₫" in body


# --- statistics ----------------------------------------------------------------------------------
def test_stats_page_renders_in_both_languages(client, vase):
    assert "Products by OCOP stars" in english_page(client, "/en/stats/")
    assert "Sản phẩm theo số sao OCOP" in vietnamese_page(client, "/stats/")


# --- issuer and withdrawal reason in English ------------------------------------------------------
@pytest.mark.parametrize(
    "vietnamese, english",
    [
        ("UBND thành phố Hà Nội", "Hanoi People's Committee"),
        ("UBND TP. Hà Nội", "Hanoi People's Committee"),
        ("Bộ Nông nghiệp và Môi trường", "Ministry of Agriculture and Environment"),
        ("Bộ Nông nghiệp và Phát triển nông thôn", "Ministry of Agriculture and Rural Development"),
        ("UBND huyện Phú Xuyên", "Phu Xuyen District People's Committee"),
        ("UBND quận Hoàn Kiếm", "Hoan Kiem District People's Committee"),
        ("UBND thị xã Sơn Tây", "Son Tay Town People's Committee"),
    ],
)
def test_standard_issuers_have_an_english_name(vietnamese, english):
    from catalogue.issuers import english_issuer

    assert english_issuer(vietnamese) == english


def test_an_unknown_issuer_has_no_guessed_english_name():
    from catalogue.issuers import english_issuer

    assert english_issuer("Hội đồng đánh giá xã Tân Dân") == ""


def test_english_product_page_names_a_standard_issuer_in_english(client, vase):
    body = english_page(client, english_url(vase))
    assert "Hanoi People&#x27;s Committee" in body or "Hanoi People's Committee" in body  # English page
    assert "UBND thành phố Hà Nội" not in body
    assert "UBND thành phố Hà Nội" in vietnamese_page(client, vietnamese_url(vase))  # Vietnamese page


def test_english_issuer_entered_by_an_officer_wins_over_the_glossary(client, vase):
    Product.objects.filter(pk=vase.pk).update(certificate_issuer_en="Hanoi City People's Committee (OCOP council)")
    body = english_page(client, english_url(vase))
    assert "Hanoi City People&#x27;s Committee (OCOP council)" in body


def test_withdrawal_reason_is_shown_in_the_page_language(client):
    product = factories.WithdrawnProductFactory(
        name="Nón lá",
        certificate_withdrawn_reason_vi="Không duy trì tiêu chí",
        certificate_withdrawn_reason_en="Criteria no longer met",
    )
    english = english_page(client, english_url(product))
    assert "Criteria no longer met" in english and "Không duy trì tiêu chí" not in english  # English page
    vietnamese = vietnamese_page(client, vietnamese_url(product))
    assert "Không duy trì tiêu chí" in vietnamese and "Criteria no longer met" not in vietnamese


def test_withdrawal_reason_in_english_on_the_trace_page(client):
    product = factories.WithdrawnProductFactory(
        name="Nón lá",
        certificate_withdrawn_reason_vi="Không duy trì tiêu chí",
        certificate_withdrawn_reason_en="Criteria no longer met",
    )
    client.cookies["django_language"] = "en"
    response = client.get(product.get_trace_url())
    assert "Criteria no longer met" in response.content.decode()  # English trace page


def test_a_vietnamese_only_reason_on_an_english_page_is_marked_as_vietnamese(client):
    product = factories.WithdrawnProductFactory(name="Nón lá", certificate_withdrawn_reason_vi="Không duy trì tiêu chí")
    body = english_page(client, english_url(product))
    assert '<span lang="vi">Không duy trì tiêu chí</span>' in body  # English page, Vietnamese text


# --- imports: the issuer column is Vietnamese, whatever language the admin is shown in ----------
def test_importing_in_an_english_admin_keeps_the_issuer_in_the_vietnamese_column(client):
    import tablib

    from catalogue.resources import ProductResource

    producer = factories.ProducerFactory(slug="gom-thu")
    dataset = tablib.Dataset(
        headers=[
            "slug",
            "name_vi",
            "producer",
            "craft",
            "group",
            "product_set",
            "stars",
            "certificate_number",
            "certificate_issuer",
            "certificate_level",
            "certificate_date",
            "price",
            "unit_vi",
            "stock_quantity",
            "is_published",
        ]
    )
    dataset.append(
        [
            "binh-nhap",
            "Bình nhập",
            producer.slug,
            "ceramics",
            "handicrafts",
            "handicrafts-decor",
            4,
            "9/QĐ-UBND",
            "UBND huyện Gia Lâm",
            "district",
            "2026-03-01",
            300000,
            "chiếc",
            3,
            1,
        ]
    )
    with translation.override("en"):  # the officer's admin is in English
        result = ProductResource().import_data(dataset, dry_run=False, raise_errors=True)
    assert not result.has_errors()
    product = Product.objects.get(slug="binh-nhap")
    assert product.certificate_issuer_vi == "UBND huyện Gia Lâm", (
        product.certificate_issuer_vi,
        product.certificate_issuer_en,
    )
    assert not product.certificate_issuer_en
    assert "UBND huyện Gia Lâm" in vietnamese_page(client, vietnamese_url(product))  # Vietnamese page
    assert "Gia Lam District People&#x27;s Committee" in english_page(client, english_url(product))  # English page


def test_officers_can_enter_the_issuer_and_reason_in_english(admin_client, vase):
    body = admin_client.get(reverse("admin:catalogue_product_change", args=[vase.pk])).content.decode()
    for name in (
        "certificate_issuer_vi",
        "certificate_issuer_en",
        "certificate_withdrawn_reason_vi",
        "certificate_withdrawn_reason_en",
    ):
        assert f'name="{name}"' in body, name


@pytest.mark.django_db
def test_a_vietnamese_description_shown_on_an_english_page_is_marked_as_vietnamese(client, english_site):
    untranslated = factories.PublishedProductFactory(
        name="Khay sơn mài", description_vi="Khay sơn mài vẽ tay.", description_en=""
    )
    translated = factories.PublishedProductFactory(
        name="Bình gốm", description_vi="Bình gốm men lam.", description_en="A blue-glazed vase."
    )
    body = client.get(untranslated.get_absolute_url()).content.decode()
    assert '<div class="prose" lang="vi"><p>Khay sơn mài vẽ tay.</p></div>' in body
    body = client.get(translated.get_absolute_url()).content.decode()
    assert '<div class="prose"><p>A blue-glazed vase.</p></div>' in body
