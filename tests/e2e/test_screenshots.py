"""Screenshots of the main pages for docs/screenshots/ (shown in the README).

On demand only: `E2E_SCREENSHOTS=1 pytest tests/e2e/test_screenshots.py`.
Desktop shots are 1280 wide, phone shots 390 wide (the phone's 844-px-high window scrolled
down the page); each is the top of the whole page, cut at MAX_HEIGHT, on the demo catalogue.
They are reduced to a 256-colour palette so that the repository stays small.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from PIL import Image

from catalogue.models import Product

from .helpers import DESKTOP, PHONE, horizontal_overflow

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

OUT = Path(settings.BASE_DIR) / "docs" / "screenshots"
MAX_HEIGHT = 1600

pytestmark = pytest.mark.skipif(
    os.environ.get("E2E_SCREENSHOTS") != "1", reason="screenshots are made on demand: set E2E_SCREENSHOTS=1"
)


def shoot(page, name, size, check_overflow=True):
    page.set_viewport_size(size)
    page.wait_for_load_state("networkidle")
    # Lazy images below the fold: bring them in before the full-page shot.
    page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    height = min(page.evaluate("() => document.documentElement.scrollHeight"), MAX_HEIGHT)
    path = OUT / f"{name}.png"
    page.screenshot(path=path, full_page=True, clip={"x": 0, "y": 0, "width": size["width"], "height": height})
    with Image.open(path) as shot:
        shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    with Image.open(path) as saved:
        assert saved.size == (size["width"], height)
    if check_overflow:
        assert horizontal_overflow(page) <= 0, f"{name}: the page is wider than its window"
    return path


def test_screenshots_of_the_main_pages(page, live_server, browser, browser_context_args):
    call_command("load_demo", verbosity=0)
    OUT.mkdir(parents=True, exist_ok=True)
    product = (
        Product.objects.published()
        .filter(stars=5, stock_quantity__gt=0, images__isnull=False, lots__isnull=False)
        .order_by("pk")
        .first()
    )
    url = live_server.url
    both = {"desktop": DESKTOP, "phone": PHONE}

    for label, path in [("home", "/"), ("products", "/products/?q=bat+trang"), ("product", product.get_absolute_url())]:
        for device, size in both.items():
            page.set_viewport_size(size)
            assert page.goto(url + path).ok
            shoot(page, f"{label}-{device}", size)

    page.goto(url + product.get_absolute_url())
    page.locator(".product-info form.add-to-cart button[type=submit]").click()
    for label, path in [("cart", "/cart/"), ("checkout", "/checkout/")]:
        for device, size in both.items():
            page.set_viewport_size(size)
            assert page.goto(url + path).ok
            shoot(page, f"{label}-{device}", size)

    # The tourist's scan: a phone that asks for English.
    phone = browser.new_context(
        **{**browser_context_args, "viewport": PHONE, "locale": "en-US"}, is_mobile=True, has_touch=True
    )
    try:
        scan = phone.new_page()
        assert scan.goto(url + product.get_trace_url()).ok
        shoot(scan, "trace-phone", PHONE)
    finally:
        phone.close()

    # A district officer's product page in the admin.
    page.set_viewport_size(DESKTOP)
    page.goto(url + "/admin/")
    page.locator("#id_username").fill("officer.phuxuyen")
    page.locator("#id_password").fill("ocop-phuxuyen-demo")
    page.locator("input[type=submit]").click()
    assert page.goto(url + "/admin/catalogue/product/").ok
    # Django's admin is wider than the window where tabular inlines hold translated
    # fields; it scrolls sideways by design, so only the shopper's pages are held to it.
    shoot(page, "admin-products-desktop", DESKTOP, check_overflow=False)
    own = Product.objects.filter(producer__district__slug="phu-xuyen", images__isnull=False).order_by("pk").first()
    assert page.goto(f"{url}/admin/catalogue/product/{own.pk}/change/").ok
    shoot(page, "admin-product-desktop", DESKTOP, check_overflow=False)
