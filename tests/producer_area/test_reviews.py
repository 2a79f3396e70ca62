"""A producer reads the reviews of their own products and replies once to each
(orders.reviews.reply()); the dashboard counts the published ones still without a reply."""

import pytest

from orders.models import Review
from tests import factories
from tests.language import en_reverse, vi_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviews(area):
    """Reviews of the own product: published, pending, hidden (one each), and one of the
    other producer's product."""
    own, other = area["own"]["product"], area["other"]["product"]
    return {
        "published": factories.review(own, stars=4, text="Men lam rất đẹp.", display_name="Lan"),
        "pending": factories.review(own, status="pending", text="Chưa nhận được hàng đúng hẹn."),
        "hidden": factories.review(own, status="hidden", text="Mua ở chỗ khác rẻ hơn."),
        "other": factories.review(other, text="Lụa mềm, màu đẹp.", display_name="Khác"),
    }


def reply_url(review, language="vi"):
    to = en_reverse if language == "en" else vi_reverse
    return to("producer_area:review_reply", args=[review.pk])


def test_the_list_shows_only_own_reviews_newest_first_with_what_became_of_each(producer_client, reviews):
    page = producer_client.get(vi_reverse("producer_area:reviews")).content.decode()
    assert "Lụa mềm" not in page and "Khác" not in page
    # Newest first: the factories wrote them in this order.
    assert page.index("Mua ở chỗ khác") < page.index("Chưa nhận được hàng") < page.index("Men lam rất đẹp.")
    assert "— Lan" in page and "4 trên 5 sao" in page
    assert '<p lang="vi">Men lam rất đẹp.</p>' in page  # the words in the language they were written in
    assert "Đang chờ cán bộ OCOP của quận/huyện duyệt" in page  # pending
    assert "Cán bộ OCOP của quận/huyện đã ẩn:</strong> Quảng cáo" in page  # hidden, with the officer's reason
    # A reply form for the published and the pending review, none for the hidden one.
    assert f'action="{reply_url(reviews["published"])}"' in page
    assert f'action="{reply_url(reviews["pending"])}"' in page
    assert f'action="{reply_url(reviews["hidden"])}"' not in page


def test_a_reviews_photo_is_its_thumbnail_linking_to_the_photo(producer_client, area, media_root):
    """The area is read on phones, often on mobile data: a list of reviews draws the small
    thumbnail (a few KB), never the buyer's photo of up to 10 MB, which a tap opens."""
    with_photo = factories.review(area["own"]["product"], photo=factories.jpeg(size=(1600, 1200)))
    thumb = with_photo.photo_thumbnail
    page = producer_client.get(vi_reverse("producer_area:reviews")).content.decode()
    assert f'<a class="review-photo" href="{with_photo.photo.url}">' in page
    assert f'src="{thumb.jpeg_url}"' in page and f'srcset="{thumb.webp_url}"' in page
    assert f'src="{with_photo.photo.url}"' not in page


def test_replying_saves_the_reply_once_and_shoppers_read_it(producer_client, client, reviews, area):
    review = reviews["published"]
    back = vi_reverse("producer_area:reviews") + "?needs_reply=1"
    response = producer_client.post(reply_url(review), {"reply": "  Cảm ơn chị Lan đã ủng hộ!  ", "next": back})
    assert response.status_code == 302 and response["Location"] == f"{back}#review-{review.pk}"
    review.refresh_from_db()
    assert review.reply == "Cảm ơn chị Lan đã ủng hộ!" and review.replied_at is not None
    listed = producer_client.get(vi_reverse("producer_area:reviews")).content.decode()
    assert "Đã lưu câu trả lời" in listed and "Cảm ơn chị Lan đã ủng hộ!" in listed
    assert f'action="{reply_url(review)}"' not in listed  # no second form
    product_page = client.get(area["own"]["product"].get_absolute_url()).content.decode()
    assert "Cảm ơn chị Lan đã ủng hộ!" in product_page


