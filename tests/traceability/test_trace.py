"""The trace page a tourist sees after scanning, its caching and its scan counts."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from catalogue.models import Scan
from showrooms.models import ShowroomStock
from tests import factories
from tests.language import assert_english

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"


def scan(client, url, **headers):
    headers.setdefault("HTTP_USER_AGENT", PHONE)
    headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.get(url, **headers)


def text_of(response):
    """The page's visible text (its body), tags dropped and white space collapsed."""
    body = response.content.decode().split("<body>", 1)[1]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


# --- what the page shows ---------------------------------------------------------------------


def test_trace_page_shows_product_certificate_producer_and_place(client):
    village = factories.VillageFactory(name="Bát Tràng", commune=factories.commune("Xã Bát Tràng"))
    producer = factories.ProducerFactory(name="Gốm Quang Vinh", village=village, phone="0243 874 0123")
    product = factories.PublishedProductFactory(
        name="Bình hút lộc men lam",
        producer=producer,
        stars=5,
        certificate_number="1032/QĐ-UBND",
        certificate_issuer="UBND thành phố Hà Nội",
    )
    response = scan(client, product.get_trace_url())
    text = text_of(response)
    village.refresh_from_db()  # coordinates as stored (Decimal), as the page prints them
    assert response.status_code == 200
    # An English page (the client asks for no language): the issuer is named in English.
    for expected in (
        "Bình hút lộc men lam",
        "1032/QĐ-UBND",
        "Hanoi People's Committee",
        "Gốm Quang Vinh",
        "Bát Tràng",
        "Gia Lâm",
        "Xã Bát Tràng (formerly Gia Lâm district)",
        "Registered OCOP product",
        "5-star OCOP",
    ):
        assert expected in text
    assert 'href="tel:02438740123"' in response.content.decode()
    assert village.map_url.replace("&", "&amp;") in response.content.decode()
    with translation.override("en"):
        assert f'href="{product.get_absolute_url()}"' in response.content.decode()
    valid_until = product.certificate_valid_until
    assert valid_until.strftime("%b") in text and str(valid_until.year) in text


def test_trace_code_lookup_ignores_case(client):
    factories.PublishedProductFactory(trace_code="AB12CD3")
    assert scan(client, "/t/ab12cd3").status_code == 200
    assert scan(client, "/t/Ab12Cd3/").status_code == 200


@pytest.mark.parametrize(
    "make, headline",
    [
        (factories.ExpiredProductFactory, "OCOP certificate expired"),
        (factories.WithdrawnProductFactory, "OCOP certificate withdrawn"),
    ],
)
def test_expired_or_withdrawn_certificate_is_said_first_in_plain_words(client, make, headline):
    product = make(name="Khay sơn mài")
    text = text_of(scan(client, product.get_trace_url()))
    assert headline in text
    assert text.index(headline) < text.index("Khay sơn mài")
    assert "Registered OCOP product" not in text


def test_certificate_expiring_soon_is_still_registered_but_says_so(client):
    today = timezone.localdate()
    product = factories.PublishedProductFactory(certificate_valid_until=today + datetime.timedelta(days=30))
    text = text_of(scan(client, product.get_trace_url()))
    assert "Registered OCOP product" in text
    assert "Expiring soon" in text


def test_lot_page_shows_dates_materials_and_steps_in_order(client):
    product = factories.PublishedProductFactory()
    lot = factories.LotFactory(
        product=product,
        code="L2601-01",
        steps=3,
        produced_on=datetime.date(2026, 1, 10),
        best_before=datetime.date(2027, 1, 10),
        materials="Gỗ mít Chuyên Mỹ",
    )
    text = text_of(scan(client, lot.get_trace_url()))
    assert "Lot L2601-01" in text
    assert "10 January 2026" in text and "10 January 2027" in text  # English page
    assert "Gỗ mít Chuyên Mỹ" in text
    assert text.index("Công đoạn 1") < text.index("Công đoạn 2") < text.index("Công đoạn 3")


