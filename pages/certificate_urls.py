"""The public certificate register (pages/certificates.py) and the check by hand
(pages/check.py), under /certificates/ (/en/certificates/ in English)."""

from django.urls import path

from core.page_cache import cache_anonymous_page

from . import certificates, check

app_name = "certificates"

# Whole pages for visitors without a session (core/page_cache.py): every save of a decision
# or certification (catalogue's models) bumps the catalogue's generation, so a new
# certificate or a withdrawal shows on the next request; the keys carry the date, so a
# certificate that expires at midnight reads "expired" the next morning.
cached = cache_anonymous_page()

urlpatterns = [
    path("", cached(certificates.RegisterView.as_view()), name="register"),
    path("decisions/<slug:slug>/", cached(certificates.decision_detail), name="decision"),
    # Not cached: every lookup counts against the visitor's allowance (rate limit).
    path("check/", check.check_code, name="check"),
]
