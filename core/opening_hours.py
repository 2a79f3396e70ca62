"""Opening hours a machine can read: a small subset of OpenStreetMap's `opening_hours`.

Written by hand (no library): the subset a showroom or a craft village needs is a few
dozen lines, and the OSM-complete parsers are JavaScript or carry far more than we use.

The subset (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification):

    hours    = "24/7" | rule *( ";" rule )
    rule     = [ days ] ( times | "off" | "closed" )   -- or days alone: open all day
    days     = day-or-range *( "," day-or-range )      -- Mo Tu We Th Fr Sa Su; "Sa-Mo" wraps
    times    = range *( "," range )
    range    = HH:MM "-" HH:MM                          -- end before start: past midnight

"Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00", "Mo-Su 07:30-21:00", "Tu-Su 09:00-21:00; Mo off",
"Fr,Sa 18:00-02:00", "Mo-Sa 08:00-12:00,13:30-17:00". As in OSM, a later rule replaces
the earlier ones on the days it names; a rule without days applies to every day. Day
names are read case-insensitively, and an en dash (–) reads as a hyphen; `canonical()`
writes the OSM form back. Not in the subset (a message in words says so): public
holidays (PH), months, weeks, dates, sunrise/sunset, comments, "+" open ends.

Times are local Hanoi time (Asia/Ho_Chi_Minh, UTC+7 all year). Minutes since midnight
are the unit inside: a range ending past midnight ends after 1440 on the day it starts.
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")  # Python's weekday(): Monday = 0
MINUTES_A_DAY = 24 * 60

DAY_NAMES = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
WORDS = {
    "vi": {"closed": "nghỉ", "always": "Mở cửa 24/7", "all_day": "cả ngày", "every_day": "Hằng ngày"},
    "en": {"closed": "closed", "always": "Open 24/7", "all_day": "all day", "every_day": "Every day"},
}

_DAY = re.compile(r"^(mo|tu|we|th|fr|sa|su)$", re.IGNORECASE)
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


class OpeningHoursError(ValueError):
    """The text is not in the subset; str() is a sentence for the person who typed it."""


@dataclass(frozen=True)
class OpeningHours:
    """Each weekday's (start, end) minute ranges, Monday first; end may pass 1440 (midnight)."""

    week: tuple  # 7 tuples of (start, end) pairs, sorted

    @property
    def is_always_open(self):
        return all(day == ((0, MINUTES_A_DAY),) for day in self.week)

    def ranges_on(self, weekday):
        return self.week[weekday]

    def as_data(self):
        """For JSON (GeoJSON, data attributes): [[start, end], …] per weekday, Monday first,
        in Hanoi minutes; the page's script works out "open now" from it on the phone."""
        return [[list(r) for r in day] for day in self.week]


def _minutes(text, whole):
    match = _TIME.match(text.strip())
    if not match:
        raise OpeningHoursError(
            _("“%(time)s” in “%(rule)s” is not a time: write hours and minutes like 08:00 or 17:30.")
            % {"time": text.strip(), "rule": whole}
        )
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise OpeningHoursError(
            _("“%(time)s” is not a time of day: hours run from 00:00 to 24:00.") % {"time": text.strip()}
        )
    return hours * 60 + minutes


def _day(text, whole):
    if not _DAY.match(text.strip()):
        raise OpeningHoursError(
            _("“%(day)s” in “%(rule)s” is not a day: use Mo, Tu, We, Th, Fr, Sa, Su (e.g. Mo-Fr or Sa,Su).")
            % {"day": text.strip(), "rule": whole}
        )
    return DAY_CODES.index(text.strip().capitalize())


def _days(text, whole):
    days = []
    for part in text.split(","):
        if not part.strip():
            raise OpeningHoursError(_("A day is missing in “%(rule)s”.") % {"rule": whole})
        if "-" in part:
            first, _sep, last = part.partition("-")
            start, end = _day(first, whole), _day(last, whole)
            span = (end - start) % 7  # Sa-Mo wraps over the week's end
            days.extend((start + step) % 7 for step in range(span + 1))
        else:
            days.append(_day(part, whole))
    return sorted(set(days))


