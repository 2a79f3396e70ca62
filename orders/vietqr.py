"""VietQR: the NAPAS bank-transfer QR payload (EMVCo merchant-presented mode), encoding only.

Every Vietnamese banking app scans it and fills in the bank, the account, the amount and
the transfer description. The payload is a run of fields, each a 2-digit ID, a 2-digit
length and the value:

    00 payload format "01"          01 initiation: "11" static, "12" with an amount
    38 merchant account: 00 "A000000727" (NAPAS), 01 beneficiary (00 bank BIN, 01 account
       number), 02 "QRIBFTTA" (transfer to an account)
    53 currency "704" (VND)         54 amount          58 country "VN"
    62 additional data: 08 purpose of the transfer
    63 CRC-16/CCITT-FALSE of everything before it, "6304" included, 4 upper-case hex digits

Written here rather than taken from `vietnam-qr-pay` (docs/decisions.md): it is ~60 lines,
and the library does not check its inputs (an 8-digit BIN or a 30-character account is
encoded silently, and a scanner then refuses it or, worse, reads a neighbouring field).
"""

import re
import unicodedata

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY = "VN"

BIN_PATTERN = re.compile(r"^[0-9]{6}$")
# "ans" up to 19 in the NAPAS specification; Vietnamese account numbers are digits, a few
# banks' virtual accounts carry letters.
ACCOUNT_PATTERN = re.compile(r"^[0-9A-Za-z]{1,19}$")
AMOUNT_MAX_DIGITS = 13
PURPOSE_MAX_LENGTH = 25
# What every bank's app accepts in a transfer description: ASCII letters, digits, spaces.
PURPOSE_PATTERN = re.compile(r"^[0-9A-Za-z ]*$")


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def field(field_id: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"VietQR field {field_id} is longer than 99 characters.")
    return f"{field_id}{len(value):02d}{value}"


def ascii_purpose(text: str) -> str:
    """A transfer description banks accept: no diacritics (đ → d), only letters, digits, spaces."""
    text = str(text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^0-9A-Za-z ]+", " ", text)
    return " ".join(text.split())[:PURPOSE_MAX_LENGTH].strip()


def payload(*, bank_bin: str, account_number: str, amount: int | None = None, purpose: str = "") -> str:
    """The VietQR string for a transfer to `account_number` at the bank `bank_bin`.

    With an amount (whole VND) the code is dynamic ("12") and the app fills the amount in;
    `purpose` goes into the transfer description as given (use ascii_purpose() first).
    Raises ValueError naming the bad input.
    """
    bank_bin = str(bank_bin or "")
    account_number = str(account_number or "")
    if not BIN_PATTERN.match(bank_bin):
        raise ValueError(f"A bank BIN is 6 digits, not {bank_bin!r}.")
    if not ACCOUNT_PATTERN.match(account_number):
        raise ValueError(f"An account number is 1 to 19 letters or digits, not {account_number!r}.")
    if amount is not None:
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
            raise ValueError(f"The amount is a whole number of VND of at least 1, not {amount!r}.")
        if len(str(amount)) > AMOUNT_MAX_DIGITS:
            raise ValueError(f"The amount has more than {AMOUNT_MAX_DIGITS} digits: {amount}.")
    if len(purpose) > PURPOSE_MAX_LENGTH or not PURPOSE_PATTERN.match(purpose):
        raise ValueError(
            f"The purpose is at most {PURPOSE_MAX_LENGTH} ASCII letters, digits and spaces, not {purpose!r}."
        )

    beneficiary = field("00", bank_bin) + field("01", account_number)
    merchant = field("00", NAPAS_GUID) + field("01", beneficiary) + field("02", SERVICE_TO_ACCOUNT)
    parts = [
        field("00", "01"),
        field("01", "11" if amount is None else "12"),
        field("38", merchant),
        field("53", CURRENCY_VND),
    ]
    if amount is not None:
        parts.append(field("54", str(amount)))
    parts.append(field("58", COUNTRY))
    if purpose:
        parts.append(field("62", field("08", purpose)))
    body = "".join(parts) + "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def parse(text: str) -> dict:
    """The top-level fields of a payload ({id: value}), sub-fields of 38 and 62 as dicts.

    For tests and the admin's eyes; raises ValueError on a malformed string or a bad CRC.
    """

    def fields(chunk):
        found, position = {}, 0
        while position < len(chunk):
            head = chunk[position : position + 4]
            if len(head) < 4 or not head.isdigit():
                raise ValueError(f"Malformed VietQR field at {position}: {chunk[position:]!r}.")
            length = int(head[2:])
            value = chunk[position + 4 : position + 4 + length]
            if len(value) != length:
                raise ValueError(f"VietQR field {head[:2]} is cut short.")
            found[head[:2]] = value
            position += 4 + length
        return found

    if len(text) < 8 or text[-8:-4] != "6304":
        raise ValueError("A VietQR payload ends with its CRC field 63.")
    expected = f"{crc16_ccitt_false(text[:-4].encode('utf-8')):04X}"
    if text[-4:].upper() != expected:
        raise ValueError(f"Bad VietQR CRC {text[-4:]!r}, expected {expected!r}.")
    top = fields(text)
    if "38" in top:
        top["38"] = fields(top["38"])
        if "01" in top["38"]:
            top["38"]["01"] = fields(top["38"]["01"])
    if "62" in top:
        top["62"] = fields(top["62"])
    return top
