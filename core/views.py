"""Views that know no app of ours."""

from django.conf import settings
from django.utils import translation
from django.views.i18n import set_language as django_set_language


def set_language(request):
    """Django's language switch, reading the page being left in the page's own language.

    Django translates `next` by resolving it in the active language, which outside the
    language prefixes is the browser's (core.middleware): an English phone on "/"
    pressing "English" resolved "/" as English, failed, and stayed on the Vietnamese page.
    The page's language is in its URL (/en/… or none), so activate that one first.
    """
    next_url = request.POST.get("next", request.GET.get("next", ""))
    page_language = translation.get_language_from_path(next_url.split("?", 1)[0]) or settings.LANGUAGE_CODE
    with translation.override(page_language):
        return django_set_language(request)
