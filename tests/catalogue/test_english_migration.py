"""Migration 0006 gives the issuer and withdrawal reason _vi/_en columns without losing
what the rows held before it."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("catalogue", "0005_related_products_index")]
AFTER = [("catalogue", "0006_certificate_issuer_translations")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_issuers_and_reasons_are_kept_in_the_vietnamese_columns():
    old = migrate(BEFORE)
    try:
        district = old.get_model("villages", "District").objects.get(slug="phu-xuyen")
        producer = old.get_model("catalogue", "Producer").objects.create(
            name="Cơ sở thử", slug="co-so-thu", kind="household", district=district, phone="0912345678"
        )
        old.get_model("catalogue", "Product").objects.create(
            name="Nón lá",
            name_vi="Nón lá",
            slug="non-la",
            producer=producer,
            group="handicrafts",
            product_set="handicrafts-decor",
            stars=3,
            certificate_number="1/QĐ-UBND",
            certificate_issuer="UBND huyện Phú Xuyên",
            certificate_level="district",
            certificate_date=datetime.date(2024, 5, 2),
            certificate_valid_until=datetime.date(2027, 5, 2),
            certificate_withdrawn=True,
            certificate_withdrawn_reason="Không duy trì tiêu chí",
            price=120_000,
            unit="chiếc",
            unit_vi="chiếc",
            stock_quantity=3,
            trace_code="ABCDEFG",
            search_name="non la",
            search_text="non la",
        )

        new = migrate(AFTER)
        product = new.get_model("catalogue", "Product").objects.get(slug="non-la")
        assert product.certificate_issuer_vi == "UBND huyện Phú Xuyên"
        assert product.certificate_withdrawn_reason_vi == "Không duy trì tiêu chí"
        assert not product.certificate_issuer_en and not product.certificate_withdrawn_reason_en
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
