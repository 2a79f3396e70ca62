"""HTTP validators of a trace page (ETag, Last-Modified), from what the page shows."""

import datetime
import functools
import hashlib
from pathlib import Path

from django.utils import timezone
from django.utils.http import quote_etag

# Bump when the trace page's view code changes what it shows for the same data; template
# changes are picked up on their own (TEMPLATE_DIGEST).
TRACE_PAGE_VERSION = "1"
TRACE_TEMPLATES = Path(__file__).resolve().parent / "templates" / "trace"


@functools.cache
def template_digest():
    """A digest of the trace templates, so a deploy that changes them refreshes caches."""
    digest = hashlib.sha256(TRACE_PAGE_VERSION.encode())
    for path in sorted(p for p in TRACE_TEMPLATES.rglob("*") if p.is_file()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def trace_validators(product, lot, language, today, routes=()):
    """ETag and Last-Modified of a trace page, from what the page shows.

    The page shows the product (its certificate and stock quantity live on it), its
    producer and village, its images, the showrooms stocking it, the visit routes through
    its village and, for a lot, the lot and its steps. The certificate's status depends on
    today's date as well, so the date is part of the ETag, and Last-Modified is never
    earlier than the start of today.
    Ids are included so that deleting a step, an image or a stock row changes the ETag
    even though nothing left behind has a newer timestamp.
    """
    village = product.producer.village
    stamps = [product.updated_at, product.producer.updated_at]
    parts = [product.pk, [image.pk for image in product.images.all()]]
    if village:
        stamps.append(village.updated_at)
        # A commune has no timestamp of its own: its name, so a rename changes the ETag.
        parts.append(village.commune.name if village.commune else None)
    for row in product.stock_rows:
        stamps += [row.added_at, row.showroom.updated_at]
        parts.append((row.pk, row.showroom_id))
    for route in routes:  # "visit where this was made"
        stamps.append(route.updated_at)
        parts.append(("route", route.pk))
    if lot:
        stamps.append(lot.updated_at)
        parts.append(lot.pk)
        for step in lot.steps.all():
            stamps.append(step.updated_at)
            parts.append(step.pk)
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    last_modified = max(stamps + [start_of_today])
    fingerprint = repr((parts, sorted(stamps), today, language, template_digest()))
    etag = "W/" + quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])
    return etag, last_modified


def record_updated_at(product, lot):
    """When the record itself (product, lot, steps) last changed: shown on the page."""
    stamps = [product.updated_at]
    if lot:
        stamps += [lot.updated_at] + [step.updated_at for step in lot.steps.all()]
    return max(stamps)
