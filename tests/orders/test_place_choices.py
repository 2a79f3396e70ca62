"""The checkout's ward/commune and district selects list their places in Vietnamese
alphabetical order: "Phường Dương Nội" (d) before "Phường Đại Mỗ" (đ)."""

import pytest
from django.urls import reverse

from orders.forms import place_choices
from tests import factories
from tests.shopping import add

pytestmark = pytest.mark.django_db


def names(choices):
    return [name for _pk, name in choices]


def test_communes_are_in_vietnamese_alphabetical_order():
    communes, _ = place_choices()
    shown = names(communes)
    assert shown.index("Phường Dương Nội") < shown.index("Phường Đại Mỗ") < shown.index("Phường Đống Đa")
    assert shown.index("Phường Ô Chợ Dừa") < shown.index("Phường Phú Diễn")
    assert shown.index("Xã Ba Vì") < shown.index("Xã Bát Tràng")


def test_districts_are_in_vietnamese_alphabetical_order():
    _, districts = place_choices()
    shown = names(districts)
    assert shown.index("Ba Đình") < shown.index("Ba Vì") < shown.index("Cầu Giấy")
    assert shown.index("Đông Anh") < shown.index("Gia Lâm")
    assert shown.index("Chương Mỹ") < shown.index("Đan Phượng") < shown.index("Đông Anh")


def test_the_choices_take_one_query(django_assert_num_queries):
    factories.district()
    with django_assert_num_queries(1):
        place_choices()


def test_both_place_labels_name_the_same_month(client, english_site):
    """The commune select says "since July 2025": the district one said "before 2025", as
    if the districts had gone at New Year."""
    add(client, factories.PublishedProductFactory())
    page = client.get(reverse("orders:checkout")).content.decode()
    assert "Ward or commune (since July 2025)" in page
    assert "Or the district (before July 2025)" in page
