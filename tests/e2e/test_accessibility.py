"""axe-core in the page on the shopper's main pages and the producer area's, and no
sideways scrolling on a phone.

The demo catalogue is loaded so that the pages are as full as a real visitor sees them
(photos, lots, showrooms, the demo banner). One test walks all pages, so the catalogue is
loaded once; each page is a subtest, so a failure names the page.
"""

import pytest
from django.core.management import call_command

from catalogue.models import Product
from demo.loaders import DEMO_PRODUCER_LOGIN
from orders.models import PayeeAccount
from tests import factories
from villages.models import Village

from .helpers import PHONE, describe_violations, horizontal_overflow, vi

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")


@pytest.fixture
def demo_pages(page, live_server):
    """(name, url) of the pages to check; the browser's cart holds a product."""
    call_command("load_demo", verbosity=0)
    product = (
        Product.objects.published()
        .filter(stock_quantity__gt=0, lots__isnull=False, images__isnull=False)
        .order_by("-stars", "pk")
        .first()
    )
    village = Village.objects.filter(producers__products=product).first() or Village.objects.order_by("pk").first()
    # A cart with something in it, so the cart and checkout pages show their forms.
    page.goto(live_server.url + product.get_absolute_url())
    page.locator(".product-info form.add-to-cart button[type=submit]").click()
    page.wait_for_load_state()
    return [
        ("home", "/"),
        ("product list", "/products/"),
        ("product list, searched and filtered", "/products/?q=bat+trang&stars=5"),
        ("product", product.get_absolute_url()),
        ("trace", product.get_trace_url()),
        ("village", village.get_absolute_url()),
        ("cart", "/cart/"),
        ("checkout", "/checkout/"),
        ("English product list", "/en/products/"),
        ("statistics", "/stats/"),
        ("English statistics", "/en/stats/"),
        ("map", "/map/"),
        ("English map, filtered", "/en/map/?kind=showroom&district=gia-lam"),
        ("visit route", "/routes/bat-trang-va-van-phuc-trong-mot-ngay/"),
        ("English visit route", "/en/routes/mot-ngay-o-lang-nghe-phu-xuyen/"),
        ("events", "/events/"),
        ("English event", "/en/events/hoi-cho-ocop-ha-noi/"),
        ("past events", "/events/archive/"),
    ]


def test_axe_finds_no_moderate_serious_or_critical_violations(page, live_server, demo_pages, run_axe, subtests):
    for name, path in demo_pages:
        with subtests.test(page=name):
            response = page.goto(live_server.url + path)
            assert response.status == 200, f"{path} answered {response.status}"
            violations = run_axe(page)
            assert not violations, f"{name} ({path}):\n{describe_violations(violations)}"


def test_main_pages_do_not_scroll_sideways_on_a_phone(page, live_server, demo_pages, subtests):
    page.set_viewport_size(PHONE)
    for name, path in demo_pages:
        with subtests.test(page=name):
            page.goto(live_server.url + path)
            assert horizontal_overflow(page) <= 0, f"{name} ({path}) is wider than a 390 px phone"


@pytest.fixture
def producer_pages(page, live_server):
    """(name, url) of the producer area's pages, the browser signed in as the demo producer,
    who has an order paid by bank transfer and reviews in every state (one with a photo, one
    answered), so every part of those pages shows."""
    call_command("load_demo", verbosity=0)
    username, password, _role, slug = DEMO_PRODUCER_LOGIN
    products = list(Product.objects.published().filter(producer__slug=slug).order_by("pk"))
    producer = products[0].producer
    if not PayeeAccount.objects.filter(producer=producer).exists():
        PayeeAccount.objects.create(
            producer=producer,
            bank_name="Vietcombank",
            bank_bin="970436",
            account_number="0011004455667",
            account_name="X",
        )
    order = factories.OrderFactory(lines=[(products[0], 1)], payment="bank_transfer")
    factories.review(products[0], stars=4, text="Men đẹp, giao nhanh.", photo=factories.jpeg())
    factories.review(products[-1], status="pending", text="Chưa dùng thử.")
    factories.review(products[0], status="hidden", text="Liên hệ số điện thoại khác.")
    answered = factories.review(products[-1], text="Rất ưng.")
    answered.reply, answered.replied_at = "Cảm ơn bạn!", answered.created_at
    answered.save(update_fields=["reply", "replied_at"])

    page.goto(live_server.url + "/producer/sign-in/")
    page.get_by_label(vi("Email")).fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name=vi("Sign in")).click()
    page.wait_for_load_state()
    return [
        ("producer dashboard", "/producer/"),
        ("producer orders", "/producer/orders/"),
        ("producer order paid by transfer", f"/producer/orders/{order.parts.get().pk}/"),
        ("producer products", "/producer/products/"),
        ("producer product", f"/producer/products/{products[0].slug}/"),
        ("producer reviews", "/producer/reviews/"),
        ("producer reviews needing a reply", "/producer/reviews/?needs_reply=1"),
        ("English producer reviews", "/en/producer/reviews/"),
    ]


def test_the_producer_area_on_a_phone_has_no_violations_and_no_sideways_scrolling(
    page, live_server, producer_pages, run_axe, subtests
):
    """One test, so the demo catalogue is loaded once: the area is made for a phone, so
    axe checks it at the phone's width."""
    page.set_viewport_size(PHONE)
    for name, path in producer_pages:
        with subtests.test(page=name):
            response = page.goto(live_server.url + path)
            assert response.status == 200, f"{path} answered {response.status}"
            # The reply and cancel forms sit in <details>: open them so that they are checked too.
            page.locator("details").evaluate_all("boxes => boxes.forEach(box => box.open = true)")
            violations = run_axe(page)
            assert not violations, f"{name} ({path}):\n{describe_violations(violations)}"
            assert horizontal_overflow(page) <= 0, f"{name} ({path}) is wider than a 390 px phone"
