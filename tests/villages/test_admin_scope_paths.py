"""More admin paths scoped to an officer's districts (issue 11, §4 and §5).

An officer of Phú Xuyên against a Gia Lâm record: the admin's "view on site" redirect, the
page that answers for a record outside their districts, their own showroom that stocks
another district's products, the district filters; and scans, which nobody deletes.
"""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from catalogue.models import Scan
from orders.models import Order
from showrooms.models import ShowroomStock
from tests import factories
from tests.admin_forms import submit_as_a_browser
from tests.scope import SCOPED, admin_url
from villages.models import District

pytestmark = pytest.mark.django_db


def view_on_site_url(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


# --- /admin/r/<content type>/<id>/ -----------------------------------------------------


@pytest.mark.parametrize("app, model, key", SCOPED)
def test_view_on_site_of_another_districts_record_reveals_nothing(officer_client, world, app, model, key):
    other = world["other"][key]
    response = officer_client.get(view_on_site_url(other))
    assert response.status_code == 404
    assert "Location" not in response.headers
    assert other.get_absolute_url() not in response.content.decode()


@pytest.mark.parametrize("app, model, key", SCOPED)
def test_view_on_site_of_own_record_still_redirects(officer_client, world, app, model, key):
    own = world["own"][key]
    response = officer_client.get(view_on_site_url(own))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(own.get_absolute_url())


def test_view_on_site_does_not_name_an_unpublished_product_of_another_district(officer_client, world):
    hidden = factories.PublishedProductFactory(
        name="Bình chưa công bố", producer=world["other"]["producer"], is_published=False
    )
    response = officer_client.get(view_on_site_url(hidden))
    assert response.status_code == 404
    assert hidden.slug not in response.headers.get("Location", "") + response.content.decode()


def test_view_on_site_does_not_give_away_another_districts_order_code(officer_client, world):

    theirs = factories.OrderFactory(lines=[(world["other"]["product"], 1)])
    mine = factories.OrderFactory(lines=[(world["own"]["product"], 1)])
    response = officer_client.get(view_on_site_url(theirs))
    assert response.status_code == 404
    assert theirs.code not in response.headers.get("Location", "") + response.content.decode()
    assert officer_client.get(view_on_site_url(mine)).status_code == 302
    assert Order.objects.count() == 2


def test_view_on_site_of_another_districts_order_part_reveals_nothing(officer_client, world):

    mixed = factories.OrderFactory(lines=[(world["own"]["product"], 1), (world["other"]["product"], 1)])
    other_part = mixed.parts.get(producer=world["other"]["producer"])
    own_part = mixed.parts.get(producer=world["own"]["producer"])
    assert officer_client.get(view_on_site_url(other_part)).status_code == 404
    assert officer_client.get(view_on_site_url(own_part)).status_code == 302


def test_view_on_site_still_works_for_city_administrators(city_admin_client, world):
    other = world["other"]["product"]
    response = city_admin_client.get(view_on_site_url(other))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(other.get_absolute_url())


# --- the page for a record outside the officer's districts ------------------------------


def _without_tokens(html):
    """The page without what differs per request: the CSRF token, and the address the
    language switcher returns to (the URL the officer typed)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'name="next" value="[^"]+"', "", html)


@pytest.mark.parametrize("app, model, key", SCOPED)
def test_another_districts_record_gets_an_admin_page_saying_so(officer_client, world, app, model, key):
    other = world["other"][key]
    response = officer_client.get(admin_url(app, model, "change", other.pk))
    assert response.status_code == 404
    body = response.content.decode()
    assert 'id="site-name"' in body  # the admin's header, not the shop's 404 page
    assert "ngoài các quận, huyện bạn phụ trách" in body
    assert f'href="{admin_url(app, model, "changelist")}"' in body  # a way back
    assert str(other) not in body


def test_outside_page_is_the_same_for_a_record_that_does_not_exist(officer_client, world):
    other = world["other"]["product"]
    outside = officer_client.get(admin_url("catalogue", "product", "change", other.pk))
    missing = officer_client.get(admin_url("catalogue", "product", "change", 987654))
    assert outside.status_code == missing.status_code == 404
    assert _without_tokens(outside.content.decode()) == _without_tokens(missing.content.decode())


def test_outside_page_speaks_the_admins_language(officer_client, world):
    officer_client.cookies["django_language"] = "en"
    other = world["other"]["village"]
    body = officer_client.get(admin_url("villages", "village", "history", other.pk)).content.decode()
    assert "outside the districts you look after" in body


def test_label_download_of_another_districts_product_gets_the_admin_page(officer_client, world):
    other = world["other"]["product"]
    response = officer_client.get(reverse("admin:catalogue_product_label", args=[other.pk]))
    assert response.status_code == 404
    assert 'id="site-name"' in response.content.decode()


# --- an officer saves their own showroom that stocks other districts' products ----------


def test_officer_saves_own_showroom_that_stocks_another_districts_product(officer_client, world):
    showroom = world["own"]["showroom"]
    ShowroomStock.objects.create(showroom=showroom, product=world["other"]["product"])
    response = submit_as_a_browser(
        officer_client, admin_url("showrooms", "showroom", "change", showroom.pk), phone="024 3333 4444"
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    showroom.refresh_from_db()
    assert showroom.phone == "024 3333 4444"
    assert set(showroom.stock.values_list("product__name_vi", flat=True)) == {
        "Sản phẩm Phú Xuyên",
        "Sản phẩm Gia Lâm",
    }


def test_other_districts_stock_rows_are_shown_read_only(officer_client, world):
    showroom = world["own"]["showroom"]
    ShowroomStock.objects.create(showroom=showroom, product=world["other"]["product"])
    page = officer_client.get(admin_url("showrooms", "showroom", "change", showroom.pk))
    body = page.content.decode()
    assert "Sản phẩm Gia Lâm" in body  # listed...
    editable = [f for f in page.context["inline_admin_formsets"] if f.has_change_permission]
    for inline in editable:  # ...but not in any formset the officer can change
        assert world["other"]["product"].pk not in {form.instance.product_id for form in inline.formset.initial_forms}


def test_officer_cannot_remove_another_districts_stock_row(officer_client, world):
    showroom = world["own"]["showroom"]
    other_stock = ShowroomStock.objects.create(showroom=showroom, product=world["other"]["product"])
    page = officer_client.get(admin_url("showrooms", "showroom", "change", showroom.pk))
    read_only = [f for f in page.context["inline_admin_formsets"] if not f.has_change_permission]
    assert read_only, "the other districts' rows have a read-only inline"
    prefix = read_only[0].formset.prefix
    submit_as_a_browser(
        officer_client,
        admin_url("showrooms", "showroom", "change", showroom.pk),
        **{f"{prefix}-0-DELETE": "on", f"{prefix}-0-id": str(other_stock.pk)},
    )
    assert ShowroomStock.objects.filter(pk=other_stock.pk).exists()


def test_city_administrator_edits_every_stock_row(city_admin_client, world):
    showroom = world["own"]["showroom"]
    ShowroomStock.objects.create(showroom=showroom, product=world["other"]["product"])
    page = city_admin_client.get(admin_url("showrooms", "showroom", "change", showroom.pk))
    editable = [f for f in page.context["inline_admin_formsets"] if f.has_change_permission]
    products = {form.instance.product_id for f in editable for form in f.formset.initial_forms}
    assert products == {world["own"]["product"].pk, world["other"]["product"].pk}
    response = submit_as_a_browser(city_admin_client, admin_url("showrooms", "showroom", "change", showroom.pk))
    assert response.status_code == 302


# --- scans are evidence ---------------------------------------------------------------


@pytest.fixture
def scan(world):
    return Scan.objects.create(product=world["own"]["product"], language="vi", source="qr")


@pytest.mark.parametrize("who", ["officer", "city_admin"])
def test_nobody_deletes_scans_through_the_admin(request, world, scan, who):
    client = request.getfixturevalue(f"{who}_client")
    assert client.get(admin_url("catalogue", "scan", "delete", scan.pk)).status_code in {403, 404}
    client.post(admin_url("catalogue", "scan", "delete", scan.pk), {"post": "yes"})
    listing = client.get(admin_url("catalogue", "scan", "changelist"))
    assert listing.status_code == 200
    assert "delete_selected" not in listing.content.decode()
    client.post(
        admin_url("catalogue", "scan", "changelist"),
        {"action": "delete_selected", "_selected_action": [scan.pk], "post": "yes"},
    )
    assert Scan.objects.filter(pk=scan.pk).exists()


# --- district filters list only the officer's districts ----------------------------------


def _filter_sidebar(response):
    body = response.content.decode()
    start = body.find('id="changelist-filter"')
    return body[start : body.find("</nav>", start)] if start != -1 else ""


DISTRICT_FILTERED = [
    ("villages", "village"),
    ("catalogue", "producer"),
    ("catalogue", "product"),
    ("catalogue", "lot"),
    ("catalogue", "scan"),
    ("showrooms", "showroom"),
]


@pytest.mark.parametrize("app, model", DISTRICT_FILTERED)
def test_district_filter_lists_only_the_officers_districts(client, world, app, model):
    officer = factories.OfficerFactory(username="officer.two", districts=["phu-xuyen"])
    officer.officer_districts.add(District.objects.get(slug="thuong-tin"))
    client.force_login(officer)
    sidebar = _filter_sidebar(client.get(admin_url(app, model, "changelist")))
    assert "Phú Xuyên" in sidebar and "Thường Tín" in sidebar
    assert "Gia Lâm" not in sidebar and "Ba Đình" not in sidebar


@pytest.mark.parametrize("app, model", DISTRICT_FILTERED)
def test_officer_of_one_district_gets_no_district_filter(officer_client, world, app, model):
    sidebar = _filter_sidebar(officer_client.get(admin_url(app, model, "changelist")))
    assert "Gia Lâm" not in sidebar and "Ba Đình" not in sidebar


def test_city_administrator_filters_by_every_district(city_admin_client, world):
    sidebar = _filter_sidebar(city_admin_client.get(admin_url("catalogue", "product", "changelist")))
    assert "Gia Lâm" in sidebar and "Ba Đình" in sidebar
