"""A district officer of Phú Xuyên works on Phú Xuyên and cannot read or change Gia Lâm.

Every scoped model is checked on every admin path: the list (and its count), the change,
delete and history pages, a raw object URL, a POSTed change, the add form's choices, a bulk
action, and the autocomplete endpoint.
"""

import pytest
from django.urls import reverse

from catalogue.models import Lot, Producer, Product
from showrooms.models import Showroom
from tests import factories
from tests.scope import SCOPED, admin_url
from villages.models import District, Village

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("app, model, key", SCOPED)
def test_list_shows_only_own_district_and_counts_only_it(officer_client, world, app, model, key):
    response = officer_client.get(admin_url(app, model, "changelist"))
    assert response.status_code == 200
    body = response.content.decode()
    assert str(world["own"][key]) in body
    assert str(world["other"][key]) not in body
    assert response.context["cl"].full_result_count == 1


@pytest.mark.parametrize("app, model, key", SCOPED)
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_pages_of_another_districts_record_answer_404(officer_client, world, app, model, key, view):
    other = world["other"][key]
    assert officer_client.get(admin_url(app, model, view, other.pk)).status_code == 404
    own = world["own"][key]
    assert officer_client.get(admin_url(app, model, view, own.pk)).status_code == 200


@pytest.mark.parametrize("app, model, key", SCOPED)
def test_raw_object_url_of_another_district_does_not_reveal_it(officer_client, world, app, model, key):
    other = world["other"][key]
    response = officer_client.get(f"/admin/{app}/{model}/{other.pk}/", follow=True)
    assert response.status_code == 404


@pytest.mark.parametrize("app, model, key", SCOPED)
def test_posting_a_change_to_another_district_changes_nothing(officer_client, world, app, model, key):
    other = world["other"][key]
    before = str(other)
    response = officer_client.post(admin_url(app, model, "change", other.pk), {"name": "Đổi tên"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert str(other) == before


@pytest.mark.parametrize("app, model, key", SCOPED)
def test_bulk_delete_cannot_reach_another_district(officer_client, world, app, model, key):
    # Records nothing else points to, so PROTECT cannot be what saves them.
    other = {
        "village": lambda: factories.VillageFactory(district_slug="gia-lam"),
        "producer": lambda: factories.ProducerFactory(district_slug="gia-lam"),
        "product": lambda: factories.PublishedProductFactory(producer=world["other"]["producer"]),
        "lot": lambda: factories.LotFactory(product=world["other"]["product"], code="X1"),
        "showroom": lambda: factories.ShowroomFactory(district_slug="gia-lam"),
    }[key]()
    officer_client.post(
        admin_url(app, model, "changelist"),
        {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
    )
    assert type(other).objects.filter(pk=other.pk).exists()


def test_add_forms_offer_only_own_district_choices(officer_client, world):
    village_form = officer_client.get(admin_url("villages", "village", "add")).context["adminform"].form
    assert list(village_form.fields["district"].queryset.values_list("slug", flat=True)) == ["phu-xuyen"]
    producer_form = officer_client.get(admin_url("catalogue", "producer", "add")).context["adminform"].form
    assert world["other"]["village"] not in producer_form.fields["village"].queryset
    assert world["own"]["village"] in producer_form.fields["village"].queryset
    product_form = officer_client.get(admin_url("catalogue", "product", "add")).context["adminform"].form
    assert world["other"]["producer"] not in product_form.fields["producer"].queryset


def test_officer_cannot_move_a_village_into_another_district(officer_client, world):
    own = world["own"]["village"]
    gia_lam = District.objects.get(slug="gia-lam")
    response = officer_client.post(
        admin_url("villages", "village", "change", own.pk),
        {"name": own.name, "slug": own.slug, "district": gia_lam.pk, "crafts": [c.pk for c in own.crafts.all()]},
    )
    assert response.status_code == 200  # the form comes back with an error
    assert "district" in response.context["adminform"].form.errors
    own.refresh_from_db()
    assert own.district.slug == "phu-xuyen"


@pytest.mark.parametrize(
    "app, model, field, target_key",
    [
        ("catalogue", "producer", "village", "village"),
        ("catalogue", "product", "producer", "producer"),
        ("catalogue", "lot", "product", "product"),
        ("showrooms", "showroom", "village", "village"),
    ],
)
def test_autocomplete_reveals_nothing_from_another_district(officer_client, world, app, model, field, target_key):
    response = officer_client.get(
        reverse("admin:autocomplete"),
        {"app_label": app, "model_name": model, "field_name": field, "term": ""},
    )
    assert response.status_code == 200
    ids = {int(item["id"]) for item in response.json()["results"]}
    assert world["own"][target_key].pk in ids
    assert world["other"][target_key].pk not in ids


def test_district_autocomplete_offers_only_own_districts(officer_client, world):
    response = officer_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "villages", "model_name": "village", "field_name": "district", "term": ""},
    )
    assert [item["text"] for item in response.json()["results"]] == ["Phú Xuyên"]


def test_officers_cannot_assign_districts(officer_client, world):
    phu_xuyen = District.objects.get(slug="phu-xuyen")
    response = officer_client.get(admin_url("villages", "district", "change", phu_xuyen.pk))
    assert response.status_code == 200  # they may look at it...
    assert "officers" not in response.context["adminform"].form.fields  # ...but not assign anyone
    officer_client.post(admin_url("villages", "district", "change", phu_xuyen.pk), {"name": "X"})
    phu_xuyen.refresh_from_db()
    assert phu_xuyen.name == "Phú Xuyên"


def test_city_administrator_sees_every_district(client, world):
    admin_user = factories.CityAdminFactory()
    client.force_login(admin_user)
    response = client.get(admin_url("catalogue", "product", "changelist"))
    body = response.content.decode()
    assert "Sản phẩm Phú Xuyên" in body and "Sản phẩm Gia Lâm" in body


def test_officer_edits_own_product(officer_client, world):
    product = world["own"]["product"]
    page = officer_client.get(admin_url("catalogue", "product", "change", product.pk))
    assert page.status_code == 200
    assert Village.objects.count() == 2 and Producer.objects.count() == 2
    assert Product.objects.count() == 2 and Lot.objects.count() == 2 and Showroom.objects.count() == 2


def test_orders_show_an_officer_only_their_producers_parts(officer_client, world):

    mixed = factories.OrderFactory(lines=[(world["own"]["product"], 1), (world["other"]["product"], 1)])
    elsewhere = factories.OrderFactory(lines=[(world["other"]["product"], 1)])
    own_part = mixed.parts.get(producer=world["own"]["producer"])
    other_part = mixed.parts.get(producer=world["other"]["producer"])

    orders = officer_client.get(admin_url("orders", "order", "changelist")).content.decode()
    assert mixed.code in orders and elsewhere.code not in orders
    assert officer_client.get(admin_url("orders", "order", "change", elsewhere.pk)).status_code == 404
    order_page = officer_client.get(admin_url("orders", "order", "change", mixed.pk)).content.decode()
    assert world["own"]["producer"].name in order_page
    assert world["other"]["producer"].name not in order_page  # the Gia Lâm part stays hidden

    parts = officer_client.get(admin_url("orders", "producerorder", "changelist"))
    assert [p.pk for p in parts.context["cl"].result_list] == [own_part.pk]
    assert officer_client.get(admin_url("orders", "producerorder", "change", other_part.pk)).status_code == 404
    officer_client.post(
        admin_url("orders", "producerorder", "changelist"),
        {"action": "mark_cancelled", "_selected_action": [other_part.pk]},
    )
    other_part.refresh_from_db()
    assert other_part.status == "new"
