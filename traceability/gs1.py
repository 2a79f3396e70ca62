"""GS1 Digital Link: parsing request paths and building RFC 9264 linksets.

Only what the catalogue resolves: the primary key GTIN (AI 01) with its key qualifiers
in the order the standard fixes, CPV (22), batch/lot (10) and serial (21). Nothing here
touches the database or HTTP; the resolver view in trace_views.py does.

Reference: GS1 Digital Link URI Syntax 1.6 and GS1-Conformant Resolver Standard 1.1.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from django.core.exceptions import ValidationError

from catalogue.codes import normalise_gtin

VOC = "https://gs1.org/voc/"
LINKSET_MEDIA_TYPE = "application/linkset+json"

# Link types we serve, as GS1 Web Vocabulary URIs (the linkset's keys).
DEFAULT_LINK = VOC + "defaultLink"
PIP = VOC + "pip"
CERTIFICATION_INFO = VOC + "certificationInfo"
TRACEABILITY = VOC + "traceability"

# Key qualifiers of a GTIN, in the only order the URI syntax allows.
GTIN_QUALIFIERS = ("22", "10", "21")
# AI 22, 10 and 21 values: 1 to 20 characters of GS1 AI encodable character set 82.
QUALIFIER_VALUE = re.compile(r"^[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$")


class Gs1SyntaxError(ValueError):
    """The path is not a syntactically valid GS1 Digital Link URI path (answer 400)."""


@dataclass(frozen=True)
class DigitalLink:
    gtin: str  # always the 14-digit form
    qualifiers: dict = field(default_factory=dict)

    @property
    def lot(self):
        return self.qualifiers.get("10")


def parse_path(path):
    """Parse '/01/<gtin>[/22/<cpv>][/10/<lot>][/21/<serial>]' into a DigitalLink.

    GTIN-8, -12 and -13 are accepted and padded to 14 digits. A trailing slash is
    tolerated (the resolver standard asks for it). Raises Gs1SyntaxError for anything
    else: a wrong check digit, an unknown or repeated qualifier, qualifiers out of order,
    a key without a value, an extra segment.
    """
    segments = path.strip("/").split("/") if path.strip("/") else []
    if len(segments) < 2 or len(segments) % 2:
        raise Gs1SyntaxError("A GS1 Digital Link path is /01/<GTIN> followed by qualifier/value pairs.")
    if segments[0] != "01":
        raise Gs1SyntaxError("Only GTINs (application identifier 01) are resolved here.")
    raw_gtin = segments[1]
    if not re.fullmatch(r"[0-9]+", raw_gtin):  # str.isdigit() would accept "٣" or "²"
        raise Gs1SyntaxError("A GTIN has only digits.")
    try:
        gtin = normalise_gtin(raw_gtin)
    except ValidationError as error:
        raise Gs1SyntaxError(error.messages[0]) from error

    qualifiers = {}
    position = 0
    for key, value in zip(segments[2::2], segments[3::2]):
        if key not in GTIN_QUALIFIERS[position:]:
            raise Gs1SyntaxError(
                f"'{key}' is not a GTIN qualifier here: they are 22, 10, 21, each once, in that order."
            )
        position = GTIN_QUALIFIERS.index(key) + 1
        value = unquote(value)
        if not QUALIFIER_VALUE.match(value):
            raise Gs1SyntaxError(f"The value of AI {key} must be 1 to 20 GS1 characters.")
        qualifiers[key] = value
    return DigitalLink(gtin=gtin, qualifiers=qualifiers)


def normalise_link_type(value):
    """'gs1:pip' or 'https://gs1.org/voc/pip' → the full URI; anything else unchanged."""
    value = (value or "").strip()
    if value.startswith("gs1:"):
        return VOC + value[4:]
    return value


@dataclass(frozen=True)
class Link:
    rel: str  # full link-type URI
    href: str  # absolute URL
    title: str
    hreflang: tuple = ()
    type: str = "text/html"

    def as_target(self):
        target = {"href": self.href, "title": self.title, "type": self.type}
        if self.hreflang:
            target["hreflang"] = list(self.hreflang)
        return target

    def as_header_value(self):
        # HTTP header values must be Latin-1: titles here are plain English on purpose.
        value = f'<{self.href}>; rel="{self.rel}"; type="{self.type}"; title="{self.title}"'
        # RFC 8288 repeats hreflang for each language.
        value += "".join(f'; hreflang="{language}"' for language in self.hreflang)
        return value


def linkset(anchor, item_description, default, links):
    """The RFC 9264 JSON linkset for one request URI, as the GS1 resolver standard shapes it.

    `anchor` is the URI as requested; `default` is the Link the resolver redirects to, so
    its href is always the redirect's Location.
    """
    context = {
        "anchor": anchor,
        "itemDescription": item_description,
        DEFAULT_LINK: [default.as_target()],
    }
    for link in links:
        context.setdefault(link.rel, []).append(link.as_target())
    return {"linkset": [context]}


def pick_link(links, rel, language):
    """The link of type `rel` for `language` (else the first of that type), or None."""
    candidates = [link for link in links if link.rel == rel]
    for link in candidates:
        if not link.hreflang or language in link.hreflang:
            return link
    return candidates[0] if candidates else None
