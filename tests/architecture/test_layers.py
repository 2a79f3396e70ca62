"""The one-way layering that import-linter cannot see: model lookups by name and templates.

`make lint` runs import-linter over Python imports (pyproject.toml). An app can still reach
upwards without an import, by `apps.get_model("higher_app", ...)` or by including a higher
app's template; these tests catch both, so the layers in docs/architecture.md hold for
templates and strings too.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Lowest first, as in pyproject.toml's layers contract; the last five are siblings.
LAYERS = [
    "core",
    "villages",
    "catalogue",
    "showrooms",
    "visits",
    "traceability",
    "orders",
    ("pages", "opendata", "backoffice", "demo", "producer_area"),
]


def level(app):
    for index, layer in enumerate(LAYERS):
        if app == layer or (isinstance(layer, tuple) and app in layer):
            return index
    raise KeyError(app)


APPS = [app for layer in LAYERS for app in (layer if isinstance(layer, tuple) else (layer,))]
TEMPLATE_REFERENCE = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")
GET_MODEL = re.compile(r"""get_model\(\s*["'](\w+)["']""")
APP_LABELS = {"traceability": "traceability"} | {app: app for app in APPS}


def owners_of(template_name):
    """The apps of ours whose templates/ folder holds this template name."""
    return [app for app in APPS if (ROOT / app / "templates" / template_name).is_file()]


def provided_by_a_library(template_name):
    """Django's or a library's template (admin/base_site.html): ours only override it."""
    return any(
        Path(config.path, "templates", template_name).is_file()
        for config in django_apps.get_app_configs()
        if config.name not in APPS
    )


def template_files(app):
    folder = ROOT / app / "templates"
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []


def test_the_layers_name_every_app_of_ours():
    ours = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert ours == set(APPS)


def test_no_template_is_left_at_the_project_level():
    assert not (ROOT / "templates").exists(), "templates live in their app's templates/ folder"


@pytest.mark.parametrize("app", APPS)
def test_templates_include_and_extend_only_templates_of_their_own_layer_or_below(app):
    upward = []
    for path in template_files(app):
        for name in TEMPLATE_REFERENCE.findall(path.read_text()):
            owners = owners_of(name)
            if not owners or provided_by_a_library(name):
                continue
            if all(level(owner) > level(app) for owner in owners):
                upward.append(f"{path.relative_to(ROOT)} → {name} ({', '.join(owners)})")
    assert not upward, "a lower app's template names a higher app's template:\n" + "\n".join(upward)


@pytest.mark.parametrize("app", APPS)
def test_no_app_looks_up_a_higher_apps_model_by_name(app):
    upward = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue  # migrations use the historical apps registry, which is fine
        for label in GET_MODEL.findall(path.read_text()):
            if label in APP_LABELS and level(APP_LABELS[label]) > level(app):
                upward.append(f"{path.relative_to(ROOT)} → {label}")
    assert not upward, "\n".join(upward)


def test_the_checks_see_an_upward_reference():
    """The scanners themselves: a line that breaks the rule is found."""
    assert TEMPLATE_REFERENCE.findall('{% include "orders/partials/add_to_cart.html" with product=p %}') == [
        "orders/partials/add_to_cart.html"
    ]
    assert owners_of("orders/partials/add_to_cart.html") == ["orders"]
    assert level("orders") > level("catalogue")
    assert GET_MODEL.findall('apps.get_model("catalogue", "Product")') == ["catalogue"]
