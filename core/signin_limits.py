"""Sign-in throttling (django-axes) counted two ways.

Axes compares one number, the largest failure count among its lockout parameters, with one
limit. We count a username tried from one address and an address across every username
(`lockout_parameters` below); the address's count is never below the pair's. The
limit is therefore the per-username one once that username has failed that often from this
address, else the higher per-address one (an office of officers shares one address and
mistypes now and then).
"""

from axes.attempts import get_cool_off_threshold
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def failure_limit(request, credentials):
    """AXES_FAILURE_LIMIT: the limit that applies to this sign-in."""
    pair_failures = (
        AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        ).aggregate(total=Sum("failures_since_start"))["total"]
        or 0
    )
    if pair_failures >= settings.SIGNIN_FAILURES_PER_USERNAME:
        return settings.SIGNIN_FAILURES_PER_USERNAME
    return settings.SIGNIN_FAILURES_PER_ADDRESS


PAIR = ["username", "ip_address"]


def lockout_parameters(request_or_attempt, credentials=None):
    """AXES_LOCKOUT_PARAMETERS: a username from an address, and the address alone.

    On a successful sign-in axes resets the attempts of every parameter; by then the
    request's user is signed in, and only that username's failures from this address are
    forgotten, so one valid password does not clear the address's other failures.
    """
    user = getattr(request_or_attempt, "user", None)
    if user is not None and user.is_authenticated:
        return [PAIR]
    return [PAIR, "ip_address"]
