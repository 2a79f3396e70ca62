import re
from functools import lru_cache

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import LocalePrefixPattern, Resolver404, get_resolver
from django.utils import translation

_ASKS_FOR_VIETNAMESE = re.compile(r"(^|,)\s*vi\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def outside_language_prefixes(path, urlconf=None):
    """Whether a top-level URL pattern outside i18n_patterns serves this path."""
    remainder = path.lstrip("/")
    for pattern in get_resolver(urlconf).url_patterns:
        if isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern):
            continue
        try:
            if pattern.resolve(remainder):
                return True
        except Resolver404:
            continue
    return False


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except for pages outside the language prefixes.

    With i18n_patterns(prefix_default_language=False), Django gives every unprefixed URL
    the default language, including those that are not in i18n_patterns at all. The admin
    and the QR trace pages have one URL for every language (a printed QR code cannot
    carry one), so for them the language comes from the language cookie, then the
    browser's Accept-Language, as Django does on sites without language prefixes.
    """

    def process_request(self, request):
        urlconf = getattr(request, "urlconf", None)
        if not outside_language_prefixes(request.path_info, urlconf):
            return super().process_request(request)
        translation.activate(negotiated_language(request))
        request.LANGUAGE_CODE = translation.get_language()


def negotiated_language(request):
    """The language cookie, else Accept-Language; English for a browser that asks for
    neither of our languages.

    A Korean or French tourist's phone says nothing about Vietnamese or English; Django
    would fall back to the site default (Vietnamese), but English is the language such a
    visitor most likely reads.
    """
    language = translation.get_language_from_request(request, check_path=False)
    accept = request.headers.get("Accept-Language", "")
    if (
        settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        and accept
        and language == settings.LANGUAGE_CODE
        and not _ASKS_FOR_VIETNAMESE.search(accept)
    ):
        return "en"
    return language
