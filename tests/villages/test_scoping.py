"""villages/scoping.py, THE district scope: what an officer, a city administrator and a user
with no districts may touch, for every model that belongs to a district; and the import
widgets and the officers' dashboard following the same scope."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.exceptions import ImproperlyConfigured

from backoffice.dashboard import panels_for
from catalogue.models import Certification, Lot, Producer, ProducerAccount, Product, Scan
from catalogue.resources import ProducerResource, ProductResource, ScopedForeignKeyWidget
from orders.models import (
    DeliveryRule,
    DeliveryTerms,
    Order,
    OrderLine,
    PayeeAccount,
    ProducerOrder,
    Review,
    Status,
)
from showrooms.models import Showroom, ShowroomStock
from tests import factories
from villages import scoping
from villages.admin_scope import DistrictScopedAdmin
from villages.models import Craft, District, Village
from visits.models import Event, Route

pytestmark = pytest.mark.django_db


def payee(producer):
    return PayeeAccount.objects.create(
        producer=producer, bank_name="Vietcombank", account_number="0011001234567", account_name=producer.name
    )


@pytest.fixture
def rows(world):
    """Every scoped model's rows in Phú Xuyên (`own`) and in Gia Lâm (`other`).

    Stock rows belong to their product's district, whichever showroom holds them; an order
    spanning both districts belongs to both, through its parts."""
    own, other = world["own"], world["other"]
    second_producer = factories.ProducerFactory(name="Mây tre Phú Túc", district_slug="phu-xuyen")
    second_product = factories.PublishedProductFactory(name="Giỏ mây", producer=second_producer)
    ShowroomStock.objects.create(showroom=own["showroom"], product=other["product"])
    ShowroomStock.objects.create(showroom=other["showroom"], product=own["product"])
    own_orders = [
        factories.OrderFactory(lines=[(own["product"], 1)]),
        factories.OrderFactory(lines=[(own["product"], 1), (second_product, 1), (other["product"], 1)]),
    ]
    other_orders = [factories.OrderFactory(lines=[(other["product"], 2)])]
    own_producers = [own["producer"], second_producer]
    own_parts = ProducerOrder.objects.filter(producer__in=own_producers)
    return {
        District: ([factories.district("phu-xuyen")], list(District.objects.exclude(slug="phu-xuyen"))),
        Village: ([own["village"]], [other["village"]]),
        Producer: (own_producers, [other["producer"]]),
        Product: ([own["product"], second_product], [other["product"]]),
        Lot: ([own["lot"]], [other["lot"]]),
        Certification: (
            list(Certification.objects.filter(product__in=[own["product"], second_product])),
            list(Certification.objects.filter(product=other["product"])),
        ),
        Scan: (
            [Scan.objects.create(product=own["product"], language="vi", source="qr")],
            [Scan.objects.create(product=other["product"], language="vi", source="qr")],
        ),
        Showroom: ([own["showroom"]], [other["showroom"]]),
        ShowroomStock: (
            list(ShowroomStock.objects.filter(product__in=[own["product"], second_product])),
            list(ShowroomStock.objects.filter(product=other["product"])),
        ),
        Order: (own_orders, other_orders),
        ProducerOrder: (list(own_parts), list(ProducerOrder.objects.exclude(pk__in=own_parts))),
        OrderLine: (
            list(OrderLine.objects.filter(part__in=own_parts)),
            list(OrderLine.objects.exclude(part__in=own_parts)),
        ),
        PayeeAccount: ([payee(own["producer"])], [payee(other["producer"])]),
        # Who signs in to the producer area for a producer of the district (producer_area).
        ProducerAccount: (
            [factories.ProducerUserFactory(username="own@example.com", producer=own["producer"]).producer_account],
            [factories.ProducerUserFactory(username="other@example.com", producer=other["producer"]).producer_account],
        ),
        # A fee for delivering into the other district is still the producer's.
        DeliveryRule: (
            [DeliveryRule.objects.create(producer=own["producer"], district=factories.district("gia-lam"), fee=45_000)],
            [DeliveryRule.objects.create(producer=other["producer"], fee=30_000)],
        ),
        DeliveryTerms: (
            [DeliveryTerms.objects.create(producer=own["producer"], days_min=2, days_max=4)],
            [DeliveryTerms.objects.create(producer=other["producer"], days_min=1, days_max=3)],
        ),
        Route: (
            [factories.RouteFactory(district_slug="phu-xuyen", stops=[own["village"]])],
            [factories.RouteFactory(district_slug="gia-lam", stops=[other["village"]])],
        ),
        Event: ([factories.EventFactory(district_slug="phu-xuyen")], [factories.EventFactory(district_slug="gia-lam")]),
        # A review belongs to its product's district, as the part it was written for.
        Review: (
            [factories.review(own["product"], status="pending", order=completed(own_orders[0]))],
            [factories.review(other["product"], order=completed(other_orders[0]))],
        ),
    }


SCOPED_MODELS = [
    District,
    Village,
    Producer,
    Product,
    Lot,
    Certification,
    Scan,
    Showroom,
    ShowroomStock,
    Order,
    ProducerOrder,
    OrderLine,
    PayeeAccount,
    ProducerAccount,
    DeliveryRule,
    DeliveryTerms,
    Review,
    Route,
    Event,
]
by_name = pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda model: model.__name__)


@pytest.fixture(params=["superuser", "permission"])
def city_admin(request):
    users = get_user_model().objects
    if request.param == "superuser":
        return users.create_superuser("city.admin", password="pw-city-admin-123")
    user = users.create_user("city.office", password="pw-city-office-123", is_staff=True)
    app_label, codename = scoping.MANAGE_ALL_PERMISSION.split(".")
    user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.fixture(params=["staff without districts", "anonymous"])
def nobody(request):
    if request.param == "anonymous":
        return AnonymousUser()
    return get_user_model().objects.create_user("staff.none", password="pw-staff-none-123", is_staff=True)


def completed(order):
    order.parts.update(status=Status.COMPLETED)
    return order


def pks(objects):
    return sorted(obj.pk for obj in objects)


# --- scope_queryset and outside_scope ----------------------------------------------------------


@by_name
def test_an_officer_gets_only_their_districts_rows(rows, officer, model):
    own, _other = rows[model]
    scoped = list(scoping.scope_queryset(model.objects.all(), officer))
    # Each row once, even an order with two parts in the officer's districts.
    assert pks(scoped) == pks(own)


@by_name
def test_the_rows_outside_an_officers_scope_are_the_others(rows, officer, model):
    _own, other = rows[model]
    assert pks(scoping.outside_scope(model.objects.all(), officer)) == pks(other)


@by_name
def test_a_city_administrator_gets_every_row(rows, city_admin, model):
    assert scoping.officer_districts(city_admin) is None
    assert pks(scoping.scope_queryset(model.objects.all(), city_admin)) == pks(model.objects.all())
    assert not scoping.outside_scope(model.objects.all(), city_admin).exists()


@by_name
def test_a_user_with_no_districts_gets_none(rows, nobody, model):
    assert scoping.officer_districts(nobody) == []
    assert not scoping.scope_queryset(model.objects.all(), nobody).exists()


def test_an_officer_of_two_districts_gets_both(rows):
    officer = factories.OfficerFactory(username="officer.two", districts=["phu-xuyen", "gia-lam"])
    assert pks(scoping.scope_queryset(Product.objects.all(), officer)) == pks(Product.objects.all())


def test_a_path_given_by_the_caller_replaces_the_models(rows, officer):
    """E.g. the showrooms that stock an officer's products, whatever their district."""
    showrooms = scoping.scope_queryset(Showroom.objects.all(), officer, path="products__producer__district")
    assert pks(showrooms) == pks(Showroom.objects.all())


