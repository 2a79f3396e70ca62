"""A producer records that their part's bank transfer arrived (orders.services.
record_transfer_received()); the shopper's order page says so."""

import pytest
from django.test import Client

from orders.models import PayeeAccount, Status
from tests import factories
from tests.language import en_reverse, vi_reverse

pytestmark = pytest.mark.django_db


def pays_by_transfer(producer):
    PayeeAccount.objects.create(
        producer=producer,
        bank_name="Vietcombank",
        bank_bin="970436",
        account_number="0011004455667",
        account_name="CO SO PHU XUYEN",
    )


@pytest.fixture
def transfer_part(area):
    """A bank-transfer part of the own producer, not paid yet."""
    pays_by_transfer(area["own"]["producer"])
    order = factories.OrderFactory(lines=[(area["own"]["product"], 1)], payment="bank_transfer")
    return order.parts.get()


def transfer_received(client, part, language="vi"):
    to = en_reverse if language == "en" else vi_reverse
    return client.post(to("producer_area:order_transfer_received", args=[part.pk]))


def test_the_producer_records_the_transfer_and_the_shopper_sees_it(producer_client, transfer_part, area):
    url = vi_reverse("producer_area:order", args=[transfer_part.pk])
    button = f'action="{vi_reverse("producer_area:order_transfer_received", args=[transfer_part.pk])}"'
    page = producer_client.get(url).content.decode()
    assert button in page and f"OCOP {transfer_part.order.code}" in page
    response = transfer_received(producer_client, transfer_part)
    assert response.status_code == 302 and response["Location"] == url
    transfer_part.refresh_from_db()
    assert transfer_part.paid_at is not None and transfer_part.paid_recorded_by == area["user"]
    page = producer_client.get(url).content.decode()
    assert "Đã nhận thanh toán lúc" in page and button not in page
    assert "Đã ghi nhận chuyển khoản cho đơn hàng" in page  # the success message
    shopper = Client()
    order = transfer_part.order
    shopper.post(vi_reverse("orders:lookup"), {"code": order.code, "phone": "0986123456"})
    assert (
        "Đã nhận thanh toán lúc" in shopper.get(vi_reverse("orders:order_detail", args=[order.code])).content.decode()
    )


def test_the_transfer_box_says_how_much_to_expect(producer_client, transfer_part):
    """The producer checks their bank app for the amount the shopper's VietQR code asked
    for: the part with its delivery fee, not the subtotal."""
    type(transfer_part).objects.filter(pk=transfer_part.pk).update(delivery_fee=30_000)
    transfer_part.refresh_from_db()
    page = producer_client.get(vi_reverse("producer_area:order", args=[transfer_part.pk])).content.decode()
    box = page[page.index('id="transfer"') :]
    amount = f"{transfer_part.total:,}".replace(",", ".")
    assert f'Số tiền: <strong>{amount}\u00a0₫</strong> <span class="muted">(đã gồm phí giao hàng)</span>' in box
    assert transfer_part.total == transfer_part.subtotal + 30_000


def test_the_orders_list_badges_transfers_awaited(producer_client, transfer_part, area):
    def badges():
        return producer_client.get(vi_reverse("producer_area:orders")).content.decode().count("chờ chuyển khoản")

    assert badges() == 1  # the transfer part; the area's cash order has none
    transfer_received(producer_client, transfer_part)
    assert badges() == 0


def test_a_cash_part_gets_no_button_and_a_forged_post_is_a_409(producer_client, area):
    part = area["own"]["part"]  # cash on delivery
    page = producer_client.get(vi_reverse("producer_area:order", args=[part.pk])).content.decode()
    assert "transfer-received" not in page
    for language, message in (("vi", "không thanh toán bằng chuyển khoản"), ("en", "is not paid by bank transfer")):
        response = transfer_received(producer_client, part, language)
        assert response.status_code == 409
        assert message in response.content.decode()
    part.refresh_from_db()
    assert part.paid_at is None


@pytest.mark.parametrize(
    ("language", "message"),
    [("vi", "đã được ghi nhận rồi"), ("en", "is already recorded")],
)
def test_a_transfer_recorded_already_is_a_409_and_keeps_its_time(producer_client, transfer_part, language, message):
    assert transfer_received(producer_client, transfer_part).status_code == 302
    transfer_part.refresh_from_db()
    first = transfer_part.paid_at
    response = transfer_received(producer_client, transfer_part, language)
    assert response.status_code == 409
    assert message in response.content.decode()
    transfer_part.refresh_from_db()
    assert transfer_part.paid_at == first


def test_a_cancelled_part_has_no_transfer_to_record(producer_client, transfer_part):
    producer_client.post(
        vi_reverse("producer_area:order_status", args=[transfer_part.pk]), {"status": "cancelled", "reason": "Hết hàng"}
    )
    transfer_part.refresh_from_db()
    assert transfer_part.status == Status.CANCELLED
    page = producer_client.get(vi_reverse("producer_area:order", args=[transfer_part.pk])).content.decode()
    assert "transfer-received" not in page
    response = transfer_received(producer_client, transfer_part, "en")
    assert response.status_code == 409
    assert "This order is cancelled" in response.content.decode()
    transfer_part.refresh_from_db()
    assert transfer_part.paid_at is None


def test_the_order_page_queries_are_bounded(producer_client, transfer_part, django_assert_max_num_queries):
    url = vi_reverse("producer_area:order", args=[transfer_part.pk])
    producer_client.get(url)
    with django_assert_max_num_queries(8):
        assert producer_client.get(url).status_code == 200
