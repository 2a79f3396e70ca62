"""Orders in the admin and the checkout, in Chromium (issue 11, §5): the order lists show
every column on a 1280 px screen (they showed 3 of 8), the status buttons work, and the
checkout's partial-pickup choices fit a phone."""

import re

import pytest
from django.urls import reverse

from tests import factories

from .helpers import DESKTOP, PHONE, en, horizontal_overflow

# A table past the window's edge, or wider than the box it scrolls in (the admin's result
# list scrolls inside `.results`, so columns hide without the page scrolling sideways).
TABLES_PAST_THE_EDGE = """() => [...document.querySelectorAll('#content table')]
    .filter(t => t.getBoundingClientRect().right > window.innerWidth + 1
                 || t.getBoundingClientRect().width > t.parentElement.clientWidth + 1)
    .map(t => (t.id || t.closest('[id]').id) + ' ' + Math.round(t.getBoundingClientRect().width) + 'px')"""


@pytest.fixture
def order():
    shoes = factories.PublishedProductFactory(
        name="Giày búp bê da nữ",
        producer=factories.ProducerFactory(name="Giày da Phú Yên Hưng Thịnh", district_slug="phu-xuyen"),
    )
    vase = factories.PublishedProductFactory(
        name="Bình hút lộc men lam", producer=factories.ProducerFactory(name="Gốm Quang Vinh", district_slug="gia-lam")
    )
    return factories.OrderFactory(
        lines=[(shoes, 1), (vase, 2)],
        name="Nguyễn Thị Lan",
        phone="+84912345678",
        email="lan@example.vn",
        address="12 Hàng Bạc, Hoàn Kiếm",
    )


def signed_in(page, live_server, client, user):
    client.force_login(user)
    page.context.add_cookies(
        [
            {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url},
            {"name": "django_language", "value": "vi", "url": live_server.url},  # the longer words
        ]
    )


def test_order_pages_fit_a_1280_px_screen_and_the_status_buttons_work(page, live_server, client, order):
    signed_in(page, live_server, client, factories.CityAdminFactory())
    part = order.parts.order_by("producer__name").first()
    for path in [
        reverse("admin:orders_order_changelist"),
        reverse("admin:orders_order_change", args=[order.pk]),
        reverse("admin:orders_producerorder_changelist"),
        reverse("admin:orders_producerorder_change", args=[part.pk]),
    ]:
        assert page.goto(live_server.url + path).status == 200, path
        assert page.evaluate(TABLES_PAST_THE_EDGE) == [], path
        assert horizontal_overflow(page) == 0, path
    page.locator("button[name=_status][value=confirmed]").click()
    assert "Đã xác nhận" in page.locator(".messagelist").inner_text()
    part.refresh_from_db()
    assert part.status == "confirmed"


def test_partial_pickup_choices_fit_a_phone(browser, browser_context_args, live_server):
    shoes = factories.PublishedProductFactory(name="Giày búp bê da nữ")
    tea_table = factories.PublishedProductFactory(name="Bàn trà gỗ hương")
    factories.ShowroomFactory(name="Showroom OCOP huyện Phú Xuyên", products=[shoes])
    context = browser.new_context(**{**browser_context_args, "viewport": {"width": 390, "height": 844}}, is_mobile=True)
    page = context.new_page()
    try:
        for product in (shoes, tea_table):
            page.goto(live_server.url + product.get_absolute_url())
            page.locator("form.add-to-cart button").first.click()
        page.goto(live_server.url + reverse("orders:checkout"))
        assert horizontal_overflow(page) == 0
        # The pickup choices show once pickup is chosen (checkout.js reloads the page).
        with page.expect_navigation():
            page.locator("input[name=fulfilment][value=pickup]").check()
        assert horizontal_overflow(page) == 0
        page.locator("#pickup-options button").first.click()
        assert "Bàn trà gỗ hương" in page.locator(".messages").inner_text()
        assert page.locator("input[name=fulfilment][value=pickup]").is_checked()
        assert horizontal_overflow(page) == 0
    finally:
        context.close()


@pytest.fixture
def phone_checkout(browser, browser_context_args, live_server):
    """checkout(product): a phone's English checkout with `product` in the cart."""
    from django.utils import translation

    context = browser.new_context(**{**browser_context_args, "viewport": {"width": 390, "height": 844}})

    def checkout(product):
        page = context.new_page()
        with translation.override("en"):
            page.goto(live_server.url + product.get_absolute_url())
        page.locator(".product-info").get_by_role("button", name=en("Add to cart")).first.click()
        page.goto(live_server.url + "/en/checkout/")
        return page

    yield checkout
    context.close()


