"""Demo orders and reviews: what a newcomer sees in the producer area, the officers' lists
and on product pages right after `make run`."""

import re

import pytest
from django.core.management import call_command
from django.db.models import Avg, Count

from catalogue.models import Product
from demo.orders import ORDER_COUNT, demo_order_code
from orders.models import Order, OrderLine, Payment, ProducerOrder, Review, ReviewStatus, Status

pytestmark = pytest.mark.django_db

VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I)


@pytest.fixture
def demo(db):
    call_command("load_demo", "--no-images", verbosity=0)


def test_demo_orders_are_made_once(demo):
    assert Order.objects.count() == ORDER_COUNT
    counts = (ProducerOrder.objects.count(), OrderLine.objects.count(), Review.objects.count())
    call_command("load_demo", "--no-images", verbosity=0)
    assert Order.objects.count() == ORDER_COUNT
    assert (ProducerOrder.objects.count(), OrderLine.objects.count(), Review.objects.count()) == counts


def test_a_producers_change_to_a_demo_order_survives_a_restart(demo):
    part = ProducerOrder.objects.filter(status=Status.NEW).first()
    part.status = Status.CONFIRMED
    part.save()
    call_command("load_demo", "--no-images", verbosity=0)
    part.refresh_from_db()
    assert part.status == Status.CONFIRMED


def test_demo_orders_add_up_like_orders_placed_at_checkout(demo):
    for order in Order.objects.prefetch_related("parts__lines"):
        parts = list(order.parts.all())
        assert parts
        for part in parts:
            assert part.subtotal == sum(line.line_total for line in part.lines.all())
            if order.is_pickup:
                assert part.delivery_fee == 0
            # Bank transfer parts carry the payee the shopper was told to pay.
            assert bool(part.payee) == (order.payment == Payment.BANK_TRANSFER)
        assert order.total == sum(part.total for part in parts)


def test_the_demo_producer_has_work_to_do_in_their_area(demo, client):
    assert (
        client.post(
            "/producer/sign-in/", {"username": "producer.gomquangvinh", "password": "ocop-producer-demo"}
        ).status_code
        == 302
    )
    parts = ProducerOrder.objects.filter(producer__slug="gom-quang-vinh")
    statuses = set(parts.values_list("status", flat=True))
    assert {Status.NEW, Status.CONFIRMED, Status.COMPLETED, Status.CANCELLED} <= statuses
    # A bank transfer still to check, and a cancel reason the shopper reads.
    assert any(part.awaits_transfer for part in parts.select_related("order"))
    assert parts.filter(status=Status.CANCELLED).exclude(cancel_reason="").exists()

    page = client.get("/producer/orders/").content.decode()
    newest = parts.filter(status=Status.NEW).select_related("order").first()
    assert newest.order.code in page


def test_reviews_only_for_completed_parts_and_products_bought(demo):
    reviews = Review.objects.select_related("part")
    assert reviews.count() >= 20
    for review in reviews:
        assert review.part.status == Status.COMPLETED
        assert review.part.lines.filter(product=review.product).exists()


def test_demo_reviews_show_every_moderation_state(demo):
    states = dict(Review.objects.values_list("status").annotate(n=Count("id")))
    assert states.get(ReviewStatus.PUBLISHED, 0) >= 20
    # The demo Gia Lâm officer has reviews to moderate (README says so).
    assert Review.objects.pending().filter(product__producer__district__slug="gia-lam").exists()
    hidden = Review.objects.get(status=ReviewStatus.HIDDEN)
    assert hidden.moderation_reason and hidden.moderated_by is not None
    assert Review.objects.filter(status=ReviewStatus.PUBLISHED).exclude(reply="").exists()
    # Replies only on published reviews; pending ones are not moderated yet.
    assert not Review.objects.exclude(status=ReviewStatus.PUBLISHED).exclude(reply="").exists()
    assert not Review.objects.filter(status=ReviewStatus.PENDING, moderated_at__isnull=False).exists()


