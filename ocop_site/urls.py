from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from catalogue import views as catalogue_views
from core import views as core_views
from core.page_cache import cache_anonymous_page
from pages import views
from pages.sitemaps import SITEMAPS

admin.site.site_header = _("OCOP Hà Nội — administration")
admin.site.site_title = _("OCOP Hà Nội admin")
admin.site.index_title = _("Your districts today")

# Shopper pages carry the language in the URL: Vietnamese (the default) unprefixed,
# English under /en/. Shareable links and search engines then see one language per URL.
urlpatterns = [
    # Django's switch, reading the page being left in that page's language (see the view).
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # QR codes and GS1 Digital Links (/t/…, /01/…, /qr/…, /.well-known/gs1resolver): printed
    # on labels, so outside i18n_patterns; the views negotiate the language.
    path("", include("traceability.urls")),
    # One sitemap lists both languages of every page (hreflang alternates inside it).
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    # A product's link-preview picture: both names on it, so one URL for both languages.
    path("products/<slug:slug>/share.png", catalogue_views.product_share_image, name="product_share_image"),
    # The open-data API (records carry both languages) and the bulk files: one URL each.
    path("api/v1/", include("opendata.urls")),
    path("", include("opendata.file_urls")),
]

urlpatterns += i18n_patterns(
    # Home and statistics: whole pages for visitors without a session (core/page_cache.py).
    path("", cache_anonymous_page()(views.home), name="home"),
    path("", include("catalogue.urls")),
    path("", include("pages.place_urls")),
    path("showrooms/", include("showrooms.urls")),
    # Visit routes and events: /routes/…, /events/… (and their iCalendar feeds).
    path("", include("visits.urls")),
    # Cart, checkout and order lookup: /cart/, /checkout/, /order/.
    path("", include("orders.urls")),
    path("stats/", cache_anonymous_page()(views.stats), name="stats"),
    # What the open data holds, its licence and the API (/open-data/).
    path("", include("opendata.page_urls")),
    # The public certificate register, decisions and the check by hand (pages/certificate_urls.py).
    path("certificates/", include("pages.certificate_urls")),
    # The producers' own area, made for phones: /producer/ (Vietnamese), /en/producer/.
    path("producer/", include("producer_area.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Single-machine mode: the app serves uploads itself (django.views.static works with
    # DEBUG off; the static() helper does not). Behind a CDN or S3 set SERVE_MEDIA=0.
    urlpatterns += [
        re_path(r"^%s(?P<path>.*)$" % settings.MEDIA_URL.lstrip("/"), core_views.serve_media),
    ]
