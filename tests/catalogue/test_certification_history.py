"""Certificates as records (issue 14): decisions, a product's certification history, and the
copy of the current certificate that lists, counts and badges read off the product."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from catalogue.certificates import CertificateStatus, ProductSet
from catalogue.models import Certification, Decision, Product
from tests.factories import PublishedProductFactory
from tests.factories.images import jpeg

pytestmark = pytest.mark.django_db


def reassess(product, number, decided_on, stars=None, issuer="UBND thành phố Hà Nội"):
    """What an officer does in the product form: type the new decision over the old one."""
    product.certificate_number = number
    product.certificate_date = decided_on
    product.certificate_issuer = issuer
    product.certificate_valid_until = None
    if stars:
        product.stars = stars
    product.save()
    return Product.objects.get(pk=product.pk)


def test_a_new_product_is_recorded_under_its_decision_and_products_of_one_decision_share_it(today):
    first = PublishedProductFactory(certificate_number="1032/QĐ-UBND", certificate_date=today.date)
    second = PublishedProductFactory(certificate_number="1032/QĐ-UBND", certificate_date=today.date, stars=3)

    decision = Decision.objects.get()
    assert decision.number == "1032/QĐ-UBND" and decision.decided_on == today.date
    assert decision.issuer == "UBND thành phố Hà Nội"
    rows = {row.product_id: row for row in decision.certifications.all()}
    assert set(rows) == {first.pk, second.pk}
    assert rows[second.pk].stars == 3
    assert rows[first.pk].kind == Certification.Kind.ASSESSMENT
    # 36 months from the decision, as the product's own copy says.
    assert rows[first.pk].valid_until == datetime.date(today.date.year + 3, today.date.month, today.date.day)
    assert Product.objects.get(pk=first.pk).certificate_valid_until == rows[first.pk].valid_until


def test_a_new_decision_typed_on_the_product_records_a_reassessment_and_keeps_the_old_one(today):
    product = PublishedProductFactory(
        certificate_number="88/QĐ-UBND", certificate_date=today.date - datetime.timedelta(days=1000)
    )
    product = reassess(product, "4500/QĐ-UBND", today.date - datetime.timedelta(days=10), stars=5)

    history = list(Certification.objects.history_of(product))
    assert [row.decision.number for row in history] == ["88/QĐ-UBND", "4500/QĐ-UBND"]
    assert [row.kind for row in history] == ["assessment", "reassessment"]
    assert [row.stars for row in history] == [4, 5]
    assert product.stars == 5 and product.certificate_number == "4500/QĐ-UBND"
    assert product.current_certification() == history[-1]


def test_editing_other_fields_does_not_touch_the_history(django_assert_max_num_queries):
    product = Product.objects.get(pk=PublishedProductFactory().pk)
    product.stock_quantity = 3
    product.save()
    assert Certification.objects.filter(product=product).count() == 1
    assert Decision.objects.count() == 1


def test_withdrawing_the_current_certification_takes_the_product_off_sale(today):
    product = PublishedProductFactory()
    certification = product.certifications.get()
    certification.withdrawn = True
    certification.withdrawn_reason = "Không duy trì tiêu chí"
    certification.full_clean()
    certification.save()

    product = Product.objects.get(pk=product.pk)
    assert product.certificate_withdrawn and product.certificate_status == CertificateStatus.WITHDRAWN
    assert product.certificate_withdrawn_reason == "Không duy trì tiêu chí"
    assert certification.withdrawn_on == today.date  # clean() dates a new withdrawal
    assert not Product.objects.on_sale().filter(pk=product.pk).exists()


def test_withdrawing_a_reassessment_falls_back_to_the_earlier_certificate_in_force(today):
    product = PublishedProductFactory(certificate_date=today.date - datetime.timedelta(days=200), stars=4)
    product = reassess(product, "77/QĐ-BNNMT", today.date - datetime.timedelta(days=5), stars=5)
    assert product.stars == 5

    upgrade = product.current_certification()
    upgrade.withdrawn, upgrade.withdrawn_on, upgrade.withdrawn_reason = True, today.date, "Nhầm hồ sơ"
    upgrade.save()

    product = Product.objects.get(pk=product.pk)
    assert product.stars == 4 and not product.certificate_withdrawn
    assert product.certificate_status.is_current


def test_a_typed_withdrawal_on_the_product_is_recorded_on_its_certification(today):
    product = Product.objects.get(pk=PublishedProductFactory().pk)
    product.certificate_withdrawn = True
    product.certificate_withdrawn_reason = "Vi phạm nhãn"
    product.save()
    row = product.certifications.get()
    assert row.withdrawn and row.withdrawn_on == today.date and row.withdrawn_reason == "Vi phạm nhãn"


def test_a_decision_whose_validity_ends_before_it_starts_is_refused(today):
    decision = Decision(
        number="5/QĐ-UBND",
        decided_on=today.date,
        issuer="UBND thành phố Hà Nội",
        level="province",
        valid_until=today.date - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        decision.full_clean()
    assert "valid_until" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        decision.save()


def test_a_certificate_under_a_decision_with_a_stated_validity_ends_with_it(today):
    decision = Decision.objects.create(
        number="9/QĐ-UBND",
        decided_on=today.date,
        issuer="UBND thành phố Hà Nội",
        level="province",
        valid_until=today.date + datetime.timedelta(days=400),
    )
    product = PublishedProductFactory()
    Certification.objects.create(product=product, decision=decision, stars=4)
    product = Product.objects.get(pk=product.pk)
    assert product.certificate_valid_until == today.date + datetime.timedelta(days=400)
    assert product.certificate_number == "9/QĐ-UBND"


def test_a_product_is_listed_once_per_decision():
    product = PublishedProductFactory()
    decision = product.certifications.get().decision
    with pytest.raises(ValidationError):
        Certification(product=product, decision=decision, stars=4).full_clean()


def test_a_withdrawal_date_needs_a_withdrawal_and_cannot_precede_the_decision(today):
    product = PublishedProductFactory()
    row = product.certifications.get()
    row.withdrawn_on = today.date
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "withdrawn" in error.value.message_dict
    row.withdrawn = True
    row.withdrawn_on = row.valid_from - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "withdrawn_on" in error.value.message_dict


@pytest.mark.parametrize(
    "name, content, accepted",
    [
        ("quyet-dinh.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", True),
        ("quyet-dinh.pdf", b"<html><script>alert(1)</script>", False),
        ("quyet-dinh.jpg", None, True),
        ("quyet-dinh.jpg", b"not an image at all", False),
        ("quyet-dinh.exe", b"MZ\x90\x00", False),
    ],
)
def test_a_decisions_scan_must_be_a_real_pdf_or_image(today, name, content, accepted):
    upload = SimpleUploadedFile(name, jpeg().read() if content is None else content)
    decision = Decision(
        number="1/QĐ-UBND", decided_on=today.date, issuer="UBND thành phố Hà Nội", level="province", scan=upload
    )
    if accepted:
        decision.full_clean(exclude=["slug"])
    else:
        with pytest.raises(ValidationError) as error:
            decision.full_clean(exclude=["slug"])
        assert "scan" in error.value.message_dict


def test_decision_numbers_are_found_without_diacritics_or_punctuation(today):
    PublishedProductFactory(certificate_number="1032/QĐ-UBND")
    PublishedProductFactory(certificate_number="77/QĐ-BNNMT")
    for typed in ("1032/QĐ-UBND", "1032/qd-ubnd", "1032 qd ubnd", "1032"):
        assert [d.number for d in Decision.objects.matching_number(typed)] == ["1032/QĐ-UBND"], typed
    assert not Decision.objects.matching_number("  ").exists()


def test_the_26_product_sets_are_numbered_in_their_groups():
    assert len(ProductSet) == 26
    assert ProductSet.FOOD_TEA.number == 11 and ProductSet.FOOD_TEA.group == "food"
    assert ProductSet.HANDICRAFTS_DECOR.number == 21 and ProductSet.TOURISM_SERVICES.number == 26
    groups = [product_set.group.value for product_set in ProductSet]
    assert groups == sorted(groups, key=["food", "beverages", "herbs", "handicrafts", "ornamental", "tourism"].index)


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_product_and_trace_pages_show_the_current_certificate_then_the_history(client, today, language):
    product = PublishedProductFactory(
        certificate_number="88/QĐ-UBND", certificate_date=datetime.date(2021, 5, 4), stars=4
    )
    today.move_to(datetime.date(2024, 4, 1))
    reassess(product, "4500/QĐ-UBND", datetime.date(2024, 3, 20), stars=4)
    prefix = "/en" if language == "en" else ""
    product_page = text_of(client.get(f"{prefix}{product.get_absolute_url()}").content.decode())
    trace_page = text_of(client.get(product.get_trace_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode())
    expected = {
        "vi": "4★ 2021–2024, đánh giá lại 4★ năm 2024, hiệu lực đến 20/03/2027",
        "en": "4★ 2021–2024, re-assessed 4★ in 2024, valid until 20 March 2027",
    }[language]
    for page in (product_page, trace_page):
        assert expected in page
        # The current certificate comes first, the history below it.
        assert page.index("4500/QĐ-UBND") < page.index(expected) < page.index("88/QĐ-UBND")


def test_an_import_row_with_a_new_decision_records_a_reassessment(importing_officer):
    from tests.import_files import confirm, preview, product_csv

    confirm(importing_officer, preview(importing_officer, product_csv([{"slug": "hop-1"}])))
    confirm(
        importing_officer,
        preview(
            importing_officer,
            product_csv(
                [{"slug": "hop-1", "certificate_number": "99/QĐ-UBND", "certificate_date": "2026-05-02", "stars": "5"}]
            ),
        ),
    )
    product = Product.objects.get(slug="hop-1")
    history = list(Certification.objects.history_of(product))
    assert [(row.decision.number, row.stars, row.kind) for row in history] == [
        ("12/QĐ-UBND", 4, "assessment"),
        ("99/QĐ-UBND", 5, "reassessment"),
    ]
    assert (product.stars, product.certificate_number) == (5, "99/QĐ-UBND")
