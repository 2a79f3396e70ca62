"""Paying by VietQR (issue 15): the code on the confirmation and lookup page, its image
only for the shopper's session, the email's attachment, officers recording the transfer."""

import importlib
import io
import re

import pytest
import zxingcpp
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image

from orders import services, vietqr
from orders.models import Order, PayeeAccount, ProducerOrder, Status, payee_details_for
from tests import factories
from tests.shopping import add, checkout

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_site")]

QR_IMAGE = re.compile(r'<img src="(/en/order/[^"]+/vietqr/\d+\.png)"')


@pytest.fixture
def vase():
    producer = factories.ProducerFactory(name="Gốm Quang Vinh", email="quangvinh@example.vn")
    PayeeAccount.objects.create(
        producer=producer,
        bank_name="Vietcombank, chi nhánh Hà Nội",
        bank_bin="970436",
        account_number="0011 0044 55667",
        account_name="CONG TY GOM QUANG VINH",
    )
    return factories.PublishedProductFactory(
        name="Bình gốm men lam", producer=producer, price=350_000, stock_quantity=5
    )


@pytest.fixture
def scarf():
    """A second producer, paid through a payee without a BIN: details only, no code."""
    producer = factories.ProducerFactory(name="Lụa Vạn Phúc")
    PayeeAccount.objects.create(
        producer=producer, bank_name="Quỹ tín dụng Vạn Phúc", account_number="889900", account_name="LUA VAN PHUC"
    )
    return factories.PublishedProductFactory(name="Khăn lụa", producer=producer, price=450_000, stock_quantity=5)


def decode_png(content):
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(content)))
    assert len(results) == 1
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    return results[0].text


def place_bank_transfer(client, *products):
    for product in products:
        add(client, product, 2)
    response = checkout(client, payment="bank_transfer")
    assert response.status_code == 302
    return Order.objects.latest("pk"), response.url


def test_confirmation_shows_a_vietqr_code_that_decodes_to_the_part(client, vase):
    order, url = place_bank_transfer(client, vase)
    body = client.get(url).content.decode()
    assert "Scan with your banking app: amount and content are filled in." in body
    # The details in words stay beside the code.
    assert "0011 0044 55667" in body and "CONG TY GOM QUANG VINH" in body and "700,000\u00a0₫" in body
    assert f"OCOP {order.code}" in body

    [src] = QR_IMAGE.findall(body)
    image = client.get(src)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert "no-cache" in image["Cache-Control"] or "private" in image["Cache-Control"]
    text = decode_png(image.content)

    fields = vietqr.parse(text)  # checks the CRC
    assert fields["00"] == "01" and fields["01"] == "12"
    assert fields["38"] == {"00": "A000000727", "01": {"00": "970436", "01": "0011004455667"}, "02": "QRIBFTTA"}
    assert fields["53"] == "704" and fields["54"] == "700000" and fields["58"] == "VN"
    assert fields["62"] == {"08": f"OCOP {order.code}"}
    assert text[-4:] == f"{vietqr.crc16_ccitt_false(text[:-4].encode()):04X}"


def test_each_part_of_a_two_producer_order_has_its_own_description(client, vase, scarf):
    order, url = place_bank_transfer(client, vase, scarf)
    body = client.get(url).content.decode()
    parts = {part.producer.name: part for part in Order.objects.for_detail().get().parts.all()}
    # Two parts, so the descriptions are numbered in the page's order (by producer name).
    assert parts["Gốm Quang Vinh"].transfer_reference == f"OCOP {order.code} 1"
    assert parts["Lụa Vạn Phúc"].transfer_reference == f"OCOP {order.code} 2"
    assert f"OCOP {order.code} 1" in body and f"OCOP {order.code} 2" in body
    # Only the payee with a known bank gets a code; the other keeps its details.
    [src] = QR_IMAGE.findall(body)
    assert vietqr.parse(decode_png(client.get(src).content))["62"]["08"] == f"OCOP {order.code} 1"
    assert "889900" in body and "Quỹ tín dụng Vạn Phúc" in body
    no_code = reverse("orders:vietqr_png", kwargs={"code": order.code, "part_id": parts["Lụa Vạn Phúc"].pk})
    assert client.get(no_code).status_code == 404


