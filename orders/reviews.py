"""Reviews from real buyers: writing one, moderating it, the producer's reply.

The one place that writes reviews and keeps the product's copy of its published reviews
(`Product.review_count`, `review_average`) current: cards show those copies, so a list of
100,000 products never counts reviews. The copy is recomputed from the product's published
reviews inside the moderation's transaction (the product row locked, so two officers
publishing at once cannot lose a count) and saved with `save(update_fields=…)`, whose
receivers (catalogue/caching.py) bump the "catalogue" generation: the figures show on cards.
A change only the product's page shows (a reply) bumps that page's concern alone.

Photos: stored under a random name (`models.review_photo_path`) with a small thumbnail made
on save; only published reviews' pages link them. Media may be served by a CDN that checks
nothing, so hiding a review moves its photo to a new random name (`move_photo_out_of_sight`):
the URL that was public stops working. The old files are deleted once the transaction
commits; a rollback leaves the row on the old name, whose files are still there.
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue import caching
from catalogue.models import Product
from core import cache, files, thumbnails
from core.formats import page_language

from .models import ProducerOrder, Review, ReviewStatus, Status, review_photo_path

logger = logging.getLogger(__name__)


class ReviewRefused(Exception):
    """The review cannot be written or changed as asked; the message is for the person.

    `status` is the HTTP status a view answers with."""

    status = 400

    def __init__(self, message, status=None):
        super().__init__(message)
        if status is not None:
            self.status = status


def product_in_part(part, product_id):
    """The part's line for `product_id`, or None (the product was not bought in this part)."""
    return next((line for line in part.lines.all() if line.product_id == product_id), None)


def check_may_review(part, product_id):
    """Raise ReviewRefused unless `part` is completed and holds `product_id` not yet reviewed."""
    if part.status != Status.COMPLETED:
        raise ReviewRefused(_("You can review a product once this part of your order is completed."), status=403)
    if product_in_part(part, product_id) is None:
        raise ReviewRefused(_("This product is not part of this order."), status=404)
    if Review.objects.filter(part=part, product_id=product_id).exists():
        raise ReviewRefused(_("You have already reviewed this product for this order."), status=409)


def write_review(*, part, product_id, stars, text, display_name, photo=None):
    """Save a buyer's review, pending moderation, in the active language (the page it was
    written on). Raises ReviewRefused (nothing saved)."""
    if not (isinstance(stars, int) and 1 <= stars <= 5):
        raise ReviewRefused(_("Give 1 to 5 stars."), status=400)
    with transaction.atomic():
        # The part locked: a double submit waits here, then finds the first review.
        locked = ProducerOrder.objects.select_for_update(of=("self",)).get(pk=part.pk)
        locked_lines = list(locked.lines.all())
        locked._prefetched_objects_cache = {"lines": locked_lines}
        check_may_review(locked, product_id)
        review = Review(
            part=locked,
            product_id=product_id,
            stars=stars,
            text=text.strip(),
            display_name=display_name.strip(),
            photo=photo or "",
            language=page_language(),
        )
        try:
            with transaction.atomic():
                review.save()
        except IntegrityError:
            if review.photo:  # stored before the INSERT failed; nothing will commit to point at it
                review.photo.storage.delete(review.photo.name)
                thumbnails.delete_thumbnails(review.photo.name, review.photo.storage, thumbnails.REVIEW_SIZES)
            raise ReviewRefused(_("You have already reviewed this product for this order."), status=409) from None
    return review


def refresh_product_figures(product_id):
    """Recount a product's published reviews onto the product row (inside a transaction)."""
    product = Product.objects.select_for_update(of=("self",)).get(pk=product_id)
    figures = Review.objects.filter(product_id=product_id, status=ReviewStatus.PUBLISHED).aggregate(
        count=Count("id"), average=Avg("stars")
    )
    count = figures["count"]
    average = round(figures["average"], 2) if count else None
    if product.review_count == count and product.review_average == average:
        return product
    product.review_count, product.review_average = count, average
    # Review figures are not a listing edit an officer made: no history row for them.
    product.skip_history_when_saving = True
    try:
        product.save(update_fields=["review_count", "review_average", "updated_at"])
    finally:
        del product.skip_history_when_saving
    return product


def moderate(*, review, status, user, reason=""):
    """Publish or hide a review (hiding needs a reason); the product's figures follow."""
    if status not in (ReviewStatus.PUBLISHED, ReviewStatus.HIDDEN):
        raise ReviewRefused(_("A review is either published or hidden."))
    reason = (reason or "").strip()
    if status == ReviewStatus.HIDDEN and not reason:
        raise ReviewRefused(_("Say why the review is hidden."))
    with transaction.atomic():
        locked = Review.objects.select_for_update(of=("self",)).select_related("product").get(pk=review.pk)
        locked.status = status
        locked.moderation_reason = reason if status == ReviewStatus.HIDDEN else ""
        locked.moderated_by = user
        locked.moderated_at = timezone.now()
        changed = ["status", "moderation_reason", "moderated_by", "moderated_at"]
        # Every hiding: the photo's URL may have been public, or be guessed from an old name.
        if status == ReviewStatus.HIDDEN and locked.photo and move_photo_out_of_sight(locked):
            changed.append("photo")
        locked.save(update_fields=changed)
        refresh_product_figures(locked.product_id)
        # The page lists the reviews themselves, even when the figures stayed the same.
        cache.bump_on_commit(caching.page_concern(locked.product.slug))
    review.status, review.moderation_reason = locked.status, locked.moderation_reason
    review.moderated_by, review.moderated_at = locked.moderated_by, locked.moderated_at
    review.photo = locked.photo.name
    return locked


def move_photo_out_of_sight(review):
    """Copy `review`'s photo to a new random name (its thumbnail follows when the row is
    saved) and delete the old name's files once the transaction commits. Returns False,
    changing nothing, when the photo cannot be read (its old URL then serves nothing either)."""
    old_name, storage = review.photo.name, review.photo.storage
    try:
        with storage.open(old_name, "rb") as old_file:
            new_name = storage.save(review_photo_path(review, old_name), old_file)
    except OSError as error:
        logger.warning("Could not move the photo %s of hidden review %s: %s", old_name, review.pk, error)
        return False
    review.photo.name = new_name
    files.delete_photo_after_commit(old_name, storage, thumbnails.REVIEW_SIZES)
    return True


def delete_photo_of_deleted_review(sender, instance, **kwargs):
    """post_delete receiver (OrdersConfig.ready()): a deleted review's photo and thumbnail go
    too, once the deletion is committed (a rolled-back deletion keeps them)."""
    if instance.photo:
        files.delete_photo_after_commit(instance.photo.name, instance.photo.storage, thumbnails.REVIEW_SIZES)


def reply(*, review, text):
    """The producer's reply, once: from the producer area, or typed by an officer in the
    admin on the producer's behalf (a producer without an account)."""
    text = (text or "").strip()
    if not text:
        raise ReviewRefused(_("Write the reply first."))
    with transaction.atomic():
        locked = Review.objects.select_for_update(of=("self",)).select_related("product").get(pk=review.pk)
        if locked.has_reply:
            raise ReviewRefused(_("This review already has the producer's reply; a reply is given once."), status=409)
        locked.reply = text
        locked.replied_at = timezone.now()
        locked.save(update_fields=["reply", "replied_at"])
        if locked.is_published:
            cache.bump_on_commit(caching.page_concern(locked.product.slug))
    review.reply, review.replied_at = locked.reply, locked.replied_at
    return locked
