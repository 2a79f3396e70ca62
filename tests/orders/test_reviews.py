"""Reviews from real buyers (issue 15): written from the order page for a completed part,
once per product per order; moderated by the product's district officers; shown (published
only) as figures on cards, a list on the product page and in its JSON-LD."""

import json
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from catalogue.models import Product
from orders import reviews
from orders.models import Review, ReviewStatus, signature_from_name
from tests import factories

pytestmark = [pytest.mark.django_db]

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def vase():
    return factories.PublishedProductFactory(name="Bình gốm men lam", price=350_000, stock_quantity=50)


def open_order(client, order):
    """Open the order in this client's session, as the lookup by code and phone does."""
    response = client.post(reverse("orders:lookup"), {"code": order.code, "phone": "0986123456"})
    assert response.status_code == 302
    return response


def review_url(order, product, part=None):
    part = part or order.parts.get(producer=product.producer_id)
    return reverse("orders:review_create", args=[order.code, part.pk, product.pk])


def review_data(order, product, part=None, **fields):
    part = part or order.parts.get(producer=product.producer_id)
    prefix = f"review-{part.pk}-{product.pk}"
    data = {"stars": "5", "text": "Men đẹp, gói rất kỹ.", "display_name": "Lan", **fields}
    return {f"{prefix}-{key}": value for key, value in data.items()}


def product_ld(client, product):
    body = client.get(product.get_absolute_url()).content.decode()
    for block in LD_JSON.findall(body):
        data = json.loads(block)
        if data.get("@type") == "Product":
            return data
    raise AssertionError("no Product JSON-LD")


# --- the signature ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, first", [("Nguyễn Thị Lan", "Lan"), ("  Trần   Văn Minh ", "Minh"), ("Hoa", "Hoa"), ("", "")]
)
def test_a_review_is_signed_with_the_last_word_of_a_vietnamese_name(name, first):
    assert signature_from_name(name) == first


# --- writing a review --------------------------------------------------------------------------


def test_a_completed_part_offers_a_review_form_signed_with_the_first_name(client, vase):
    order = factories.completed_order(vase, name="Nguyễn Thị Lan")
    open_order(client, order)
    page = client.get(order.get_absolute_url()).content.decode()
    assert review_url(order, vase) in page
    assert 'value="Lan"' in page  # the signature, which the shopper may change


def test_a_part_not_completed_offers_no_form(client, vase):
    order = factories.OrderFactory(lines=[(vase, 1)])
    open_order(client, order)
    assert review_url(order, vase) not in client.get(order.get_absolute_url()).content.decode()


def test_a_buyer_writes_a_review_which_waits_for_moderation(client, vase, english_site):
    order = factories.completed_order(vase)
    open_order(client, order)
    response = client.post(review_url(order, vase), review_data(order, vase, display_name="Lan Anh"), follow=True)
    assert response.status_code == 200
    assert "Your review will appear once it has been checked." in response.content.decode()
    review = Review.objects.get()
    assert (review.stars, review.display_name, review.status) == (5, "Lan Anh", ReviewStatus.PENDING)
    assert review.part.order == order and review.product == vase
    # Pending: nothing shows yet.
    assert Product.objects.get(pk=vase.pk).review_count == 0
    assert "Men đẹp" not in client.get(vase.get_absolute_url()).content.decode()


def test_a_review_with_a_photo_keeps_a_cleaned_image(client, vase):
    order = factories.completed_order(vase)
    open_order(client, order)
    data = review_data(order, vase)
    data[f"review-{order.parts.get().pk}-{vase.pk}-photo"] = factories.jpeg()
    assert client.post(review_url(order, vase), data).status_code == 302
    # Under a random name: no product folder, no buyer's file name (tests/orders/test_review_photos.py).
    assert re.fullmatch(r"reviews/[0-9a-f]{32}\.jpg", Review.objects.get().photo.name)


# --- refusals: a message, a 4xx, nothing saved -------------------------------------------------