def test_reviews_are_written_in_the_order_language_and_signed_with_a_first_name(demo):
    for review in Review.objects.select_related("part__order"):
        order = review.part.order
        assert review.display_name in order.name.split()
        assert review.language == order.language  # pages mark the words with it
        if order.language == "vi":
            assert VIETNAMESE_LETTERS.search(review.text), review.text
        else:
            assert not VIETNAMESE_LETTERS.search(review.text), review.text
        if review.reply:
            assert review.display_name in review.reply


def test_product_figures_match_the_published_reviews(demo, client):
    published = (
        Review.objects.filter(status=ReviewStatus.PUBLISHED)
        .values("product")
        .annotate(n=Count("id"), average=Avg("stars"))
    )
    assert published
    for row in published:
        product = Product.objects.get(pk=row["product"])
        assert product.review_count == row["n"]
        assert float(product.review_average) == pytest.approx(row["average"], abs=0.01)

    reviewed = Product.objects.filter(review_count__gt=0, is_published=True).order_by("-review_count").first()
    review = reviewed.reviews.filter(status=ReviewStatus.PUBLISHED).first()
    page = client.get(reviewed.get_absolute_url()).content.decode()
    assert review.text in page
    hidden = Review.objects.get(status=ReviewStatus.HIDDEN)
    assert hidden.text not in client.get(hidden.product.get_absolute_url()).content.decode()


def test_demo_order_codes_are_valid_and_distinct():
    codes = {demo_order_code(number) for number in range(ORDER_COUNT)}
    assert len(codes) == ORDER_COUNT
    assert all(re.fullmatch(r"[2-9A-HJKMNP-TV-Z]{8}", code) for code in codes)


def test_no_product_shows_the_same_review_twice(demo):
    texts = list(Review.objects.values_list("product", "text"))
    assert len(texts) == len(set(texts))


def test_some_demo_reviews_carry_the_buyers_photo_with_its_thumbnail(demo, client):
    from django.core.files.storage import default_storage

    from demo.orders import load_review_photos

    added = load_review_photos()
    assert added >= 3
    assert load_review_photos() == 0  # made once
    with_photo = Review.objects.exclude(photo="")
    assert with_photo.count() == added
    assert not with_photo.filter(status=ReviewStatus.HIDDEN).exists()
    review = with_photo.filter(status=ReviewStatus.PUBLISHED).first()
    thumb = review.photo_thumbnail
    assert thumb is not None and thumb.width <= 320
    page = client.get(f"{review.product.get_absolute_url()}reviews/").content.decode()
    assert thumb.jpeg_url in page
    assert default_storage.exists(review.photo.name)


# --- scans -----------------------------------------------------------------------------------


def test_demo_products_have_two_months_of_daytime_scans_made_once(demo):
    from django.utils import timezone

    from catalogue.models import Scan
    from demo.loaders import SCAN_DAYS

    scans = Scan.objects.all()
    count = scans.count()
    assert count > 1000
    call_command("load_demo", "--no-images", verbosity=0)
    assert Scan.objects.count() == count
    times = [timezone.localtime(at) for at in scans.values_list("scanned_at", flat=True)]
    assert all(8 <= at.hour <= 18 for at in times)
    assert all(1 <= (timezone.localdate() - at.date()).days <= SCAN_DAYS for at in times)
    assert set(scans.values_list("language", flat=True)) == {"vi", "en"}


def test_the_demo_producer_sees_its_scans_and_an_officer_an_alert(demo, client):
    from catalogue.models import Scan
    from traceability import alerts

    client.post("/producer/sign-in/", {"username": "producer.gomquangvinh", "password": "ocop-producer-demo"})
    page = client.get("/producer/").content.decode()
    own = Scan.objects.filter(product__producer__slug="gom-quang-vinh", scanned_at__gte=_days_ago(30)).count()
    assert own > 0 and f"{own:,}".replace(",", ".") in page

    # Yesterday a withdrawn product's label was scanned at the alert's threshold.
    assert any(alert.kind == alerts.AlertKind.CERTIFICATE_LAPSED for alert in alerts.find_alerts())


def _days_ago(days):
    import datetime

    from django.utils import timezone

    return timezone.now() - datetime.timedelta(days=days)
