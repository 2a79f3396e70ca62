"""The public certificate register (pages/certificates.py) and the check by hand
(pages/check.py), under /certificates/ (/en/certificates/ in English)."""

from django.urls import path

from catalogue.caching import REGISTER
from core.cache import CATALOGUE
from core.page_cache import cache_anonymous_page

from . import certificates, check

app_name = "certificates"

# Whole pages for visitors without a session (core/page_cache.py), under the catalogue's
# concern (a product renamed or unpublished, a producer moved) and the register's, which
# every save or delete of a decision or certification bumps (catalogue/caching.py): a new
# certificate or a withdrawal shows on the next request. The keys carry the date, so a
# certificate that expires at midnight reads "expired" the next morning.
cached = cache_anonymous_page((CATALOGUE, REGISTER))

urlpatterns = [
    path("", cached(certificates.RegisterView.as_view()), name="register"),
    path("decisions/<slug:slug>/", cached(certificates.decision_detail), name="decision"),
    # Not cached: every lookup counts against the visitor's allowance (rate limit).
    path("check/", check.check_code, name="check"),
]
