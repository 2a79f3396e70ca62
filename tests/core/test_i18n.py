"""Vietnamese by default, English under /en/, content falling back to Vietnamese."""

import gettext
import html
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests import factories
from tests.language import english_page, english_url, vietnamese_page, vietnamese_url

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"


def test_vietnamese_is_the_default_interface_language(client):
    body = client.get("/products/").content.decode()
    assert '<html lang="vi">' in body
    assert "Sản phẩm OCOP" in body and "Bộ lọc" in body and "Tìm kiếm" in body


def test_english_lives_under_en(client):
    body = client.get("/en/products/").content.decode()
    assert '<html lang="en">' in body
    assert "OCOP products" in body and "Filters" in body


def test_product_content_is_shown_in_english_with_vietnamese_fallback(client):
    translated = factories.PublishedProductFactory(name="Bình gốm men lam", name_en="Blue-glaze vase")
    untranslated = factories.PublishedProductFactory(name="Nón lá Chuông")
    body = english_page(client, "/en/products/")
    assert "Blue-glaze vase" in body and "Nón lá Chuông" in body
    assert "Bình gốm men lam" in vietnamese_page(client, vietnamese_url(translated))
    assert "Nón lá Chuông" in english_page(client, english_url(untranslated))


def test_craft_facet_names_follow_the_language(client):
    factories.PublishedProductFactory(craft_slug="lacquer")
    assert "Sơn mài" in vietnamese_page(client, "/products/")
    assert "Lacquer" in english_page(client, "/en/products/")


def test_language_switcher_keeps_the_page_and_its_filters(client):
    body = client.get("/products/?stars=5").content.decode()
    switcher = re.search(r'<nav class="language-switcher"[^>]*>\s*<a href="([^"]+)"', body)
    assert switcher, "every page offers the switcher"
    response = client.get(html.unescape(switcher.group(1)))
    assert response.status_code == 302
    assert response["Location"] == "/en/products/?stars=5"


def test_english_pages_link_back_to_their_vietnamese_version(client):
    path = factories.PublishedProductFactory().get_absolute_url()
    body = english_page(client, "/en" + path)
    assert f'hreflang="vi" href="https://ocop.test{path}"' in body


def read_po(path):
    """(msgid, msgstr, fuzzy) for each entry of a .po file (singular and first plural form)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if not msgid or not msgstr:
            continue
        join = lambda text: "".join(re.findall(r'"(.*)"', text))  # noqa: E731
        # An entry with a context (msgctxt) is stored under "context\x04msgid", as gettext does.
        context = re.search(r'^msgctxt "(.*)"', block, re.M)
        key = f"{context.group(1)}\x04{join(msgid.group(1))}" if context else join(msgid.group(1))
        entries.append((key, join(msgstr.group(1)), "fuzzy" in block.split("msgid", 1)[0]))
    return [entry for entry in entries if entry[0]]


def test_every_vietnamese_string_is_translated_and_compiled():
    entries = read_po(LOCALE / "vi" / "LC_MESSAGES" / "django.po")
    untranslated = [msgid for msgid, msgstr, fuzzy in entries if not msgstr and not fuzzy]
    assert untranslated == []
    with open(LOCALE / "vi" / "LC_MESSAGES" / "django.mo", "rb") as mo:
        catalog = gettext.GNUTranslations(mo)
    stale = [
        msgid
        for msgid, msgstr, fuzzy in entries
        if not fuzzy and msgstr != msgid and "%" not in msgid and catalog.gettext(msgid) == msgid
    ]
    assert stale == [], "run `make messages` after editing the .po file"


def test_vietnamese_translations_carry_diacritics():
    entries = dict((msgid, msgstr) for msgid, msgstr, _fuzzy in read_po(LOCALE / "vi" / "LC_MESSAGES" / "django.po"))
    assert entries["Clear all"] == "Xóa tất cả"
    assert entries["Where to buy"] == "Nơi mua"
    assert entries["Withdrawn"] == "Đã thu hồi"
