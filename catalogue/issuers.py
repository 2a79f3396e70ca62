"""English names of the bodies that issue OCOP certificates.

Officers type the issuer in Vietnamese, as it stands on the decision. The product form has
an English field too (`certificate_issuer_en`); when it is empty, the standard issuers
(the ministry, the city, a district, ward or town People's Committee) are named in English
from this glossary, so the rows entered before the English field existed, and the ones
where nobody filled it, still read in English. Anything else gets no guess: a wrong
English name on a certificate is worse than the Vietnamese one.
"""

import re

from core.text import fold

# Whole names, compared folded (no diacritics, lower case, single spaces).
_NAMES = {
    "bo nong nghiep va moi truong": "Ministry of Agriculture and Environment",
    "bo nong nghiep va phat trien nong thon": "Ministry of Agriculture and Rural Development",
    "ubnd thanh pho ha noi": "Hanoi People's Committee",
    "ubnd tp ha noi": "Hanoi People's Committee",
    "ubnd tp. ha noi": "Hanoi People's Committee",
    "uy ban nhan dan thanh pho ha noi": "Hanoi People's Committee",
}

# "UBND huyện Phú Xuyên" -> "Phu Xuyen District People's Committee"; the place name keeps
# its own letters, only without diacritics, as English maps write it.
_LOCAL = re.compile(r"^(?:ubnd|uy ban nhan dan)\s+(huyen|quan|thi xa|xa|phuong)\s+(.+)$")
_LOCAL_KINDS = {
    "huyen": "District",
    "quan": "District",
    "thi xa": "Town",
    "xa": "Commune",
    "phuong": "Ward",
}


def _plain(text):
    """The name without diacritics, keeping its capitals: 'Phú Xuyên' -> 'Phu Xuyen'."""
    words = [(word, fold(word)) for word in text.split()]
    return " ".join(plain.capitalize() if word[:1].isupper() else plain for word, plain in words)


def english_issuer(vietnamese):
    """The English name of a standard issuer; '' when it is not one we know."""
    text = " ".join((vietnamese or "").split())
    folded = fold(text)
    if folded in _NAMES:
        return _NAMES[folded]
    match = _LOCAL.match(folded)
    if match:
        kind, _place = match.groups()
        # The place as typed, after the same number of words as the folded prefix.
        prefix_words = len(folded.split()) - len(_place.split())
        place = " ".join(text.split()[prefix_words:])
        return f"{_plain(place)} {_LOCAL_KINDS[kind]} People's Committee"
    return ""
