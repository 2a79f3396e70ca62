"""Requests per client address (anonymous: the API has no accounts), in the default cache.

With REDIS_URL every worker and instance counts together; without it each worker counts
its own, as the checkout limits do (docs/deployment.md). Behind a proxy the address comes
from the header RATELIMIT_IP_META_KEY names (the setting django-ratelimit reads), so the
whole proxy does not share one limit.
"""

import math

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework.exceptions import Throttled
from rest_framework.throttling import ScopedRateThrottle


class OpenDataThrottle(ScopedRateThrottle):
    scope = "opendata"  # every API view names it as its throttle_scope

    def get_ident(self, request):
        key = getattr(settings, "RATELIMIT_IP_META_KEY", None)
        if key and request.META.get(key):
            return request.META[key].split(",")[0].strip()
        return request.META.get("REMOTE_ADDR", "")


def rate():
    return OpenDataThrottle.THROTTLE_RATES.get(OpenDataThrottle.scope)


def limit_in_words():
    """The limit as a reader says it: "120 requests a minute" / "120 yêu cầu mỗi phút"."""
    number, period = OpenDataThrottle().parse_rate(rate())
    words = {
        1: lambda n: ngettext("%(number)d request a second", "%(number)d requests a second", n),
        60: lambda n: ngettext("%(number)d request a minute", "%(number)d requests a minute", n),
        3600: lambda n: ngettext("%(number)d request an hour", "%(number)d requests an hour", n),
        86400: lambda n: ngettext("%(number)d request a day", "%(number)d requests a day", n),
    }
    return words[period](number) % {"number": number}


def throttled(wait):
    """The 429 with a message saying the limit and when to try again (Retry-After too)."""
    seconds = max(1, math.ceil(wait or 1))
    return Throttled(
        wait=seconds,
        detail=_("Too many requests (at most %(limit)s from one address). Try again in %(seconds)d seconds.")
        % {"limit": limit_in_words(), "seconds": seconds},
    )