def _ranges(text, whole):
    ranges = []
    for part in text.split(","):
        if part.count("-") != 1:
            raise OpeningHoursError(
                _("“%(range)s” in “%(rule)s” is not a time range: give a start and an end, like 08:00-17:30.")
                % {"range": part.strip(), "rule": whole}
            )
        first, last = part.split("-")
        start, end = _minutes(first, whole), _minutes(last, whole)
        if start == end:
            raise OpeningHoursError(_("“%(range)s” opens and closes at the same time.") % {"range": part.strip()})
        if start == MINUTES_A_DAY:
            raise OpeningHoursError(_("“%(range)s” starts at 24:00: write 00:00.") % {"range": part.strip()})
        if end < start:  # past midnight: 18:00-02:00 ends at 02:00 the next day
            end += MINUTES_A_DAY
        ranges.append((start, end))
    ranges.sort()
    for (_s1, end1), (start2, _e2) in zip(ranges, ranges[1:], strict=False):
        if start2 < end1:
            raise OpeningHoursError(_("The times in “%(rule)s” overlap.") % {"rule": whole})
    return tuple(ranges)


def _normalise(text):
    text = re.sub(r"\s+", " ", text.replace("–", "-").replace("—", "-")).strip()
    return re.sub(r" ?([-,]) ?", r"\1", text)


def parse(text):
    """OpeningHours from the text, or OpeningHoursError saying what is wrong. Empty → None."""
    text = _normalise(text or "")
    if not text:
        return None
    if text == "24/7":
        return OpeningHours(week=tuple(((0, MINUTES_A_DAY),) for _day in range(7)))
    week = [() for _day in range(7)]
    rules = text.split(";")
    for index, rule in enumerate(rules):
        rule = rule.strip()
        if not rule:
            if index < len(rules) - 1:
                raise OpeningHoursError(_("There is an empty rule between two semicolons."))
            continue
        days, ranges = _rule(rule)
        for day in days:
            week[day] = ranges
    # A range past midnight must not run into the next day's first opening.
    for day in range(7):
        spill = [end - MINUTES_A_DAY for _start, end in week[day] if end > MINUTES_A_DAY]
        following = week[(day + 1) % 7]
        if spill and following and following[0][0] < max(spill):
            raise OpeningHoursError(
                _("The hours after midnight on %(day)s run into the next day's hours.") % {"day": day_name(day)}
            )
    return OpeningHours(week=tuple(week))


def _rule(rule):
    """(days, ranges) of one rule."""
    words = rule.split(" ", 1)
    head = words[0]
    unsupported = re.search(
        r"\b(PH|SH|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|week|sunrise|sunset)\b|\+|\"", rule
    )
    if unsupported:
        raise OpeningHoursError(
            _(
                "“%(rule)s” uses something this site does not read (holidays, months, weeks, sun times, comments): "
                "give days and times only, e.g. Mo-Fr 08:00-17:30."
            )
            % {"rule": rule}
        )
    if _TIME.match(head.split("-")[0].split(",")[0]):  # times only: every day
        return range(7), _ranges(rule.replace(" ", ""), rule)
    days = _days(head, rule)
    rest = words[1].strip() if len(words) > 1 else ""
    if not rest:
        return days, ((0, MINUTES_A_DAY),)
    if rest.lower() in ("off", "closed"):
        return days, ()
    return days, _ranges(rest.replace(" ", ""), rule)


def validate_opening_hours(value):
    """Model and form validator: a ValidationError in the page's language."""
    try:
        parse(value)
    except OpeningHoursError as error:
        raise ValidationError(str(error), code="opening_hours") from None


validate_opening_hours.help_text = gettext_lazy(
    "In OpenStreetMap's form, e.g. “Mo-Fr 08:00-17:30; Sa,Su 08:00-12:00”, “Mo-Su 07:30-21:00”, "
    "“Tu-Su 09:00-21:00; Mo off”. Leave empty if not known."
)


def opening_hours_field(verbose_name=None):
    """The model field that holds hours in this syntax (blank: not known), validated."""
    return models.CharField(
        verbose_name or gettext_lazy("opening hours (machine-readable)"),
        max_length=200,
        blank=True,
        validators=[validate_opening_hours],
        help_text=validate_opening_hours.help_text,
    )


