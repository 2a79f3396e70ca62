"""Requests per client address (anonymous: the API has no accounts), in the default cache.

With REDIS_URL every worker and instance counts together; without it each worker counts
its own, as the checkout limits do (docs/deployment.md). Behind a proxy the address comes
from the header RATELIMIT_IP_META_KEY names (the setting django-ratelimit reads), so the
whole proxy does not share one limit.
"""

import math

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import Throttled
from rest_framework.throttling import ScopedRateThrottle


class OpenDataThrottle(ScopedRateThrottle):
    scope = "opendata"  # every API view names it as its throttle_scope

    def get_ident(self, request):
        key = getattr(settings, "RATELIMIT_IP_META_KEY", None)
        if key and request.META.get(key):
            return request.META[key].split(",")[0].strip()
        return request.META.get("REMOTE_ADDR", "")


def throttled(wait):
    """The 429 with a message saying the limit and when to try again (Retry-After too)."""
    seconds = max(1, math.ceil(wait or 1))
    return Throttled(
        wait=seconds,
        detail=_("Too many requests (at most %(rate)s from one address). Try again in %(seconds)d seconds.")
        % {"rate": OpenDataThrottle.THROTTLE_RATES.get(OpenDataThrottle.scope), "seconds": seconds},
    )
