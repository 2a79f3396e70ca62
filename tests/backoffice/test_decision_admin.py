"""Officers record a decision once and attach its products, only their own districts'."""

import datetime

import pytest
from django.utils import timezone

from catalogue.models import Certification, Decision, Product
from tests import factories
from tests.scope import admin_url

pytestmark = pytest.mark.django_db


def decision_form(decision=None, rows=(), **header):
    """The decision admin's POST: header fields, then one inline row per (product, stars)."""
    data = {
        "number": "2150/QĐ-UBND",
        "decided_on": "2026-05-20",
        "issuer_vi": "UBND thành phố Hà Nội",
        "issuer_en": "",
        "level": "province",
        "valid_until": "",
        "certifications-TOTAL_FORMS": str(len(rows)),
        "certifications-INITIAL_FORMS": "0",
        "certifications-MIN_NUM_FORMS": "0",
        "certifications-MAX_NUM_FORMS": "1000",
        # The read-only list of other districts' products is a second formset of the model.
        "certifications-2-TOTAL_FORMS": "0",
        "certifications-2-INITIAL_FORMS": "0",
        "_save": "Save",
        **header,
    }
    for index, (product, stars) in enumerate(rows):
        data.update(
            {
                f"certifications-{index}-product": str(product.pk),
                f"certifications-{index}-kind": "assessment",
                f"certifications-{index}-stars": str(stars),
                f"certifications-{index}-valid_until": "",
                f"certifications-{index}-withdrawn_on": "",
                f"certifications-{index}-withdrawn_reason_vi": "",
                f"certifications-{index}-withdrawn_reason_en": "",
            }
        )
    return data


def test_an_officer_records_a_decision_with_their_products_and_each_product_shows_it(officer_client, world):
    own = world["own"]["product"]
    second = factories.PublishedProductFactory(producer=world["own"]["producer"], stars=3)
    decided_on = timezone.localdate() - datetime.timedelta(days=1)
    response = officer_client.post(
        admin_url("catalogue", "decision", "add"),
        decision_form(rows=[(own, 5), (second, 4)], decided_on=decided_on.isoformat()),
    )
    assert response.status_code == 302, response.context and response.context["errors"]

    decision = Decision.objects.get(number="2150/QĐ-UBND")
    assert decision.certifications.count() == 2
    own = Product.objects.get(pk=own.pk)
    # The newest certificate is the product's current one.
    assert (own.stars, own.certificate_number, own.certificate_date) == (5, "2150/QĐ-UBND", decided_on)
    assert own.certificate_valid_until == decided_on.replace(year=decided_on.year + 3)
    assert Certification.objects.get(product=own, decision=decision).kind == "assessment"


def test_a_product_of_another_district_cannot_be_attached_and_nothing_is_saved(officer_client, world):
    own, other = world["own"]["product"], world["other"]["product"]
    response = officer_client.post(
        admin_url("catalogue", "decision", "add"), decision_form(rows=[(own, 4), (other, 4)])
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode() or "Hãy chọn" in response.content.decode()
    assert not Decision.objects.filter(number="2150/QĐ-UBND").exists()
    assert Product.objects.get(pk=other.pk).certificate_number != "2150/QĐ-UBND"


def test_a_decision_listing_another_districts_products_is_read_only_to_the_officer(officer_client, world):
    decision = world["other"]["product"].certifications.get().decision
    page = officer_client.get(admin_url("catalogue", "decision", "change", decision.pk))
    assert page.status_code == 200
    body = page.content.decode()
    assert 'name="number"' not in body  # the header is shown, not offered for editing
    assert "Sản phẩm Gia Lâm" in body  # listed read-only among other districts' products
    assert (
        officer_client.post(admin_url("catalogue", "decision", "delete", decision.pk), {"post": "yes"}).status_code
        == 403
    )
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_an_officer_cannot_open_another_districts_certification(officer_client, world):
    other = world["other"]["product"].certifications.get()
    response = officer_client.get(admin_url("catalogue", "certification", "change", other.pk))
    assert response.status_code == 404
    own = world["own"]["product"].certifications.get()
    assert officer_client.get(admin_url("catalogue", "certification", "change", own.pk)).status_code == 200


def test_the_product_admin_lists_the_history_with_links(officer_client, world):
    product = world["own"]["product"]
    body = officer_client.get(admin_url("catalogue", "product", "change", product.pk)).content.decode()
    certification = product.certifications.get()
    assert admin_url("catalogue", "certification", "change", certification.pk) in body
    assert certification.decision.number in body, body[body.find("Lịch sử") :][:2000]
