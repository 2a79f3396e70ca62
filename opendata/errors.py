"""Every API error as one JSON shape: {"status": 400, "detail": "...", "parameters": {...}}.

`detail` says what went wrong in a sentence; for a bad query string, `parameters` names
each parameter at fault and why ({"stars": ["Select a valid choice. 7 is not one of the
available choices."]}). Messages follow the request's language (cookie, then
Accept-Language, as for the other pages outside the language prefixes).
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from . import licence


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: Django's 500 page and logging
    body = {"status": response.status_code}
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        body["detail"] = _("Invalid query parameters: %(names)s.") % {"names": ", ".join(exc.detail)}
        body["parameters"] = {name: [str(message) for message in messages] for name, messages in exc.detail.items()}
    else:
        # Http404 and PermissionDenied arrive as Django's exceptions: DRF's handler has
        # already put their message in the response.
        detail = response.data.get("detail") if isinstance(response.data, dict) else None
        body["detail"] = str(detail or response.status_text)
    if isinstance(exc, exceptions.Throttled) and exc.wait:
        body["retry_after"] = int(response["Retry-After"])
    response.data = body
    response["Link"] = licence.link_header()
    # Errors are not for shared caches: a 429 is one client's, a 400 is cheap to repeat.
    response["Cache-Control"] = "no-store"
    return response
