"""The public certificate register (/certificates/) and decision pages.

Vietnamese press found no OCOP database the public could look a label up in: the register
lists every certification of a published product, searchable the way people type a label
(with or without diacritics), and never shows an expired or withdrawn certificate as valid.
These tests run on SQLite and, in CI, on PostgreSQL (DATABASE_URL): search is plain
LIKE over folded text on both.
"""

import datetime
import re

import pytest
from django.urls import reverse

from catalogue.models import Certification, Decision
from tests import factories
from tests.browsing import page_text
from tests.language import en_reverse

pytestmark = pytest.mark.django_db

REGISTER = "/certificates/"


@pytest.fixture
def register(today):
    """Five products under four decisions (today is 1 June 2026):

    - "Bình gốm men lam", 5 stars, Bát Tràng (Gia Lâm), decision 1032/QĐ-UBND of 10 March 2025;
    - "Khăn lụa tơ tằm", 3 stars, Phú Xuyên, decision 215/QĐ-UBND of 5 January 2024;
    - "Bát gốm hết hạn", expired yesterday; "Lọ gốm bị thu hồi", withdrawn;
    - "Đĩa gốm chưa đăng", not published, decision 777/QĐ-UBND.
    """
    bat_trang = factories.VillageFactory(
        name="Bát Tràng", slug="bat-trang", district_slug="gia-lam", commune=factories.commune("Xã Bát Tràng")
    )
    potter = factories.ProducerFactory(name="Xưởng gốm Minh Hải", village=bat_trang, commune=bat_trang.commune)
    weaver = factories.ProducerFactory(
        name="Hợp tác xã lụa Phú Xuyên", village=factories.VillageFactory(name="Làng lụa", district_slug="phu-xuyen")
    )
    vase = factories.PublishedProductFactory(
        name="Bình gốm men lam",
        producer=potter,
        stars=5,
        certificate_number="1032/QĐ-UBND",
        certificate_date=datetime.date(2025, 3, 10),
    )
    scarf = factories.PublishedProductFactory(
        name="Khăn lụa tơ tằm",
        producer=weaver,
        craft_slug=None,
        stars=3,
        certificate_number="215/QĐ-UBND",
        certificate_date=datetime.date(2024, 1, 5),
        certificate_issuer="UBND huyện Phú Xuyên",
        certificate_level="district",
    )
    expired = factories.ExpiredProductFactory(name="Bát gốm hết hạn", producer=potter, certificate_number="88/QĐ-UBND")
    withdrawn = factories.WithdrawnProductFactory(
        name="Lọ gốm bị thu hồi",
        producer=potter,
        certificate_number="1032/QĐ-UBND",
        certificate_date=vase.certificate_date,
    )
    draft = factories.DraftProductFactory(name="Đĩa gốm chưa đăng", producer=potter, certificate_number="777/QĐ-UBND")
    return {"vase": vase, "scarf": scarf, "expired": expired, "withdrawn": withdrawn, "draft": draft}


def rows(body):
    """The product names of the register's rows, in order."""
    return re.findall(r'<tr class="register-row[^"]*"[^>]*>\s*<td[^>]*><a href="[^"]*">([^<]+)</a>', body)


# --- search ------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["1032/QĐ-UBND", "1032/qđ-ubnd", "1032 qd ubnd", "1032/QD-UBND", "1032"])
def test_search_by_decision_number_in_the_ways_people_type_it(client, register, typed):
    found = rows(page_text(client, f"{REGISTER}?q={typed}"))
    assert sorted(found) == ["Bình gốm men lam", "Lọ gốm bị thu hồi"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("binh gom", ["Bình gốm men lam"]),
        ("KHAN LUA", ["Khăn lụa tơ tằm"]),
        ("minh hai", ["Bình gốm men lam", "Bát gốm hết hạn", "Lọ gốm bị thu hồi"]),  # the producer
        ("gom bat trang", ["Bình gốm men lam", "Bát gốm hết hạn", "Lọ gốm bị thu hồi"]),  # the village
        ("phu xuyen", ["Khăn lụa tơ tằm"]),  # the district
    ],
)
def test_search_by_product_producer_or_place_without_diacritics(client, register, typed, expected):
    assert sorted(rows(page_text(client, f"{REGISTER}?q={typed}"))) == sorted(expected)


