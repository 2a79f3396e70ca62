"""Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
letters first, then tones (none, huyền, hỏi, ngã, sắc, nặng), then case."""

import unicodedata

import pytest

from core.text import vietnamese_sort_key


def in_order(*names):
    return sorted(names, key=vietnamese_sort_key) == list(names)


@pytest.mark.parametrize(
    "names",
    [
        ("Dương", "Đại"),  # d before đ, whatever the next letters
        ("Phường Dương Nội", "Phường Đại Mỗ", "Phường Đống Đa"),
        ("An", "Ân", "Bình"),
        ("An", "Ăn", "Ân"),  # a ă â
        ("Om", "Ôm", "Ơm", "Pha"),  # o ô ơ, all before p
        ("Ô Chợ Dừa", "Phú Xuyên"),
        ("Em", "Êm", "Gà"),
        ("Tu", "Tư", "Vân"),
        ("ma", "mà", "mả", "mã", "má", "mạ"),  # tones after the letters, in dictionary order
        ("mạ", "mac"),  # a tone never outranks a letter
        ("Ba Vì", "Bác"),  # a word ends before a longer one
        ("Ba Đình", "Ba Vì", "Cầu Giấy", "Chương Mỹ", "Hà Đông", "Hoàn Kiếm"),
        ("an", "An"),  # then case, lower first
    ],
)
def test_vietnamese_alphabetical_order(names):
    assert in_order(*names)


def test_the_key_ignores_how_the_text_was_typed():
    composed = "Phường Dương Nội"
    decomposed = unicodedata.normalize("NFD", composed)  # as some keyboards send it
    assert vietnamese_sort_key(composed)[:3] == vietnamese_sort_key(decomposed)[:3]
    assert vietnamese_sort_key("  Ba   Vì ")[:3] == vietnamese_sort_key("Ba Vì")[:3]


def test_text_without_letters_sorts_first_and_empty_text_works():
    assert in_order("", "12", "An")
    assert vietnamese_sort_key(None) == vietnamese_sort_key("")
