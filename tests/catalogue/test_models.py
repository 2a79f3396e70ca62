"""The data model's rules, enforced by the database and by model validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from catalogue.certificates import CertificateStatus
from catalogue.codes import TRACE_CODE_ALPHABET, normalise_gtin
from catalogue.models import Product
from core.formats import vnd
from core.text import fold
from tests import factories

pytestmark = pytest.mark.django_db


def assert_rejected_by_database(**changes):
    product = factories.PublishedProductFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Product.objects.filter(pk=product.pk).update(**changes)


@pytest.mark.parametrize("stars", [0, 2, 6])
def test_database_rejects_star_ratings_other_than_3_4_5(stars):
    assert_rejected_by_database(stars=stars)


@pytest.mark.parametrize("stars", [3, 4, 5])
def test_database_accepts_3_4_and_5_stars(stars):
    product = factories.PublishedProductFactory(stars=stars)
    product.refresh_from_db()
    assert product.stars == stars


def test_model_validation_explains_wrong_star_rating():
    product = factories.PublishedProductFactory()
    product.stars = 2
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "stars" in error.value.message_dict


def test_only_a_four_star_product_can_be_potential_five_star():
    assert_rejected_by_database(stars=3, potential_five_star=True)
    product = factories.PublishedProductFactory(stars=4, potential_five_star=True)
    assert product.potential_five_star


def test_product_set_must_belong_to_its_group():
    assert_rejected_by_database(group="food", product_set="handicrafts-decor")


def test_gtin_with_wrong_check_digit_is_refused():
    product = factories.PublishedProductFactory()
    product.gtin = "8934567890123"  # correct check digit is 0
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            product.full_clean()
        assert "check digit" in " ".join(error.value.message_dict["gtin"])


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("8934567890120", "08934567890120"),
        ("893 4567 89012 0", "08934567890120"),
        ("96385074", "00000096385074"),
        ("036000291452", "00036000291452"),
        ("10012345678902", "10012345678902"),
    ],
)
def test_gtin_is_stored_as_fourteen_digits(typed, stored):
    assert normalise_gtin(typed) == stored
    product = factories.PublishedProductFactory()
    product.gtin = typed.replace(" ", "")
    product.full_clean()
    product.save()
    product.refresh_from_db()
    assert product.gtin == stored


def test_gtin_is_unique_and_empty_gtins_do_not_clash():
    factories.PublishedProductFactory(gtin="08934567890120")
    factories.PublishedProductFactory(gtin=None)
    factories.PublishedProductFactory(gtin="")  # stored as NULL, so a second empty GTIN is fine
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.PublishedProductFactory(gtin="08934567890120")


def test_database_rejects_a_gtin_that_is_not_fourteen_digits():
    assert_rejected_by_database(gtin="893456789012")


def test_duplicate_trace_codes_are_rejected_case_insensitively():
    first = factories.PublishedProductFactory(trace_code="abc1234")
    assert first.trace_code == "ABC1234"
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.PublishedProductFactory(trace_code="ABC1234")


def test_every_product_gets_a_short_trace_code():
    codes = {factories.PublishedProductFactory().trace_code for _ in range(5)}
    assert len(codes) == 5
    # Crockford's alphabet (no I, L, O, U): an all-digit code is rare but valid, so no
    # isupper(), which is False for it (it failed CI once).
    assert all(len(code) == 7 and set(code) <= set(TRACE_CODE_ALPHABET) for code in codes)


def test_lot_code_is_unique_per_product_but_reusable_across_products():
    lot = factories.LotFactory(code="L2601-01")
    factories.LotFactory(code="L2601-01")  # another product: allowed
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.LotFactory(product=lot.product, code="L2601-01")


def test_lot_best_before_cannot_precede_production():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.LotFactory(produced_on=datetime.date(2026, 5, 1), best_before=datetime.date(2026, 4, 1))


def test_lot_code_with_characters_unsafe_in_a_url_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.LotFactory(code="L 01/2")


def test_certificate_is_valid_for_36_months_unless_set():
    product = factories.PublishedProductFactory(certificate_date=datetime.date(2024, 2, 29))
    assert product.certificate_valid_until == datetime.date(2027, 2, 28)
    product = factories.PublishedProductFactory(
        certificate_date=datetime.date(2024, 1, 10), certificate_valid_until=datetime.date(2025, 1, 10)
    )
    assert product.certificate_valid_until == datetime.date(2025, 1, 10)


@pytest.mark.parametrize(
    "days_left, status",
    [
        (91, CertificateStatus.VALID),
        (90, CertificateStatus.EXPIRING),
        (1, CertificateStatus.EXPIRING),
        (0, CertificateStatus.EXPIRING),  # valid through its last day
        (-1, CertificateStatus.EXPIRED),  # expired the day after
    ],
)
def test_certificate_status_at_its_boundaries(days_left, status):
    today = timezone.localdate()
    product = factories.PublishedProductFactory(
        certificate_date=today - datetime.timedelta(days=900),
        certificate_valid_until=today + datetime.timedelta(days=days_left),
    )
    assert product.certificate_status == status
    # The queryset filters apply the same rule as the property.
    expected = {
        CertificateStatus.EXPIRING: Product.objects.certificate_expiring(),
        CertificateStatus.EXPIRED: Product.objects.certificate_expired(),
    }
    for other_status, queryset in expected.items():
        assert queryset.filter(pk=product.pk).exists() == (other_status == status)
    assert Product.objects.certificate_current().filter(pk=product.pk).exists() == (status != CertificateStatus.EXPIRED)


def test_withdrawn_certificate_shows_as_withdrawn_even_before_expiry():
    product = factories.WithdrawnProductFactory()
    assert product.certificate_status == CertificateStatus.WITHDRAWN
    assert not product.certificate_status.is_current
    assert not Product.objects.certificate_current().filter(pk=product.pk).exists()


def test_certificate_cannot_expire_before_its_decision():
    assert_rejected_by_database(certificate_valid_until=datetime.date(2000, 1, 1))


def test_village_coordinates_must_be_on_earth_and_come_in_pairs():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.VillageFactory(latitude=120, longitude=105)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.VillageFactory(latitude=21.0, longitude=None)


def test_producer_village_must_be_in_the_producers_district():
    village = factories.VillageFactory(district_slug="gia-lam")
    producer = factories.ProducerFactory(village=village)
    producer.district = factories.district("phu-xuyen")
    with pytest.raises(ValidationError) as error:
        producer.full_clean()
    assert "village" in error.value.message_dict


def test_search_fields_fold_vietnamese_and_follow_related_names():
    village = factories.VillageFactory(name="Bát Tràng")
    producer = factories.ProducerFactory(name="Gốm Quang Vinh", village=village)
    product = factories.PublishedProductFactory(name="Đĩa sứ vẽ tay", producer=producer)
    assert product.search_name == "dia su ve tay"
    for word in ["bat trang", "gom quang vinh", "gia lam", "gom su", "ceramics"]:
        assert word in product.search_text


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Bát Tràng", "bat trang"),
        ("BÁT TRÀNG", "bat trang"),
        ("Đường Lâm", "duong lam"),
        ("  Phú   Xuyên ", "phu xuyen"),
        ("Ứng Hòa", "ung hoa"),
        ("", ""),
    ],
)
def test_fold_removes_vietnamese_diacritics_and_case(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("amount, shown", [(350000, "350.000\u00a0₫"), (1500000, "1.500.000\u00a0₫"), (0, "0\u00a0₫")])
def test_prices_are_formatted_the_vietnamese_way(amount, shown):
    assert vnd(amount) == shown


def test_every_model_links_to_its_page(client):
    product = factories.PublishedProductFactory()
    lot = factories.LotFactory(product=product)
    showroom = factories.ShowroomFactory(products=[product])
    for obj in [
        product,
        product.producer,
        product.producer.village,
        product.producer.district,
        product.craft,
        showroom,
    ]:
        assert client.get(obj.get_absolute_url()).status_code == 200, obj
    assert lot.get_absolute_url().startswith(product.get_absolute_url())
