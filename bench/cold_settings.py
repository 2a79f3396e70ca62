"""The site with a cache that never holds anything: every request is a cold one.

bench/run.py serves this next to the normal site to measure cold pages under load: with
Django's DummyCache every cache read misses, so each request computes all it would
otherwise read from the cache (fragments, facets, counts, the trace record, a whole
response), exactly as the first request after a catalogue change does. The one thing it
skips is storing the result (a few Redis writes, well under a millisecond). Sessions
(cached_db) still live in the database.
"""

from ocop_site.settings import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
# django-ratelimit refuses a cache that counts nothing; the benchmark posts no form.
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003"]  # noqa: F405