def test_the_qr_image_is_refused_to_other_sessions_and_other_orders(client, vase):
    order, url = place_bank_transfer(client, vase)
    [src] = QR_IMAGE.findall(client.get(url).content.decode())
    # Another browser, with the right URL: as if it did not exist, no redirect to a form.
    assert Client().get(src).status_code == 404

    # Another order, placed by someone else: its id with our code, or its code, gives nothing.
    stranger = Client()
    other = factories.OrderFactory(lines=[(vase, 1)], payment="bank_transfer", phone="+84912000111")
    other_part = other.parts.get()
    mine = reverse("orders:vietqr_png", kwargs={"code": order.code, "part_id": other_part.pk})
    theirs = reverse("orders:vietqr_png", kwargs={"code": other.code, "part_id": other_part.pk})
    assert client.get(mine).status_code == 404
    assert client.get(theirs).status_code == 404
    assert stranger.get(theirs).status_code == 404
    assert client.get(reverse("orders:vietqr_png", kwargs={"code": "ZZZZZZZZ", "part_id": 1})).status_code == 404


def test_the_lookup_page_shows_the_code_after_code_and_phone(vase):
    order = factories.OrderFactory(lines=[(vase, 1)], payment="bank_transfer")
    client = Client()
    response = client.post(reverse("orders:lookup"), {"code": order.code, "phone": "0986 123 456"})
    body = client.get(response.url).content.decode()
    [src] = QR_IMAGE.findall(body)
    assert vietqr.parse(decode_png(client.get(src).content))["54"] == "350000"


def test_cash_orders_and_payees_without_a_bin_get_no_code(client, vase, scarf):
    add(client, vase)
    url = checkout(client).url  # cash
    body = client.get(url).content.decode()
    assert "vietqr" not in body and "Scan with your banking app" not in body
    order = factories.OrderFactory(lines=[(scarf, 1)], payment="bank_transfer")
    assert order.parts.get().vietqr_payload() is None


