"""Import widgets for the cells officers fill in by hand."""

import datetime
import re

from django.utils.translation import gettext as _
from import_export import widgets

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class DayMonthYearDateWidget(widgets.DateWidget):
    """Reads 2026-03-01 and 01/03/2026 (day/month/year, as Vietnamese officers write it).

    Anything else is refused rather than guessed: "03-01-26" or "1/3/26" could be 3 January
    or 1 March, and the library's default formats read "01/03/2026" as 3 January. A real
    date cell of an XLSX file is taken as it is. Exports write ISO dates, which read back
    the same in every language.
    """

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        if match := ISO_DATE.fullmatch(text):
            year, month, day = match.groups()
        elif match := DAY_MONTH_YEAR.fullmatch(text):
            day, month, year = match.groups()
        else:
            raise ValueError(
                _(
                    "“%(value)s” is not a date we can read: write it as day/month/year "
                    "(01/03/2026 for 1 March 2026) or year-month-day (2026-03-01)."
                )
                % {"value": text}
            )
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(
                _("There is no such date as “%(value)s” (read as day/month/year).") % {"value": text}
            ) from None


class EmptyIsNoneCharWidget(widgets.CharWidget):
    """An empty cell is "no value" (NULL) for a nullable text column, as the export wrote it.

    Without it, an exported empty English name or GTIN comes back as "" and the row reads
    as changed (or fails a unique check) although nothing was edited.
    """

    def clean(self, value, row=None, **kwargs):
        if value is None or not str(value).strip():
            return None
        return super().clean(value, row=row, **kwargs)


WHOLE_NUMBER = re.compile(r"\d+")


class WholeNumberWidget(widgets.IntegerWidget):
    """Digits only. "550.000" (a Vietnamese thousands separator) would otherwise be read as
    550 by the library, and "nhiều" stop the whole preview with a Python error."""

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        if isinstance(value, bool):
            raise ValueError(_("“%(value)s” is not a whole number: write digits only, e.g. 550000.") % {"value": value})
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():  # an XLSX number cell
            return int(value)
        text = str(value).strip()
        if not WHOLE_NUMBER.fullmatch(text):
            raise ValueError(_("“%(value)s” is not a whole number: write digits only, e.g. 550000.") % {"value": text})
        return int(text)
