"""A stop's opening hours on a chosen day, read with core/opening_hours.py."""

from core.opening_hours import OpeningHoursError, day_name, describe, describe_date, parse


def on_day(stop, day):
    """What the route page shows for `stop` on `day`:
    {"known": the hours could be read, "open": open at some time that day (None if not
    known), "that_day": "08:00–17:30" or the word for closed, "week": the whole week in
    words, "words": the hours as written, for a stop without readable ones, "weekday"}."""
    result = {"known": False, "open": None, "that_day": "", "week": "", "words": stop.opening_hours_words}
    result["weekday"] = day_name(day.weekday())
    try:
        hours = parse(stop.opening_hours_osm)
    except OpeningHoursError:  # saved before the check existed: show the words instead
        hours = None
    if hours is not None:
        ranges = hours.ranges_on(day.weekday())
        result.update(known=True, open=bool(ranges), that_day=describe_date(hours, day), week=describe(hours))
    return result
