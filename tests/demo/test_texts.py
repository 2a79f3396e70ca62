"""Demo descriptions and production steps fit each craft, in real Vietnamese and English."""

import re

import pytest
from django.core.management import call_command
from django.db import transaction

from catalogue.models import Lot, Product, ProductionStep
from demo import data as demo_data

pytestmark = pytest.mark.django_db

# Letters only Vietnamese uses (with diacritics); a Vietnamese sentence without any is
# almost certainly text typed without accents.
VIETNAMESE_LETTERS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo catalogue, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--no-images", verbosity=0)
        yield
        transaction.set_rollback(True)


def steps_of(product):
    return list(ProductionStep.objects.filter(lot__product=product).values_list("name_vi", "name_en").distinct())


def test_every_template_has_a_description_and_its_steps():
    made = [(craft, t) for craft, templates in demo_data.PRODUCT_TEMPLATES.items() for t in templates]
    made += [(None, t) for templates in demo_data.PRODUCER_GOODS.values() for t in templates]
    for craft, template in made:
        assert template[0] in demo_data.PRODUCT_DESCRIPTIONS, template[0]
        group = template[4].split("-")[0]
        if group != "tourism":  # a tour has no lots
            materials, steps = demo_data.process_for(craft, template[6], group)
            assert len(steps) >= 4, template[0]


def test_no_two_demo_products_share_a_description(demo):
    descriptions = list(Product.objects.values_list("description_vi", flat=True))
    assert len(descriptions) == len(set(descriptions))
    english = [d for d in Product.objects.values_list("description_en", flat=True) if d]
    assert len(english) == len(set(english))
    assert len(english) > 100
    # not one sentence with the name swapped in: without the product's and the maker's
    # names, a producer's descriptions still differ from each other
    by_producer = {}
    for product in Product.objects.select_related("producer"):
        skeleton = product.description_vi.replace(product.name_vi, "").replace(product.producer.name, "")
        by_producer.setdefault(product.producer_id, []).append(re.sub(r"\d", "", skeleton))
    for skeletons in by_producer.values():
        assert len(skeletons) == len(set(skeletons))


def test_descriptions_say_what_the_product_is_and_who_made_it(demo):
    scarf = Product.objects.get(name_vi="Khăn lụa tơ tằm Vạn Phúc", producer__slug="lua-van-phuc-phuong-nhung")
    assert "tơ tằm" in scarf.description_vi and "50 × 180 cm" in scarf.description_vi
    assert scarf.producer.name in scarf.description_vi
    chair = Product.objects.get(name_vi="Ghế gỗ tần bì", producer__slug="noi-that-tan-dan")
    assert "ash wood" in chair.description_en and "Tân Dân" in chair.description_en
    # the old boilerplate is gone
    assert not Product.objects.filter(description_vi__contains="Làm thủ công theo cách truyền thống").exists()


def test_vietnamese_texts_have_their_diacritics(demo):
    texts = list(Product.objects.values_list("description_vi", flat=True))
    texts += list(ProductionStep.objects.values_list("name_vi", flat=True).distinct())
    texts += list(Lot.objects.values_list("materials_vi", flat=True).distinct())
    texts += [vi for vi, _en in demo_data.PRODUCT_DESCRIPTIONS.values()]
    bare = [text for text in texts if not VIETNAMESE_LETTERS.search(text)]
    assert not bare, bare[:5]
    # and English texts are not Vietnamese ones copied over
    for vi, en in demo_data.PRODUCT_DESCRIPTIONS.values():
        assert vi != en and " của " not in en and " và " not in en


def test_silk_is_woven_never_shaped_or_fired(demo):
    silk = Product.objects.filter(craft__slug__in=["silk-weaving", "lotus-silk"]).exclude(lots=None)
    assert silk.count() >= 10
    for product in silk:
        names = " ".join(f"{vi} {en}" for vi, en in steps_of(product)).lower()
        assert "dệt" in names and "weaving" in names, product.name_vi
        for wrong in ("shaping", "tạo hình", "tạo dáng", "bàn xoay", "nung", "firing"):
            assert wrong not in names, (product.name_vi, wrong)


@pytest.mark.parametrize(
    "craft, step",
    [
        ("ceramics", "Tạo dáng trên bàn xoay"),
        ("ceramics", "Nung lò ở khoảng 1.250 °C"),
        ("lacquer", "Thí sơn, lót sơn"),
        ("lacquer", "Mài nước, đánh bóng"),
        ("rattan-bamboo", "Chẻ nan, vót sợi"),
        ("rattan-bamboo", "Hun sấy chống mốc"),
        ("conical-hats", "Khâu nón bằng sợi cước"),
        ("to-he", "Nặn hình bằng tay"),
        ("leather-shoes", "Gò giày trên phom"),
        ("lotus-tea", "Ướp trà với gạo sen"),
        ("lotus-silk", "Rút tơ từ cuống sen"),
        ("mother-of-pearl", "Gắn trai"),
    ],
)
def test_each_craft_lists_its_own_steps(demo, craft, step):
    lots = Lot.objects.filter(product__craft__slug=craft)
    assert lots.exists()
    assert ProductionStep.objects.filter(lot__in=lots, name_vi=step).exists()
    # only that craft (or its close cousin) has it
    others = ProductionStep.objects.filter(name_vi=step).exclude(lot__product__craft__slug=craft)
    assert not others.exclude(lot__product__craft__slug__in=["woodwork", "silk-weaving"]).exists()


def test_no_lot_lists_the_old_generic_steps(demo):
    assert not ProductionStep.objects.filter(name_en__in=["Shaping by hand", "Choosing materials"]).exists()
    assert not Lot.objects.filter(materials_vi__startswith="Nguyên liệu địa phương").exists()
