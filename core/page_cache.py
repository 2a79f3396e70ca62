"""Whole pages from the cache for visitors without a session.

Most visitors of a product page, a list or the home page have no cart and are not signed
in: for them a page is the same for everyone with that URL (the language is in the URL).
AnonymousPageCacheMiddleware sits right below WhiteNoise and answers such a request from
the cache before sessions, language, CSRF, authentication, messages or the view run: one
cache read for the page and one for its generations (core/cache.py), no query.

Which pages: views opt in with @cache_anonymous_page(concerns), naming the concerns
(core/cache.py) whose generations the page depends on. The generations are read when the
view starts, before it reads any row, and stored with the page; a hit is served only if
they are all still current (and the day is the same), so every change shows on the next
request as for fragments.

Which requests: GET or HEAD, with neither a session cookie (a cart, a signed-in officer)
nor a messages cookie (a message waiting to be shown). Such a visitor has nothing of their
own on the page. The page is stored only if it is a 200 that sets no cookie (a page that
asked for a CSRF token sets one, so a token can never land in the cache), from a URL inside
the language prefixes (outside them, the trace pages and the admin, the language comes
from the cookie or the browser, and trace pages must reach their view to count the scan).

Headers: a stored page says `Cache-Control: public, max-age=0, s-maxage=…`, `Vary: Cookie`
(a shared cache may keep it for visitors sending no cookie; browsers revalidate, so that a
shopper who just filled a cart sees its count). The same page for a visitor with a session
says `private`. See docs/deployment.md for a proxy in front.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import cache as ocop_cache
from .middleware import outside_language_prefixes

MARK = "_ocop_page_cache"


def cache_anonymous_page(concerns=(ocop_cache.CATALOGUE,)):
    """Let AnonymousPageCacheMiddleware keep this view's pages for visitors without a session.

    `concerns`: the concern names the page shows, or a function of the view's URL
    arguments returning them (a product page: the catalogue and that product's own).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            named = tuple(concerns(**kwargs) if callable(concerns) else concerns)
            # Read before the view reads any row: a change committed while it renders
            # bumps past this version, so the page is never served as current. A visitor
            # with a session is never stored for: no need to read it.
            version = None if has_session(request) else ocop_cache.version(named)
            response = view(request, *args, **kwargs)
            setattr(response, MARK, (named, version))
            return response

        return wrapped

    return decorator


def _page_key(request):
    full = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "ocop:page:" + hashlib.sha256(full.encode()).hexdigest()


# django.contrib.messages' CookieStorage.cookie_name: a message waiting for the next page.
MESSAGES_COOKIE = "messages"


def has_session(request):
    """Whether the visitor may have something of their own on the page: a session (a
    cart, a sign-in) or a message to show."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if has_session(request):
            response = self.get_response(request)
            if hasattr(response, MARK):
                patch_cache_control(response, private=True)
            return response
        key = _page_key(request)
        entry = cache.get(key)
        if entry is not None:
            concerns, version, status, headers, content = entry
            if ocop_cache.version(concerns) == version:
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response.headers[name] = value
                return response
        response = self.get_response(request)
        if self._storable(request, response):
            self._store(key, response)
        return response

    def _storable(self, request, response):
        return (
            hasattr(response, MARK)
            and request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not outside_language_prefixes(request.path_info, getattr(request, "urlconf", None))
        )

    def _store(self, key, response):
        concerns, version = getattr(response, MARK)
        # Shared caches may keep it a little; browsers ask again every time (max-age=0),
        # so that a shopper whose cart has just been filled sees their own header.
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SHARED_SECONDS)
        patch_vary_headers(response, ["Cookie"])
        headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
        cache.set(key, (concerns, version, response.status_code, headers, response.content), settings.CACHE_SECONDS)