def test_a_part_not_completed_is_refused(client, vase, english_site):
    order = factories.OrderFactory(lines=[(vase, 1)])
    open_order(client, order)
    response = client.post(review_url(order, vase), review_data(order, vase))
    assert response.status_code == 403
    assert "once this part of your order is completed" in response.content.decode()
    assert not Review.objects.exists()


def test_an_order_not_in_the_session_is_refused(client, vase, english_site):
    order = factories.completed_order(vase)
    response = client.post(review_url(order, vase), review_data(order, vase))
    assert response.status_code == 403
    assert "Open your order with its code and phone number first" in response.content.decode()
    assert not Review.objects.exists()


def test_another_orders_part_is_refused(client, vase, english_site):
    mine, theirs = factories.completed_order(vase), factories.completed_order(vase, phone="+84912000111")
    open_order(client, mine)
    their_part = theirs.parts.get()
    url = reverse("orders:review_create", args=[mine.code, their_part.pk, vase.pk])
    response = client.post(url, review_data(mine, vase, part=their_part))
    assert response.status_code == 404
    assert "This order has no such part." in response.content.decode()
    assert not Review.objects.exists()


def test_a_product_not_in_the_part_is_refused(client, vase, english_site):
    other = factories.PublishedProductFactory(name="Khăn lụa", producer=vase.producer, stock_quantity=5)
    order = factories.completed_order(vase)
    open_order(client, order)
    part = order.parts.get()
    url = reverse("orders:review_create", args=[order.code, part.pk, other.pk])
    response = client.post(url, review_data(order, other, part=part))
    assert response.status_code == 404
    assert "This product is not part of this order." in response.content.decode()
    assert not Review.objects.exists()


def test_a_second_review_of_the_same_product_and_order_is_refused(client, vase, english_site):
    order = factories.completed_order(vase)
    open_order(client, order)
    assert client.post(review_url(order, vase), review_data(order, vase)).status_code == 302
    response = client.post(review_url(order, vase), review_data(order, vase, stars="1", text="Lần hai"))
    assert response.status_code == 409
    assert "You have already reviewed this product for this order." in response.content.decode()
    assert Review.objects.get().stars == 5
    # The page says so instead of offering the form again.
    page = client.get(order.get_absolute_url()).content.decode()
    assert review_url(order, vase) not in page


def test_the_same_product_in_another_order_may_be_reviewed_again(vase):
    factories.review(vase, stars=4)
    factories.review(vase, stars=2)
    assert Product.objects.get(pk=vase.pk).review_count == 2


@pytest.mark.parametrize("stars", ["0", "6", "", "năm"])
def test_stars_outside_1_to_5_are_refused(client, vase, english_site, stars):
    order = factories.completed_order(vase)
    open_order(client, order)
    response = client.post(review_url(order, vase), review_data(order, vase, stars=stars))
    assert response.status_code == 400
    assert "Give 1 to 5 stars." in response.content.decode()
    assert not Review.objects.exists()


