"""Vietnamese banks that receive VietQR transfers: BIN, short name, full name.

A VietQR code names the bank by its BIN (the 6-digit NAPAS acquirer ID), so a payee
account needs it; people type the bank's name ("Vietcombank, chi nhánh Hà Nội").

Source: the VietQR bank list (https://api.vietqr.io/v2/banks, as published by VietQR.io)
in the copy carried by `vietnam-qr-pay` 1.0.0 (MIT, vietnam_qr_pay/constants/banks.py),
read on 7 December 2026: the banks not marked deprecated whose VietQR status is "transfer
supported" or "receive only" (57 of 61). BINs and names are facts, not creative work.
The keywords are that list's search words, used only to read old free-text bank names.
Update by hand when NAPAS admits a bank; a BIN never changes meaning.
"""

import re
from typing import NamedTuple

from core.text import fold


class Bank(NamedTuple):
    bin: str
    short_name: str
    name: str
    keywords: tuple = ()


BANKS = (
    Bank("970425", "AB Bank", "Ngân hàng TMCP An Bình", ("anbinh",)),
    Bank("970416", "ACB", "Ngân hàng TMCP Á Châu", ("achau",)),
    Bank(
        "970405",
        "Agribank",
        "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam",
        ("nongnghiep", "nongthon", "agribank", "agri"),
    ),
    Bank("970409", "BacA Bank", "Ngân hàng TMCP Bắc Á", ("baca", "NASB")),
    Bank("970438", "BaoViet Bank", "Ngân hàng TMCP Bảo Việt", ("baoviet", "BVB")),
    Bank("970418", "BIDV", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", ()),
    Bank("970454", "BVBank", "Ngân hàng TMCP Bản Việt", ("banviet", "vietcapitalbank")),
    Bank("546034", "CAKE by VPBank", "Ngân hàng số CAKE by VPBank - Ngân hàng TMCP Việt Nam Thịnh Vượng", ()),
    Bank("970444", "CB Bank", "Ngân hàng Thương mại TNHH MTV Xây dựng Việt Nam", ("xaydungvn", "xaydung")),
    Bank("422589", "CIMB Bank", "Ngân hàng TNHH MTV CIMB Việt Nam", ("cimbvn",)),
    Bank("970446", "Co-op Bank", "Ngân hàng Hợp tác xã Việt Nam", ("hoptacxa", "coop")),
    Bank("796500", "DBS Bank", "NH TNHH MTV Phát triển Singapore - Chi nhánh TP. Hồ Chí Minh", ("dbshcm",)),
    Bank("970431", "Eximbank", "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam", ()),
    Bank("970408", "GPBank", "Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu", ("daukhi",)),
    Bank("970437", "HDBank", "Ngân hàng TMCP Phát triển TP. Hồ Chí Minh", ()),
    Bank("970442", "HongLeong Bank", "Ngân hàng TNHH MTV Hong Leong Việt Nam", ("HLBVN",)),
    Bank("458761", "HSBC Vietnam", "Ngân hàng TNHH MTV HSBC (Việt Nam)", ()),
    Bank("970456", "IBK HCM", "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh TP. Hồ Chí Minh", ("congnghiep",)),
    Bank("970455", "IBK HN", "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh Hà Nội", ("congnghiep",)),
    Bank("970434", "Indovina Bank", "Ngân hàng TNHH Indovina", ()),
    Bank("668888", "Kasikornbank", "Ngân hàng Đại chúng TNHH KASIKORNBANK - CN TP. Hồ Chí Minh", ()),
    Bank("970452", "KienlongBank", "Ngân hàng TMCP Kiên Long", ()),
    Bank("970463", "Kookmin Bank HCM", "Ngân hàng Kookmin - Chi nhánh TP. Hồ Chí Minh", ()),
    Bank("970462", "Kookmin Bank HN", "Ngân hàng Kookmin - Chi nhánh Hà Nội", ()),
    Bank("963369", "Liobank", "Ngân hàng số Liobank - Ngân hàng TMCP Phương Đông", ()),
    Bank("970449", "LPBank", "Ngân hàng TMCP Lộc Phát Việt Nam", ("lienvietbank", "loc phat")),
    Bank("970422", "MB Bank", "Ngân hàng TMCP Quân đội", ()),
    Bank("970414", "MBV", "Ngân hàng TNHH MTV Việt Nam Hiện Đại", ("daiduong", "mbv")),
    Bank("970426", "MSB", "Ngân hàng TMCP Hàng Hải", ("hanghai",)),
    Bank("970428", "Nam A Bank", "Ngân hàng TMCP Nam Á", ("namabank",)),
    Bank("970419", "NCB Bank", "Ngân hàng TMCP Quốc Dân", ("quocdan",)),
    Bank("801011", "Nonghyup Bank", "Ngân hàng Nonghyup - Chi nhánh Hà Nội", ()),
    Bank("970448", "OCB Bank", "Ngân hàng TMCP Phương Đông", ("phuongdong",)),
    Bank("970430", "PG Bank", "Ngân hàng TMCP Xăng dầu Petrolimex", ()),
    Bank("970439", "Public Bank Vietnam", "Ngân hàng TNHH MTV Public Việt Nam", ("publicvn",)),
    Bank("970412", "PVcomBank", "Ngân hàng TMCP Đại Chúng Việt Nam", ("daichung",)),
    Bank("970403", "Sacombank", "Ngân hàng TMCP Sài Gòn Thương Tín", ()),
    Bank("970400", "SaigonBank", "Ngân hàng TMCP Sài Gòn Công Thương", ("saigoncongthuong", "saigonbank")),
    Bank("970429", "SCB", "Ngân hàng TMCP Sài Gòn", ("saigon",)),
    Bank("970440", "SeABank", "Ngân hàng TMCP Đông Nam Á", ()),
    Bank("970443", "SHB", "Ngân hàng TMCP Sài Gòn - Hà Nội", ("saigonhanoi", "sghn")),
    Bank("970424", "Shinhan Bank", "Ngân hàng TNHH MTV Shinhan Việt Nam", ()),
    Bank("970410", "Standard Chartered Vietnam", "Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam", ()),
    Bank("970407", "Techcombank", "Ngân hàng TMCP Kỹ thương Việt Nam", ()),
    Bank("963388", "Timo", "Ngân hàng số Timo by Bản Việt Bank", ("banviet",)),
    Bank("970423", "TPBank", "Ngân hàng TMCP Tiên Phong", ("tienphong",)),
    Bank("546035", "Ubank by VPBank", "Ngân hàng số Ubank by VPBank - Ngân hàng TMCP Việt Nam Thịnh Vượng", ()),
    Bank("970458", "United Overseas Bank Vietnam", "Ngân hàng United Overseas Bank Việt Nam", ()),
    Bank("970441", "VIB", "Ngân hàng TMCP Quốc tế Việt Nam", ("quocte",)),
    Bank("970427", "VietABank", "Ngân hàng TMCP Việt Á", ()),
    Bank("970433", "VietBank", "Ngân hàng TMCP Việt Nam Thương Tín", ("vietnamthuongtin", "vnthuongtin")),
    Bank("970436", "Vietcombank", "Ngân hàng TMCP Ngoại Thương Việt Nam", ()),
    Bank("970415", "VietinBank", "Ngân hàng TMCP Công thương Việt Nam", ("viettin",)),
    Bank("970421", "VietNgaBank", "Ngân hàng Liên doanh Việt - Nga", ("vietnam-russia", "vrbank")),
    Bank("970406", "Vikki Bank", "Ngân hàng TNHH MTV Số Vikki", ("vikki", "dongabank", "dong a")),
    Bank("970432", "VPBank", "Ngân hàng TMCP Việt Nam Thịnh Vượng", ("vnthinhvuong",)),
    Bank("970457", "Woori Bank", "Ngân hàng TNHH MTV Woori Việt Nam", ()),
)

BY_BIN = {bank.bin: bank for bank in BANKS}

# The admin's select: "Vietcombank — Ngân hàng TMCP Ngoại Thương Việt Nam (970436)".
BANK_CHOICES = [(bank.bin, f"{bank.short_name} — {bank.name} ({bank.bin})") for bank in BANKS]


def short_name(bank_bin):
    bank = BY_BIN.get(bank_bin)
    return bank.short_name if bank else ""


def _key(text):
    return re.sub(r"[^0-9a-z]", "", fold(text))


def _names_by_key():
    keys = {}
    for bank in BANKS:
        names = {bank.short_name, *bank.keywords}
        if " - " not in bank.name:  # "Ngân hàng số X - Ngân hàng TMCP Y" names two banks
            names |= {bank.name, re.sub(r"^ngan hang\s+", "", fold(bank.name))}
        for name in names:
            key = _key(name)
            keys.setdefault(key, set()).add(bank.bin)
            # "MB Bank" is also written "MB"; but "VietBank" is not "Viet".
            if key.endswith("bank") and 2 <= len(key) - len("bank") <= 3:
                keys.setdefault(key[: -len("bank")], set()).add(bank.bin)
    return keys


_NAMES = _names_by_key()
# What follows the bank's own name in a typed bank: a branch, a city.
_BRANCH = re.compile(r",|\(| - | – |\bchi nhanh\b|\bcn\b|\bpgd\b|\bso giao dich\b")


def bin_for_name(bank_name):
    """The BIN of a typed bank name ("Vietcombank, chi nhánh Hà Nội", "Ngân hàng BIDV"),
    or "" when the name matches no bank or more than one."""
    head = _BRANCH.split(fold(bank_name), maxsplit=1)[0]
    words = re.sub(r"^(ngan hang|nh)\s+(tmcp\s+)?", "", head.strip()).split()
    # The longest run of first words that names a bank: "Vietinbank Hà Đông" is VietinBank.
    for end in range(len(words), 0, -1):
        head = " ".join(words[:end])
        found = _NAMES.get(_key(head), set()) | _NAMES.get(_key("ngan hang tmcp " + head), set())
        if found:
            return next(iter(found)) if len(found) == 1 else ""
    return ""