def test_a_search_that_finds_nothing_says_so_and_how_to_report(client, register):
    body = page_text(client, f"{REGISTER}?q=999999/QĐ-XYZ")
    assert rows(body) == []
    assert "Không có chứng nhận nào khớp" in body
    assert "Quản lý thị trường" in body


# --- what is listed ----------------------------------------------------------------------------
def test_every_certification_of_a_published_product_is_a_row_newest_decision_first(client, register):
    found = rows(page_text(client, REGISTER))
    # The expired one's decision is 1200 days old, the scarf's of January 2024; the vase and
    # the withdrawn vase share a decision (March 2025), in the order they were recorded.
    assert found == ["Bình gốm men lam", "Lọ gốm bị thu hồi", "Khăn lụa tơ tằm", "Bát gốm hết hạn"]


def test_unpublished_products_never_appear(client, register):
    assert "Đĩa gốm chưa đăng" not in page_text(client, REGISTER)
    assert rows(page_text(client, f"{REGISTER}?q=777/QĐ-UBND")) == []
    draft_decision = Decision.objects.get(number="777/QĐ-UBND")
    assert "Đĩa gốm chưa đăng" not in page_text(client, draft_decision.get_absolute_url())


def test_a_row_shows_product_producer_place_stars_decision_and_validity(client, register):
    vase = register["vase"]
    decision = Decision.objects.get(number="1032/QĐ-UBND")
    body = page_text(client, f"{REGISTER}?q=binh+gom")
    assert f'href="{vase.get_absolute_url()}"' in body
    assert "Xưởng gốm Minh Hải" in body
    assert "Xã Bát Tràng" in body and "Gia Lâm" in body  # the current commune and the old district
    assert "OCOP 5 sao" in body
    assert f'href="{decision.get_absolute_url()}">1032/QĐ-UBND</a>' in body
    assert "10/03/2025" in body  # the decision's date
    assert "UBND thành phố Hà Nội" in body
    assert "10/03/2028" in body  # valid 36 months
    assert "Còn hiệu lực" in body


# --- status never lies -------------------------------------------------------------------------
def status_of(body, name):
    row = re.search(
        r'<tr class="register-row register-(\w+)"[^>]*>\s*<td[^>]*><a href="[^"]*">' + re.escape(name), body
    )
    return row and row.group(1)


def test_expired_and_withdrawn_certificates_say_so(client, register):
    body = page_text(client, REGISTER)
    assert status_of(body, "Bình gốm men lam") == "valid"
    assert status_of(body, "Bát gốm hết hạn") == "expired"
    assert status_of(body, "Lọ gốm bị thu hồi") == "withdrawn"
    assert "Hết hạn" in body
    assert "Đã thu hồi" in body


def test_a_withdrawal_recorded_before_dates_were_kept_says_date_not_recorded(client, register, english_site):
    Certification.objects.filter(product=register["withdrawn"]).update(withdrawn_on=None)
    body = page_text(client, en_reverse("certificates:register") + "?status=withdrawn")
    assert rows(body) == ["Lọ gốm bị thu hồi"]
    assert "date not recorded" in body


def test_status_follows_the_date_without_any_write(client, register, today):
    """The page is cached, but the day is in its key: on the day after the end date the
    certificate reads expired, not valid."""
    assert status_of(page_text(client, f"{REGISTER}?q=khan+lua"), "Khăn lụa tơ tằm") == "valid"
    today.move_to(datetime.date(2027, 1, 6))  # 36 months after 5 January 2024 is 5 January 2027
    assert status_of(page_text(client, f"{REGISTER}?q=khan+lua"), "Khăn lụa tơ tằm") == "expired"


def test_expiring_within_90_days(client, register, today):
    today.move_to(datetime.date(2026, 11, 1))
    body = page_text(client, f"{REGISTER}?status=expiring")
    assert rows(body) == ["Khăn lụa tơ tằm"]
    assert "Sắp hết hạn" in body


