"""On a phone the header stays small and the product filters are reachable from the top;
on a desktop they stand beside the results. No JavaScript involved."""

import pytest

from tests import factories

from .helpers import PHONE, en, horizontal_overflow

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")


@pytest.fixture
def catalogue():
    for stars in (5, 4, 3):
        factories.PublishedProductFactory(name=f"Bình {stars} sao", name_en=f"Vase {stars} stars", stars=stars)


def top_of(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def test_phone_header_is_compact_and_filters_open_from_the_top(phone_context, live_server, catalogue):
    page = phone_context.new_page()
    page.goto(live_server.url + "/en/products/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 160, f"the header takes {header['height']} px of an 844 px phone"

    # The count, the "Filters" toggle and the sort are all above the first product.
    first_card = top_of(page, ".product-card")
    for selector in (".result-count", ".facets-box summary", ".sort-form select"):
        assert top_of(page, selector) < first_card, selector
    assert top_of(page, ".facets-box summary") < PHONE["height"]

    # Closed until tapped: the results come first; one tap shows the filters.
    five_stars = page.locator(".facet a").filter(has_text=en("5 stars"))
    assert not five_stars.is_visible()
    page.locator(".facets-box summary").click()
    five_stars.click()
    assert "stars=5" in page.url
    assert page.locator(".product-card h3").all_inner_texts() == ["Vase 5 stars"]
    assert horizontal_overflow(page) <= 0


def test_desktop_shows_the_filters_beside_the_results(page, live_server, catalogue):
    page.goto(live_server.url + "/en/products/")
    five_stars = page.locator(".facet a").filter(has_text=en("5 stars"))
    assert five_stars.is_visible()
    facets, results = page.locator(".facets").bounding_box(), page.locator(".results").bounding_box()
    assert facets["x"] + facets["width"] <= results["x"]  # side by side


def test_statistics_do_not_scroll_sideways_and_stay_readable_on_a_phone(phone_context, live_server, catalogue):
    page = phone_context.new_page()
    page.goto(live_server.url + "/en/stats/")
    assert horizontal_overflow(page) <= 0
    label = page.locator(".bar-label").first
    size = label.evaluate("e => e.getBoundingClientRect().height")
    assert size >= 10, f"chart labels are {size} px high on a phone"
