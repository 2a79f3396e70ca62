"""/certificates/check/: check a code by hand, for a label whose QR code will not scan or
may have been copied.

One field takes whatever is printed on the label: a trace code (ABC2345, or the whole
/t/… link), a GTIN under the barcode, a GS1 Digital Link (/01/<gtin>[/10/<lot>], also
compressed), or the number of the OCOP decision. A product gets the trace page's verdict
(trace/partials/verdict.html) on this page, in the page's language, with a link to the
full record: the check is not a scan, so nothing is counted here, and the visit to the
trace page from this page counts as a link (traceability/scans.py), never as a QR scan.
A decision number leads to the decision's page (or a short list).

Answers are 200 with the form again, also when nothing matches: the form worked and its
answer ("no such code") is the message, not a missing page. Lookups are rate-limited per
client so that the form cannot be used to walk through possible codes.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_ratelimit.core import is_ratelimited

from catalogue.codes import GTIN_LENGTHS, LOT_CODE_PATTERN, TRACE_CODE_PATTERN, normalise_gtin, typed_trace_code
from catalogue.models import Decision, Product
from core.text import fold
from traceability import gs1, gs1_compression

# Longer input is no label: cut before any parsing (and echoed back cut).
MAX_INPUT = 300
# A decision number typed from a label matches at most a few; more is a list to narrow.
MAX_DECISIONS = 10
COMPRESSED_LINK = re.compile(r"^A[Q-Za-f][A-Za-z0-9_-]+$")
LOOKS_LIKE_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.|[\w-]+(?:\.[\w-]+)+(?::\d+)?/|/)", re.IGNORECASE)


@dataclass
class TypedCode:
    """What the typed text is: `kind` is "trace", "gtin", "decision", "empty" or "bad"
    (`problem` says why); `codes` the trace codes to look for (the code as typed and as
    read without look-alike letters), `lot` a lot code the link named."""

    kind: str
    text: str = ""
    codes: list = field(default_factory=list)
    gtin: str = ""
    lot: str = ""
    problem: str = ""


def cleaned(text):
    """The text without control characters (NUL included), cut to MAX_INPUT, trimmed."""
    return "".join(character for character in str(text or "")[:MAX_INPUT] if character.isprintable()).strip()


def read_code(text):
    """Read one line typed from a label (pure: no query)."""
    text = cleaned(text)
    if not text:
        return TypedCode("empty")
    if LOOKS_LIKE_URL.match(text) or re.match(r"^(?:t|01)/", text, re.IGNORECASE):
        return read_link(text)
    compact = re.sub(r"[\s-]", "", text)
    if compact.isascii() and compact.isdigit() and len(compact) in GTIN_LENGTHS:
        try:
            return TypedCode("gtin", text, gtin=normalise_gtin(compact))
        except ValidationError as error:
            return TypedCode("bad", text, problem=error.messages[0])
    codes = trace_codes(compact)
    if codes:
        # Seven letters and digits may be a trace code or, failing that, a decision number.
        return TypedCode("trace", text, codes=codes)
    return TypedCode("decision", text)


def trace_codes(compact):
    """The stored forms a typed trace code may have: as typed (upper case) and with I, L
    and O read as digits (catalogue/codes.py); none if it cannot be a code."""
    typed = compact.upper()
    candidates = [
        code for code in dict.fromkeys([typed, typed_trace_code(compact)]) if re.match(TRACE_CODE_PATTERN, code)
    ]
    return candidates


def read_link(text):
    """A trace link (/t/<code>[/<lot>]) or a GS1 Digital Link (/01/<gtin>[/10/<lot>], or
    compressed), with or without the scheme and host."""
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE) and not text.startswith("/"):
        text = ("/" if re.match(r"^(?:t|01)/", text, re.IGNORECASE) else "//") + text
    try:
        path = urlsplit(text).path
    except ValueError:
        return TypedCode("bad", text, problem=_("This link is not complete: copy it again from the label."))
    segments = [segment for segment in path.split("/") if segment]
    if segments and segments[0].lower() == "t" and len(segments) in (2, 3):
        lot = unquote(segments[2]) if len(segments) == 3 else ""
        codes = trace_codes(unquote(segments[1]).strip())
        if codes and (not lot or re.match(LOT_CODE_PATTERN, lot)):
            return TypedCode("trace", text, codes=codes, lot=lot)
    elif segments and segments[0] == "01":
        try:
            link = gs1.parse_path("/" + "/".join(segments))
        except gs1.Gs1SyntaxError:
            return TypedCode("bad", text, problem=_("This barcode link has a mistake in it: scan or copy it again."))
        return TypedCode("gtin", text, gtin=link.gtin, lot=link.lot or "")
    elif len(segments) == 1 and COMPRESSED_LINK.match(segments[0]):
        try:
            uncompressed, _attributes = gs1_compression.as_uri_parts(gs1_compression.decompress(segments[0]))
            link = gs1.parse_path(uncompressed)
        except (gs1.Gs1SyntaxError, gs1_compression.CompressionError):
            return TypedCode("bad", text, problem=_("This barcode link has a mistake in it: scan or copy it again."))
        return TypedCode("gtin", text, gtin=link.gtin, lot=link.lot or "")
    return TypedCode("bad", text, problem=_("This is not a link to a product of this catalogue."))


@dataclass
class Answer:
    """What the check found: a product (with its lot, or the lot it did not find), some
    decisions, or nothing."""

    typed: TypedCode
    product: object = None
    lot: object = None
    missing_lot: str = ""
    decisions: list = field(default_factory=list)

    @property
    def found(self):
        return self.product is not None or bool(self.decisions)


def look_up(typed):
    """The rows `typed` names: at most three small indexed queries."""
    answer = Answer(typed)
    products = Product.objects.published().select_related("producer__district", "producer__commune")
    if typed.kind == "trace":
        answer.product = products.filter(trace_code__in=typed.codes).first()
    elif typed.kind == "gtin":
        answer.product = products.filter(gtin=typed.gtin).first()
    if answer.product is not None and typed.lot:
        answer.lot = answer.product.lots.filter(code=typed.lot).first()
        answer.missing_lot = "" if answer.lot else typed.lot
    number = decision_number(typed.text) if answer.product is None and typed.kind in ("trace", "decision") else None
    if number:
        # The number itself must match whole: "32" is not "1032/QĐ-UBND" nor "32" "329/QĐ-UBND".
        digits = re.match(r"\d+", number).group()
        decisions = Decision.objects.matching_number(number).filter(
            search_number__startswith=digits, search_number__regex=rf"^{digits}([^0-9]|$)"
        )
        answer.decisions = list(decisions[: MAX_DECISIONS + 1])
    return answer


# Words a label or a person may put before the number ("Quyết định số 1032/QĐ-UBND",
# "QĐ 1032", "Decision No. 1032"), folded (core.text.fold).
NUMBER_PREFIX = re.compile(r"^(?:(?:quyet\s+dinh|qd|so|decision|no\.?|number|#)[\s:.]*)+")


def decision_number(text):
    """The decision number in `text` (folded, from its digits on), or None if the text is
    not one: a decision number starts with its digits, then a slash, space or dash."""
    folded = NUMBER_PREFIX.sub("", fold(text).strip())
    return folded if re.match(r"^\d{1,6}(?:[\s/.-]|$)", folded) else None


def trace_url(answer):
    """The full trace record of what was found, as a scan of that label would show it."""
    product = answer.product
    if answer.lot is not None:
        return answer.lot.get_trace_url()
    url = product.get_trace_url()
    if answer.missing_lot:
        # As the GS1 resolver passes on a lot it does not know (the trace page names it).
        url += "?" + urlencode({"unregistered_lot": answer.missing_lot})
    return url


def limited(request):
    """Count this lookup against the client's allowance; True once it is used up."""
    return is_ratelimited(
        request,
        group="pages.check_code",
        key="ip",
        rate=lambda group, request: settings.CERTIFICATE_CHECK_RATE,
        increment=True,
    )


@never_cache
@require_safe
def check_code(request):
    text = cleaned(request.GET.get("code", ""))
    context = {"code": text, "nav_check": True}
    if not text:
        return render(request, "certificates/check.html", context)
    if limited(request):
        context["error"] = _("Too many checks from your connection. Wait a minute and try again.")
        return render(request, "certificates/check.html", context, status=429)
    typed = read_code(text)
    if typed.kind == "bad":
        context["problem"] = typed.problem
        return render(request, "certificates/check.html", context)
    answer = look_up(typed)
    if answer.product is None and len(answer.decisions) == 1:
        return redirect(answer.decisions[0])
    product = answer.product
    if product is not None:
        context.update(
            product=product,
            lot=answer.lot,
            missing_lot=answer.missing_lot,
            status=product.certificate_status_on(timezone.localdate()),
            certification=product.current_certification(),
            trace_url=trace_url(answer),
        )
    context.update(
        answer=answer,
        decisions=answer.decisions[:MAX_DECISIONS],
        more_decisions=len(answer.decisions) > MAX_DECISIONS,
        register_url=reverse("certificates:register") + "?" + urlencode({"q": text[:200]}),
    )
    return render(request, "certificates/check.html", context)