def test_choosing_a_commune_recalculates_the_delivery_fee_at_once(phone_checkout):
    """checkout.js presses "Recalculate" when the place changes: the fee and the order
    button's total follow without the shopper pressing anything."""
    from orders.models import DeliveryRule

    producer = factories.ProducerFactory(name="Gốm Quang Vinh", district_slug="gia-lam")
    DeliveryRule.objects.create(producer=producer, fee=45_000)
    DeliveryRule.objects.create(producer=producer, commune=factories.commune("Xã Bát Tràng"), fee=15_000)
    page = phone_checkout(factories.PublishedProductFactory(name="Bình gốm men lam", producer=producer, price=350_000))
    assert "395,000" in page.locator("button.button-large").inner_text()
    page.get_by_label(en("Your name")).fill("Nguyễn Thị Lan")
    page.get_by_label(en("Ward or commune (since July 2025)")).select_option(label="Xã Bát Tràng")
    page.wait_for_load_state()
    page.locator("button.button-large", has_text="365,000").wait_for()
    # What was typed before the page recalculated is kept.
    assert page.get_by_label(en("Your name")).input_value() == "Nguyễn Thị Lan"


def test_enter_in_a_text_field_places_the_order(phone_checkout):
    """Enter submits a form with its first submit button, which was "Recalculate the
    delivery fee": a shopper pressing Enter after typing their address saw the same page
    again and no order."""
    from orders.models import Order

    page = phone_checkout(factories.PublishedProductFactory(name="Bình gốm men lam", price=350_000))
    page.get_by_label(en("Your name")).fill("Nguyễn Thị Lan")
    page.get_by_label(en("Mobile phone")).fill("0912 345 678")
    page.get_by_label(en("Delivery to an address")).check()
    page.get_by_label(en("Delivery address")).fill("12 Hàng Bạc, Hoàn Kiếm, Hà Nội")
    page.get_by_label(en("Mobile phone")).press("Enter")
    page.locator("h1 .order-code").wait_for()
    assert Order.objects.count() == 1


# The checkout's two ways to receive an order: each has its own fields, and only the way
# chosen is shown (orders.css, by the checked radio), with or without JavaScript.
DELIVERY_ONLY = ["#field-address", "#field-delivery_commune", "#field-delivery_district", "button[name=recalculate]"]
PICKUP_ONLY = ["#field-showroom"]


def shown(page, selectors):
    return {selector: page.locator(selector).is_visible() for selector in selectors}


def tab_stops_after(page, selector, count=8):
    """The names of the next `count` fields that Tab lands on, from `selector`."""
    page.locator(selector).focus()
    names = []
    for _ in range(count):
        page.keyboard.press("Tab")
        names.append(page.evaluate("() => document.activeElement.name || document.activeElement.id"))
    return names


def test_checkout_shows_only_the_way_chosen_without_javascript(browser, browser_context_args, live_server):
    vase = factories.PublishedProductFactory(name="Bình gốm men lam")
    factories.ShowroomFactory(name="Điểm bán gốm Bát Tràng", products=[vase])
    context = browser.new_context(**{**browser_context_args, "viewport": PHONE}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + vase.get_absolute_url())
        page.locator("form.add-to-cart button").first.click()
        page.goto(live_server.url + reverse("orders:checkout"))
        assert page.locator("input[name=fulfilment][value=delivery]").is_checked()
        assert shown(page, DELIVERY_ONLY) == dict.fromkeys(DELIVERY_ONLY, True)
        assert shown(page, PICKUP_ONLY) == dict.fromkeys(PICKUP_ONLY, False)
        assert "showroom" not in tab_stops_after(page, "input[name=fulfilment][value=delivery]")

        page.locator("input[name=fulfilment][value=pickup]").check()
        assert shown(page, DELIVERY_ONLY) == dict.fromkeys(DELIVERY_ONLY, False)
        assert shown(page, PICKUP_ONLY) == dict.fromkeys(PICKUP_ONLY, True)
        stops = tab_stops_after(page, "input[name=fulfilment][value=pickup]")
        assert "showroom" in stops
        assert not {"address", "delivery_commune", "delivery_district", "recalculate"} & set(stops)
        assert horizontal_overflow(page) == 0
    finally:
        context.close()


def test_switching_to_pickup_after_typing_an_address_places_a_pickup_order(phone_checkout):
    from orders.models import Order

    vase = factories.PublishedProductFactory(name="Bình gốm men lam", price=350_000)
    showroom = factories.ShowroomFactory(name="Điểm bán gốm Bát Tràng", products=[vase])
    page = phone_checkout(vase)
    page.get_by_label(en("Your name")).fill("Nguyễn Thị Lan")
    page.get_by_label(en("Mobile phone")).fill("0912 345 678")
    page.get_by_label(en("Delivery address")).fill("12 Hàng Bạc, Hoàn Kiếm, Hà Nội")
    with page.expect_navigation():  # checkout.js recalculates: the fees of pickup
        page.get_by_label(en("Pickup at an OCOP showroom")).check()
    assert page.get_by_label(en("Pickup at an OCOP showroom")).is_checked()
    assert shown(page, DELIVERY_ONLY) == dict.fromkeys(DELIVERY_ONLY, False)
    page.get_by_label(re.compile(re.escape(showroom.name))).check()
    page.locator("button.button-large").click()
    page.locator("h1 .order-code").wait_for()
    order = Order.objects.get()
    assert (order.fulfilment, order.showroom, order.address) == ("pickup", showroom, "")


