"""Views that know no app of ours."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language as django_set_language
from django.views.static import serve as serve_file


@never_cache
def set_language(request):
    """Django's language switch, reading the page being left in the page's own language.

    Django translates `next` by resolving it in the active language, which outside the
    language prefixes is the browser's (core.middleware): an English phone on "/"
    pressing "English" resolved "/" as English, failed, and stayed on the Vietnamese page.
    The page's language is in its URL (/en/… or none), so activate that one first.

    Also by GET (?language=en&next=…): the switcher is a plain link, the same for every
    visitor, so that pages carry no form token and can be cached whole (core/page_cache.py).
    Setting a language preference is no state worth protecting from another site.
    """
    if request.method == "GET":
        return _switch_by_link(request)
    next_url = request.POST.get("next", request.GET.get("next", ""))
    with translation.override(_page_language(next_url)):
        return django_set_language(request)


def _page_language(url):
    return translation.get_language_from_path(url.split("?", 1)[0]) or settings.LANGUAGE_CODE


def _switch_by_link(request):
    language = request.GET.get("language", "")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if not translation.check_for_language(language) or language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url)
    with translation.override(_page_language(next_url)):
        response = HttpResponseRedirect(translate_url(next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def serve_media(request, path):
    """Uploads served by the app itself (SERVE_MEDIA, one machine): Django's static view,
    with MEDIA_ROOT read on each request rather than once when the URLs were loaded, so what
    is served is what the storage writes to, also under a test's settings override."""
    return serve_file(request, path, document_root=settings.MEDIA_ROOT)
