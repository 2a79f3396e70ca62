"""The product list's canonical query strings: one per state of the list.

Every link the list page writes (a facet option, a chip, a page number, the canonical and
hreflang URLs) is built from the filters the FilterSet understood, never copied from the
request, so the same state always has the same URL: parameters in one order, unknown and
empty values gone. All functions take `values`, the FilterSet's `values` dict.
"""

from urllib.parse import urlencode

from .filters import MULTI_VALUE_PARAMS

# Parameters in the order they appear in canonical URLs.
ORDER = ("q", *MULTI_VALUE_PARAMS, "price_min", "price_max", "in_stock", "status", "sort")


def params(values):
    """The understood state as an ordered list of (name, value) pairs."""
    pairs = []
    for name in ORDER:
        value = values.get(name)
        if value in (None, "", [], False):
            continue
        if name in MULTI_VALUE_PARAMS:
            pairs.extend((name, item) for item in value)
        elif name == "in_stock":
            pairs.append((name, "1"))
        else:
            pairs.append((name, str(value)))
    return pairs


def query_string(values, add=(), remove=()):
    """The canonical query string, with pairs added or removed (page always dropped: a
    changed filter starts again on the first page).

    An added value goes after the values its parameter already has, not at the end: the
    link is then the canonical URL of the state it leads to, not a second one for it.
    """
    pairs = [pair for pair in params(values) if pair not in remove]
    pairs.extend(pair for pair in add if pair not in pairs)
    pairs.sort(key=lambda pair: ORDER.index(pair[0]))  # stable: values keep their order
    return urlencode(pairs)


def link(values, add=(), remove=()):
    """query_string() as a relative link ("?…"); "?" alone when no filter is left, so
    the link still leads to the list itself."""
    return "?" + query_string(values, add=add, remove=remove)


def canonical_query(values, page=1):
    """The canonical URL's query ("?…", or "" for the bare list): the state and the page
    number beyond the first."""
    pairs = params(values)
    if page > 1:
        pairs.append(("page", str(page)))
    return "?" + urlencode(pairs) if pairs else ""
