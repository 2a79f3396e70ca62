"""Reading today's free-text hours ("8:00–18:00 hằng ngày", "9:00–21:00, thứ Hai nghỉ") into
OpenStreetMap's form, for the data migrations that filled `opening_hours_osm`.

Deliberately narrow: one time range, and optionally the days it applies to or the days
it does not; anything else gives "" and the text stays the only record. The free text
itself is never changed.

Data migrations call it, so what it returns for a text it reads today must not change
(tests/core/test_opening_hours.py pins the demo's texts): extend it, never alter it.
"""

import re

from .opening_hours import day_spans

_RANGE = re.compile(
    r"(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm|sáng|chiều)?\s*[–—-]\s*(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm|sáng|chiều)?"
)
_DAYS = [
    ("Mo", r"thứ hai|thứ 2|\bt2\b"),
    ("Tu", r"thứ ba|thứ 3|\bt3\b"),
    ("We", r"thứ tư|thứ 4|\bt4\b"),
    ("Th", r"thứ năm|thứ 5|\bt5\b"),
    ("Fr", r"thứ sáu|thứ 6|\bt6\b"),
    ("Sa", r"thứ bảy|thứ 7|\bt7\b"),
    ("Su", r"chủ nhật|\bcn\b"),
]
_CODES = [code for code, _pattern in _DAYS]


def osm_from_text(text):
    """The OSM form of a simple Vietnamese free-text opening time, or "" if not simple."""
    text = (text or "").lower()
    ranges = _RANGE.findall(text)
    if len(ranges) != 1:
        return ""
    h1, m1, s1, h2, m2, s2 = ranges[0]
    start, end = _clock(h1, m1, s1), _clock(h2, m2, s2 or ("pm" if s1 == "am" and int(h2) < int(h1) else ""))
    if start is None or end is None or start == end:
        return ""
    times = f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"
    named = [code for code, pattern in _DAYS if re.search(pattern, text)]
    if not named:
        return f"Mo-Su {times}"
    if re.search(r"nghỉ|đóng cửa", text):
        open_days = [code for code in _CODES if code not in named]
    else:
        open_days = named
    if not open_days:
        return ""
    return f"{_spell(open_days)} {times}"


def _clock(hours, minutes, suffix):
    hours, minutes = int(hours), int(minutes or 0)
    if suffix in ("pm", "chiều") and hours < 12:
        hours += 12
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        return None
    return hours * 60 + minutes


def _spell(days):
    parts = []
    for first, last in day_spans(sorted(_CODES.index(day) for day in days)):
        if first == last:
            parts.append(_CODES[first])
        elif last == first + 1:
            parts.append(f"{_CODES[first]},{_CODES[last]}")
        else:
            parts.append(f"{_CODES[first]}-{_CODES[last]}")
    return ",".join(parts)