def test_vietnamese_phone_gets_vietnamese_dates_and_product_name(client):
    product = factories.PublishedProductFactory(name_vi="Nón lá Chuông", name_en="Chuông conical hat")
    lot = factories.LotFactory(product=product, produced_on=datetime.date(2026, 1, 10))
    vietnamese = scan(client, lot.get_trace_url(), HTTP_ACCEPT_LANGUAGE="vi-VN,vi;q=0.9,en;q=0.5")
    english = scan(client, lot.get_trace_url(), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert vietnamese["Content-Language"] == "vi" and english["Content-Language"] == "en"
    assert '<html lang="vi">' in vietnamese.content.decode()
    assert "Nón lá Chuông" in text_of(vietnamese) and "10/01/2026" in text_of(vietnamese)
    assert "Chuông conical hat" in text_of(english) and "Nón lá Chuông" not in text_of(english)


def test_phone_in_another_language_gets_english(client):
    product = factories.PublishedProductFactory(name_vi="Nón lá Chuông", name_en="Chuông conical hat")
    response = scan(client, product.get_trace_url(), HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9")
    assert response["Content-Language"] == "en"


def test_language_can_be_switched_on_the_page(client):
    product = factories.PublishedProductFactory(name_vi="Nón lá Chuông", name_en="Chuông conical hat")
    page = scan(client, product.get_trace_url(), HTTP_ACCEPT_LANGUAGE="en")
    link = re.search(r'<nav class="language-switcher"[^>]*>\s*<a href="([^"]+)" lang="vi"', page.content.decode())
    assert link, "the page offers Vietnamese"
    switched = client.get(html.unescape(link.group(1)))
    assert switched["Location"] == product.get_trace_url()
    again = scan(client, product.get_trace_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert again["Content-Language"] == "vi"
    assert "Nón lá Chuông" in text_of(again)


def test_showrooms_are_listed_nearest_to_the_village_first(client):
    village = factories.VillageFactory(latitude=20.9757, longitude=105.9135)
    product = factories.PublishedProductFactory(producer=factories.ProducerFactory(village=village))
    factories.ShowroomFactory(name="Xa: Sơn Tây", latitude=21.14, longitude=105.50, products=[product])
    factories.ShowroomFactory(name="Gần: Bát Tràng", latitude=20.976, longitude=105.914, products=[product])
    factories.ShowroomFactory(name="Giữa: Hoàn Kiếm", latitude=21.03, longitude=105.85, products=[product])
    factories.ShowroomFactory(name="Đóng cửa", is_active=False, products=[product])
    text = text_of(scan(client, product.get_trace_url()))
    assert text.index("Gần: Bát Tràng") < text.index("Giữa: Hoàn Kiếm") < text.index("Xa: Sơn Tây")
    assert "Đóng cửa" not in text
    assert "0.1 km from" in text


def test_record_says_who_keeps_it_and_when(client):
    product = factories.PublishedProductFactory()
    text = text_of(scan(client, product.get_trace_url()))
    assert "Record kept by the OCOP office of Gia Lâm district" in text
    assert str(timezone.localdate(product.updated_at).year) in text


@pytest.mark.parametrize("url", ["/t/ZZZZ999", "/t/not-a-code!", "/t/" + "A" * 40])
def test_unknown_code_is_a_plain_404_with_counterfeit_advice(client, url):
    response = scan(client, url)
    text = text_of(response)
    assert response.status_code == 404
    assert "is not a registered OCOP product in this catalogue" in text
    assert "counterfeit" in text


def test_unknown_code_page_names_where_to_report_when_configured(client, settings):
    response = scan(client, "/t/ZZZZ999")
    assert_english(response)
    assert "Where to report" not in text_of(response)
    settings.COUNTERFEIT_REPORT_CONTACT = "Chi cục Quản lý thị trường Hà Nội, 024 3825 0000"
    text = text_of(scan(client, "/t/ZZZZ999"))
    assert "Where to report:" in text
    assert "Chi cục Quản lý thị trường Hà Nội, 024 3825 0000" in text


def test_unpublished_product_is_treated_as_unknown(client):
    product = factories.PublishedProductFactory(is_published=False)
    response = scan(client, product.get_trace_url())
    assert response.status_code == 404
    assert "is not a registered OCOP product" in text_of(response)
    assert product.name not in text_of(response)


def test_unknown_lot_of_a_known_product_is_404(client):
    product = factories.PublishedProductFactory()
    response = scan(client, f"/t/{product.trace_code}/FAKE-LOT")
    assert response.status_code == 404
    assert "Lot FAKE-LOT is not registered" in text_of(response)


def test_page_is_light_and_its_only_script_is_the_deferred_near_me(client):
    """The page draws without script; one small deferred file adds "near me" and "open now"
    to the showroom list (issue #13), never inline code."""
    product = factories.PublishedProductFactory(description="x" * 2000)
    lot = factories.LotFactory(product=product, steps=8)
    for _ in range(10):
        factories.ShowroomFactory(products=[product])
    response = scan(client, lot.get_trace_url())
    assert len(response.content) < 100 * 1024
    html = response.content.decode()
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == ['<script src="/static/js/places.js" defer>']
    assert "<script>" not in html
    assert 'rel="stylesheet"' not in response.content.decode()  # CSS is inline: one request draws the page


def test_trace_page_queries_stay_constant(client, django_assert_max_num_queries):
    product = factories.PublishedProductFactory()
    lot = factories.LotFactory(product=product, steps=6)
    for _ in range(5):
        factories.ShowroomFactory(products=[product])
    scan(client, lot.get_trace_url())  # warms the demo-data flag cache
    # product, images, stock rows, lot, steps; the scan waits in the buffer (no INSERT)
    with django_assert_max_num_queries(5):
        assert scan(client, lot.get_trace_url()).status_code == 200


# --- caching ---------------------------------------------------------------------------------


def revalidate(client, url, response):
    return scan(client, url, HTTP_IF_NONE_MATCH=response["ETag"])


def test_page_is_cacheable_and_revalidates_to_304(client):
    product = factories.PublishedProductFactory()
    first = scan(client, product.get_trace_url())
    assert first["ETag"] and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"]
    assert revalidate(client, product.get_trace_url(), first).status_code == 304
    since = scan(client, product.get_trace_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_page_refreshes_when_the_certificate_changes(client):
    product = factories.PublishedProductFactory()
    first = scan(client, product.get_trace_url())
    product.certificate_withdrawn = True
    product.save()
    again = revalidate(client, product.get_trace_url(), first)
    assert again.status_code == 200
    assert "OCOP certificate withdrawn" in text_of(again)


def test_page_refreshes_when_a_production_step_changes(client):
    lot = factories.LotFactory()
    first = scan(client, lot.get_trace_url())
    step = lot.steps.first()
    step.name = "Nung lò gas lần hai"
    step.save()
    again = revalidate(client, lot.get_trace_url(), first)
    assert again.status_code == 200
    assert "Nung lò gas lần hai" in text_of(again)


def test_page_refreshes_when_a_step_is_deleted(client):
    lot = factories.LotFactory(steps=3)
    first = scan(client, lot.get_trace_url())
    lot.steps.order_by("position").last().delete()
    assert revalidate(client, lot.get_trace_url(), first).status_code == 200


def test_page_refreshes_when_showroom_stock_changes(client):
    product = factories.PublishedProductFactory()
    showroom = factories.ShowroomFactory(name="Showroom Hoàn Kiếm")
    first = scan(client, product.get_trace_url())
    ShowroomStock.objects.create(showroom=showroom, product=product)
    added = revalidate(client, product.get_trace_url(), first)
    assert added.status_code == 200 and "Showroom Hoàn Kiếm" in text_of(added)
    ShowroomStock.objects.filter(showroom=showroom).delete()
    removed = revalidate(client, product.get_trace_url(), added)
    assert removed.status_code == 200 and "Showroom Hoàn Kiếm" not in text_of(removed)


def test_page_refreshes_when_the_date_changes_the_status(client, monkeypatch):
    """Status depends on the date: the day a certificate expires, the cached page is stale."""
    product = factories.PublishedProductFactory(
        certificate_valid_until=timezone.localdate() + datetime.timedelta(days=1)
    )
    first = scan(client, product.get_trace_url())
    assert "Registered OCOP product" in text_of(first)
    later = timezone.localdate() + datetime.timedelta(days=2)
    monkeypatch.setattr("traceability.views.timezone.localdate", lambda *args: later)
    again = revalidate(client, product.get_trace_url(), first)
    assert again.status_code == 200
    assert "OCOP certificate expired" in text_of(again)


def test_languages_have_different_etags(client):
    product = factories.PublishedProductFactory()
    english = scan(client, product.get_trace_url(), HTTP_ACCEPT_LANGUAGE="en")
    vietnamese = scan(client, product.get_trace_url(), HTTP_ACCEPT_LANGUAGE="vi")
    assert english["ETag"] != vietnamese["ETag"]
    assert "Accept-Language" in english["Vary"]


# --- scan counts -------------------------------------------------------------------------------


def test_scan_is_recorded_with_product_lot_language_and_source(client, write_scans):
    lot = factories.LotFactory()
    scan(client, lot.get_trace_url(), HTTP_ACCEPT_LANGUAGE="vi")
    write_scans()
    recorded = Scan.objects.get()
    assert (recorded.product, recorded.lot, recorded.language, recorded.source) == (lot.product, lot, "vi", "qr")
    assert abs(recorded.scanned_at - timezone.now()) < datetime.timedelta(minutes=1)


def test_click_from_a_page_is_recorded_as_link(client, write_scans):
    product = factories.PublishedProductFactory()
    scan(client, product.get_trace_url(), HTTP_REFERER="https://ocop.test/products/")
    write_scans()
    assert Scan.objects.get().source == Scan.Source.LINK


def test_scan_stores_no_personal_data(client, write_scans):
    product = factories.PublishedProductFactory()
    scan(client, product.get_trace_url(), REMOTE_ADDR="203.0.113.77", HTTP_REFERER="https://example.org/me")
    write_scans()
    stored = {str(value) for value in Scan.objects.values().get().values()}
    assert not any("203.0.113.77" in value or PHONE in value or "example.org" in value for value in stored)


@pytest.mark.parametrize(
    "user_agent",
    [
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "WhatsApp/2.23.20.0",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "curl/8.5.0",
        "",
    ],
)
def test_bots_and_link_previews_are_not_counted(client, user_agent, write_scans):
    product = factories.PublishedProductFactory()
    response = client.get(product.get_trace_url(), HTTP_USER_AGENT=user_agent)
    assert response.status_code == 200
    write_scans()
    assert not Scan.objects.exists()


def test_prefetch_head_and_reload_after_language_switch_are_not_counted(client, write_scans):
    product = factories.PublishedProductFactory()
    url = product.get_trace_url()
    scan(client, url, HTTP_SEC_PURPOSE="prefetch")
    client.head(url, HTTP_USER_AGENT=PHONE)
    scan(client, url, HTTP_REFERER=f"https://ocop.test{url}")
    write_scans()
    assert not Scan.objects.exists()


def test_revalidated_scan_is_counted(client, write_scans):
    product = factories.PublishedProductFactory()
    first = scan(client, product.get_trace_url())
    assert revalidate(client, product.get_trace_url(), first).status_code == 304
    write_scans()
    assert Scan.objects.count() == 2


def test_recording_a_scan_costs_the_request_no_query_and_writing_scans_is_one_insert(client, write_scans):
    product = factories.PublishedProductFactory()
    scan(client, product.get_trace_url())  # with Redis, the first scan of an interval flushes
    write_scans()
    scan(client, product.get_trace_url(), HTTP_USER_AGENT="curl/8")  # same page, not recorded
    with CaptureQueriesContext(connection) as not_recorded:
        scan(client, product.get_trace_url(), HTTP_USER_AGENT="curl/8")
    with CaptureQueriesContext(connection) as recorded:
        for _ in range(3):
            scan(client, product.get_trace_url())
    assert len(recorded.captured_queries) == 3 * len(not_recorded.captured_queries)
    with CaptureQueriesContext(connection) as written:
        assert write_scans() == 3
    # One INSERT for the three, and no read (inside the flush's own savepoint here).
    sql = [q["sql"] for q in written.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(sql) == 1 and sql[0].startswith('INSERT INTO "catalogue_scan"')


def test_gs1_redirect_itself_is_not_a_scan(client, write_scans):
    factories.PublishedProductFactory(gtin="08934567890120")
    client.get("/01/08934567890120", HTTP_USER_AGENT=PHONE)
    write_scans()
    assert not Scan.objects.exists()


def test_officer_sees_daily_scan_counts_per_product(admin_client, client):
    product = factories.PublishedProductFactory(name="Lụa Vạn Phúc")
    other = factories.PublishedProductFactory(name="Trà sen Tây Hồ")
    for _ in range(3):
        scan(client, product.get_trace_url())
    scan(client, other.get_trace_url(), HTTP_REFERER="https://example.org/")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Scan.objects.create(product=product, scanned_at=yesterday, language="vi", source="qr")

    page = admin_client.get("/admin/catalogue/scan/")
    rows = re.findall(r"<tr class=\"row\d\">(.*?)</tr>", page.content.decode(), re.S)
    cells = [re.findall(r"<td>(?:<a [^>]*>)?(.*?)(?:</a>)?</td>", row) for row in rows]
    today = timezone.localdate().isoformat()
    assert [today, "Lụa Vạn Phúc", product.trace_code, "3", "3"] in cells
    assert [today, "Trà sen Tây Hồ", other.trace_code, "1", "0"] in cells
    assert [timezone.localdate(yesterday).isoformat(), "Lụa Vạn Phúc", product.trace_code, "1", "1"] in cells

    change = admin_client.get(f"/admin/catalogue/product/{product.pk}/change/")
    assert "<td>3</td>" in change.content.decode()


def test_district_officer_sees_only_scans_of_their_districts_products(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    officer = get_user_model().objects.create_user("officer.px", password="x", is_staff=True)
    officer.user_permissions.add(Permission.objects.get(codename="view_scan"))
    factories.district("phu-xuyen").officers.add(officer)
    own = factories.PublishedProductFactory(
        name="Khảm trai Chuyên Mỹ", producer=factories.ProducerFactory(district_slug="phu-xuyen")
    )
    other = factories.PublishedProductFactory(
        name="Gốm Bát Tràng", producer=factories.ProducerFactory(district_slug="gia-lam")
    )
    Scan.objects.create(product=own, language="vi", source="qr")
    Scan.objects.create(product=other, language="vi", source="qr")
    client.force_login(officer)
    body = client.get("/admin/catalogue/scan/").content.decode()
    assert "Khảm trai Chuyên Mỹ" in body
    assert "Gốm Bát Tràng" not in body


def test_page_refreshes_when_its_villages_commune_is_renamed(client):
    """A commune has no timestamp: its name is part of the ETag (issue #13)."""
    commune = factories.commune("Xã Bát Tràng")
    village = factories.VillageFactory(commune=commune)
    product = factories.PublishedProductFactory(producer=factories.ProducerFactory(village=village, commune=commune))
    first = scan(client, product.get_trace_url())
    commune.name = "Xã Gốm Bát Tràng"
    commune.save()
    again = revalidate(client, product.get_trace_url(), first)
    assert again.status_code == 200
    assert "Xã Gốm Bát Tràng (formerly Gia Lâm district)" in text_of(again)