# Each bank-transfer value's text, where it reaches past the card's padding (into the border or
# beyond), with how far; and the values to copy that break over lines.
PAYEE_VALUES_PAST_THE_PADDING = """() => [...document.querySelectorAll('.payee dd')].flatMap(dd => {
    const card = dd.closest('.card'), style = getComputedStyle(card);
    const inner = card.getBoundingClientRect().right - parseFloat(style.borderRightWidth)
                  - parseFloat(style.paddingRight);
    const range = document.createRange();
    range.selectNodeContents(dd);
    const right = Math.max(...[...range.getClientRects()].map(rect => rect.right));
    return right > inner + 0.5 ? [`${dd.textContent.trim()}: ${Math.round(right - inner)} px`] : [];
})"""
PAYEE_VALUES_BROKEN_OVER_LINES = """(values) => [...document.querySelectorAll('.payee dd strong')]
    .filter(strong => values.includes(strong.textContent.trim()) && strong.getClientRects().length > 1)
    .map(strong => strong.textContent.trim())"""


def test_bank_details_fit_a_phone_in_vietnamese(browser, browser_context_args, live_server):
    """The longest label, "Nội dung chuyển khoản", widened the labels' column until the
    account number touched the card's right border on a 390 px phone."""
    from orders.models import PayeeAccount

    producer = factories.ProducerFactory(name="Gốm Quang Vinh")
    PayeeAccount.objects.create(
        producer=producer, bank_name="BIDV", account_number="8099557479155", account_name="GOM QUANG VINH"
    )
    vase = factories.PublishedProductFactory(name="Bình hút lộc men lam", producer=producer, price=650_000)
    order = factories.OrderFactory(lines=[(vase, 1)], payment="bank_transfer", phone="+84912345678")
    context = browser.new_context(**{**browser_context_args, "viewport": PHONE})
    page = context.new_page()
    try:
        page.goto(live_server.url + reverse("orders:lookup"))
        page.locator("#id_code").fill(order.code)
        page.locator("#id_phone").fill("0912 345 678")
        page.locator("#id_phone").press("Enter")
        page.locator(".payee").wait_for()
        assert "Nội dung chuyển khoản" in page.locator(".payee").inner_text()
        assert page.evaluate(PAYEE_VALUES_PAST_THE_PADDING) == []
        copied = ["8099557479155", f"OCOP {order.code}"]
        assert page.evaluate(PAYEE_VALUES_BROKEN_OVER_LINES, copied) == []
        assert horizontal_overflow(page) == 0
    finally:
        context.close()


# The stretches of the cart table's width that the line under its total row leaves out
# (cells' or the row's bottom borders), in px: [] when the line runs from edge to edge.
GAPS_UNDER_THE_TOTAL_ROW = """() => {
    const table = document.querySelector('.cart-table'), row = table.querySelector('tfoot tr');
    const edges = [row, ...row.children].filter(el => {
        const style = getComputedStyle(el);
        return style.borderBottomStyle !== 'none' && parseFloat(style.borderBottomWidth) > 0;
    }).map(el => el.getBoundingClientRect()).sort((a, b) => a.left - b.left);
    const box = table.getBoundingClientRect(), gaps = [];
    let reached = box.left;
    for (const edge of edges) {
        if (edge.left > reached + 1) gaps.push(`${Math.round(reached)}-${Math.round(edge.left)}`);
        reached = Math.max(reached, edge.right);
    }
    if (box.right > reached + 1) gaps.push(`${Math.round(reached)}-${Math.round(box.right)}`);
    return gaps;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_the_cart_total_row_has_one_unbroken_line_under_it(browser, browser_context_args, live_server, viewport):
    context = browser.new_context(**{**browser_context_args, "viewport": viewport})
    page = context.new_page()
    try:
        for name in ("Giày búp bê da nữ", "Bình hút lộc men lam"):
            page.goto(live_server.url + factories.PublishedProductFactory(name=name).get_absolute_url())
            page.locator("form.add-to-cart button").first.click()
        page.goto(live_server.url + reverse("orders:cart"))
        assert page.evaluate(GAPS_UNDER_THE_TOTAL_ROW) == []
        assert horizontal_overflow(page) == 0
    finally:
        context.close()