def test_the_shopper_email_carries_the_code_as_an_attachment(client, vase, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order, _url = place_bank_transfer(client, vase)
    to_shopper = next(message for message in mail.outbox if message.to == ["lan@example.vn"])
    [(name, content, mimetype)] = to_shopper.attachments
    assert name == f"vietqr-ocop-{order.code.lower()}.png" and mimetype == "image/png"
    assert vietqr.parse(decode_png(content))["62"]["08"] == f"OCOP {order.code}"
    assert f"VietQR code attached ({name})" in to_shopper.body
    to_producer = next(message for message in mail.outbox if message.to == ["quangvinh@example.vn"])
    assert f"OCOP {order.code}" in to_producer.body and not to_producer.attachments


def test_the_settings_payee_gives_a_code_only_with_a_known_bin(settings):
    producer = factories.ProducerFactory()
    payee = {"bank_name": "Agribank", "account_number": "1500201234567", "account_name": "TRUNG TAM OCOP HA NOI"}
    settings.ORDERS_BANK_TRANSFER_PAYEE = {**payee, "bank_bin": "970405"}
    assert payee_details_for(producer)["bank_bin"] == "970405"
    settings.ORDERS_BANK_TRANSFER_PAYEE = {**payee, "bank_bin": "123456"}  # no such bank
    assert payee_details_for(producer)["bank_bin"] == ""
    settings.ORDERS_BANK_TRANSFER_PAYEE = payee
    assert payee_details_for(producer)["bank_bin"] == ""


def test_a_payee_with_a_bin_needs_an_account_number_a_code_can_carry(vase):
    account = PayeeAccount.objects.get(producer=vase.producer)
    account.account_number = "0011/0044/55667"
    with pytest.raises(ValidationError) as refused:
        account.full_clean()
    assert "account_number" in refused.value.message_dict
    account.bank_bin = ""
    account.full_clean()  # without a BIN there is no code to carry it


def test_confirmation_page_query_count_is_bounded(client, vase, scarf, django_assert_max_num_queries):
    order, url = place_bank_transfer(client, vase, scarf)
    with django_assert_max_num_queries(10):
        body = client.get(url).content.decode()
    [src] = QR_IMAGE.findall(body)
    with django_assert_max_num_queries(6):
        assert client.get(src).status_code == 200


# --- the transfer received ---------------------------------------------------------------------


def part_url(part):
    return reverse("admin:orders_producerorder_change", args=[part.pk])


def test_officer_marks_the_transfer_received_and_the_shopper_sees_it(client, settings, vase):
    order, url = place_bank_transfer(client, vase)
    part = order.parts.get()
    officer = factories.OfficerFactory(username="officer.qv", districts=[vase.producer.district.slug])
    admin = Client()
    admin.force_login(officer)
    admin.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = admin.get(part_url(part)).content.decode()
    assert 'name="_transfer_received"' in page and f"OCOP {order.code}" in page

    response = admin.post(part_url(part), {"_transfer_received": "1"}, follow=True)
    assert "Transfer received for" in response.content.decode()
    part.refresh_from_db()
    assert part.paid_at is not None and part.paid_recorded_by == officer
    assert 'name="_transfer_received"' not in admin.get(part_url(part)).content.decode()

    body = client.get(url).content.decode()
    assert "Payment received on" in body
    # Paid: no code to pay twice with, and the image is gone too.
    assert not QR_IMAGE.findall(body) and "Pay by bank transfer to" not in body
    src = reverse("orders:vietqr_png", kwargs={"code": order.code, "part_id": part.pk})
    assert client.get(src).status_code == 404

    # A second click records nothing new.
    first = part.paid_at
    response = admin.post(part_url(part), {"_transfer_received": "1"}, follow=True)
    assert "already recorded" in response.content.decode()
    part.refresh_from_db()
    assert part.paid_at == first


def test_another_districts_officer_cannot_mark_the_transfer(client, vase):
    order, _url = place_bank_transfer(client, vase)
    part = order.parts.get()
    other = "gia-lam" if vase.producer.district.slug != "gia-lam" else "phu-xuyen"
    admin = Client()
    admin.force_login(factories.OfficerFactory(username="officer.other", districts=[other]))
    response = admin.post(part_url(part), {"_transfer_received": "1"})
    assert response.status_code in (302, 403, 404)
    assert ProducerOrder.objects.get(pk=part.pk).paid_at is None
    # Nor through the list action: their list does not hold the part.
    admin.post(
        reverse("admin:orders_producerorder_changelist"),
        {"action": "mark_transfer_received", "_selected_action": [part.pk]},
    )
    assert ProducerOrder.objects.get(pk=part.pk).paid_at is None


def test_the_list_action_records_transfers_and_refuses_cash_parts(admin_client, settings, vase, client):
    transfer, _url = place_bank_transfer(client, vase)
    cash = factories.OrderFactory(lines=[(vase, 1)])
    parts = [transfer.parts.get(), cash.parts.get()]
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = admin_client.post(
        reverse("admin:orders_producerorder_changelist"),
        {"action": "mark_transfer_received", "_selected_action": [part.pk for part in parts]},
        follow=True,
    )
    body = response.content.decode()
    assert "Transfer received recorded for 1 part." in body
    assert "is not paid by bank transfer" in body
    assert ProducerOrder.objects.get(pk=parts[0].pk).paid_at is not None
    assert ProducerOrder.objects.get(pk=parts[1].pk).paid_at is None
    awaited = admin_client.get(reverse("admin:orders_producerorder_changelist") + "?transfer=received")
    assert transfer.code in awaited.content.decode() and cash.code not in awaited.content.decode()


def test_the_list_says_awaited_only_for_transfers_still_due_and_shows_the_total(admin_client, settings, vase, client):
    """The list's row agrees with its "awaited" filter: a cancelled part's money is not
    awaited. The amount shown is what the VietQR code asked for, delivery fee included."""
    awaited, _url = place_bank_transfer(client, vase)
    cancelled, _url = place_bank_transfer(client, vase)
    for order in (awaited, cancelled):
        order.parts.update(delivery_fee=30_000)
    services.change_status(part=cancelled.parts.get(), status=Status.CANCELLED, reason="Hết hàng")
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = admin_client.get(reverse("admin:orders_producerorder_changelist")).content.decode()
    rows = {
        code: row
        for row in re.findall(r"<tr.*?</tr>", page, re.S)
        for code in (awaited.code, cancelled.code)
        if code in row
    }
    assert "awaited" in rows[awaited.code] and "awaited" not in rows[cancelled.code]
    total = awaited.parts.get().total
    assert total == awaited.parts.get().subtotal + 30_000
    assert f"{total:,}\u00a0₫" in rows[awaited.code]


def test_a_view_only_user_cannot_mark_the_transfer(client, vase):
    order, _url = place_bank_transfer(client, vase)
    part = order.parts.get()
    viewer = get_user_model().objects.create_user("viewer", password="pw-viewer-123", is_staff=True)
    viewer.user_permissions.set(
        Permission.objects.filter(codename__in=["view_producerorder", "view_order", "manage_all_districts"])
    )
    admin = Client()
    admin.force_login(viewer)
    assert 'name="_transfer_received"' not in admin.get(part_url(part)).content.decode()
    assert admin.post(part_url(part), {"_transfer_received": "1"}).status_code == 403
    assert ProducerOrder.objects.get(pk=part.pk).paid_at is None


def test_services_refuse_a_cancelled_then_paid_cash_part():
    part = factories.OrderFactory(lines=[(factories.PublishedProductFactory(), 1)]).parts.get()
    services.change_status(part=part, status=Status.CANCELLED)
    with pytest.raises(services.StatusChangeRefused):
        services.record_transfer_received(part=part, user=None)


def test_the_code_is_explained_in_vietnamese(vase):
    client = Client()
    with translation.override("vi"):
        add(client, vase)
        url = checkout(client, payment="bank_transfer").url
        body = client.get(url).content.decode()
    assert "Quét bằng ứng dụng ngân hàng: số tiền và nội dung được điền sẵn." in body
    assert "Lưu ảnh mã QR" in body
    # A banking app's word for the amount to send ("Thành tiền" is a line's total).
    assert "<dt>Số tiền</dt>" in body


def test_the_data_migration_fills_bins_from_typed_bank_names():
    """Migration 0002's function on today's models (cheaper than migrating back and forth)."""
    from django.apps import apps

    fill_bank_bins = importlib.import_module("orders.migrations.0002_vietqr_bank_bin").fill_bank_bins
    typed = {
        "Ngân hàng Nông nghiệp và PTNT, CN Gia Lâm": "970405",  # by its first words
        "AGRIBANK - chi nhánh Gia Lâm": "970405",
        "Vietinbank Hà Đông": "970415",
        "Quỹ tín dụng nhân dân Phú Xuyên": "",
    }
    accounts = {
        name: PayeeAccount.objects.create(
            producer=factories.ProducerFactory(), bank_name=name, account_number="123456789", account_name="X"
        )
        for name in typed
    }
    fill_bank_bins(apps, None)
    assert {name: PayeeAccount.objects.get(pk=a.pk).bank_bin for name, a in accounts.items()} == typed


def test_the_code_asks_for_the_part_with_its_delivery_fee(client, vase):
    from orders.models import DeliveryRule

    DeliveryRule.objects.create(producer=vase.producer, fee=30_000)
    order, url = place_bank_transfer(client, vase)
    part = order.parts.get()
    assert (part.subtotal, part.delivery_fee) == (700_000, 30_000)
    body = client.get(url).content.decode()
    assert "730,000\u00a0₫" in body
    [src] = QR_IMAGE.findall(body)
    fields = vietqr.parse(decode_png(client.get(src).content))
    assert fields["54"] == "730000"


def test_the_officer_checks_for_the_amount_the_shopper_was_asked_to_pay(admin_client, settings, client, vase):
    """The code asks for the part with its delivery fee: the admin told the officer to look
    for the subtotal, 30,000 ₫ less than what arrives."""
    from orders.models import DeliveryRule

    DeliveryRule.objects.create(producer=vase.producer, fee=30_000)
    order, _url = place_bank_transfer(client, vase)
    part = order.parts.get()
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = admin_client.get(part_url(part)).content.decode()
    transfer_box = page.split('name="_transfer_received"')[0].rsplit("<fieldset", 1)[1]
    assert "730,000\u00a0₫" in transfer_box and "700,000" not in transfer_box


def test_a_transfer_marked_by_mistake_is_undone_and_the_shopper_is_asked_to_pay_again(
    admin_client, settings, client, vase
):
    order, url = place_bank_transfer(client, vase)
    part = order.parts.get()
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    admin_client.post(part_url(part), {"_transfer_received": "1"})
    assert 'name="_transfer_not_received"' in admin_client.get(part_url(part)).content.decode()

    response = admin_client.post(part_url(part), {"_transfer_not_received": "1"}, follow=True)
    assert "no longer recorded as received" in response.content.decode()
    part.refresh_from_db()
    assert part.paid_at is None and part.paid_recorded_by is None
    body = client.get(url).content.decode()
    assert "Payment received on" not in body and QR_IMAGE.findall(body)

    # Undoing twice changes nothing and says so.
    response = admin_client.post(part_url(part), {"_transfer_not_received": "1"}, follow=True)
    assert "not recorded as received" in response.content.decode()


def test_another_districts_officer_cannot_undo_a_transfer(client, vase):
    order, _url = place_bank_transfer(client, vase)
    part = order.parts.get()
    services.record_transfer_received(part=part, user=None)
    other = "gia-lam" if vase.producer.district.slug != "gia-lam" else "phu-xuyen"
    admin = Client()
    admin.force_login(factories.OfficerFactory(username="officer.other", districts=[other]))
    response = admin.post(part_url(part), {"_transfer_not_received": "1"})
    assert response.status_code in (302, 403, 404)
    assert ProducerOrder.objects.get(pk=part.pk).paid_at is not None
