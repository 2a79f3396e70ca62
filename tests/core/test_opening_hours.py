"""Opening hours in OpenStreetMap's form: parsing, errors in words, Hanoi time, words for people."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core import opening_hours as oh

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
MONDAY = datetime.date(2026, 12, 7)  # a Monday


def hanoi(day_offset, hhmm):
    hours, minutes = map(int, hhmm.split(":"))
    return datetime.datetime.combine(MONDAY + datetime.timedelta(days=day_offset), datetime.time(hours, minutes), HANOI)


@pytest.mark.parametrize(
    ("text", "monday", "saturday"),
    [
        ("Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00", ((480, 1050),), ((480, 720),)),
        ("Mo-Su 07:30-21:00", ((450, 1260),), ((450, 1260),)),
        ("Tu-Su 09:00-21:00; Mo off", (), ((540, 1260),)),
        ("Mo-Su 08:00-17:00; Mo closed", (), ((480, 1020),)),
        ("Mo-Sa 08:00-12:00,13:30-17:00", ((480, 720), (810, 1020)), ((480, 720), (810, 1020))),
        ("08:00-18:00", ((480, 1080),), ((480, 1080),)),
        ("Sa-Mo 10:00-14:00", ((600, 840),), ((600, 840),)),
        ("mo–fr 8:00 – 17:00", ((480, 1020),), ()),
        ("Sa 18:00-02:00", (), ((1080, 1560),)),
        ("Mo-Fr 08:00-24:00", ((480, 1440),), ()),
        ("Mo", ((0, 1440),), ()),
        ("Mo-Fr 08:00-17:00;", ((480, 1020),), ()),
    ],
)
def test_parses_the_subset(text, monday, saturday):
    hours = oh.parse(text)
    assert hours.ranges_on(0) == monday
    assert hours.ranges_on(5) == saturday


def test_empty_is_unknown():
    assert oh.parse("") is None
    assert oh.parse("   ") is None
    assert oh.is_open("", hanoi(0, "10:00")) is None
    assert oh.describe("") == ""


def test_always_open():
    hours = oh.parse("24/7")
    assert hours.is_always_open
    assert oh.is_open(hours, hanoi(3, "03:00"))
    assert oh.canonical("24/7") == "24/7"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Mo-Fx 08:00-17:00", "is not a day"),
        ("Mo-Fr 08:00", "is not a time range"),
        ("Mo-Fr 25:00-26:00", "is not a time of day"),
        ("Mo-Fr 08:70-17:00", "is not a time of day"),
        ("Mo-Fr 24:30-17:00", "is not a time of day"),
        ("Mo-Fr 8h-17h", "is not a time"),
        ("Mo-Fr 08:00-08:00", "opens and closes at the same time"),
        ("Mo-Fr 08:00-12:00,11:00-17:00", "overlap"),
        ("Mo-Fr 08:00-12:00;; Sa off", "empty rule"),
        ("Mo-Fr 08:00-17:00; PH off", "does not read"),
        ("Jan-Mar Mo-Fr 08:00-17:00", "does not read"),
        ("Mo-Fr 08:00+", "does not read"),
        ("Mo 20:00-09:00; Tu 08:00-17:00", "run into the next day"),
        ("Mo,,Tu 08:00-17:00", "A day is missing"),
        ("24:00-02:00", "starts at 24:00"),
        ("mở cửa cả ngày", "is not a day"),
    ],
)
def test_errors_say_what_is_wrong_in_words(text, words):
    with translation.override("en"), pytest.raises(oh.OpeningHoursError) as error:
        oh.parse(text)
    assert words in str(error.value)


def test_the_validator_speaks_vietnamese_on_vietnamese_pages():
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        oh.validate_opening_hours("Mo-Fx 08:00-17:00")
    assert "không phải là một ngày" in error.value.messages[0]


def test_the_validator_accepts_good_and_empty_text():
    oh.validate_opening_hours("Mo-Fr 08:00-17:30")
    oh.validate_opening_hours("")


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (hanoi(0, "07:59"), False),
        (hanoi(0, "08:00"), True),
        (hanoi(0, "17:29"), True),
        (hanoi(0, "17:30"), False),  # closing time: closed
        (hanoi(5, "11:00"), True),
        (hanoi(5, "13:00"), False),
        (hanoi(6, "07:00"), False),
    ],
)
def test_is_open_in_hanoi_time(at, expected):
    assert oh.is_open("Mo-Fr 08:00-17:30; Sa 08:00-12:00", at) is expected


def test_is_open_reads_any_time_zone_as_hanoi_time():
    """02:00 UTC on a Monday is 09:00 in Hanoi: open; 11:00 UTC is 18:00: closed."""
    utc = datetime.UTC
    assert oh.is_open("Mo-Fr 08:00-17:30", datetime.datetime(2026, 12, 7, 2, 0, tzinfo=utc))
    assert not oh.is_open("Mo-Fr 08:00-17:30", datetime.datetime(2026, 12, 7, 11, 0, tzinfo=utc))
    # 23:30 UTC on Sunday is already 06:30 on Monday in Hanoi.
    assert oh.is_open("Mo 06:00-10:00", datetime.datetime(2026, 12, 6, 23, 30, tzinfo=utc))


def test_is_open_defaults_to_now(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: hanoi(1, "10:00").astimezone(datetime.UTC))
    assert oh.is_open("Tu 09:00-11:00")
    assert not oh.is_open("We 09:00-11:00")


def test_past_midnight_belongs_to_the_day_it_started():
    hours = "Fr,Sa 18:00-02:00"
    assert oh.is_open(hours, hanoi(4, "23:59"))  # Friday night
    assert oh.is_open(hours, hanoi(5, "01:30"))  # early Saturday: Friday's evening
    assert not oh.is_open(hours, hanoi(5, "02:00"))
    assert oh.is_open(hours, hanoi(6, "00:30"))  # early Sunday: Saturday's evening
    assert not oh.is_open(hours, hanoi(0, "00:30"))  # early Monday: Sunday had none
    assert not oh.is_open(hours, hanoi(4, "00:30"))  # early Friday: Thursday had none


def test_until_midnight_and_from_midnight():
    hours = "Mo 08:00-24:00; Tu 00:00-03:00"
    assert oh.is_open(hours, hanoi(0, "23:59"))
    assert oh.is_open(hours, hanoi(1, "00:00"))
    assert not oh.is_open(hours, hanoi(1, "03:00"))


def test_hours_on_a_date():
    saturday = MONDAY + datetime.timedelta(days=5)
    sunday = MONDAY + datetime.timedelta(days=6)
    spans = oh.hours_on("Sa 18:00-02:00; Su 10:00-12:00", saturday)
    assert spans == [(hanoi(5, "18:00"), hanoi(6, "02:00"))]
    assert oh.hours_on("Sa 18:00-02:00; Su 10:00-12:00", sunday) == [
        (hanoi(6, "00:00"), hanoi(6, "02:00")),
        (hanoi(6, "10:00"), hanoi(6, "12:00")),
    ]
    assert oh.hours_on("Tu-Su 09:00-21:00; Mo off", MONDAY) == []
    assert spans[0][0].tzinfo == HANOI


def test_later_rules_replace_earlier_ones_on_their_days():
    hours = oh.parse("Mo-Su 08:00-17:00; Sa 09:00-11:00; Su off")
    assert hours.ranges_on(4) == ((480, 1020),)
    assert hours.ranges_on(5) == ((540, 660),)
    assert hours.ranges_on(6) == ()


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        (
            "Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00",
            "Thứ Hai–Thứ Sáu 08:00–17:30; Thứ Bảy, Chủ Nhật 08:00–12:00",
            "Monday–Friday 08:00–17:30; Saturday, Sunday 08:00–12:00",
        ),
        ("Mo-Su 07:30-21:00", "Hằng ngày 07:30–21:00", "Every day 07:30–21:00"),
        (
            "Tu-Su 09:00-21:00; Mo off",
            "Thứ Hai nghỉ; Thứ Ba–Chủ Nhật 09:00–21:00",
            "Monday closed; Tuesday–Sunday 09:00–21:00",
        ),
        (
            "Mo,We,Fr 08:00-12:00,13:30-17:00",
            "Thứ Hai, Thứ Tư, Thứ Sáu 08:00–12:00, 13:30–17:00; Thứ Ba, Thứ Năm, Thứ Bảy, Chủ Nhật nghỉ",
            "Monday, Wednesday, Friday 08:00–12:00, 13:30–17:00; Tuesday, Thursday, Saturday, Sunday closed",
        ),
        (
            "Fr 18:00-02:00",
            "Thứ Hai–Thứ Năm, Thứ Bảy, Chủ Nhật nghỉ; Thứ Sáu 18:00–02:00",
            "Monday–Thursday, Saturday, Sunday closed; Friday 18:00–02:00",
        ),
        ("24/7", "Mở cửa 24/7", "Open 24/7"),
    ],
)
def test_words_for_people_in_both_languages(text, vi, en):
    assert oh.describe(text, "vi") == vi
    assert oh.describe(text, "en") == en
    with translation.override("en"):
        assert oh.describe(oh.parse(text)) == en


def test_describe_date():
    assert oh.describe_date("Tu-Su 09:00-21:00; Mo off", MONDAY, "vi") == "nghỉ"
    assert oh.describe_date("Tu-Su 09:00-21:00; Mo off", MONDAY + datetime.timedelta(days=1), "en") == "09:00–21:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mo–fr 8:00-17:30;sa,su 8:00-12:00", "Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00"),
        ("Mo-Su 08:00-17:00; Mo off", "Tu-Su 08:00-17:00"),
        ("Fr 18:00-02:00", "Fr 18:00-02:00"),
        ("Mo", "Mo"),
        ("", ""),
    ],
)
def test_canonical_spelling_reads_back_the_same(text, expected):
    assert oh.canonical(text) == expected
    if text:
        assert oh.parse(expected) == oh.parse(text)


def test_as_data_for_the_page_script():
    assert oh.parse("Mo 08:00-17:00; Tu-Su off").as_data() == [[[480, 1020]], [], [], [], [], [], []]
