"""Demo numbers and codes that depend only on their inputs, so every reload makes the same
demo (and a picture drawn again is the same picture)."""

import hashlib

from catalogue.codes import TRACE_CODE_ALPHABET, gtin_check_digit

# The digit after Vietnam's GS1 prefix 893 tells the demo's made-up GTINs apart, so the
# two generators never clash: load_demo's products and generate_catalogue's.
DEMO_GTIN_SERIES = "6"
GENERATED_GTIN_SERIES = "9"


def stable_int(*parts):
    """A number that depends only on its inputs, so demo values survive reloads."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def demo_trace_code(slug):
    number = stable_int("trace", slug)
    return "".join(TRACE_CODE_ALPHABET[(number >> (5 * i)) & 31] for i in range(7))


def demo_gtin(series, number):
    """A GTIN-13 with Vietnam's GS1 prefix 893, the series digit and the number's last
    eight digits, with a valid check digit, as 14 digits."""
    body = f"893{series}{number % 10**8:08d}"
    return "0" + body + gtin_check_digit(body)