def test_a_certificate_replaced_by_a_re_assessment_is_never_shown_as_valid(client, register):
    """Re-assessed down to 3 stars: the old 5-star certificate is still within its dates, but
    a copied label claiming 5 stars must not find a "valid" row."""
    vase = register["vase"]
    old_decision = Decision.objects.get(number="1032/QĐ-UBND")
    factories.CertificationFactory(
        product=vase,
        decision=factories.DecisionFactory(number="3001/QĐ-UBND", decided_on=datetime.date(2026, 3, 1)),
        stars=3,
    )
    old_page = page_text(client, old_decision.get_absolute_url())
    assert status_of(old_page, "Bình gốm men lam") == "superseded"
    assert "Đã thay bằng lần đánh giá lại" in old_page
    valid = rows(page_text(client, f"{REGISTER}?q=binh+gom&status=valid"))
    assert valid == ["Bình gốm men lam"]  # the re-assessment only
    assert "3001/QĐ-UBND" in page_text(client, f"{REGISTER}?q=binh+gom&status=valid")
    assert rows(page_text(client, f"{REGISTER}?q=1032&status=superseded")) == ["Bình gốm men lam"]


def test_a_withdrawn_re_assessment_leaves_the_earlier_certificate_standing(client, register):
    """As Product.current_certification(): the latest certificate not withdrawn is the one."""
    vase = register["vase"]
    factories.CertificationFactory(product=vase, stars=3, withdrawn=True, withdrawn_on=datetime.date(2026, 5, 1))
    body = page_text(client, f"{REGISTER}?q=binh+gom")
    assert re.findall(r'<tr class="register-row register-(\w+)"', body) == ["withdrawn", "valid"]


# --- filters -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("district=phu-xuyen", ["Khăn lụa tơ tằm"]),
        (
            "district=gia-lam&district=phu-xuyen",
            ["Bình gốm men lam", "Lọ gốm bị thu hồi", "Khăn lụa tơ tằm", "Bát gốm hết hạn"],
        ),
        ("commune=xa-bat-trang", ["Bình gốm men lam", "Lọ gốm bị thu hồi", "Bát gốm hết hạn"]),
        ("stars=3&stars=5", ["Bình gốm men lam", "Khăn lụa tơ tằm"]),
        ("status=valid", ["Bình gốm men lam", "Khăn lụa tơ tằm"]),
        ("status=expired&status=withdrawn", ["Lọ gốm bị thu hồi", "Bát gốm hết hạn"]),
        ("year=2024", ["Khăn lụa tơ tằm"]),
        ("q=gom&stars=5&status=valid", ["Bình gốm men lam"]),
    ],
)
def test_filters(client, register, query, expected):
    if "commune" in query:
        # The other potter's products have no commune recorded: only the producer's own counts.
        factories.PublishedProductFactory(name="Khác xã", producer=factories.ProducerFactory(district_slug="gia-lam"))
    assert rows(page_text(client, f"{REGISTER}?{query}")) == expected


def test_the_commune_filter_takes_the_official_code_and_leads_to_the_slug(client, register):
    code = factories.commune("Xã Bát Tràng").code
    response = client.get(f"{REGISTER}?commune={code}")
    assert response.status_code == 302
    assert response["Location"] == f"{REGISTER}?commune=xa-bat-trang"


# --- canonical URLs and bad parameters ---------------------------------------------------------
def test_a_link_goes_to_the_one_url_of_its_state(client, register):
    response = client.get(f"{REGISTER}?status=valid&stars=5&stars=3&q=+gom+&district=&year=&page=1")
    assert response.status_code == 302
    assert response["Location"] == f"{REGISTER}?q=gom&stars=3&stars=5&status=valid"
    body = page_text(client, response["Location"])
    assert (
        f'<link rel="canonical" href="https://ocop.test{REGISTER}?q=gom&amp;stars=3&amp;stars=5&amp;status=valid">'
        in body
    )


def test_the_form_sends_its_empty_fields_and_lands_on_the_bare_register(client, register):
    response = client.get(f"{REGISTER}?q=&district=&commune=&year=")
    assert response["Location"] == REGISTER


