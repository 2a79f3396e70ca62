"""Orders in the admin (issue 11 §4, §5): a status control on a sub-order's page, the
Vietnamese word for an order, and an order spanning districts seen by one district's officer."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

from catalogue.models import Product
from orders import services
from orders.models import Order, ProducerOrder, Status
from tests import factories
from villages.models import District

pytestmark = pytest.mark.django_db


def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def part_url(part):
    return reverse("admin:orders_producerorder_change", args=[part.pk])


# --- the status control on a sub-order's page ---------------------------------------------------


def test_sub_order_page_offers_a_button_per_next_status(admin_client, settings):
    part = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)]).parts.get()
    page = english(admin_client, settings).get(part_url(part)).content.decode()
    buttons = re.findall(r'<button[^>]*name="_status" value="([a-z]+)"', page)
    assert buttons == ["confirmed", "cancelled"]


def test_status_button_moves_the_part_through_the_service(admin_client, settings):
    product = factories.PublishedProductFactory(stock_quantity=5)
    part = factories.OrderFactory(lines=[(product, 2)]).parts.get()
    client = english(admin_client, settings)
    response = client.post(part_url(part), {"_status": "confirmed"}, follow=True)
    assert response.redirect_chain[-1][0] == part_url(part)
    assert "is now “Confirmed”" in response.content.decode()
    assert ProducerOrder.objects.get(pk=part.pk).status == Status.CONFIRMED

    # Cancelling goes through services.change_status too: the stock comes back.
    client.post(part_url(part), {"_status": "cancelled"})
    assert ProducerOrder.objects.get(pk=part.pk).status == Status.CANCELLED
    assert Product.objects.get(pk=product.pk).stock_quantity == 5
    page = client.get(part_url(part)).content.decode()
    assert 'name="_status"' not in page  # nothing comes after cancelled


@pytest.mark.parametrize(
    "status, message",
    [
        ("completed", "cannot go from “New” to “Completed”"),
        ("shipped", "cannot go from “New” to “Shipped”"),
        ("bogus", "Unknown status"),
    ],
)
def test_status_button_refuses_an_invalid_move_with_a_message(admin_client, settings, status, message):
    part = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)]).parts.get()
    response = english(admin_client, settings).post(part_url(part), {"_status": status}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ProducerOrder.objects.get(pk=part.pk).status == Status.NEW


def test_a_view_only_user_gets_no_status_buttons_and_cannot_post_one(client, settings):
    part = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)]).parts.get()
    viewer = get_user_model().objects.create_user("viewer", password="pw-viewer-123", is_staff=True)
    viewer.user_permissions.set(
        Permission.objects.filter(codename__in=["view_producerorder", "view_order", "manage_all_districts"])
    )
    client.force_login(viewer)
    page = english(client, settings).get(part_url(part)).content.decode()
    assert 'name="_status"' not in page
    response = client.post(part_url(part), {"_status": "confirmed"})
    assert response.status_code == 403
    assert ProducerOrder.objects.get(pk=part.pk).status == Status.NEW


# --- wording -----------------------------------------------------------------------------------


def test_an_order_is_a_don_hang_in_vietnamese_and_a_production_step_keeps_its_thu_tu():
    with translation.override("vi"):
        assert str(Order._meta.verbose_name) == "đơn hàng"
        assert str(ProducerOrder._meta.get_field("order").verbose_name) == "đơn hàng"
        from catalogue.models import ProductionStep

        assert str(ProductionStep._meta.get_field("position").verbose_name) == "thứ tự"


def test_admin_order_page_title_says_don_hang(admin_client, settings):
    order = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)])
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = admin_client.get(reverse("admin:orders_order_change", args=[order.pk])).content.decode()
    assert "thứ tự" not in page
    assert "đơn hàng" in page


# --- an order spanning two districts, seen by one district's officer ---------------------------


@pytest.fixture
def spanning(client, settings):
    own = factories.PublishedProductFactory(
        name="Nón lá Phú Xuyên",
        price=100_000,
        producer=factories.ProducerFactory(name="Cơ sở Phú Xuyên", district_slug="phu-xuyen"),
    )
    other = factories.PublishedProductFactory(
        name="Gốm Bát Tràng",
        price=7_000_000,
        producer=factories.ProducerFactory(name="Cơ sở Gia Lâm", district_slug="gia-lam"),
    )
    order = factories.OrderFactory(lines=[(own, 2), (other, 1)])
    other_part = order.parts.get(producer=other.producer)
    services.change_status(part=other_part, status=Status.CONFIRMED)
    client.force_login(factories.OfficerFactory(username="officer.px", districts=["phu-xuyen"]))
    english(client, settings)
    return {"order": order, "client": client, "other_district": District.objects.get(slug="gia-lam")}


def test_officer_order_list_shows_only_their_parts_amount_and_status(spanning):
    response = spanning["client"].get(reverse("admin:orders_order_changelist"))
    body = response.content.decode()
    assert spanning["order"].code in body
    assert re.search(r"200[.,]000", body)  # 2 × 100,000: their part
    assert not re.search(r"7[.,]200[.,]000", body)  # the whole order's total
    rows = body.split('id="result_list"')[1].split("</table>")[0]
    assert "New" in rows and "Confirmed" not in rows  # their part's status, not the other one's


def test_officer_order_page_shows_only_their_parts_amount(spanning):
    page = spanning["client"].get(reverse("admin:orders_order_change", args=[spanning["order"].pk])).content.decode()
    assert re.search(r"200[.,]000", page)
    assert not re.search(r"7[.,][02]00[.,]000", page)
    assert "Gốm Bát Tràng" not in page and "Cơ sở Gia Lâm" not in page


@pytest.mark.parametrize(
    "query",
    [
        "parts__producer__district__id__exact={other}",
        "parts__status__exact=confirmed",
    ],
)
def test_officer_filtering_by_another_districts_part_lists_nothing(spanning, query):
    url = reverse("admin:orders_order_changelist") + "?" + query.format(other=spanning["other_district"].pk)
    response = spanning["client"].get(url)
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


def test_officer_filter_by_own_district_still_lists_the_order(spanning):
    own = District.objects.get(slug="phu-xuyen")
    response = spanning["client"].get(
        reverse("admin:orders_order_changelist") + f"?parts__producer__district__id__exact={own.pk}"
    )
    assert [order.pk for order in response.context["cl"].result_list] == [spanning["order"].pk]


def test_officer_search_by_another_districts_producer_finds_nothing(spanning):
    response = spanning["client"].get(reverse("admin:orders_order_changelist") + "?q=Gia+L%C3%A2m")
    assert list(response.context["cl"].result_list) == []


def test_city_admin_still_sees_the_whole_order(admin_client, settings, spanning):
    body = english(admin_client, settings).get(reverse("admin:orders_order_changelist")).content.decode()
    assert re.search(r"7[.,]200[.,]000", body)


def test_officer_search_by_their_own_producer_finds_the_order(spanning):
    response = spanning["client"].get(reverse("admin:orders_order_changelist") + "?q=Ph%C3%BA+Xuy%C3%AAn")
    assert [order.pk for order in response.context["cl"].result_list] == [spanning["order"].pk]
