"""The decisions and certificates as open data: /api/v1/decisions/ and /api/v1/certifications/,
and their bulk files."""

import datetime

import pytest

from catalogue.models import Product
from tests import factories

pytestmark = pytest.mark.django_db


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def reassess(product, number, decided_on, stars):
    product = Product.objects.get(pk=product.pk)
    product.certificate_number, product.certificate_date, product.stars = number, decided_on, stars
    product.certificate_valid_until = None
    product.save()
    return product


def test_a_decision_lists_its_published_products_count_and_links(client, today):
    shared = dict(certificate_number="1032/QĐ-UBND", certificate_date=datetime.date(2026, 3, 2))
    factories.PublishedProductFactory(**shared)
    factories.PublishedProductFactory(**shared)
    factories.DraftProductFactory(**shared)
    [decision] = results(client, "/api/v1/decisions/")
    assert decision["number"] == "1032/QĐ-UBND" and decision["decided_on"] == "2026-03-02"
    assert decision["products_published"] == 2  # the draft is not counted
    assert decision["valid_until"] == "2029-03-02"
    assert decision["level"]["code"] == "province" and decision["issuer"]["vi"] == "UBND thành phố Hà Nội"
    assert decision["url"]["en"].endswith(f"/en/certificates/decisions/{decision['slug']}/")


def test_a_standard_issuer_without_an_english_name_is_named_in_english_as_on_the_pages(client):
    """The pages name standard issuers in English from the glossary (catalogue/issuers.py);
    the API gave null, and an unknown body still gets null rather than a guess."""
    factories.PublishedProductFactory(
        certificate_number="88/QĐ-UBND", certificate_issuer="UBND huyện Phú Xuyên", certificate_issuer_en=""
    )
    factories.PublishedProductFactory(
        certificate_number="12/QĐ-HTX", certificate_issuer="Hội đồng OCOP xã Tân Dân", certificate_issuer_en=""
    )
    issuers = {row["number"]: row["issuer"] for row in results(client, "/api/v1/decisions/")}
    assert issuers["88/QĐ-UBND"] == {"vi": "UBND huyện Phú Xuyên", "en": "Phu Xuyen District People's Committee"}
    assert issuers["12/QĐ-HTX"] == {"vi": "Hội đồng OCOP xã Tân Dân", "en": None}


def test_a_decision_with_only_unpublished_products_is_not_published(client):
    factories.DraftProductFactory(certificate_number="9/QĐ-UBND")
    assert results(client, "/api/v1/decisions/") == []
    assert results(client, "/api/v1/certifications/") == []


def test_a_products_history_is_published_with_each_status_and_the_superseded_flag(client, today):
    product = factories.PublishedProductFactory(
        certificate_number="88/QĐ-UBND", certificate_date=datetime.date(2024, 1, 5)
    )
    reassess(product, "4500/QĐ-UBND", datetime.date(2026, 5, 1), stars=5)
    rows = results(client, f"/api/v1/certifications/?product={product.slug}")
    by_number = {row["decision"]["number"]: row for row in rows}
    old, new = by_number["88/QĐ-UBND"], by_number["4500/QĐ-UBND"]
    assert (old["kind"]["code"], old["stars"], old["superseded"]) == ("assessment", 4, True)
    assert (new["kind"]["code"], new["stars"], new["superseded"]) == ("reassessment", 5, False)
    assert new["status"]["code"] == "valid" and new["product"]["trace_url"].endswith(product.get_trace_url())


def test_a_withdrawal_is_published_with_its_date_and_reason_in_both_languages(client, today):
    product = factories.PublishedProductFactory()
    row = product.certifications.get()
    row.withdrawn, row.withdrawn_on = True, today.date
    row.withdrawn_reason_vi, row.withdrawn_reason_en = "Vi phạm nhãn", "Labelling breach"
    row.save()
    [published] = results(client, "/api/v1/certifications/?status=withdrawn")
    assert published["withdrawn_on"] == today.date.isoformat()
    assert published["withdrawn_reason"] == {"vi": "Vi phạm nhãn", "en": "Labelling breach"}
    assert published["status"]["code"] == "withdrawn"
    assert results(client, "/api/v1/certifications/?status=valid") == []


@pytest.mark.parametrize("typed", ["1032/QĐ-UBND", "1032/qd-ubnd", "1032 qd ubnd"])
def test_decisions_and_certifications_are_found_by_number_however_typed(client, typed):
    factories.PublishedProductFactory(certificate_number="1032/QĐ-UBND")
    factories.PublishedProductFactory(certificate_number="77/QĐ-BNNMT")
    assert [d["number"] for d in results(client, f"/api/v1/decisions/?number={typed}")] == ["1032/QĐ-UBND"]
    assert [c["decision"]["number"] for c in results(client, f"/api/v1/certifications/?number={typed}")] == [
        "1032/QĐ-UBND"
    ]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("/api/v1/certifications/?status=fake", "status"),
        ("/api/v1/certifications/?stars=7", "stars"),
        ("/api/v1/certifications/?year=abc", "year"),
        ("/api/v1/certifications/?district=atlantis", "district"),
        ("/api/v1/decisions/?level=king", "level"),
        ("/api/v1/decisions/?year=1900", "year"),
        ("/api/v1/decisions/?nummber=1", "nummber"),
    ],
)
def test_wrong_filters_are_400s_naming_the_parameter(client, query, parameter):
    response = client.get(query)
    assert response.status_code == 400
    assert parameter in response.json()["parameters"]


def test_the_certifications_page_does_not_grow_queries_with_rows(client, django_assert_max_num_queries):
    for _ in range(12):
        factories.PublishedProductFactory()
    with django_assert_max_num_queries(4):
        assert len(results(client, "/api/v1/certifications/?page_size=50")) == 12
    with django_assert_max_num_queries(4):
        assert len(results(client, "/api/v1/decisions/?page_size=50")) == 12


def test_a_withdrawal_shows_in_the_api_on_the_next_request(client):
    product = factories.PublishedProductFactory()
    assert results(client, "/api/v1/certifications/")[0]["withdrawn"] is False
    row = product.certifications.get()
    row.withdrawn = True
    row.full_clean()
    row.save()
    assert results(client, "/api/v1/certifications/")[0]["withdrawn"] is True


def test_the_bulk_files_carry_decisions_and_certifications(client):
    factories.PublishedProductFactory(certificate_number="1032/QĐ-UBND")
    for name in ("decisions", "certifications"):
        for extension in ("csv", "json"):
            response = client.get(f"/open-data/files/{name}.{extension}")
            assert response.status_code == 200, (name, extension)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert "1032/QĐ-UBND".encode() in body
