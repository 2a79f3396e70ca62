"""axe-core in the page on the shopper's main pages, and no sideways scrolling on a phone.

The demo catalogue is loaded so that the pages are as full as a real visitor sees them
(photos, lots, showrooms, the demo banner). One test walks all pages, so the catalogue is
loaded once; each page is a subtest, so a failure names the page.
"""

import pytest
from django.core.management import call_command

from catalogue.models import Product
from villages.models import Village

from .helpers import PHONE, describe_violations, horizontal_overflow

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