def test_a_model_without_a_district_is_refused_for_everyone(officer, city_admin):
    for user in (officer, city_admin):
        with pytest.raises(ImproperlyConfigured, match="Craft has no district_path"):
            scoping.scope_queryset(Craft.objects.all(), user)


def test_an_officers_districts_are_read_once_per_user_object(officer, django_assert_num_queries):
    expected = [factories.district("phu-xuyen").pk]
    assert scoping.officer_districts(officer) == expected
    # A page asks for every list, filter, form field and inline.
    with django_assert_num_queries(0):
        assert scoping.officer_districts(officer) == expected


# --- may_touch and may_touch_district ----------------------------------------------------------


@by_name
def test_an_officer_may_touch_their_districts_rows_only(rows, officer, model):
    own, other = rows[model]
    assert all(scoping.may_touch(officer, obj) for obj in own)
    assert not any(scoping.may_touch(officer, obj) for obj in other)


@by_name
def test_a_city_administrator_may_touch_every_row_and_nobody_none(rows, city_admin, model):
    own, other = rows[model]
    nobody = get_user_model().objects.create_user("staff.none", password="pw-staff-none-123", is_staff=True)
    for obj in own + other:
        assert scoping.may_touch(city_admin, obj)
        assert not scoping.may_touch(nobody, obj)