@pytest.mark.parametrize(
    ("query", "ignored"),
    [
        ("stars=9", ["stars"]),
        ("stars=5&stars=9", ["stars"]),
        ("district=atlantis", ["district"]),
        ("commune=nowhere", ["commune"]),
        ("status=fake", ["status"]),
        ("year=abc", ["year"]),
        ("year=1850", ["year"]),
        ("page=abc", ["page"]),
        ("page=999", ["page"]),
        ("page=-1", ["page"]),
        ("district=%00&page=%00", ["district", "page"]),
    ],
)
def test_bad_parameters_answer_200_with_a_notice_of_what_was_left_out(client, register, query, ignored):
    response = client.get(f"{REGISTER}?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "không hiểu được nên đã bỏ qua" in body or "were not understood" in body or "bỏ qua" in body
    notice = re.search(r'<p class="notice" role="note">(.*?)</p>', body, re.S).group(1)
    assert re.findall(r"<code>(\w+)</code>", notice) == ignored
    assert rows(body)  # the rest of the link still applies


def test_pages_of_50_with_canonical_links(client, today, django_assert_max_num_queries):
    producer = factories.ProducerFactory(name="Làng nghề thử")
    for number in range(55):
        factories.PublishedProductFactory(producer=producer, name=f"Sản phẩm {number:02d}", stars=4)
    first = page_text(client, f"{REGISTER}?stars=4")
    assert len(rows(first)) == 50
    assert 'href="?stars=4&amp;page=2"' in first
    second = page_text(client, f"{REGISTER}?stars=4&page=2")
    assert len(rows(second)) == 5
    assert f'<link rel="canonical" href="https://ocop.test{REGISTER}?stars=4&amp;page=2">' in second
    assert set(rows(first)).isdisjoint(rows(second))  # a stable order: no row on both pages


# --- queries -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query", ["", "?q=gom", "?district=gia-lam&commune=xa-bat-trang&stars=5&status=valid&year=2025"]
)
def test_the_register_costs_a_few_queries_whatever_the_number_of_rows(
    client, register, query, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        assert client.get(REGISTER + query).status_code == 200
    for number in range(30):
        factories.PublishedProductFactory(
            name=f"Thêm {number}", producer=register["vase"].producer, certificate_number=f"{number}/QĐ-UBND"
        )
    with django_assert_max_num_queries(4):
        assert client.get(REGISTER + query).status_code == 200


def test_the_decision_page_costs_four_queries(client, register, django_assert_max_num_queries):
    """The decision, how many rows it has (the pages), one page of rows with products and
    places, and the demo banner's flag."""
    decision = Decision.objects.get(number="1032/QĐ-UBND")
    for number in range(10):
        factories.PublishedProductFactory(
            name=f"Thêm {number}",
            certificate_number="1032/QĐ-UBND",
            certificate_date=decision.decided_on,
        )
    with django_assert_max_num_queries(4):
        assert client.get(decision.get_absolute_url()).status_code == 200


# --- the page cache ----------------------------------------------------------------------------
def test_a_new_certification_and_a_withdrawal_show_on_the_next_request(client, register):
    vase = register["vase"]
    assert client.get(REGISTER).status_code == 200  # now in the page cache
    decision = factories.DecisionFactory(number="2001/QĐ-UBND")
    factories.CertificationFactory(product=vase, decision=decision, stars=5)
    body = page_text(client, REGISTER)
    assert "2001/QĐ-UBND" in body

    decision_page = page_text(client, decision.get_absolute_url())
    assert status_of(decision_page, "Bình gốm men lam") == "valid"
    certification = vase.certifications.get(decision=decision)
    certification.withdrawn = True
    certification.withdrawn_on = datetime.date(2026, 5, 30)
    certification.withdrawn_reason_vi = "Vi phạm nhãn mác"
    certification.save()
    body = page_text(client, decision.get_absolute_url())
    assert status_of(body, "Bình gốm men lam") == "withdrawn"
    assert "Vi phạm nhãn mác" in body and "30/05/2026" in body
    assert status_of(page_text(client, f"{REGISTER}?q=2001"), "Bình gốm men lam") == "withdrawn"


# --- the decision page -------------------------------------------------------------------------
def test_the_decision_page_lists_its_published_products_with_links(client, register):
    decision = Decision.objects.get(number="1032/QĐ-UBND")
    body = page_text(client, decision.get_absolute_url())
    assert "Quyết định OCOP 1032/QĐ-UBND" in body
    assert "10/03/2025" in body and "UBND thành phố Hà Nội" in body
    assert "10/03/2028" in body  # the standard 36 months
    for product in (register["vase"], register["withdrawn"]):
        assert f'href="{product.get_absolute_url()}"' in body
        assert f'href="{product.get_trace_url()}"' in body
    assert status_of(body, "Lọ gốm bị thu hồi") == "withdrawn"
    assert "Chưa tải lên" in body  # no scan yet


def test_the_decision_page_links_to_its_scan(client, register, settings):
    from django.core.files.base import ContentFile

    decision = Decision.objects.get(number="1032/QĐ-UBND")
    decision.scan.save("qd-1032.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    body = page_text(client, decision.get_absolute_url())
    assert f'href="{decision.scan.url}"' in body


def test_the_decision_page_in_english(client, register):
    decision = Decision.objects.get(number="215/QĐ-UBND")
    with_english = page_text(client, en_reverse("certificates:decision", kwargs={"slug": decision.slug}))
    assert "OCOP decision 215/QĐ-UBND" in with_english
    assert "Phu Xuyen District People&#x27;s Committee" in with_english or "Phu Xuyen District People's" in with_english
    assert "1 product certified" in with_english


def test_an_unknown_decision_is_404(client, register):
    assert client.get(reverse("certificates:decision", kwargs={"slug": "no-such-decision"})).status_code == 404


# --- languages and links -----------------------------------------------------------------------
def test_the_register_in_english_is_english(client, register):
    body = page_text(client, en_reverse("certificates:register"))
    assert "OCOP certificate register" in body
    assert "valid for <strong>36 months</strong>" in body
    assert "Expired" in body and "Withdrawn" in body
    assert f'href="{en_reverse("certificates:check")}"' in body


def test_the_register_in_vietnamese_explains_decisions_and_links_the_check_page(client, register):
    body = page_text(client, REGISTER)
    assert "Sổ chứng nhận OCOP" in body
    assert "<strong>36 tháng</strong>" in body
    assert 'href="/certificates/check/"' in body


def test_header_and_footer_link_the_register(client, today):
    body = page_text(client, "/")
    assert '<a href="/certificates/">Tra cứu chứng nhận</a>' in body
    english = page_text(client, "/en/")
    assert '<a href="/en/certificates/">Certificate register</a>' in english


def test_the_sitemap_lists_the_register_and_decisions_in_both_languages(client, register):
    body = page_text(client, "/sitemap.xml")
    assert "https://ocop.test/certificates/</loc>" in body
    assert "https://ocop.test/en/certificates/</loc>" in body
    shown = Decision.objects.get(number="1032/QĐ-UBND")
    assert f"https://ocop.test/certificates/decisions/{shown.slug}/</loc>" in body
    assert f"https://ocop.test/en/certificates/decisions/{shown.slug}/</loc>" in body
    unpublished_only = Decision.objects.get(number="777/QĐ-UBND")
    assert unpublished_only.slug not in body


def test_robots_keep_crawlers_off_searches_and_check_answers(client):
    body = page_text(client, "/robots.txt")
    assert "Disallow: /certificates/?*q=" in body
    assert "Disallow: /certificates/check/?" in body
    assert "Disallow: /certificates/\n" not in body  # the register itself is indexed


def test_a_register_search_is_not_copied_into_the_header_product_search(client, register):
    body = page_text(client, f"{REGISTER}?q=khan+lua")
    assert 'id="site-search" type="search" name="q" value=""' in body
    assert 'id="register-q" type="search" name="q" value="khan lua"' in body
    assert "<title>“khan lua” — Sổ chứng nhận OCOP — OCOP Hà Nội</title>" in body


def test_a_large_decision_is_shown_a_hundred_products_a_page(client, django_assert_max_num_queries):
    for _ in range(101):
        factories.PublishedProductFactory(certificate_number="2/QĐ-UBND")
    decision = Decision.objects.get(number="2/QĐ-UBND")
    url = reverse("certificates:decision", kwargs={"slug": decision.slug})
    with django_assert_max_num_queries(6):
        first = client.get(url).content.decode()
    assert first.count('class="register-row') == 100 and "101" in first
    last = client.get(url + "?page=2").content.decode()
    assert last.count('class="register-row') == 1
    # A page past the end shows the last one, never an error.
    assert client.get(url + "?page=99").content.decode().count('class="register-row') == 1
    assert client.get(url + "?page=abc").status_code == 200
