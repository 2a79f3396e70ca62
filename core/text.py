"""Folding Vietnamese text for accent-insensitive search.

"Bát Tràng", "BAT TRANG" and "bat tràng" all fold to "bat trang". One function, used for
the stored search columns and for the query, so both sides always agree.
"""

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def fold(text):
    """Lower-case, strip diacritics and collapse white space.

    NFD splits "ệ" into "e" plus combining marks, which are dropped. "đ"/"Đ" is a letter of
    its own, not a "d" with a mark, so NFD leaves it alone and it is mapped explicitly.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text))
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    mapped = without_marks.replace("đ", "d").replace("Đ", "D")
    return _WHITESPACE.sub(" ", mapped.lower()).strip()


# A search query is folded and capped, so a 5,000-character query stays cheap; the shop's
# search and the admin's use the same caps.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8


def search_terms(query):
    """(the folded query, its words), capped: what the shop's and the admin's search match."""
    folded = fold(query)[:MAX_QUERY_LENGTH]
    return folded, folded.split()[:MAX_QUERY_WORDS]
