"""Identifiers printed on labels: GTINs (GS1) and our own short trace codes."""

import re
import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

GTIN_LENGTHS = (8, 12, 13, 14)

# Crockford's base32 without I, L, O, U: nothing a tourist can misread from a label.
TRACE_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACE_CODE_LENGTH = 7
TRACE_CODE_PATTERN = r"^[0-9A-Z]{4,12}$"

# GS1 application identifier 10 (batch/lot) allows up to 20 characters; we keep to the
# URL-safe subset so a lot code never needs escaping in a QR code.
LOT_CODE_PATTERN = r"^[A-Za-z0-9._-]{1,20}$"


def gtin_check_digit(body):
    """The GS1 mod-10 check digit for the digits before it (any GTIN length)."""
    total = 0
    for position, digit in enumerate(reversed(body)):
        total += int(digit) * (3 if position % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def normalise_gtin(value):
    """Return the GTIN-14 form of an 8, 12, 13 or 14-digit GTIN, or raise ValidationError.

    Spaces and dashes that people type from a barcode label are ignored.
    """
    digits = re.sub(r"[\s-]", "", str(value or ""))
    if not digits.isdigit() or len(digits) not in GTIN_LENGTHS:
        raise ValidationError(_("A GTIN has 8, 12, 13 or 14 digits."), code="gtin_length")
    if gtin_check_digit(digits[:-1]) != digits[-1]:
        raise ValidationError(
            _("This GTIN's check digit is wrong: check the number on the barcode."),
            code="gtin_check_digit",
        )
    return digits.zfill(14)


def validate_gtin(value):
    normalise_gtin(value)


def new_trace_code(length=TRACE_CODE_LENGTH):
    return "".join(secrets.choice(TRACE_CODE_ALPHABET) for _ in range(length))


def normalise_trace_code(value):
    """Trace codes are looked up ignoring case; stored upper-case."""
    return str(value or "").strip().upper()


# Letters a person may read instead of a digit when typing a code from a label: the
# alphabet leaves them out (Crockford), so each can only have meant the digit.
TYPED_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})


def typed_trace_code(value):
    """A trace code typed by hand, in the form it is stored in: spaces and dashes dropped,
    upper case, and I, L and O (never part of a code) read as 1, 1 and 0.

    Only for what people type (the check page); a code read from a URL goes through
    normalise_trace_code(), which leaves it as printed.
    """
    return re.sub(r"[\s-]", "", str(value or "")).upper().translate(TYPED_LOOKALIKES)
