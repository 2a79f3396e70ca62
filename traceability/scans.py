"""Scan recording: one INSERT per person who opens a trace page, written after the response.

Bots, link previews, prefetches and the page reloading itself after a language switch do
not count; no IP address, user agent or other personal data is stored (docs/privacy.md).
"""

import contextvars
import functools
import logging
from urllib.parse import urlsplit

from crawleruseragents import is_crawler
from django.db import DatabaseError

from catalogue.models import Scan

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=2048)
def is_robot(user_agent):
    """Crawlers and link-preview fetchers (Facebook, WhatsApp, Telegram, Slack...).

    The crawler-user-agents list is long (about 0.15 ms a check); the same few hundred
    phone user agents make almost all scans, so answers are cached per process.
    """
    return not user_agent or is_crawler(user_agent)


def counts_as_scan(request):
    """Whether this request is a person looking at the page (GET, not a bot, not a prefetch,
    not the page reloading itself after a language switch)."""
    if request.method != "GET":
        return False
    if request.headers.get("Sec-Purpose", request.headers.get("Purpose", "")).startswith("prefetch"):
        return False
    if is_robot(request.headers.get("User-Agent", "")[:512]):
        return False
    return referer_path(request) != request.path


def referer_path(request):
    """The path of the Referer header; "" when there is none or it is not a URL.

    The header is whatever the client sent: `http://[::1` makes urlsplit raise, and a
    malformed Referer must not turn a scan into a server error.
    """
    try:
        return urlsplit(request.headers.get("Referer", "")).path
    except ValueError:
        return ""


# The scan of the request being served, written once the response has been delivered.
_pending_scan = contextvars.ContextVar("pending_scan", default=None)


def record_scan(request, product_id, lot_id, language):
    """Note the scan; write_pending_scan() stores it after the response is sent.

    The write is one INSERT and no read (the ids are those the page already looked up),
    and it happens after the page has gone out: on SQLite without WAL a commit waits for
    an fsync (about 7 ms here), which the tourist's phone should not wait for.
    """
    if not counts_as_scan(request):
        return
    _pending_scan.set(
        Scan(
            product_id=product_id,
            lot_id=lot_id,
            language=language,
            source=Scan.Source.LINK if request.headers.get("Referer") else Scan.Source.QR,
        )
    )


def write_pending_scan(**kwargs):
    """request_finished receiver (wired in TraceConfig.ready): the WSGI server sends
    it when it closes a response, after the body was written to the client."""
    scan = _pending_scan.get()
    if scan is None:
        return
    _pending_scan.set(None)
    try:
        scan.save(force_insert=True)
    except DatabaseError:
        # The page has been served already: log a lost count, do not fail the request.
        logger.exception("Could not record a trace page scan")