def _hhmm(minutes):
    minutes %= MINUTES_A_DAY * 2
    if minutes > MINUTES_A_DAY:
        minutes -= MINUTES_A_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def canonical(text):
    """The text in OSM's own spelling ("mo–fr 8:00-17:30" → "Mo-Fr 08:00-17:30"), grouped."""
    hours = parse(text)
    if hours is None:
        return ""
    if hours.is_always_open:
        return "24/7"
    rules = []
    for days, ranges in _groups(hours):
        if not ranges:
            continue
        spelt = ",".join(_day_span(span, DAY_CODES, "-") for span in days)
        times = ",".join(f"{_hhmm(s)}-{_hhmm(e)}" for s, e in ranges)
        rules.append(f"{spelt} {times}" if times != "00:00-24:00" else spelt)
    return "; ".join(rules) or "Mo-Su off"


def _groups(hours):
    """[(list of (first, last) day spans, ranges)], days with equal hours together, Monday first."""
    groups = {}
    for day, ranges in enumerate(hours.week):
        groups.setdefault(ranges, []).append(day)
    return [(day_spans(days), ranges) for ranges, days in sorted(groups.items(), key=lambda item: item[1][0])]


def day_spans(days):
    """Sorted weekday numbers as runs of consecutive days: [0, 1, 2, 5] -> [[0, 2], [5, 5]]."""
    spans = []
    for day in days:
        if spans and spans[-1][1] == day - 1:
            spans[-1][1] = day
        else:
            spans.append([day, day])
    return spans


def _day_span(span, names, dash):
    first, last = span
    if first == last:
        return names[first]
    if last == first + 1:
        return f"{names[first]},{names[last]}" if dash == "-" else f"{names[first]}, {names[last]}"
    return f"{names[first]}{dash}{names[last]}"


def _language(language):
    language = (language or translation.get_language() or "vi")[:2]
    return language if language in DAY_NAMES else "en"


def day_name(weekday, language=None):
    return DAY_NAMES[_language(language)][weekday]


def describe(hours, language=None):
    """Words for people: "Thứ Hai–Thứ Sáu 08:00–17:30; Thứ Bảy, Chủ Nhật nghỉ".

    `hours`: an OpeningHours or its text. Empty string when nothing is known."""
    if isinstance(hours, str):
        hours = parse(hours)
    if hours is None:
        return ""
    lang = _language(language)
    words = WORDS[lang]
    if hours.is_always_open:
        return words["always"]
    groups = _groups(hours)
    parts = []
    for spans, ranges in groups:
        if len(groups) == 1 and spans == [[0, 6]]:
            label = words["every_day"]
        else:
            label = ", ".join(_day_span(span, DAY_NAMES[lang], "–") for span in spans)
        parts.append(f"{label} {describe_ranges(ranges, lang)}")
    return "; ".join(parts)


def describe_ranges(ranges, language=None):
    """ "08:00–12:00, 13:30–17:00", or the word for closed."""
    words = WORDS[_language(language)]
    if not ranges:
        return words["closed"]
    if ranges == ((0, MINUTES_A_DAY),):
        return words["all_day"]
    return ", ".join(f"{_hhmm(s)}–{_hhmm(e)}" for s, e in ranges)


def _as_hours(hours):
    return parse(hours) if isinstance(hours, str) else hours


def hours_on(hours, date):
    """The opening times of a calendar date: [(start datetime, end datetime)] in Hanoi time.

    A range starting that day and ending past midnight ends the next day; the hours of a
    date include the early-morning part of the previous day's late range (from 00:00)."""
    hours = _as_hours(hours)
    if hours is None:
        return []
    midnight = datetime.datetime.combine(date, datetime.time(0), tzinfo=HANOI)
    spans = []
    previous = hours.week[(date.weekday() - 1) % 7]
    for _start, end in previous:
        if end > MINUTES_A_DAY:
            spans.append((midnight, midnight + datetime.timedelta(minutes=end - MINUTES_A_DAY)))
    for start, end in hours.week[date.weekday()]:
        spans.append((midnight + datetime.timedelta(minutes=start), midnight + datetime.timedelta(minutes=end)))
    return spans


def describe_date(hours, date, language=None):
    """Words for one date's own ranges (those that start that day): "08:00–17:30" or "nghỉ"."""
    hours = _as_hours(hours)
    if hours is None:
        return ""
    return describe_ranges(hours.week[date.weekday()], language)


def is_open(hours, at=None):
    """Whether the place is open at `at` (an aware datetime, default now), read in Hanoi time.
    None when the hours are not known."""
    hours = _as_hours(hours)
    if hours is None:
        return None
    local = (at or timezone.now()).astimezone(HANOI)
    return any(start <= local < end for start, end in hours_on(hours, local.date()))
