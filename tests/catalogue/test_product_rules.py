"""A product's derived values and rules are the same however it is saved: from the admin
form, from an import file, or from code. Defaults are filled in one place; the database
constraints are checked by full_clean() with their own messages, and a refused product
writes nothing."""

import datetime
import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from catalogue.models import Producer, Product
from tests import factories
from tests.import_files import confirm, preview, product_csv

pytestmark = pytest.mark.django_db

DECISION = datetime.date(2026, 3, 1)
THIRTY_SIX_MONTHS_LATER = datetime.date(2029, 3, 1)


def admin_add_data(**changes):
    """The admin's "add product" form as an officer fills it in (no trace code field)."""
    data = {
        "name_vi": "Hộp sơn mài",
        "slug": "hop-son-mai",
        "producer": Producer.objects.get(slug="son-mai-son-ha").pk,
        "craft": factories.craft("lacquer").pk,
        "group": "handicrafts",
        "product_set": "handicrafts-decor",
        "stars": "4",
        "certificate_number": "12/QĐ-UBND",
        "certificate_issuer_vi": "UBND thành phố Hà Nội",
        "certificate_level": "province",
        "certificate_date": DECISION.isoformat(),
        "certificate_valid_until": "",
        "price": "550000",
        "unit_vi": "chiếc",
        "stock_quantity": "12",
        "gtin": "",
        "is_published": "on",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
        "lots-TOTAL_FORMS": "0",
        "lots-INITIAL_FORMS": "0",
        "lots-MIN_NUM_FORMS": "0",
        "lots-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def add_in_admin(client, **changes):
    return client.post(reverse("admin:catalogue_product_add"), admin_add_data(**changes))


def saved_from_admin(client, gtin):
    response = add_in_admin(client, gtin=gtin)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Product.objects.get(slug="hop-son-mai")


def saved_from_import(client, gtin):
    response = preview(client, product_csv([{"slug": "hop-son-mai", "gtin": gtin, "trace_code": ""}]))
    assert response.context.get("confirm_form") is not None, response.content.decode()[-2000:]
    confirm(client, response)
    return Product.objects.get(slug="hop-son-mai")


def saved_from_code(client, gtin):
    return factories.PublishedProductFactory(
        slug="hop-son-mai",
        producer=Producer.objects.get(slug="son-mai-son-ha"),
        certificate_date=DECISION,
        gtin=gtin,
    )


@pytest.mark.parametrize("save", [saved_from_admin, saved_from_import, saved_from_code])
@pytest.mark.parametrize("typed, stored", [("", None), ("8934567890120", "08934567890120")])
def test_defaults_are_filled_the_same_from_the_admin_an_import_and_code(importing_officer, save, typed, stored):
    """An empty end date is 36 months after the decision, an empty trace code is drawn,
    an empty GTIN is none and a typed one is stored as 14 digits."""
    product = save(importing_officer, typed)
    product.refresh_from_db()
    assert product.certificate_valid_until == THIRTY_SIX_MONTHS_LATER
    assert product.gtin == stored
    assert len(product.trace_code) == 7 and product.trace_code.isalnum() and product.trace_code.isupper()


def test_a_wrong_gtin_is_explained_once_beside_its_field(importing_officer):
    response = add_in_admin(importing_officer, gtin="8934567890123")  # the check digit should be 0
    assert response.status_code == 200
    message = "This GTIN's check digit is wrong: check the number on the barcode."
    assert response.context["adminform"].form.errors == {"gtin": [message]}
    assert html.unescape(response.content.decode()).count(message) == 1
    assert not Product.objects.exists()


@pytest.mark.parametrize(
    "changes, field, english, vietnamese",
    [
        (
            {"group": "food"},
            "product_set",
            "This product set belongs to another OCOP group.",
            "Bộ sản phẩm này thuộc nhóm OCOP khác.",
        ),
        (
            {"stars": "3", "potential_five_star": "on"},
            "potential_five_star",
            "Only a 4-star product can be a potential 5-star.",
            "Chỉ sản phẩm 4 sao mới có thể là tiềm năng 5 sao.",
        ),
        (
            {"certificate_valid_until": "2026-02-28"},
            "__all__",
            "A certificate cannot expire before its decision date.",
            "Chứng nhận không thể hết hạn trước ngày quyết định.",
        ),
    ],
)
@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_admin_explains_a_broken_rule_in_the_officers_language_and_saves_nothing(
    importing_officer, settings, changes, field, english, vietnamese, language
):
    importing_officer.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    message = english if language == "en" else vietnamese
    response = add_in_admin(importing_officer, **changes)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {field: [message]}
    assert html.unescape(response.content.decode()).count(message) == 1
    assert not Product.objects.exists()


def test_an_edit_that_breaks_a_rule_changes_nothing(importing_officer):
    product = factories.PublishedProductFactory(
        producer=Producer.objects.get(slug="son-mai-son-ha"), slug="hop-son-mai"
    )
    url = reverse("admin:catalogue_product_change", args=[product.pk])
    data = admin_add_data(group="food", craft=product.craft_id, certificate_date=product.certificate_date.isoformat())
    response = importing_officer.post(url, data)
    assert response.context["adminform"].form.errors == {
        "product_set": ["This product set belongs to another OCOP group."]
    }
    product.refresh_from_db()
    assert product.group == "handicrafts"


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"group": "food"}, "product_set", "This product set belongs to another OCOP group."),
        (
            {"stars": 3, "potential_five_star": True},
            "potential_five_star",
            "Only a 4-star product can be a potential 5-star.",
        ),
        (
            {"certificate_valid_until": DECISION - datetime.timedelta(days=1)},
            "__all__",
            "A certificate cannot expire before its decision date.",
        ),
        ({"stars": 2}, "stars", None),  # not a choice: the field says so, the constraint adds nothing
    ],
)
def test_full_clean_gives_the_constraints_messages(changes, field, message):
    product = factories.PublishedProductFactory(certificate_date=DECISION)
    for name, value in changes.items():
        setattr(product, name, value)
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            product.full_clean()
        assert list(error.value.message_dict) == [field]
        if message:
            assert error.value.message_dict[field] == [message]


def test_an_import_row_breaking_a_rule_is_refused_in_words_and_writes_nothing(importing_officer):
    response = preview(importing_officer, product_csv([{"slug": "hop-1", "group": "food"}, {"slug": "hop-2"}]))
    result = response.context["result"]
    assert {row.number for row in result.invalid_rows} == {1}
    assert "This product set belongs to another OCOP group." in response.content.decode()
    assert not Product.objects.filter(slug__startswith="hop-").exists()
