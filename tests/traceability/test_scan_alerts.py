"""Suspicious-scan alerts (traceability/alerts.py) and their daily email
(`manage.py send_scan_alerts`): each threshold just below and at it, the figures an alert
states, the districts an officer is told about, and the command's answers to bad input."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from catalogue.models import Scan
from tests import factories
from tests.factories import make_scans
from traceability.alerts import AlertKind, check_settings, find_alerts
from villages.scoping import scope_queryset

pytestmark = pytest.mark.django_db

DAY = factories.FROZEN_TODAY - datetime.timedelta(days=1)  # "yesterday", the day reported


@pytest.fixture(autouse=True)
def _frozen(today):
    """Every test reports DAY, the day before the frozen today."""


def days_before(day, count):
    return [day - datetime.timedelta(days=n) for n in range(1, count + 1)]


def product_in(district_slug, name="Bình gốm men lam", **fields):
    producer = factories.ProducerFactory(village=factories.VillageFactory(district_slug=district_slug))
    return factories.PublishedProductFactory(name=name, producer=producer, **fields)


def kinds(alerts):
    return [(alert.kind, alert.product_id, alert.lot_id) for alert in alerts]


# --- (a) a code scanned far above its usual rate ---------------------------------------------


@pytest.mark.parametrize(("scans", "alerts"), [(19, False), (20, True)])
def test_a_code_nobody_scans_alerts_from_the_floor_of_20_scans_a_day(scans, alerts):
    product = factories.PublishedProductFactory()
    make_scans(product, scans, on=DAY)
    found = find_alerts()
    assert kinds(found) == ([(AlertKind.SURGE, product.pk, None)] if alerts else [])
    if alerts:
        assert (found[0].scans, found[0].usual, found[0].threshold, found[0].day) == (20, 0, 20, DAY)


@pytest.mark.parametrize(("scans", "alerts"), [(29, False), (30, True)])
def test_a_busy_code_alerts_at_five_times_its_median_day(scans, alerts):
    product = factories.PublishedProductFactory()
    for day in days_before(DAY, 28):
        make_scans(product, 6, on=day)
    make_scans(product, scans, on=DAY)
    found = find_alerts()
    assert len(found) == int(alerts)
    if alerts:
        assert (found[0].usual, found[0].threshold, found[0].baseline_days) == (6, 30, 28)


def test_the_usual_rate_is_the_median_so_one_busy_day_before_does_not_hide_a_surge():
    product = factories.PublishedProductFactory()
    earlier = days_before(DAY, 28)
    for day in earlier[1:]:
        make_scans(product, 2, on=day)
    make_scans(product, 400, on=earlier[0])  # a fair the day before: the mean would be 16
    make_scans(product, 20, on=DAY)
    [alert] = find_alerts()
    assert (alert.usual, alert.threshold) == (2, 20)


def test_days_without_scans_count_as_zero_in_the_usual_rate():
    product = factories.PublishedProductFactory()
    for day in days_before(DAY, 13):  # scanned on 13 of the 28 days: the median day is 0
        make_scans(product, 10, on=day)
    make_scans(product, 20, on=DAY)
    [alert] = find_alerts()
    assert (alert.usual, alert.threshold) == (0, 20)


def test_scans_older_than_the_28_days_do_not_raise_the_usual_rate():
    product = factories.PublishedProductFactory()
    for day in days_before(DAY - datetime.timedelta(days=28), 28):
        make_scans(product, 10, on=day)
    make_scans(product, 20, on=DAY)
    assert find_alerts()[0].usual == 0


def test_a_lot_is_a_code_of_its_own():
    """The lot's QR code surges; the product's own code, not scanned, does not."""
    lot = factories.LotFactory()
    make_scans(lot, 20, on=DAY)
    assert kinds(find_alerts()) == [(AlertKind.SURGE, lot.product_id, lot.pk)]


def test_the_day_is_the_local_day():
    """A scan at 23:00 Hanoi time counts on that day; one just after midnight, on the next."""
    product = factories.PublishedProductFactory()
    make_scans(product, 19, on=DAY, hour=0)
    make_scans(product, 1, on=DAY + datetime.timedelta(days=1), hour=0)
    assert find_alerts() == []
    make_scans(product, 1, on=DAY, hour=23)
    assert len(find_alerts()) == 1


# --- (b) a lot scanned after its best-before date --------------------------------------------


@pytest.mark.parametrize(("scans", "alerts"), [(4, False), (5, True)])
def test_a_lot_past_its_best_before_date_alerts_from_5_scans_a_day(scans, alerts):
    lot = factories.LotFactory(best_before=DAY - datetime.timedelta(days=3))
    make_scans(lot, scans, on=DAY)
    found = find_alerts()
    assert kinds(found) == ([(AlertKind.PAST_BEST_BEFORE, lot.product_id, lot.pk)] if alerts else [])
    if alerts:
        assert (found[0].scans, found[0].threshold) == (5, 5)


def test_a_lot_is_good_all_of_its_best_before_day():
    lot = factories.LotFactory(best_before=DAY)
    make_scans(lot, 10, on=DAY)
    assert find_alerts() == []


# --- (c) a product whose certificate is withdrawn or expired ---------------------------------


@pytest.mark.parametrize(("scans", "alerts"), [(4, False), (5, True)])
def test_a_withdrawn_certificate_alerts_from_5_scans_a_day(scans, alerts):
    product = factories.WithdrawnProductFactory()
    make_scans(product, scans - 1, on=DAY)
    make_scans(factories.LotFactory(product=product), 1, on=DAY)  # any of its codes counts
    found = find_alerts()
    assert kinds(found) == ([(AlertKind.CERTIFICATE_LAPSED, product.pk, None)] if alerts else [])


@pytest.mark.parametrize(("valid_until", "alerts"), [(DAY, False), (DAY - datetime.timedelta(days=1), True)])
def test_an_expired_certificate_alerts_from_the_day_after_its_last_valid_day(valid_until, alerts):
    product = factories.PublishedProductFactory(
        certificate_date=valid_until - datetime.timedelta(days=1000), certificate_valid_until=valid_until
    )
    make_scans(product, 5, on=DAY)
    assert kinds(find_alerts()) == ([(AlertKind.CERTIFICATE_LAPSED, product.pk, None)] if alerts else [])


# --- what an alert says ----------------------------------------------------------------------


def test_a_surge_states_its_figures_in_the_officers_language():
    lot = factories.LotFactory(code="L2605-07")
    for day in days_before(DAY, 28):
        make_scans(lot, 5, on=day)
    make_scans(lot, 31, on=DAY)
    [alert] = find_alerts()
    with translation.override("en"):
        assert alert.title == "Bình gốm men lam · lot L2605-07"
        assert alert.sentence == (
            "The QR code of lot L2605-07 was scanned 31 times on 31 May 2026; its usual rate is 5 a day "
            "(median of the 28 days before). Alert threshold: 25 (5 times the usual rate, at least 20)."
        )
    with translation.override("vi"):
        assert alert.title == "Bình gốm men lam · lô L2605-07"
        assert alert.sentence == (
            "Mã QR của lô L2605-07 được quét 31 lần ngày 31/05/2026, trong khi mức thường là 5 lần mỗi ngày "
            "(trung vị của 28 ngày trước đó). Ngưỡng cảnh báo: 25 (gấp 5 lần mức thường, tối thiểu 20)."
        )


def test_a_half_median_is_written_with_the_languages_decimal_mark():
    product = factories.PublishedProductFactory()
    for number, day in enumerate(days_before(DAY, 28)):
        make_scans(product, 5 if number < 14 else 4, on=day)  # median of 14 fours and 14 fives
    make_scans(product, 23, on=DAY)
    [alert] = find_alerts()
    assert (alert.usual, alert.threshold) == (4.5, 23)
    with translation.override("en"):
        assert "its usual rate is 4.5 a day" in alert.sentence
    with translation.override("vi"):
        assert "mức thường là 4,5 lần mỗi ngày" in alert.sentence


def test_past_best_before_and_lapsed_certificates_state_their_dates():
    lot = factories.LotFactory(code="L2601-01", best_before=datetime.date(2026, 5, 1))
    make_scans(lot, 6, on=DAY)
    withdrawn = factories.WithdrawnProductFactory(name="Nón lá")
    make_scans(withdrawn, 7, on=DAY)
    expired = factories.PublishedProductFactory(
        name="Quạt giấy", certificate_date=datetime.date(2023, 5, 1), certificate_valid_until=datetime.date(2026, 5, 1)
    )
    make_scans(expired, 8, on=DAY)
    by_product = {alert.product_id: alert for alert in find_alerts()}
    with translation.override("en"):
        assert by_product[lot.product_id].sentence == (
            "Lot L2601-01, best before 1 May 2026, was scanned 6 times on 31 May 2026. Alert threshold: 5 a day."
        )
        assert by_product[withdrawn.pk].sentence == (
            "The product's OCOP certificate is withdrawn, yet it was scanned 7 times on 31 May 2026. "
            "Alert threshold: 5 a day."
        )
        assert by_product[expired.pk].sentence == (
            "The product's OCOP certificate was valid until 1 May 2026, yet it was scanned 8 times on 31 May 2026. "
            "Alert threshold: 5 a day."
        )
    with translation.override("vi"):
        assert "hạn sử dụng 01/05/2026" in by_product[lot.product_id].sentence
        assert "đã bị thu hồi" in by_product[withdrawn.pk].sentence
        assert "chỉ có hiệu lực đến ngày 01/05/2026" in by_product[expired.pk].sentence


def test_one_scan_is_one_time(settings):
    settings.OCOP_SCAN_ALERTS = {"LAPSED_CERTIFICATE_MIN_SCANS": 1}
    make_scans(factories.WithdrawnProductFactory(), 1, on=DAY)
    [alert] = find_alerts()
    with translation.override("en"):
        assert "it was scanned 1 time on 31 May 2026. Alert threshold: 1 a day." in alert.sentence


# --- scope, settings, queries ----------------------------------------------------------------


def test_an_officer_reads_only_their_districts_alerts(officer):
    own = product_in("phu-xuyen")
    other = product_in("gia-lam")
    make_scans(own, 20, on=DAY)
    make_scans(other, 20, on=DAY)
    assert [alert.product_id for alert in find_alerts(scans=scope_queryset(Scan.objects.all(), officer))] == [own.pk]
    city = factories.CityAdminFactory()
    assert {alert.product_id for alert in find_alerts(scans=scope_queryset(Scan.objects.all(), city))} == {
        own.pk,
        other.pk,
    }


def test_thresholds_are_settings_and_a_partial_setting_keeps_the_other_defaults(settings):
    settings.OCOP_SCAN_ALERTS = {"SURGE_MIN_SCANS": 10}
    product = factories.PublishedProductFactory()
    make_scans(product, 10, on=DAY)
    lot = factories.LotFactory(best_before=DAY - datetime.timedelta(days=1))
    make_scans(lot, 4, on=DAY)
    assert kinds(find_alerts()) == [(AlertKind.SURGE, product.pk, None)]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"SURGE_FLOOR": 10}, "unknown keys SURGE_FLOOR"),
        ({"SURGE_MIN_SCANS": 0}, "OCOP_SCAN_ALERTS['SURGE_MIN_SCANS'] must be a whole number of at least 1, not 0"),
        ({"BASELINE_DAYS": "28"}, "must be a whole number of at least 1, not '28'"),
    ],
)
def test_a_wrong_setting_is_named_by_the_system_check_and_the_command(settings, setting, message):
    settings.OCOP_SCAN_ALERTS = setting
    [error] = check_settings()
    assert message in error.msg
    with pytest.raises(CommandError, match=message.replace("[", r"\[").replace("]", r"\]")):
        call_command("send_scan_alerts")


def test_thresholds_come_from_the_environment_and_a_wrong_one_stops_the_site():
    def check(**env):
        return subprocess.run(
            [sys.executable, "manage.py", "check"],
            cwd=Path(__file__).resolve().parents[2],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "ocop_site.settings", "DEBUG": "1", **env},
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert check(SCAN_ALERTS_SURGE_MIN_SCANS="30").returncode == 0
    refused = check(SCAN_ALERTS_SURGE_MIN_SCANS="0")
    assert refused.returncode != 0
    assert "(traceability.E001) OCOP_SCAN_ALERTS['SURGE_MIN_SCANS'] must be a whole number of at least 1" in (
        refused.stderr
    )


def test_counting_takes_a_handful_of_queries_however_many_alerts(django_assert_max_num_queries):
    for n in range(6):
        product = factories.PublishedProductFactory(name=f"Sản phẩm {n}")
        for day in days_before(DAY, 28):
            make_scans(product, 1, on=day)
        make_scans(product, 20 + n, on=DAY)
        make_scans(factories.LotFactory(product=product, best_before=DAY - datetime.timedelta(days=1)), 5, on=DAY)
        make_scans(factories.WithdrawnProductFactory(name=f"Thu hồi {n}"), 5, on=DAY)
    # The day's codes, their history, lots past their date, lapsed products, then the
    # products and the lots named.
    with django_assert_max_num_queries(6):
        alerts = find_alerts()
        [alert.sentence for alert in alerts]
    assert len(alerts) == 18


# --- the daily email -------------------------------------------------------------------------


@pytest.fixture
def officers():
    """An officer of Phú Xuyên, one of Gia Lâm, one of both."""
    return {
        "px": factories.OfficerFactory(username="officer.px", email="px@example.com", districts=["phu-xuyen"]),
        "gl": factories.OfficerFactory(username="officer.gl", email="gl@example.com", districts=["gia-lam"]),
        "both": factories.OfficerFactory(
            username="officer.both", email="both@example.com", districts=["phu-xuyen", "gia-lam"]
        ),
    }


def emails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_no_email_when_there_is_nothing_to_report(officers, capsys):
    make_scans(product_in("phu-xuyen"), 19, on=DAY)
    call_command("send_scan_alerts")
    assert mail.outbox == []
    assert "No scan alerts for 2026-05-31: no email sent." in capsys.readouterr().out


def test_each_officer_is_emailed_their_districts_alerts_only(officers):
    make_scans(product_in("phu-xuyen", name="Sơn mài Phú Xuyên"), 20, on=DAY)
    make_scans(product_in("gia-lam", name="Gốm Gia Lâm"), 20, on=DAY)
    make_scans(product_in("dong-anh", name="Rượu Đông Anh"), 20, on=DAY)  # nobody's district here
    call_command("send_scan_alerts")
    [px] = emails_to("px@example.com")
    [gl] = emails_to("gl@example.com")
    [both] = emails_to("both@example.com")
    assert len(mail.outbox) == 3
    assert "Sơn mài Phú Xuyên" in px.body and "Gốm Gia Lâm" not in px.body
    assert "Gốm Gia Lâm" in gl.body and "Sơn mài Phú Xuyên" not in gl.body
    assert "Sơn mài Phú Xuyên" in both.body and "Gốm Gia Lâm" in both.body
    assert "Rượu Đông Anh" not in px.body + gl.body + both.body


def test_the_email_states_the_figures_in_vietnamese_then_english(officers):
    product = product_in("phu-xuyen", name="Sơn mài Phú Xuyên")
    make_scans(product, 20, on=DAY)
    call_command("send_scan_alerts")
    [message] = emails_to("px@example.com")
    assert message.subject == ("Cảnh báo lượt quét OCOP ngày 31/05/2026: 1 / OCOP scan alerts for 31 May 2026: 1")
    vietnamese, english = message.body.split("\n-----\n")
    assert "1 cảnh báo lượt quét bất thường ngày 31/05/2026 tại huyện của bạn (Phú Xuyên):" in vietnamese
    assert "Mã QR riêng của sản phẩm được quét 20 lần ngày 31/05/2026" in vietnamese
    assert "1 suspicious-scan alert on 31 May 2026 in your districts (Phú Xuyên):" in english
    assert "The product's own QR code was scanned 20 times on 31 May 2026" in english
    assert f"/admin/catalogue/product/{product.pk}/change/" in english


def test_a_second_run_the_same_day_sends_nothing_unless_forced(officers, capsys):
    make_scans(product_in("phu-xuyen"), 20, on=DAY)
    call_command("send_scan_alerts")
    assert len(mail.outbox) == 2  # officer.px and officer.both
    call_command("send_scan_alerts")
    assert len(mail.outbox) == 2
    assert "officer.px was already sent the alerts of 2026-05-31." in capsys.readouterr().out
    call_command("send_scan_alerts", "--force")
    assert len(mail.outbox) == 4


def test_a_dry_run_sends_nothing(officers, capsys):
    make_scans(product_in("phu-xuyen"), 20, on=DAY)
    call_command("send_scan_alerts", "--dry-run")
    assert mail.outbox == []
    assert "officer.px <px@example.com>: 1 alerts (dry run, not sent)." in capsys.readouterr().out


def test_an_officer_without_an_address_or_no_longer_active_is_skipped(capsys):
    factories.OfficerFactory(username="officer.noemail", districts=["phu-xuyen"])
    factories.OfficerFactory(username="officer.gone", email="gone@example.com", is_active=False)
    make_scans(product_in("phu-xuyen"), 20, on=DAY)
    call_command("send_scan_alerts")
    assert mail.outbox == []
    assert "officer.noemail has no email address: 1 alerts not sent." in capsys.readouterr().err


def test_an_earlier_day_can_be_reported(officers):
    earlier = DAY - datetime.timedelta(days=5)
    make_scans(product_in("phu-xuyen"), 20, on=earlier)
    call_command("send_scan_alerts")
    assert mail.outbox == []
    call_command("send_scan_alerts", "--day", earlier.isoformat())
    assert len(emails_to("px@example.com")) == 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--day", "31/05/2026"], "'31/05/2026' is not a date; write it as YYYY-MM-DD, e.g. 2026-05-31."),
        (["--day", "2026-02-30"], "'2026-02-30' is not a date"),
        (["--day", "2026-06-01"], "2026-06-01 is not over yet (today is 2026-06-01): alerts report a finished day."),
        (["--day", "2026-07-01"], "2026-07-01 is not over yet"),
    ],
)
def test_bad_arguments_get_a_message_not_a_traceback(arguments, message):
    with pytest.raises(CommandError) as raised:
        call_command("send_scan_alerts", *arguments)
    assert message in str(raised.value)
