from functools import lru_cache

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import LocalePrefixPattern, Resolver404, get_resolver
from django.utils import translation


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
        translation.activate(translation.get_language_from_request(request, check_path=False))
        request.LANGUAGE_CODE = translation.get_language()
