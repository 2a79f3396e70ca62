"""Compressed GS1 Digital Link URIs: the path after the domain as one base64url segment.

The algorithm is the one GS1 Digital Link 1.1 defined (kept as "legacy compression" by the
Resolver standard 1.2, which lets a resolver support it): the element string is written as
a bit string, then as base64url characters (6 bits each, zero-padded at the end). For each
element:

- the AI, one hex digit per decimal digit (AI 01 is the byte 0x01, AI 17 is 0x17);
- a fixed-length numeric value (GTIN, dates): the number in the fewest bits that hold
  every value of that many digits (14 digits → 47 bits, 6 → 20);
- a variable-length value: a 3-bit encoding, its length in the fewest bits that hold the
  AI's maximum length (20 → 5 bits), then the characters: 0 = digits as one number
  (as above), 1 = lower-case hex and 2 = upper-case hex (4 bits a character),
  3 = the base64url alphabet (6 bits), 4 = ASCII (7 bits).

Elements come in element-string order (a compressor may put 10 before 22); the URI they
stand for puts the key's qualifiers in path order and the data attributes in the query.

Only what this resolver serves is read: the GTIN with its qualifiers 22, 10 and 21, and the
date and variant attributes (11 to 17, 20). Anything else (another key, an optimisation
code, the EPC binary form of the separate compression standard for EPC binary strings) is
a CompressionError, which the resolver answers with 400. Pure functions, no Django.
"""

import re
import string
from urllib.parse import quote

BASE64URL = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
# A compressed path is one segment of base64url characters.
COMPRESSED_SEGMENT = re.compile(r"^[A-Za-z0-9_-]+$")

# AI -> number of digits, for the all-numeric fixed-length values we read.
FIXED_NUMERIC = {"01": 14, "11": 6, "12": 6, "13": 6, "15": 6, "16": 6, "17": 6, "20": 2}
# AI -> maximum length, for the variable-length alphanumeric values we read.
VARIABLE = {"10": 20, "21": 20, "22": 20}
# The GTIN's key qualifiers as the URI Syntax orders them in the path.
QUALIFIERS_IN_PATH_ORDER = ("22", "10", "21")

NUMERIC, LOWER_HEX, UPPER_HEX, URL_SAFE, ASCII = range(5)
CHARSETS = {
    LOWER_HEX: ("0123456789abcdef", 4),
    UPPER_HEX: ("0123456789ABCDEF", 4),
    URL_SAFE: (BASE64URL, 6),
}


class CompressionError(ValueError):
    """Not a compressed GS1 Digital Link this resolver can read (the resolver answers 400)."""


def numeric_bits(digits):
    """The fewest bits that hold any number of `digits` decimal digits."""
    return (10**digits - 1).bit_length()


def length_bits(max_length):
    return max_length.bit_length()


class _Reader:
    def __init__(self, bits):
        self.bits = bits
        self.position = 0

    def remaining(self):
        return len(self.bits) - self.position

    def take(self, count):
        if count > self.remaining():
            raise CompressionError("The compressed path ends in the middle of a value.")
        chunk = self.bits[self.position : self.position + count]
        self.position += count
        return int(chunk, 2) if chunk else 0


def _to_bits(segment):
    if not COMPRESSED_SEGMENT.match(segment):
        raise CompressionError("A compressed path has only base64url characters (A–Z, a–z, 0–9, - and _).")
    return "".join(format(BASE64URL.index(character), "06b") for character in segment)


def _read_digits(reader, count):
    value = reader.take(numeric_bits(count))
    if value >= 10**count:
        raise CompressionError("A numeric value does not fit its length.")
    return str(value).zfill(count)


