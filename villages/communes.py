"""Hanoi's communes and wards since the 1 July 2025 reform: the data file and name matching.

The rows come from villages/data/hanoi_communes_2025.csv (source, version and licence in the
README beside it). The functions take the model class, so the data migrations can call them
with their historical models.
"""

import csv
import re
from pathlib import Path

from django.utils.text import slugify

from core.text import fold

DATA_FILE = Path(__file__).parent / "data" / "hanoi_communes_2025.csv"
HANOI_CODE = "01"

# Kind words a name may start with, folded: "Xã Bát Tràng", "phường Hà Đông", "TT. Phú Xuyên".
_KIND_WORDS = re.compile(r"^(xa|phuong|thi tran|tt\.?|p\.|x\.)\s+")


def rows():
    """The data file's rows as dicts: code, name, kind (`xa` or `phuong`)."""
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(province_model, commune_model):
    """Create or update Hanoi's 126 units (idempotent). Returns how many rows the file has."""
    hanoi = province_model.objects.get(code=HANOI_CODE)
    data = rows()
    for row in data:
        commune_model.objects.update_or_create(
            code=row["code"],
            defaults={"province": hanoi, "name": row["name"], "slug": slugify(fold(row["name"])), "kind": row["kind"]},
        )
    return len(data)


def key(text):
    """(kind word or "", the folded name without it): "Xã Bát Tràng" → ("xa", "bat trang")."""
    folded = fold(text).strip(" ,.;")
    match = _KIND_WORDS.match(folded)
    if not match:
        return "", folded
    return match.group(1), folded[match.end() :].strip()


class Matcher:
    """Finds a commune by its name as people write it: with or without diacritics and the
    kind word ("Xã Bát Tràng", "bat trang"), or by its code."""

    def __init__(self, communes):
        self.by_code = {}
        self.by_name = {}
        for commune in communes:
            self.by_code[commune.code] = commune
            self.by_name.setdefault(key(commune.name)[1], []).append(commune)

    def find(self, text):
        """The one commune `text` names, or None (unknown, or the name of two units)."""
        text = (text or "").strip()
        if not text:
            return None
        if text.isdigit():
            return self.by_code.get(text.zfill(5))
        kind, name = key(text)
        found = self.by_name.get(name, [])
        if kind in ("xa", "x.", "phuong", "p."):
            wanted = "xa" if kind.startswith("x") else "phuong"
            found = [commune for commune in found if commune.kind == wanted]
        return found[0] if len(found) == 1 else None