@pytest.mark.parametrize(
    ("language", "message"),
    [("vi", "Hãy viết câu trả lời trước."), ("en", "Write the reply first.")],
)
def test_an_empty_reply_is_a_400_with_the_message_and_nothing_saved(producer_client, reviews, language, message):
    review = reviews["published"]
    response = producer_client.post(reply_url(review, language), {"reply": "   "})
    assert response.status_code == 400
    assert message in response.content.decode()
    review.refresh_from_db()
    assert review.reply == "" and review.replied_at is None


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("vi", "Đánh giá này đã có câu trả lời của cơ sở sản xuất; mỗi đánh giá chỉ được trả lời một lần."),
        ("en", "This review already has the producer&#x27;s reply; a reply is given once."),
    ],
)
def test_a_second_reply_is_a_409_with_the_message_and_the_first_stays(producer_client, reviews, language, message):
    review = reviews["published"]
    assert producer_client.post(reply_url(review), {"reply": "Cảm ơn chị!"}).status_code == 302
    response = producer_client.post(reply_url(review, language), {"reply": "Sửa lại câu trả lời"})
    assert response.status_code == 409
    page = response.content.decode()
    assert message in page and "Cảm ơn chị!" in page
    review.refresh_from_db()
    assert review.reply == "Cảm ơn chị!"


def test_a_reply_longer_than_2000_characters_is_refused(producer_client, reviews):
    review = reviews["published"]
    response = producer_client.post(reply_url(review), {"reply": "x" * 2001})
    assert response.status_code == 400
    assert "2000" in response.content.decode()
    review.refresh_from_db()
    assert review.reply == ""


def test_a_hidden_review_takes_no_reply(producer_client, reviews):
    review = reviews["hidden"]
    response = producer_client.post(reply_url(review, "en"), {"reply": "Xin lỗi quý khách"})
    assert response.status_code == 409
    assert "The district&#x27;s officers hid this review" in response.content.decode()
    review.refresh_from_db()
    assert review.reply == ""


def test_a_pending_review_may_be_answered_before_it_is_published(producer_client, reviews):
    review = reviews["pending"]
    assert producer_client.post(reply_url(review), {"reply": "Cơ sở sẽ gửi lại ngay."}).status_code == 302
    review.refresh_from_db()
    assert review.reply == "Cơ sở sẽ gửi lại ngay."


def test_needs_a_reply_lists_the_published_reviews_without_one(producer_client, reviews):
    answered = factories.review(reviews["published"].product, text="Giao nhanh.")
    producer_client.post(reply_url(answered), {"reply": "Cảm ơn!"})
    page = producer_client.get(vi_reverse("producer_area:reviews") + "?needs_reply=1").content.decode()
    assert "Men lam rất đẹp." in page
    for text in ("Giao nhanh.", "Chưa nhận được hàng", "Mua ở chỗ khác", "Lụa mềm"):
        assert text not in page


def test_the_dashboard_counts_published_reviews_waiting_for_a_reply_and_links_to_them(producer_client, reviews):
    page = producer_client.get(vi_reverse("producer_area:dashboard")).content.decode()
    link = vi_reverse("producer_area:reviews") + "?needs_reply=1"
    assert f'<a class="tile" href="{link}"><strong>1</strong> đánh giá đã đăng đang chờ bạn trả lời</a>' in page
    producer_client.post(reply_url(reviews["published"]), {"reply": "Cảm ơn!"})
    page = producer_client.get(vi_reverse("producer_area:dashboard")).content.decode()
    assert f'<a class="tile" href="{link}"><strong>0</strong>' in page


def test_the_reviews_page_speaks_english_under_en(producer_client, reviews):
    page = producer_client.get(en_reverse("producer_area:reviews")).content.decode()
    assert "Reviews of your products" in page and "Waiting for the district's officers" in page
    assert "Needs a reply" in page


def test_the_list_is_paginated_with_a_bounded_number_of_queries(producer_client, area, django_assert_max_num_queries):
    product = area["own"]["product"]
    product.stock_quantity = 100
    product.save()
    url = vi_reverse("producer_area:reviews")

    def queries_for_the_list():
        with django_assert_max_num_queries(100) as captured:
            assert producer_client.get(url).status_code == 200
        return len(captured)

    factories.review(product, photo=factories.jpeg())
    queries_for_the_list()  # the session's first request reads a little more
    few = queries_for_the_list()
    for _ in range(24):
        factories.review(product, photo=factories.jpeg())
    assert queries_for_the_list() == few  # no query per review
    assert few <= 8
    page = producer_client.get(url).content.decode()
    assert page.count('class="area-review"') == 20
    second = producer_client.get(url + "?page=2").content.decode()
    assert second.count('class="area-review"') == 5
    assert Review.objects.filter(product=product).count() == 25