def test_an_order_spanning_districts_belongs_to_each(rows, officer):
    spanning = rows[Order][0][1]
    assert scoping.districts_of(spanning) == {factories.district("phu-xuyen").pk, factories.district("gia-lam").pk}
    gia_lam_officer = factories.OfficerFactory(username="officer.gl", districts=["gia-lam"])
    assert scoping.may_touch(officer, spanning) and scoping.may_touch(gia_lam_officer, spanning)


def test_an_unsaved_row_is_placed_by_what_it_points_at(world, officer):
    """An import's new row, before it is saved."""
    assert scoping.may_touch(officer, Product(producer=world["own"]["producer"]))
    assert not scoping.may_touch(officer, Product(producer=world["other"]["producer"]))
    assert scoping.districts_of(Product()) == set()
    assert not scoping.may_touch(officer, Product())


def test_may_touch_district_takes_a_district_or_its_id(officer, city_admin):
    own, other = factories.district("phu-xuyen"), factories.district("gia-lam")
    assert scoping.may_touch_district(officer, own) and scoping.may_touch_district(officer, own.pk)
    assert not scoping.may_touch_district(officer, other) and not scoping.may_touch_district(officer, other.pk)
    assert scoping.may_touch_district(city_admin, other)


# --- every caller follows the same scope ----------------------------------------------------------


def test_every_scoped_model_declares_a_path_that_ends_at_a_district():
    declared = {model for model in apps.get_models() if scoping.district_path(model) is not None}
    assert declared == set(SCOPED_MODELS)
    for model in declared:
        steps = scoping._steps(model, scoping.district_path(model))
        last = steps[-1]
        assert last.related_model is District or (model is District and last.primary_key), model


def test_every_district_scoped_admin_reads_its_models_path():
    scoped_admins = [
        model for model, model_admin in admin.site._registry.items() if isinstance(model_admin, DistrictScopedAdmin)
    ]
    assert scoped_admins
    assert all(scoping.district_path(model) is not None for model in scoped_admins)
    assert not any(hasattr(model_admin, "district_lookup") for model_admin in admin.site._registry.values())


@pytest.mark.parametrize("resource_class", [ProducerResource, ProductResource])
def test_the_import_reaches_the_same_rows_as_the_scope(rows, officer, city_admin, resource_class):
    nobody = get_user_model().objects.create_user("staff.none", password="pw-staff-none-123", is_staff=True)
    for user in (officer, city_admin, nobody):
        resource = resource_class(user=user)
        model = resource._meta.model
        assert pks(resource.get_queryset()) == pks(scoping.scope_queryset(model.objects.all(), user))
        widgets = [
            field.widget for field in resource.fields.values() if isinstance(field.widget, ScopedForeignKeyWidget)
        ]
        assert widgets
        for widget in widgets:
            expected = scoping.scope_queryset(widget.model.objects.all(), user)
            assert pks(widget.get_queryset(None, None)) == pks(expected)


def dashboard_rows(user, title):
    panel = next(panel for panel in panels_for(user) if str(panel.title) == title)
    return [item for item, _text, _url in panel.rows]


def test_the_dashboard_shows_the_same_rows_as_the_scope(rows, officer, city_admin, english_site):
    nobody = get_user_model().objects.create_user("staff.none", password="pw-staff-none-123", is_staff=True)
    for user in (officer, city_admin, nobody):
        new_parts = scoping.scope_queryset(ProducerOrder.objects.filter(status=Status.NEW), user)
        assert pks(dashboard_rows(user, "New orders")) == pks(new_parts)
        waiting = scoping.scope_queryset(Review.objects.filter(status="pending"), user)
        assert pks(dashboard_rows(user, "Reviews waiting for moderation")) == pks(waiting)
        # No product in these rows has a photo.
        assert pks(dashboard_rows(user, "Products without images")) == pks(
            scoping.scope_queryset(Product.objects.all(), user)
        )


def test_the_scope_imports_no_admin_module():
    """Non-admin code (imports, the dashboard, an API) uses scoping.py: it must not pull the admin in."""
    tree = ast.parse(Path(settings.BASE_DIR, "villages", "scoping.py").read_text())
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    ]
    assert imported and not [name for name in imported if name and "admin" in name]
