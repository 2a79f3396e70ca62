"""Migrations 0009 and 0010: today's certificates move into decisions and certification
records without loss, and the 16 first-version product sets map onto Decision 148's 26.
Run on SQLite and, in CI, on PostgreSQL."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("catalogue", "0008_producer_commune")]
AFTER = [("catalogue", "0010_certificates_into_history")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def old_product(apps, producer, slug, name, product_set, **certificate):
    fields = {
        "stars": 4,
        "certificate_number": "1032/QĐ-UBND",
        "certificate_issuer": "UBND thành phố Hà Nội",
        "certificate_issuer_vi": "UBND thành phố Hà Nội",
        "certificate_level": "province",
        "certificate_date": datetime.date(2024, 5, 2),
        "certificate_valid_until": datetime.date(2027, 5, 2),
        **certificate,
    }
    return apps.get_model("catalogue", "Product").objects.create(
        name=name,
        name_vi=name,
        slug=slug,
        producer=producer,
        group=product_set.split("-", 1)[0],
        product_set=product_set,
        price=120_000,
        unit="hộp",
        unit_vi="hộp",
        trace_code=slug.upper()[:7].ljust(7, "A"),
        search_name=slug,
        search_text=slug,
        **fields,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_certificates_become_decisions_and_history_and_sets_follow_decision_148():
    old = migrate(BEFORE)
    try:
        district = old.get_model("villages", "District").objects.get(slug="tay-ho")
        producer = old.get_model("catalogue", "Producer").objects.create(
            name="HTX trà sen", slug="htx-tra-sen", kind="cooperative", district=district, phone="0912345678"
        )
        old_product(old, producer, "TRASEN", "Trà sen Tây Hồ", "beverages-tea")
        old_product(old, producer, "TAMSEN", "Trà tâm sen", "beverages-tea", stars=3)
        old_product(
            old,
            producer,
            "GIOLUA",
            "Giò lụa Ước Lễ",
            "food-processed",
            certificate_number="12/QĐ-UBND",
            certificate_issuer="UBND huyện Thanh Oai",
            certificate_issuer_vi="UBND huyện Thanh Oai",
            certificate_issuer_en="Thanh Oai District People's Committee",
            certificate_level="district",
            certificate_date=datetime.date(2022, 1, 10),
            certificate_valid_until=datetime.date(2025, 1, 10),
            stars=3,
            certificate_withdrawn=True,
            certificate_withdrawn_reason="Không duy trì tiêu chí",
            certificate_withdrawn_reason_vi="Không duy trì tiêu chí",
            certificate_withdrawn_reason_en="Criteria no longer met",
        )
        old_product(old, producer, "TINHDAU", "Tinh dầu sả chanh", "herbs-cosmetics")
        old_product(old, producer, "BUNKHO", "Bún khô", "food-processed")

        new = migrate(AFTER)
        Product = new.get_model("catalogue", "Product")
        Decision = new.get_model("catalogue", "Decision")
        Certification = new.get_model("catalogue", "Certification")

        sets = dict(Product.objects.values_list("slug", "product_set"))
        groups = dict(Product.objects.values_list("slug", "group"))
        assert sets == {
            "TRASEN": "food-tea",
            "TAMSEN": "food-herbal-tea",
            "GIOLUA": "food-animal-products",
            "TINHDAU": "herbs-oils",
            "BUNKHO": "food-cereal-products",
        }
        assert groups["TRASEN"] == "food"  # tea is set 11, in the food group

        # One decision per number, date and body: four products share 1032/QĐ-UBND.
        assert Decision.objects.count() == 2
        city = Decision.objects.get(number="1032/QĐ-UBND")
        assert (city.decided_on, city.issuer_vi, city.level) == (datetime.date(2024, 5, 2), "UBND thành phố Hà Nội", "province")
        assert city.certifications.count() == 4
        assert city.slug == "1032-qd-ubnd-2024-05-02"

        withdrawn = Certification.objects.get(product__slug="GIOLUA")
        assert withdrawn.decision.issuer_en == "Thanh Oai District People's Committee"
        assert withdrawn.decision.level == "district"
        assert (withdrawn.stars, withdrawn.valid_from, withdrawn.valid_until) == (
            3,
            datetime.date(2022, 1, 10),
            datetime.date(2025, 1, 10),
        )
        assert withdrawn.withdrawn and withdrawn.withdrawn_on is None  # never recorded: not guessed
        assert (withdrawn.withdrawn_reason_vi, withdrawn.withdrawn_reason_en) == (
            "Không duy trì tiêu chí",
            "Criteria no longer met",
        )
        tea = Certification.objects.get(product__slug="TAMSEN")
        assert (tea.stars, tea.kind, tea.withdrawn, tea.withdrawn_reason) == (3, "assessment", False, "")
        # The product rows keep their copy of the current certificate as it was.
        assert Product.objects.get(slug="GIOLUA").certificate_withdrawn_reason_en == "Criteria no longer met"
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
