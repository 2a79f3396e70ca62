"""A producer sees and touches only their own records, by every path: another producer's
order part id, product slug or photo id in a URL or a form is a 404 and nothing is saved
(like the district scope, tests/villages/test_scoping.py)."""

import pytest
from django.urls import reverse

from catalogue import producer_scope
from catalogue.models import Product, ProductImage
from orders.models import PayeeAccount, ProducerOrder, Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_producer_of_is_the_linked_producer_and_none_for_everyone_else(area, officer, django_user_model):
    assert producer_scope.producer_of(area["user"]) == area["own"]["producer"]
    assert producer_scope.producer_of(officer) is None
    area["user"].producer_account.is_active = False
    area["user"].producer_account.save()
    fresh = django_user_model.objects.get(pk=area["user"].pk)
    assert producer_scope.producer_of(fresh) is None
    assert not producer_scope.products_of(fresh).exists()


def test_narrowed_querysets_hold_only_the_producers_rows(area):
    user = area["user"]
    assert list(producer_scope.products_of(user)) == [area["own"]["product"]]
    assert list(producer_scope.images_of(user)) == [area["own"]["photo"]]
    assert list(producer_scope.narrow(ProducerOrder.objects.all(), user)) == [area["own"]["part"]]


def test_lists_show_only_their_own_rows(producer_client, area):
    orders = producer_client.get(reverse("producer_area:orders")).content.decode()
    assert area["own"]["order"].code in orders and area["other"]["order"].code not in orders
    assert "Lê Thị Khác" not in orders
    products = producer_client.get(reverse("producer_area:products")).content.decode()
    assert area["own"]["product"].name in products and area["other"]["product"].name not in products


@pytest.mark.parametrize(
    "url",
    [
        lambda rows: reverse("producer_area:order", args=[rows["part"].pk]),
        lambda rows: reverse("producer_area:product", args=[rows["product"].slug]),
    ],
)
def test_another_producers_pages_are_not_found(producer_client, area, url):
    assert producer_client.get(url(area["other"])).status_code == 404
    assert producer_client.get(url(area["own"])).status_code == 200


def test_another_producers_part_cannot_be_moved(producer_client, area):
    part = area["other"]["part"]
    response = producer_client.post(reverse("producer_area:order_status", args=[part.pk]), {"status": "confirmed"})
    assert response.status_code == 404
    cancel = producer_client.post(
        reverse("producer_area:order_status", args=[part.pk]), {"status": "cancelled", "reason": "x"}
    )
    assert cancel.status_code == 404
    part.refresh_from_db()
    assert part.status == Status.NEW and part.cancel_reason == ""


def test_another_producers_product_cannot_be_edited_nor_given_photos(producer_client, area):
    product = area["other"]["product"]
    response = producer_client.post(
        reverse("producer_area:product", args=[product.slug]), {"price": 1, "stock_quantity": 0}
    )
    assert response.status_code == 404
    photo = producer_client.post(
        reverse("producer_area:photo_add", args=[product.slug]), {"image": factories.jpeg(), "alt_text_vi": "x"}
    )
    assert photo.status_code == 404
    product.refresh_from_db()
    assert (product.price, product.stock_quantity) == (350_000, 9)
    assert ProductImage.objects.filter(product=product).count() == 1


def test_another_producers_review_cannot_be_replied_to(producer_client, area):
    theirs = factories.review(area["other"]["product"], text="Lụa mềm, màu đẹp.")
    mine = factories.review(area["own"]["product"])
    listed = producer_client.get(reverse("producer_area:reviews")).content.decode()
    assert "Lụa mềm" not in listed
    response = producer_client.post(reverse("producer_area:review_reply", args=[theirs.pk]), {"reply": "Cảm ơn!"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.reply == "" and theirs.replied_at is None
    mine_reply = producer_client.post(reverse("producer_area:review_reply", args=[mine.pk]), {"reply": "Cảm ơn!"})
    assert mine_reply.status_code == 302


def test_another_producers_transfer_cannot_be_recorded(producer_client, area):
    PayeeAccount.objects.create(
        producer=area["other"]["producer"], bank_name="Agribank", account_number="1500205123456", account_name="GIA LAM"
    )
    order = factories.OrderFactory(lines=[(area["other"]["product"], 1)], payment="bank_transfer", phone="+84912000111")
    part = order.parts.get()
    assert producer_client.post(reverse("producer_area:order_transfer_received", args=[part.pk])).status_code == 404
    part.refresh_from_db()
    assert part.paid_at is None and part.paid_recorded_by is None


def test_another_producers_photo_cannot_be_removed(producer_client, area):
    photo = area["other"]["photo"]
    assert producer_client.post(reverse("producer_area:photo_delete", args=[photo.pk])).status_code == 404
    assert ProductImage.objects.filter(pk=photo.pk).exists()


def test_the_own_photo_is_removed(producer_client, area):
    photo = area["own"]["photo"]
    response = producer_client.post(reverse("producer_area:photo_delete", args=[photo.pk]))
    assert response.status_code == 302
    assert not ProductImage.objects.filter(pk=photo.pk).exists()


def test_officers_and_deactivated_accounts_see_nothing(client, area, officer):
    client.force_login(officer)
    assert client.get(reverse("producer_area:orders")).status_code == 403
    assert client.get(reverse("producer_area:order", args=[area["own"]["part"].pk])).status_code == 403
    account = area["user"].producer_account
    account.is_active = False
    account.save()
    client.force_login(area["user"])
    response = client.get(reverse("producer_area:products"))
    assert response.status_code == 403
    assert area["own"]["product"].name not in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, area):
    response = client.get(reverse("producer_area:orders"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("producer_area:login"))
    assert Product.objects.count() == 2
