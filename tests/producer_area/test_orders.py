"""A producer moves their parts through the workflow; the shopper sees a cancellation's reason."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from orders.models import ProducerOrder, Status
from orders.notifications import producer_order_placed
from tests import factories

pytestmark = pytest.mark.django_db


def move(client, part, status, reason=""):
    return client.post(reverse("producer_area:order_status", args=[part.pk]), {"status": status, "reason": reason})


def test_the_part_page_shows_the_shoppers_delivery_details_lines_and_total(producer_client, area):
    page = producer_client.get(reverse("producer_area:order", args=[area["own"]["part"].pk])).content.decode()
    assert "Trần Văn Minh" in page and "5 Lý Thái Tổ" in page
    # The number written as people read it out, dialled in full by a tap.
    assert '<a class="tap" href="tel:+84986123456">0986 123 456</a>' in page
    assert area["own"]["product"].name in page and "× 2" in page
    assert "700.000" in page  # 2 × 350 000 ₫


def test_lines_name_the_producers_own_product_in_the_areas_language(producer_client, area):
    """An order placed on the English site copies "Brown-glaze mug" for the shopper; the
    producer, on the Vietnamese area, recognises their own "Cốc gốm men nâu" (and the
    English area reads the English name of a product ordered in Vietnamese)."""
    product = area["own"]["product"]
    type(product).objects.filter(pk=product.pk).update(
        name_vi="Cốc gốm men nâu", name_en="Brown-glaze mug", unit_vi="chiếc", unit_en="piece"
    )
    product.refresh_from_db()
    with translation.override("en"):
        english_order = factories.OrderFactory(lines=[(product, 1)], phone="+84912000222")
    assert english_order.parts.get().lines.get().product_name == "Brown-glaze mug"  # the shopper's record
    part = english_order.parts.get()
    for url in (reverse("producer_area:orders"), reverse("producer_area:order", args=[part.pk])):
        with translation.override("vi"):
            page = producer_client.get(url).content.decode()
        assert "Cốc gốm men nâu" in page and "Brown-glaze mug" not in page, url
    with translation.override("vi"):
        vietnamese_part = factories.OrderFactory(lines=[(product, 1)], phone="+84912000333").parts.get()
    with translation.override("en"):
        page = producer_client.get(reverse("producer_area:order", args=[vietnamese_part.pk])).content.decode()
    assert "Brown-glaze mug" in page and "/ piece" in page and "Cốc gốm men nâu" not in page


def test_a_delivery_goes_new_confirmed_shipped_completed(producer_client, area):
    part = area["own"]["part"]
    # Only valid moves: a new part cannot be shipped or completed.
    assert move(producer_client, part, "shipped").status_code == 400
    assert move(producer_client, part, "ready").status_code == 400
    for status in ("confirmed", "shipped", "completed"):
        response = move(producer_client, part, status)
        assert response.status_code == 302, status
        part.refresh_from_db()
        assert part.status == status
    assert move(producer_client, part, "cancelled", "late").status_code == 400
    part.refresh_from_db()
    assert part.status == Status.COMPLETED


def test_a_pickup_is_ready_not_shipped(producer_client, area):
    showroom = area["own"]["showroom"]
    order = factories.OrderFactory(lines=[(area["own"]["product"], 1)], fulfilment="pickup", showroom=showroom)
    part = order.parts.get()
    move(producer_client, part, "confirmed")
    page = producer_client.get(reverse("producer_area:order", args=[part.pk])).content.decode()
    assert 'data-status="ready"' in page and 'data-status="shipped"' not in page
    assert move(producer_client, part, "shipped").status_code == 400
    assert move(producer_client, part, "ready").status_code == 302
    part.refresh_from_db()
    assert part.status == Status.READY


def test_cancelling_needs_a_reason_that_the_shopper_then_reads(producer_client, client, area):
    part = area["own"]["part"]
    refused = move(producer_client, part, "cancelled", "  ")
    assert refused.status_code == 400
    assert "the shopper reads it" in refused.content.decode() or "người mua" in refused.content.decode()
    part.refresh_from_db()
    assert part.status == Status.NEW
    assert move(producer_client, part, "cancelled", "Hết men lam, xin lỗi quý khách").status_code == 302
    part.refresh_from_db()
    assert part.status == Status.CANCELLED and part.cancel_reason == "Hết men lam, xin lỗi quý khách"
    area["own"]["product"].refresh_from_db()
    assert area["own"]["product"].stock_quantity == 10  # the stock came back
    # The shopper's order page, reached by the lookup with the code and phone.
    order = area["own"]["order"]
    shopper = client.__class__()
    page = shopper.post(reverse("orders:lookup"), {"code": order.code, "phone": "0986123456"}, follow=True)
    assert page.status_code == 200
    assert "Hết men lam, xin lỗi quý khách" in page.content.decode()


def test_new_orders_email_the_producers_accounts_and_call_the_hook(area, django_capture_on_commit_callbacks):
    area["own"]["producer"].email = "coso@example.com"
    area["own"]["producer"].save()
    seen = []

    def receiver(sender, part, **kwargs):
        seen.append(part.pk)

    producer_order_placed.connect(receiver)
    try:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            order = factories.OrderFactory(lines=[(area["own"]["product"], 1)])
    finally:
        producer_order_placed.disconnect(receiver)
    part = order.parts.get()
    assert seen == [part.pk]
    [to_producer] = [message for message in mail.outbox if order.code in message.subject]
    assert to_producer.to == ["coso@example.com", "ba.lan@example.com"]


def test_the_orders_list_is_newest_first_and_its_queries_bounded(producer_client, area, django_assert_max_num_queries):
    for _ in range(5):
        factories.OrderFactory(lines=[(area["own"]["product"], 1)])
    newest = ProducerOrder.objects.filter(producer=area["own"]["producer"]).latest("created_at", "pk")
    with django_assert_max_num_queries(8):
        response = producer_client.get(reverse("producer_area:orders"))
    page = response.content.decode()
    assert page.index(newest.order.code) < page.index(area["own"]["order"].code)


def test_the_area_speaks_english_under_en(producer_client, area, english_site):
    page = producer_client.get(reverse("producer_area:order", args=[area["own"]["part"].pk]))
    assert page.request["PATH_INFO"].startswith("/en/producer/")
    assert "Confirm the order" in page.content.decode()


def test_the_dashboard_queries_are_bounded(producer_client, area, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        assert producer_client.get(reverse("producer_area:dashboard")).status_code == 200


def new_order_email_to(producer, django_capture_on_commit_callbacks, **order_fields):
    mail.outbox.clear()
    product = producer.products.get()
    with django_capture_on_commit_callbacks(execute=True):
        order = factories.OrderFactory(lines=[(product, 1)], **order_fields)
    [to_producer] = [message for message in mail.outbox if f"{order.code} cho" in message.subject]
    return order.parts.get(), to_producer.body


def test_the_new_order_email_links_to_the_part_in_the_producer_area(area, django_capture_on_commit_callbacks):
    # A shopper on the English site: the producer still reads Vietnamese, link included.
    with translation.override("en"):
        part, body = new_order_email_to(
            area["own"]["producer"], django_capture_on_commit_callbacks, email="minh@example.com", language="en"
        )
    link = f"https://ocop.test/producer/orders/{part.pk}/"
    assert f"cập nhật trạng thái trong khu vực chủ thể của bạn:\n{link}\n" in body
    assert "trang quản trị" not in body


def test_the_new_order_email_has_no_link_without_an_active_account(area, django_capture_on_commit_callbacks):
    other = area["other"]["producer"]
    other.email = "giulam@example.com"
    other.save()
    part, body = new_order_email_to(other, django_capture_on_commit_callbacks)
    # No account at all: the officers update the status (a producer has no admin access).
    assert "/producer/" not in body and "trang quản trị" not in body and "cán bộ OCOP" in body
    area["user"].producer_account.is_active = False
    area["user"].producer_account.save()
    own = area["own"]["producer"]
    own.email = "coso@example.com"
    own.save()
    part, body = new_order_email_to(own, django_capture_on_commit_callbacks)
    assert "/producer/" not in body  # its only account is deactivated
