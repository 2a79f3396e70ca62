"""Vietnamese mobile numbers: parsing and formatting through Google's libphonenumber.

Numbers are stored in E.164 (+84912345678) so that "0912 345 678", "0912.345.678" and
"+84 912 345 678" are one number for the order lookup; they are shown in the national
format people write ("0912 345 678").
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGION = "VN"
E164_PATTERN = r"^\+84[0-9]{9}$"

INVALID_MESSAGE = _("Enter a Vietnamese mobile number, e.g. 0912 345 678 or +84 912 345 678.")


def normalise_mobile(value):
    """E.164 form of a Vietnamese mobile number, or ValidationError in words."""
    text = str(value or "").strip()
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone") from None
    # Couriers call or text the shopper: a landline or a foreign number will not do.
    if (
        number.country_code != 84
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE
    ):
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_mobile(e164):
    """'+84912345678' -> '0912 345 678'."""
    try:
        number = phonenumbers.parse(e164, REGION)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
