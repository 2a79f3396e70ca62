"""The share bar in a browser: the phone's share sheet (Web Share API) only where the browser
has one, "Copy link" copying the page's canonical URL, Messenger's app link on phones only,
and no request to a social network while the page loads."""

import pytest

from tests import factories
from tests.language import english_url

from .helpers import DESKTOP, PHONE, horizontal_overflow

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

# A stand-in share sheet: Chromium on Linux has none.
FAKE_SHARE_SHEET = "navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); };"


@pytest.fixture
def product():
    return factories.PublishedProductFactory(name="Bình gốm men rạn", name_en="Crackle-glaze vase")


def test_a_phone_shares_through_its_share_sheet_and_copies_the_link(browser, live_server, product):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    context.add_init_script(FAKE_SHARE_SHEET)
    sent = []
    context.on("request", lambda request: sent.append(request.url))
    page = context.new_page()
    page.goto(live_server.url + english_url(product))
    canonical = "https://ocop.test" + english_url(product)

    share = page.get_by_role("button", name="Share…")
    share.click()
    assert page.evaluate("window.sharedData") == {"title": "Crackle-glaze vase", "url": canonical}
    assert page.get_by_role("link", name="Send in Messenger").is_visible()

    page.get_by_role("button", name="Copy link").click()
    page.get_by_role("status").filter(has_text="Link copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == canonical

    assert horizontal_overflow(page) <= 0
    assert not [url for url in sent if not url.startswith(live_server.url)]
    context.close()


def test_a_desktop_without_a_share_sheet_shows_no_share_button_and_no_messenger_app_link(browser, live_server, product):
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + product.get_absolute_url())
    page.get_by_role("button", name="Sao chép liên kết").wait_for()
    assert page.locator(".share-native").is_hidden()
    assert page.locator(".share-phone").is_hidden()
    assert page.get_by_role("link", name="Chia sẻ qua Zalo (mở trong thẻ mới)").is_visible()
    context.close()
