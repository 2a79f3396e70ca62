"""The licence of everything opendata publishes (API answers, files, the page): CC BY 4.0.

Why this licence: docs/decisions.md ("Open data: CC BY 4.0").
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

NAME = "CC BY 4.0"
URL = "https://creativecommons.org/licenses/by/4.0/"
SOURCE = "OCOP Hà Nội"
# The attribution asked of reusers, in both languages (files and API answers carry both).
ATTRIBUTION = {
    "vi": "Nguồn: OCOP Hà Nội, dữ liệu mở theo giấy phép CC BY 4.0",
    "en": "Source: OCOP Hà Nội, open data under the CC BY 4.0 licence",
}
TITLE = _("Creative Commons Attribution 4.0 International")


def metadata():
    """The licence as API answers and files state it."""
    return {"name": NAME, "url": URL, "attribution": ATTRIBUTION, "source": settings.SITE_URL}


def link_header():
    """RFC 8288 link to the licence, on every answer and file download."""
    return f'<{URL}>; rel="license"'