def test_the_database_refuses_stars_outside_1_to_5_and_a_second_review(vase):
    written = factories.review(vase, status="pending")
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.filter(pk=written.pk).update(stars=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(part=written.part, product=vase, stars=3, text="x", display_name="Minh")
    with pytest.raises(reviews.ReviewRefused) as refused:
        reviews.write_review(part=written.part, product_id=vase.pk, stars=0, text="x", display_name="Minh")
    assert refused.value.status == 400


def test_a_photo_that_is_not_an_image_is_refused(client, vase, english_site):
    order = factories.completed_order(vase)
    open_order(client, order)
    data = review_data(order, vase)
    data[f"review-{order.parts.get().pk}-{vase.pk}-photo"] = SimpleUploadedFile(
        "anh.jpg", b"<?php echo 'not a photo'; ?>", content_type="image/jpeg"
    )
    response = client.post(review_url(order, vase), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Upload a valid image" in body or "not an image we can read" in body
    assert not Review.objects.exists()


def test_refusals_are_worded_in_vietnamese_on_the_vietnamese_site(client, vase):
    order = factories.OrderFactory(lines=[(vase, 1)])
    open_order(client, order)
    response = client.post(review_url(order, vase), review_data(order, vase))
    assert response.status_code == 403
    assert "khi phần đơn hàng này đã hoàn tất" in response.content.decode()


def test_reviews_are_rate_limited(client, vase, settings, english_site):
    settings.ORDERS_REVIEW_RATE = "2/m"
    order = factories.completed_order(vase)
    open_order(client, order)
    for _ in range(2):
        client.post(review_url(order, vase), review_data(order, vase, stars="9"))
    response = client.post(review_url(order, vase), review_data(order, vase))
    assert response.status_code == 429
    assert not Review.objects.exists()


# --- the producer's reply: once ----------------------------------------------------------------


def test_a_reply_is_given_once(vase):
    review = factories.review(vase)
    reviews.reply(review=review, text="Cảm ơn chị đã ủng hộ!")
    with pytest.raises(reviews.ReviewRefused) as refused:
        reviews.reply(review=review, text="Sửa lại câu trả lời")
    assert refused.value.status == 409
    stored = Review.objects.get(pk=review.pk)
    assert stored.reply == "Cảm ơn chị đã ủng hộ!" and stored.replied_at is not None
    # The model says so too (admin forms, scripts): a stored reply cannot be changed.
    stored.reply = "Khác"
    with pytest.raises(ValidationError) as invalid:
        stored.full_clean()
    assert "reply" in invalid.value.message_dict


# --- showing: figures on cards, the list and JSON-LD on the product page -----------------------


def test_a_published_review_changes_the_card_and_the_json_ld(client, vase, english_site):
    factories.review(vase, stars=5)
    factories.review(vase, stars=4, text="Hơi nhỏ so với ảnh.")
    product = Product.objects.get(pk=vase.pk)
    assert (product.review_count, str(product.review_average)) == (2, "4.50")
    listing = client.get(reverse("catalogue:product_list")).content.decode()
    assert "4.5/5 from 2 buyer reviews" in listing
    data = product_ld(client, vase)
    assert data["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 4.5,
        "reviewCount": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert [item["reviewRating"]["ratingValue"] for item in data["review"]] == [4, 5]  # newest first
    page = client.get(vase.get_absolute_url()).content.decode()
    assert "Hơi nhỏ so với ảnh." in page and "Verified purchase" in page


def test_a_hidden_or_pending_review_changes_nothing(client, vase, english_site):
    factories.review(vase, stars=1, text="Lừa đảo, vào web khác mua", status="hidden")
    factories.review(vase, stars=2, text="Đang chờ", status="pending")
    assert Product.objects.get(pk=vase.pk).review_count == 0
    assert "buyer review" not in client.get(reverse("catalogue:product_list")).content.decode()
    assert "aggregateRating" not in product_ld(client, vase)
    page = client.get(vase.get_absolute_url()).content.decode()
    assert "Lừa đảo" not in page and "Đang chờ" not in page


def test_hiding_a_published_review_takes_it_out_of_the_figures_and_the_cached_pages(client, vase, english_site):
    first = factories.review(vase, stars=5)
    factories.review(vase, stars=3)
    # Both pages cached for a visitor without a session.
    assert "4.0/5 from 2 buyer reviews" in client.get(reverse("catalogue:product_list")).content.decode()
    client.get(vase.get_absolute_url())
    reviews.moderate(review=first, status=ReviewStatus.HIDDEN, user=None, reason="Tiết lộ số điện thoại")
    assert "3.0/5 from 1 buyer review" in client.get(reverse("catalogue:product_list")).content.decode()
    assert product_ld(client, vase)["aggregateRating"]["reviewCount"] == 1


def test_a_review_is_marked_with_the_language_it_was_written_in(client, vase):
    """An English buyer's words on the Vietnamese page (and the reverse) carry their own
    `lang`, so screen readers pronounce them right and browsers offer to translate them."""
    order = factories.completed_order(vase)
    open_order(client, order)
    english_url = "/en" + review_url(order, vase)
    data = review_data(order, vase, text="Lovely glaze, very well packed.")
    assert client.post(english_url, data).status_code == 302
    written = Review.objects.get()
    assert written.language == "en"
    reviews.moderate(review=written, status=ReviewStatus.PUBLISHED, user=None)
    with translation.override("vi"):
        vietnamese_page = client.get(vase.get_absolute_url()).content.decode()
    assert '<html lang="vi">' in vietnamese_page
    assert '<p lang="en">Lovely glaze, very well packed.</p>' in vietnamese_page
    review_ld = product_ld(client, vase)["review"][0]
    assert review_ld["inLanguage"] == "en"
    # Written on the Vietnamese site: Vietnamese, also on the English page.
    with translation.override("vi"):
        other = factories.review(factories.PublishedProductFactory(name="Khăn lụa"), text="Lụa mềm, màu đẹp.")
    assert other.language == "vi"
    with translation.override("en"):
        english_page = client.get(other.product.get_absolute_url()).content.decode()
    assert '<p lang="vi">Lụa mềm, màu đẹp.</p>' in english_page


def test_the_data_migration_gives_earlier_reviews_their_orders_language(vase):
    """Migration 0008's function on today's models: a review written before it took the
    default, Vietnamese; the order's language is what its page was in."""
    import importlib

    from django.apps import apps

    from_the_order = importlib.import_module("orders.migrations.0008_review_language").from_the_order
    english_order = factories.completed_order(vase)
    english_order.__class__.objects.filter(pk=english_order.pk).update(language="en")
    english = factories.review(vase, order=english_order)
    vietnamese = factories.review(vase)
    Review.objects.update(language="vi")

    from_the_order(apps, None)

    assert Review.objects.get(pk=english.pk).language == "en"
    assert Review.objects.get(pk=vietnamese.pk).language == "vi"


def test_the_reply_shows_under_its_review(client, vase, english_site):
    review = factories.review(vase)
    client.get(vase.get_absolute_url())  # cached
    reviews.reply(review=review, text="Cảm ơn chị đã ủng hộ làng gốm!")
    page = client.get(vase.get_absolute_url()).content.decode()
    assert "The producer replies:" in page and "Cảm ơn chị đã ủng hộ làng gốm!" in page


def test_the_product_page_shows_ten_reviews_and_links_to_the_rest(client, vase, english_site):
    for n in range(12):
        factories.review(vase, stars=4, text=f"Nhận xét số {n}")
    page = client.get(vase.get_absolute_url()).content.decode()
    assert page.count('class="card review"') == 10
    assert "Nhận xét số 11" in page and "Nhận xét số 1<" not in page
    more = reverse("orders:product_reviews", args=[vase.slug])
    assert more in page and "All 12 reviews" in page
    second = client.get(more, {"page": 2}).content.decode()
    assert second.count('class="card review"') == 2 and "Nhận xét số 0" in second


def count_queries(client, url):
    cache.clear()  # cold: the same cached lookups run each time
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_reviews_add_no_query_per_card_or_per_review(client, vase, django_assert_max_num_queries):
    others = [factories.PublishedProductFactory(name=f"Bình {n}", stock_quantity=20) for n in range(3)]
    factories.review(vase)
    list_url, page_url = reverse("catalogue:product_list"), vase.get_absolute_url()
    list_few, page_few = count_queries(client, list_url), count_queries(client, page_url)
    for product in [vase, *others]:
        for stars in (5, 4, 3):
            factories.review(product, stars=stars)
    assert count_queries(client, list_url) == list_few
    assert count_queries(client, page_url) == page_few
    cache.clear()
    with django_assert_max_num_queries(page_few):
        client.get(page_url)


# --- moderation in the admin, scoped to the officer's districts --------------------------------


def admin_url(review):
    return reverse("admin:orders_review_change", args=[review.pk])


def test_an_officer_publishes_and_hides_their_districts_reviews(officer_client, world, settings):
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    own = factories.review(world["own"]["product"], status="pending")
    changelist = reverse("admin:orders_review_changelist")
    # The list shows what the buyer wrote: a batch is published without opening each one.
    listing = officer_client.get(changelist, {"status__exact": "pending"}).content.decode()
    assert own.text[:40] in listing
    # Whose product: several producers of a village sell a "Bình gốm men lam".
    assert f'<td class="field-producer">{world["own"]["producer"].name}</td>' in listing
    response = officer_client.post(
        changelist, {"action": "publish_selected", "_selected_action": [own.pk]}, follow=True
    )
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.status == ReviewStatus.PUBLISHED and own.moderated_by is not None
    assert Product.objects.get(pk=own.product_id).review_count == 1

    # Hiding needs a reason.
    form = {"status": "hidden", "moderation_reason": "", "reply": ""}
    response = officer_client.post(admin_url(own), form)
    assert response.status_code == 200 and "Say why the review is hidden." in response.content.decode()
    assert Review.objects.get(pk=own.pk).status == ReviewStatus.PUBLISHED
    form["moderation_reason"] = "Nêu tên người khác"
    assert officer_client.post(admin_url(own), form).status_code == 302
    own.refresh_from_db()
    assert (own.status, own.moderation_reason) == (ReviewStatus.HIDDEN, "Nêu tên người khác")
    assert Product.objects.get(pk=own.product_id).review_count == 0


def test_an_officer_replies_once_for_the_producer(officer_client, world):
    own = factories.review(world["own"]["product"])
    form = {"status": "published", "moderation_reason": "", "reply": "Cảm ơn anh!"}
    assert officer_client.post(admin_url(own), form).status_code == 302
    own.refresh_from_db()
    assert own.reply == "Cảm ơn anh!" and own.replied_at is not None
    # The reply is now read-only: a second one posted is ignored, the first stays.
    page = officer_client.get(admin_url(own)).content.decode()
    assert 'name="reply"' not in page
    officer_client.post(admin_url(own), {**form, "reply": "Sửa"})
    assert Review.objects.get(pk=own.pk).reply == "Cảm ơn anh!"


def test_an_officer_cannot_see_or_moderate_another_districts_reviews(officer_client, world):
    own = factories.review(world["own"]["product"], status="pending")
    other = factories.review(world["other"]["product"], status="pending")
    listing = officer_client.get(reverse("admin:orders_review_changelist")).content.decode()
    assert admin_url(own) in listing and admin_url(other) not in listing
    assert officer_client.get(admin_url(other)).status_code == 404
    officer_client.post(
        reverse("admin:orders_review_changelist"), {"action": "publish_selected", "_selected_action": [other.pk]}
    )
    response = officer_client.post(admin_url(other), {"status": "published", "moderation_reason": "", "reply": ""})
    assert response.status_code == 404
    assert Review.objects.get(pk=other.pk).status == ReviewStatus.PENDING
    assert Product.objects.get(pk=other.product_id).review_count == 0


def test_officers_cannot_add_reviews_in_the_admin(officer_client):
    assert officer_client.get(reverse("admin:orders_review_add")).status_code == 403


def test_the_card_says_it_in_vietnamese_with_a_decimal_comma(client, vase):
    factories.review(vase, stars=5)
    factories.review(vase, stars=4)
    listing = client.get(reverse("catalogue:product_list")).content.decode()
    assert "4,5/5 từ 2 đánh giá của người mua" in listing


def test_the_reviews_page_of_an_unpublished_product_is_not_found(client):
    draft = factories.DraftProductFactory()
    assert client.get(reverse("orders:product_reviews", args=[draft.slug])).status_code == 404
