from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve as serve_file

from . import views

# Shopper pages carry the language in the URL: Vietnamese (the default) unprefixed,
# English under /en/. Shareable links and search engines then see one language per URL.
urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("catalogue.urls")),
    path("", include("villages.urls")),
    path("showrooms/", include("showrooms.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Single-machine mode: the app serves uploads itself (django.views.static works with
    # DEBUG off; the static() helper does not). Behind a CDN or S3 set SERVE_MEDIA=0.
    urlpatterns += [
        re_path(
            r"^%s(?P<path>.*)$" % settings.MEDIA_URL.lstrip("/"),
            serve_file,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