def _read_variable(reader, max_length):
    encoding = reader.take(3)
    length = reader.take(length_bits(max_length))
    if not 1 <= length <= max_length:
        raise CompressionError(f"A value is 1 to {max_length} characters long.")
    if encoding == NUMERIC:
        return _read_digits(reader, length)
    if encoding == ASCII:
        value = "".join(chr(reader.take(7)) for _ in range(length))
    elif encoding in CHARSETS:
        alphabet, width = CHARSETS[encoding]
        indexes = [reader.take(width) for _ in range(length)]
        if max(indexes) >= len(alphabet):
            raise CompressionError("A character is outside its encoding's alphabet.")
        value = "".join(alphabet[index] for index in indexes)
    else:
        raise CompressionError(f"Unknown value encoding {encoding}.")
    return value


def decompress(segment):
    """The (AI, value) pairs a compressed path stands for, in the order they were written.

    Raises CompressionError for anything that is not a well-formed compressed GS1 Digital
    Link made only of the AIs listed above.
    """
    reader = _Reader(_to_bits(segment))
    elements = []
    # What is left after the last element is padding to a whole base64url character.
    while reader.remaining() >= 8:
        high, low = reader.take(4), reader.take(4)
        if high > 9 or low > 9:
            raise CompressionError("Optimisation codes in compressed paths are not supported here.")
        ai = f"{high}{low}"
        if ai in FIXED_NUMERIC:
            value = _read_digits(reader, FIXED_NUMERIC[ai])
        elif ai in VARIABLE:
            value = _read_variable(reader, VARIABLE[ai])
        else:
            raise CompressionError(f"AI {ai} is not read by this resolver in a compressed path.")
        if any(ai == seen for seen, _value in elements):
            raise CompressionError(f"AI {ai} appears twice.")
        elements.append((ai, value))
    if reader.take(reader.remaining()) != 0:
        raise CompressionError("The compressed path has stray bits at its end.")
    if not elements or elements[0][0] != "01":
        raise CompressionError("A compressed path resolved here starts with a GTIN (AI 01).")
    return elements


def _encoding_of(value):
    if value.isascii() and value.isdigit():
        return NUMERIC
    for encoding in (LOWER_HEX, UPPER_HEX, URL_SAFE):
        if all(character in CHARSETS[encoding][0] for character in value):
            return encoding
    return ASCII


def compress(elements):
    """The compressed path segment for (AI, value) pairs; the inverse of decompress().

    For tests and for printing short QR codes; values must already be valid for their AI.
    """
    bits = []
    for ai, value in elements:
        bits.append(format(int(ai[0]), "04b") + format(int(ai[1]), "04b"))
        if ai in FIXED_NUMERIC:
            bits.append(format(int(value), f"0{numeric_bits(FIXED_NUMERIC[ai])}b"))
            continue
        encoding = _encoding_of(value)
        bits.append(format(encoding, "03b") + format(len(value), f"0{length_bits(VARIABLE[ai])}b"))
        if encoding == NUMERIC:
            bits.append(format(int(value), f"0{numeric_bits(len(value))}b"))
        elif encoding == ASCII:
            bits.extend(format(ord(character), "07b") for character in value)
        else:
            alphabet, width = CHARSETS[encoding]
            bits.extend(format(alphabet.index(character), f"0{width}b") for character in value)
    joined = "".join(bits)
    joined += "0" * (-len(joined) % 6)
    return "".join(BASE64URL[int(joined[start : start + 6], 2)] for start in range(0, len(joined), 6))


def as_uri_parts(elements):
    """(path, attributes) of the uncompressed GS1 Digital Link URI the elements stand for:
    the GTIN and its qualifiers in path order, the data attributes for the query string."""
    values = dict(elements)
    path = f"/01/{values['01']}" + "".join(
        f"/{ai}/{quote(values[ai], safe='')}" for ai in QUALIFIERS_IN_PATH_ORDER if ai in values
    )
    attributes = [(ai, value) for ai, value in elements if ai != "01" and ai not in QUALIFIERS_IN_PATH_ORDER]
    return path, attributes
