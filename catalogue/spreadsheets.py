"""CSV and XLSX for the admin's import and export, safe to open in a spreadsheet.

A cell that starts with = + - @ (or a tab or carriage return before one) is a formula to
Excel, LibreOffice and Google Sheets: `=HYPERLINK(...)` in a product name would run on the
officer's computer when they open an export. The library's own switch
(IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT) only drops a leading "=" (changing the text),
leaves + - @ live and turns every number into text, so these formats do it instead:

- CSV: such a cell gets a leading apostrophe, the spreadsheets' "this is text" mark
  (OWASP's advice). A plain negative number (-5, -1.5) is left alone: it is a number.
- XLSX: every text cell is written as text, never as a formula, and a cell that starts
  with one of those characters is also marked quote-prefixed, so it stays text even when
  someone edits it. The text itself is unchanged; numbers and dates stay numbers and dates.

On import, an apostrophe in front of one of those characters is that mark, not data, so
an export imports back unchanged (from CSV, or after a round trip through a spreadsheet).
"""

import re
from io import BytesIO

import tablib
from import_export.formats import base_formats

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
PLAIN_NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)*")


def is_live(text):
    """Would a spreadsheet evaluate this cell?"""
    return text.startswith(FORMULA_START) and not PLAIN_NEGATIVE_NUMBER.fullmatch(text)


def unmark(value):
    """Drop the text mark an export (or a spreadsheet) put in front of a formula-like cell."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def _map_cells(dataset, function):
    result = tablib.Dataset(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        result.append([function(cell) for cell in row])
    return result


class SafeCSV(base_formats.CSV):
    def export_data(self, dataset, **kwargs):
        marked = _map_cells(dataset, lambda cell: "'" + cell if isinstance(cell, str) and is_live(cell) else cell)
        return super().export_data(marked, **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        return _map_cells(super().create_dataset(in_stream, **kwargs), unmark)


class SafeXLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        book = Workbook(write_only=True)
        sheet = book.create_sheet(title=(dataset.title or "Sheet1")[:31])
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)

        def cell(value, **style):
            written = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                written.data_type = "s"  # openpyxl would make "=…" a formula
                written.quotePrefix = is_live(value)
            for name, setting in style.items():
                setattr(written, name, setting)
            return written

        sheet.append([cell(header, font=bold) for header in dataset.headers or []])
        for row in dataset:
            sheet.append([cell(value) for value in row])
        stream = BytesIO()
        book.save(stream)
        return stream.getvalue()

    def create_dataset(self, in_stream):
        return _map_cells(super().create_dataset(in_stream), unmark)
