"""Printable labels for products and lots (the admin's A4 label sheet and single labels)."""

import textwrap
from dataclasses import dataclass

from core.qr import QrPath, qr_path


@dataclass(frozen=True)
class Label:
    """What one printed label shows: QR code, name, stars, trace code, "OCOP", district."""

    name_lines: list
    stars: int
    code: str
    district: str
    url: str
    qr: QrPath

    # About 17 characters of 3 mm text fit a line of the 70 mm label beside its 34 mm code.
    LINE_CHARS = 17
    MAX_LINES = 3

    @classmethod
    def for_product(cls, product, lot=None):
        lines = textwrap.wrap(product.name, cls.LINE_CHARS) or [""]
        if len(lines) > cls.MAX_LINES:
            lines = lines[: cls.MAX_LINES]
            lines[-1] = lines[-1][: cls.LINE_CHARS - 1].rstrip() + "…"
        url = lot.qr_url if lot else product.qr_url
        return cls(
            name_lines=lines,
            stars=product.stars,
            code=f"{product.trace_code} · {lot.code}" if lot else product.trace_code,
            district=product.producer.district.name,
            url=url,
            qr=qr_path(url),
        )

    @property
    def stars_text(self):
        return "★" * self.stars
