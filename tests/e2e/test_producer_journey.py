"""A producer on a phone signs in to the producer area, opens a new order and confirms it;
every page fits the 390 px screen and its buttons are big enough to tap."""

import os

import pytest

from orders.models import Status
from tests import factories

from .helpers import PHONE, horizontal_overflow, vi

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect


def test_producer_confirms_an_order_on_a_phone(browser, live_server):
    producer = factories.ProducerFactory(name="HTX Gốm Bát Tràng")
    vase = factories.PublishedProductFactory(name="Bình gốm men lam", producer=producer)
    factories.ProducerUserFactory(username="ba@example.com", producer=producer)
    order = factories.OrderFactory(lines=[(vase, 2)], name="Nguyễn Thị Hoa")
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/producer/")
        page.get_by_label(vi("Email")).fill("ba@example.com")
        page.get_by_label("Mật khẩu").fill("pw-producer-123")
        page.get_by_role("button", name=vi("Sign in")).click()
        expect(page.locator("h1")).to_have_text(vi("Overview"))
        assert horizontal_overflow(page) <= 0

        page.get_by_role("link", name=vi("Orders"), exact=True).click()
        page.get_by_role("link", name=order.code).click()
        expect(page.locator("main")).to_contain_text("Nguyễn Thị Hoa")
        confirm = page.get_by_role("button", name=vi("Confirm the order"))
        assert confirm.bounding_box()["height"] >= 44
        assert horizontal_overflow(page) <= 0
        if path := os.environ.get("PRODUCER_SCREENSHOT"):
            page.screenshot(path=path, full_page=True)
        confirm.click()
        expect(page.locator(".messages")).to_contain_text(order.code)
        part = order.parts.get()
        assert part.status == Status.CONFIRMED
        expect(page.get_by_role("button", name=vi("Mark as shipped"))).to_be_visible()

        # The product page: price, stock and photos, on the same phone.
        page.get_by_role("link", name=vi("My products")).click()
        page.get_by_role("link", name=vase.name).click()
        page.get_by_label(vi("price (VND)")).fill("-5")
        page.get_by_role("button", name=vi("Save the changes")).click()
        expect(page.locator(".form-error").first).to_contain_text(vi("The price cannot be negative."))
        assert horizontal_overflow(page) <= 0
        if path := os.environ.get("PRODUCER_SCREENSHOT"):
            page.screenshot(path=path.replace(".png", "-product.png"), full_page=True)
    finally:
        context.close()
