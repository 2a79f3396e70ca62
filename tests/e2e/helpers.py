"""Small helpers shared by the browser tests."""

from django.utils import translation


def vi(message):
    """The Vietnamese the site shows for `message` (its own catalogue, not a copy here)."""
    with translation.override("vi"):
        return translation.gettext(message)


def en(message):
    with translation.override("en"):
        return translation.gettext(message)


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the window (0 when nothing sticks out)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
