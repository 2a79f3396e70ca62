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
        names = ", ".join(exc.detail)
        body["detail"] = _("Invalid query parameters: %(names)s.") % {"names": names}
        body["parameters"] = {name: [str(message) for message in messages] for name, messages in exc.detail.items()}
    elif isinstance(exc, exceptions.Throttled):
        body["detail"] = str(exc.detail)
        body["retry_after"] = exc.wait and int(exc.wait + 0.999)
    else:
        body["detail"] = str(exc.detail) if not isinstance(exc.detail, (list, dict)) else str(exc.detail)
    response.data = body
    response["Link"] = licence.link_header()
    # Errors are not for shared caches: a 429 is one client's, a 400 is cheap to repeat.
    response["Cache-Control"] = "no-store"
    return response


ERROR_SCHEMA = {
    "type": "object",
    "required": ["status", "detail"],
    "properties": {
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "parameters": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": "For a 400: each parameter at fault and why.",
        },
        "retry_after": {"type": "integer", "description": "For a 429: seconds to wait."},
    },
}
