"""The VietQR encoder (orders/vietqr.py) against published payloads, field by field."""

import pytest

from orders import vietqr
from orders.banks import BANKS, BY_BIN, bin_for_name

# Published payloads with their CRC, built by other implementations:
# - vietnam-qr-pay 1.0.0 (MIT), tests/test_vietqr.py, test_create_dynamic_vietqr and
#   test_create_static_vietqr (ACB 970416, account 257678859);
# - subiz/vietqr (Go), README.md: 120,000 ₫ to VietinBank 970415, account 0011001932418,
#   "ủng hộ lũ lụt" written without diacritics.
ACB_DYNAMIC = (
    "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA"
    "53037045405100005802VN62150811Chuyen tien630453E6"
)
ACB_STATIC = "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F"
VIETINBANK = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
    "530370454061200005802VN62170813ung ho lu lut6304C15C"
)


@pytest.mark.parametrize(
    "data, crc",
    [
        (b"123456789", 0x29B1),  # the check value of CRC-16/CCITT-FALSE (the CRC catalogue)
        (b"", 0xFFFF),
        (b"A", 0xB915),
    ],
)
def test_crc_check_values(data, crc):
    assert vietqr.crc16_ccitt_false(data) == crc


def test_dynamic_payload_matches_the_published_one():
    assert (
        vietqr.payload(bank_bin="970416", account_number="257678859", amount=10_000, purpose="Chuyen tien")
        == ACB_DYNAMIC
    )


def test_static_payload_without_amount_or_purpose():
    assert vietqr.payload(bank_bin="970416", account_number="257678859") == ACB_STATIC


def test_purpose_with_diacritics_is_written_without_them():
    purpose = vietqr.ascii_purpose("ủng hộ lũ lụt")
    assert purpose == "ung ho lu lut"
    assert (
        vietqr.payload(bank_bin="970415", account_number="0011001932418", amount=120_000, purpose=purpose) == VIETINBANK
    )


def test_an_order_payload_field_by_field():
    text = vietqr.payload(bank_bin="970436", account_number="0011004455667", amount=700_000, purpose="OCOP ABCD2345 2")
    fields = vietqr.parse(text)
    assert fields["00"] == "01"
    assert fields["01"] == "12"
    assert fields["38"] == {
        "00": "A000000727",
        "01": {"00": "970436", "01": "0011004455667"},
        "02": "QRIBFTTA",
    }
    assert fields["53"] == "704"
    assert fields["54"] == "700000"
    assert fields["58"] == "VN"
    assert fields["62"] == {"08": "OCOP ABCD2345 2"}
    assert (
        text.endswith("6304" + fields["63"]) and fields["63"] == f"{vietqr.crc16_ccitt_false(text[:-4].encode()):04X}"
    )
    # The order of the top-level fields is the specification's.
    assert list(fields) == ["00", "01", "38", "53", "54", "58", "62", "63"]


def test_parse_reads_published_payloads_and_refuses_a_wrong_crc():
    assert vietqr.parse(VIETINBANK)["62"]["08"] == "ung ho lu lut"
    with pytest.raises(ValueError, match="CRC"):
        vietqr.parse(ACB_DYNAMIC[:-1] + "7")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"bank_bin": "97043"}, "BIN is 6 digits"),
        ({"bank_bin": "9704366"}, "BIN is 6 digits"),
        ({"bank_bin": "97043A"}, "BIN is 6 digits"),
        ({"bank_bin": ""}, "BIN is 6 digits"),
        ({"account_number": ""}, "account number"),
        ({"account_number": "1" * 20}, "account number"),
        ({"account_number": "0011 0044"}, "account number"),
        ({"account_number": "0011-0044"}, "account number"),
        ({"amount": 0}, "amount"),
        ({"amount": -5}, "amount"),
        ({"amount": 10**13}, "more than 13 digits"),
        ({"amount": 1.5}, "amount"),
        ({"amount": "1000"}, "amount"),
        ({"amount": True}, "amount"),
        ({"purpose": "x" * 26}, "purpose"),
        ({"purpose": "Đơn hàng"}, "purpose"),
        ({"purpose": "OCOP#1"}, "purpose"),
    ],
)
def test_bad_inputs_are_refused_with_a_clear_message(changes, message):
    arguments = {"bank_bin": "970436", "account_number": "0011004455667", "amount": 100_000, "purpose": "OCOP X"}
    with pytest.raises(ValueError, match=message):
        vietqr.payload(**{**arguments, **changes})


def test_the_largest_amounts_and_accounts_fit():
    text = vietqr.payload(bank_bin="970436", account_number="A" * 19, amount=10**13 - 1, purpose="x" * 25)
    assert vietqr.parse(text)["54"] == "9999999999999"


def test_ascii_purpose_keeps_to_25_characters_and_plain_letters():
    assert vietqr.ascii_purpose("Đặt hàng #ABCD-2345, cảm ơn nhiều lắm nhé!") == "Dat hang ABCD 2345 cam on"


# --- the bank list ----------------------------------------------------------------------------


def test_the_bank_list_has_unique_six_digit_bins_and_the_big_banks():
    assert len(BY_BIN) == len(BANKS)
    assert all(len(bank.bin) == 6 and bank.bin.isdigit() for bank in BANKS)
    assert {BY_BIN[b].short_name for b in ["970436", "970415", "970418", "970405", "970407", "970422"]} == {
        "Vietcombank",
        "VietinBank",
        "BIDV",
        "Agribank",
        "Techcombank",
        "MB Bank",
    }


@pytest.mark.parametrize(
    "typed, bank_bin",
    [
        ("Vietcombank, chi nhánh Hà Nội", "970436"),
        ("VIETCOMBANK", "970436"),
        ("Ngân hàng Vietcombank - CN Hoàn Kiếm", "970436"),
        ("Ngân hàng TMCP Ngoại thương Việt Nam", "970436"),
        ("ngan hang ngoai thuong viet nam", "970436"),
        ("Vietinbank Hà Đông", "970415"),
        ("Vietcombank Hà Nội", "970436"),
        ("VietinBank (CN Hà Đông)", "970415"),
        ("Agribank chi nhánh Gia Lâm", "970405"),
        ("Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam", "970405"),
        ("BIDV", "970418"),
        ("MB", "970422"),
        ("Ngân hàng Quân Đội", "970422"),
        ("Techcombank", "970407"),
        ("Ngân hàng Sài Gòn", "970429"),  # SCB, not Saigonbank
        ("Ngân hàng Sài Gòn Công Thương", "970400"),
        ("Công nghiệp Hàn Quốc", ""),  # IBK Hà Nội or IBK HCM: ambiguous, left empty
        ("Quỹ tín dụng Phú Xuyên", ""),
        ("Ngân hàng Việt", ""),
        ("Việt Nam", ""),
        ("", ""),
    ],
)
def test_typed_bank_names_are_read_accent_insensitively(typed, bank_bin):
    assert bin_for_name(typed) == bank_bin
