"""Demo pictures show the product they belong to: a chair looks like a chair, not a vase."""

import io

import pytest
from django.core.management import call_command
from PIL import Image, ImageChops, ImageStat

from catalogue.models import Product
from demo import data as demo_data
from demo.management.commands.load_demo import Command
from demo.pictures import KINDS, draw_picture, draw_product_image


def as_image(jpeg):
    return Image.open(io.BytesIO(jpeg))


def difference(jpeg_a, jpeg_b):
    """Mean per-pixel difference (0–255) of two pictures seen as 100×75 thumbnails."""
    a, b = (as_image(j).convert("RGB").resize((100, 75)) for j in (jpeg_a, jpeg_b))
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def all_templates():
    return list(demo_data.TEMPLATES_BY_NAME.values())


def test_every_demo_product_kind_has_a_drawing():
    kinds = {template[6] for template in all_templates()}
    assert kinds <= set(KINDS), kinds - set(KINDS)
    # and no drawing is dead code
    assert set(KINDS) <= kinds


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_draws_an_800_by_600_jpeg_the_same_way_every_time(kind):
    first = draw_picture(kind, craft_slug="ceramics", seed=7)
    image = as_image(first)
    assert (image.format, image.size) == ("JPEG", (800, 600))
    assert draw_picture(kind, craft_slug="ceramics", seed=7) == first
    # not a blank canvas: something is drawn on it
    darkest, lightest = image.convert("L").getextrema()
    assert lightest - darkest > 60


def test_pictures_of_different_kinds_look_different():
    """The reported defect: a chair, a tea set and a bowl were all the same vase."""
    pictures = {
        kind: draw_picture(kind, craft_slug=craft, seed=1)
        for kind, craft in [
            ("chair", "woodwork"),
            ("teaset", "ceramics"),
            ("bowl", "ceramics"),
            ("vase", "ceramics"),
            ("scarf", "silk-weaving"),
            ("conical-hat", "conical-hats"),
            ("basket", "rattan-bamboo"),
            ("shoes", "leather-shoes"),
            ("tea-tin", "lotus-tea"),
            ("candy", "confectionery"),
        ]
    }
    kinds = list(pictures)
    for i, a in enumerate(kinds):
        for b in kinds[i + 1 :]:
            assert difference(pictures[a], pictures[b]) > 8, (a, b)


def test_two_products_of_one_kind_are_not_the_same_picture():
    a = draw_picture("vase", craft_slug="ceramics", seed=1)
    b = draw_picture("vase", craft_slug="ceramics", seed=2)
    assert a != b


def test_a_second_photo_differs_from_the_first():
    assert (
        difference(draw_picture("chair", "woodwork", seed=3), draw_picture("chair", "woodwork", seed=3, variant=1)) > 5
    )


@pytest.mark.django_db
def test_loaded_demo_products_get_the_picture_of_their_own_kind():
    call_command("load_demo", "--no-images", verbosity=0)
    chair = Product.objects.get(name_vi="Ghế gỗ tần bì", producer__slug="noi-that-tan-dan")
    tea_set = Product.objects.get(name_vi="Ấm chén men rạn", producer__slug="gom-quang-vinh")
    bowls = Product.objects.get(name_vi="Bộ bát đĩa men gio", producer__slug="gom-quang-vinh")
    vase = Product.objects.get(name_vi="Lọ hoa men hoa biến", producer__slug="gom-quang-vinh")
    pictures = [draw_product_image(p, demo_data.TEMPLATES_BY_NAME[p.name_vi][6]) for p in (chair, tea_set, bowls, vase)]
    for i, a in enumerate(pictures):
        for b in pictures[i + 1 :]:
            assert difference(a, b) > 8
    # what load_demo stores is that picture
    chair.demo_kind = demo_data.TEMPLATES_BY_NAME[chair.name_vi][6]  # as load_products sets it
    Command().load_images([chair])
    stored = chair.images.order_by("position").first()
    with stored.image.open("rb") as handle:
        saved = handle.read()
    assert as_image(saved).size == (800, 600)
    assert difference(saved, pictures[0]) < 2
