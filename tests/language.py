"""The language a test reads the site in, and proof that a page came in it.

Shopper pages carry the language in the URL (ocop_site/urls.py): Vietnamese, the default,
unprefixed; English under /en/. The admin and the QR/label endpoints are outside the
prefixes and take the language cookie or Accept-Language instead.
"""

from django.urls import reverse
from django.utils import translation

from tests.browsing import page_text

# The skip link of base.html in each language: a shop page that has it in one language was
# rendered in that language, whatever else on it (names, numbers) reads the same in both.
# Trace pages (trace/base.html) have no skip link; their <html lang> says the language.
SKIP_LINK = {"vi": "Chuyển đến nội dung", "en": "Skip to content"}


def en_reverse(*args, **kwargs):
    """The English URL, from any thread (worker threads have no language active)."""
    with translation.override("en"):
        return reverse(*args, **kwargs)


def vi_reverse(*args, **kwargs):
    """The Vietnamese URL, even where a request to an /en/ page left English active."""
    with translation.override("vi"):
        return reverse(*args, **kwargs)


def english_url(obj):
    with translation.override("en"):
        return obj.get_absolute_url()


def vietnamese_url(obj):
    # Pinned: a request to an /en/ page leaves English active in the test's thread.
    with translation.override("vi"):
        return obj.get_absolute_url()


def _body(response_or_text):
    if isinstance(response_or_text, str):
        return response_or_text
    return response_or_text.content.decode()


def assert_language(response_or_text, code):
    """The page (a response or its text) was rendered in `code`."""
    body = _body(response_or_text)
    assert f'<html lang="{code}">' in body, f'not <html lang="{code}">'
    if 'class="skip-link"' in body:
        assert SKIP_LINK[code] in body, f"{SKIP_LINK[code]!r} missing: not rendered in {code}"


def assert_english(response_or_text):
    assert_language(response_or_text, "en")


def assert_vietnamese(response_or_text):
    assert_language(response_or_text, "vi")


def english_page(client, url, **headers):
    """The HTML of a page that must answer 200 in English."""
    body = page_text(client, url, **headers)
    assert_english(body)
    return body


def vietnamese_page(client, url, **headers):
    """The HTML of a page that must answer 200 in Vietnamese."""
    body = page_text(client, url, **headers)
    assert_vietnamese(body)
    return body
