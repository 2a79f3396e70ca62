"""Folding Vietnamese text for accent-insensitive search, and sorting it alphabetically.

"Bát Tràng", "BAT TRANG" and "bat tràng" all fold to "bat trang". One function, used for
the stored search columns and for the query, so both sides always agree.
"""

import functools
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


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
# f, j, w and z (foreign words only) take their places in the Latin alphabet.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# The tone marks in dictionary order after the unmarked syllable: huyền, hỏi, ngã, sắc, nặng.
# (Breve, circumflex and horn are not tones: they make the letters ă, â, ê, ô, ơ, ư.)
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


# Memoised: the same few hundred names (communes, districts, crafts, places) are sorted on
# every checkout and map request, and the key walks each character through two normalisations.
@functools.lru_cache(maxsize=4096)
def vietnamese_sort_key(text):
    """A key for sorted() that puts names in Vietnamese alphabetical order.

    fold() would make "Đại" a "dai" and sort it before "Dương"; in Vietnamese đ is a letter
    after d, as ă and â come after a and ô, ơ after o. Letters decide first; only between
    names with the same letters do tones decide ("ma" < "mà" < "má"), then case. Python sorts
    by code point otherwise, which puts every accented letter after "z". Spaces, digits and
    punctuation come before letters, so "Ba Vì" comes before "Bác".
    """
    text = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", str(text or ""))).strip()
    letters, tones, cases = [], [], []
    for char in text:
        marks = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(mark for mark in marks if mark not in _TONE_RANK))
        lower = letter.lower()
        # (0, text) sorts before (1, rank): what is not a letter before any letter.
        letters.append((1, _LETTER_RANK[lower]) if lower in _LETTER_RANK else (0, lower))
        tones.append(max((_TONE_RANK.get(mark, 0) for mark in marks), default=0))
        cases.append(letter != lower)
    # The text last: two names that differ only in what the key leaves out stay in one order.
    return tuple(letters), tuple(tones), tuple(cases), text
