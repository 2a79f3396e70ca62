"""Small helpers shared by the browser tests."""

from django.utils import translation

# Window sizes: a desktop and a phone (the contexts of conftest.py).
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


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


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            lines.append(
                f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1:]}"
            )
    return "\n".join(lines)
