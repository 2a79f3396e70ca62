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
asked for a CSRF token sets one, so a token can never land in the cache).

Which language: inside the language prefixes the URL says it, so the URL is the key.
Outside them (the trace pages printed on labels; the admin never opts in) the language is
the visitor's (core.middleware.negotiated_language: cookie, then browser), so a view that
opts in with `language="visitor"` is kept once per language, the language in the key.

Work that must happen on every request, hit or not (a trace page counts its scan): the
view names a hook and its arguments with `on_cache_hit(response, name, *args)`; the app
that owns the work registers the function under that name (`register_hit_hook`, in its
AppConfig.ready(); core imports no app). A hit calls it with the request and the arguments.

Compression: a kept page is stored gzipped once (level 6; a 50 KB list page is 6 KB), and
a hit is served so to a browser that accepts gzip (every phone does), unpacked for one that
does not. Smaller entries to read from Redis, fewer bytes to write to the socket, and far
fewer for a phone on a mobile network. Compressing cannot leak a secret here (BREACH):
kept pages carry none, no CSRF token and nothing of a session.

Headers: a page whose language is in its URL is stored saying `Cache-Control: public,
max-age=0, s-maxage=…`, `Vary: Cookie` (a shared cache may keep it for visitors sending no
cookie; browsers revalidate, so that a shopper who just filled a cart sees its count). The
same page for a visitor with a session says `private`. A page in the visitor's language
keeps the view's own headers (a trace page: `private, no-cache`, `Vary: Accept-Language,
Cookie`), and a hit answers `If-None-Match` / `If-Modified-Since` with a 304 as the view
would. See docs/deployment.md for a proxy in front.
"""

import functools
import gzip
import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe

from . import cache as ocop_cache
from .middleware import negotiated_language, outside_language_prefixes

MARK = "_ocop_page_cache"
# Set on a response the view wants answered fresh every time (see keep_out_of_page_cache).
SKIP_MARK = "_ocop_page_cache_skip"
# As django.middleware.gzip: an Accept-Encoding that names gzip.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Below this, gzip's header and the work cost more than the bytes they save.
COMPRESS_FROM_BYTES = 512
HIT_MARK = "_ocop_page_cache_hit"

_hit_hooks = {}


def register_hit_hook(name, function):
    """Call function(request, *args) whenever a page whose view named `name` (with those
    args, see on_cache_hit) is served from the cache."""
    _hit_hooks[name] = function


def on_cache_hit(response, name, *args):
    """Have the hook registered as `name` called with args on every cache hit of this page."""
    setattr(response, HIT_MARK, (name, args))


def keep_out_of_page_cache(response):
    """Never store this response: its URL carries something of the request (a trace page's
    query string), and every different value would be one more entry. Later requests for
    the URL reach the view, which still uses its own cached fragments."""
    setattr(response, SKIP_MARK, True)


def cache_anonymous_page(concerns=(ocop_cache.CATALOGUE,), language="url"):
    """Let AnonymousPageCacheMiddleware keep this view's pages for visitors without a session.

    `concerns`: the concern names the page shows, or a function of the view's URL
    arguments returning them (a product page: the catalogue and that product's own).
    `language`: "url" (inside the language prefixes) or "visitor" (a page outside them,
    kept once per negotiated language, with the view's own Cache-Control).
    """
    if language not in ("url", "visitor"):
        raise ValueError(f"language must be 'url' or 'visitor', not {language!r}")

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            named = tuple(concerns(**kwargs) if callable(concerns) else concerns)
            # Read before the view reads any row: a change committed while it renders
            # bumps past this version, so the page is never served as current. A visitor
            # with a session is never stored for: no need to read it.
            generations = None if has_session(request) else ocop_cache.read_generations(named)
            response = view(request, *args, **kwargs)
            version = generations and generations.version()
            if generations and version is None and response.status_code == 200:
                # A concern seen for the first time (or evicted) is started only for a
                # page worth keeping: a junk trace code's 404 leaves nothing behind.
                version = generations.start_missing()
            setattr(response, MARK, (named, version, language == "visitor"))
            return response

        return wrapped

    return decorator


def _visitor_language(request):
    """The visitor's language if this URL is outside the language prefixes, else ""."""
    if outside_language_prefixes(request.path_info, getattr(request, "urlconf", None)):
        return negotiated_language(request)
    return ""


def _page_key(request, language=""):
    full = f"{request.scheme}://{request.get_host()}{request.get_full_path()} {language}"
    # v3: entries are gzipped and carry their hit hook; older entries are never read.
    return "ocop:page:v3:" + hashlib.sha256(full.encode()).hexdigest()


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
        language = _visitor_language(request)
        key = _page_key(request, language)
        entry = cache.get(key)
        if entry is not None:
            concerns, version, status, headers, content, gzipped, hit_hook = entry
            if ocop_cache.read_generations(concerns).version() == version:
                return self._from_cache(request, status, headers, content, gzipped, hit_hook)
        response = self.get_response(request)
        if self._storable(request, response, language):
            self._store(key, response, by_visitor_language=bool(language))
        return response

    def _from_cache(self, request, status, headers, content, gzipped, hit_hook):
        if gzipped and not ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
            content, gzipped = gzip.decompress(content), False
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        if gzipped:
            response.headers["Content-Encoding"] = "gzip"
            response.headers["Content-Length"] = str(len(content))
        if "ETag" in response.headers:  # a page that revalidates (trace pages): 304 if unchanged
            last_modified = parse_http_date_safe(response.headers.get("Last-Modified", ""))
            response = get_conditional_response(
                request, etag=response.headers["ETag"], last_modified=last_modified, response=response
            )
        if hit_hook is not None:
            name, args = hit_hook
            _hit_hooks[name](request, *args)
        return response

    def _storable(self, request, response, language):
        mark = getattr(response, MARK, None)
        return (
            mark is not None
            and not getattr(response, SKIP_MARK, False)
            and mark[1] is not None  # a version read before the view ran
            and request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A page in the visitor's language only outside the prefixes, and vice versa.
            and mark[2] == bool(language)
        )

    def _store(self, key, response, by_visitor_language):
        concerns, version, _ = getattr(response, MARK)
        if not by_visitor_language:
            # Shared caches may keep it a little; browsers ask again every time (max-age=0),
            # so that a shopper whose cart has just been filled sees their own header.
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SHARED_SECONDS)
            patch_vary_headers(response, ["Cookie"])
        # Hits may be gzipped: a shared cache must keep the two forms apart.
        patch_vary_headers(response, ["Accept-Encoding"])
        content = response.content
        gzipped = len(content) >= COMPRESS_FROM_BYTES and not response.has_header("Content-Encoding")
        if gzipped:
            content = gzip.compress(content, compresslevel=6, mtime=0)
            # As GZipMiddleware: a strong ETag names one sequence of bytes, not both forms.
            if response.get("ETag", "").startswith('"'):
                response.headers["ETag"] = "W/" + response.headers["ETag"]
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in ("set-cookie", "content-length")
        ]
        hit_hook = getattr(response, HIT_MARK, None)
        entry = (concerns, version, response.status_code, headers, content, gzipped, hit_hook)
        cache.set(key, entry, settings.CACHE_SECONDS)
