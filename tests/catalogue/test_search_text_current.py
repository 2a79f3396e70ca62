"""Renaming a village, producer, craft or district keeps its products findable by the new name.

Products store their search text folded (catalogue/search.py); a rename refreshes the
text of every product it reaches in one UPDATE. Run on PostgreSQL too:
DATABASE_URL=postgres://... pytest tests/catalogue/test_search_text_current.py.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Product
from tests import factories

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"


def found(query):
    return set(Product.objects.published().search(query).values_list("name_vi", flat=True))


@pytest.fixture
def vase():
    village = factories.VillageFactory(name="Làng Cũ Thử", district_slug="gia-lam")
    producer = factories.ProducerFactory(name="Gốm Xưa Thử", village=village)
    return factories.PublishedProductFactory(name="Bình gốm men lam", producer=producer, craft_slug="ceramics")


def test_renamed_village_finds_its_products_by_the_new_name_only(vase):
    village = vase.producer.village
    village.name = "Làng Mới Đẹp"
    village.save()
    assert found("lang moi dep") == {"Bình gốm men lam"}
    assert found("LÀNG MỚI ĐẸP") == {"Bình gốm men lam"}
    assert found("lang cu thu") == set()


def test_renamed_producer_finds_its_products_by_the_new_name_only(vase):
    producer = vase.producer
    producer.name = "Gốm Đông Phương"
    producer.save()
    assert found("gom dong phuong") == {"Bình gốm men lam"}
    assert found("gom xua thu") == set()


def test_producer_moved_to_another_village_is_found_by_the_new_village(vase):
    other = factories.VillageFactory(name="Làng Khác Hẳn", district_slug="gia-lam")
    producer = vase.producer
    producer.village = other
    producer.save()
    assert found("lang khac han") == {"Bình gốm men lam"}
    assert found("lang cu thu") == set()


def test_renamed_craft_finds_its_products_by_both_new_names_only(vase):
    craft = vase.craft
    craft.name_vi = "Nghề gốm sứ mới"
    craft.name_en = "Stoneware making"
    craft.save()
    assert "Bình gốm men lam" in found("nghe gom su moi")
    assert "Bình gốm men lam" in found("stoneware")
    assert found("ceramics") == set()


def test_renamed_district_finds_its_products_by_the_new_name_only(vase):
    district = vase.producer.district
    old = district.name
    district.name = "Quận Thử Nghiệm"
    district.save()
    assert found("quan thu nghiem") == {"Bình gốm men lam"}
    assert found(old) == set()


def test_other_villages_products_are_not_touched_by_a_rename(vase):
    other = factories.PublishedProductFactory(
        name="Nón lá thử", producer=factories.ProducerFactory(name="Nón Chuông Thử")
    )
    village = vase.producer.village
    village.name = "Làng Mới Đẹp"
    village.save()
    assert found("lang moi dep") == {"Bình gốm men lam"}
    assert found("non chuong thu") == {"Nón lá thử"}
    other.refresh_from_db()
    assert "lang moi dep" not in other.search_text


def test_the_search_page_shows_the_renamed_village_products_at_once(client, vase):
    village = vase.producer.village
    # Warm the cache with the search by the new name (nothing found yet).
    assert "Bình gốm men lam" not in client.get("/products/?q=lang+moi+dep", HTTP_USER_AGENT=PHONE).content.decode()
    village.name = "Làng Mới Đẹp"
    village.save()
    html = client.get("/products/?q=lang+moi+dep", HTTP_USER_AGENT=PHONE).content.decode()
    assert "Bình gốm men lam" in html
    html = client.get("/products/?q=lang+cu+thu", HTTP_USER_AGENT=PHONE).content.decode()
    assert "Bình gốm men lam" not in html


def rename_queries(count):
    village = factories.VillageFactory(name=f"Làng {count} sản phẩm")
    producer = factories.ProducerFactory(village=village)
    for n in range(count):
        factories.PublishedProductFactory(name=f"Sản phẩm {n}", producer=producer)
    village.name = f"Làng đổi tên {count}"
    with CaptureQueriesContext(connection) as captured:
        village.save()
    assert len(found(f"lang doi ten {count}")) == count
    return [query["sql"] for query in captured]


def test_a_rename_costs_the_same_queries_for_3_or_30_products():
    few, many = rename_queries(3), rename_queries(30)
    assert len(few) == len(many) <= 6, many
    # One statement writes every product's search text.
    product_writes = [sql for sql in many if sql.startswith("UPDATE") and "catalogue_product" in sql]
    assert len(product_writes) == 1


def test_saving_a_village_without_a_new_name_does_not_touch_its_products(vase):
    village = vase.producer.village
    village.commune_note = "Xã Bát Tràng"
    with CaptureQueriesContext(connection) as captured:
        village.save()
    assert not [query["sql"] for query in captured if "catalogue_product" in query["sql"]]
    assert found("lang cu thu") == {"Bình gốm men lam"}


def test_a_new_village_costs_no_product_query():
    with CaptureQueriesContext(connection) as captured:
        factories.VillageFactory(name="Làng Mới Lập")
    assert not [query["sql"] for query in captured if "catalogue_product" in query["sql"]]
