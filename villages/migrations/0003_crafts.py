"""The crafts of Hanoi's craft villages, in Vietnamese and English (reference data)."""

from django.db import migrations

CRAFTS = [
    ("ceramics", "Gốm sứ", "Ceramics"),
    ("silk-weaving", "Dệt lụa", "Silk weaving"),
    ("lotus-silk", "Dệt tơ sen", "Lotus silk"),
    ("lacquer", "Sơn mài", "Lacquer"),
    ("mother-of-pearl", "Khảm trai", "Mother-of-pearl inlay"),
    ("rattan-bamboo", "Mây tre đan", "Rattan and bamboo"),
    ("woodwork", "Mộc và điêu khắc gỗ", "Woodwork and sculpture"),
    ("embroidery", "Thêu ren", "Embroidery"),
    ("garments", "May mặc", "Garments"),
    ("leather-shoes", "Giày da", "Leather shoes"),
    ("to-he", "Nặn tò he", "Tò he figurines"),
    ("conical-hats", "Nón lá", "Conical hats"),
    ("lotus-tea", "Trà sen", "Lotus tea"),
    ("food-processing", "Chế biến nông sản, thực phẩm", "Food processing"),
    ("confectionery", "Bánh kẹo", "Confectionery"),
    ("vermicelli", "Bún, miến", "Vermicelli and noodles"),
    ("soy-sauce", "Làm tương", "Soy sauce"),
    ("knitting", "Dệt kim", "Knitting"),
]


def add_crafts(apps, schema_editor):
    Craft = apps.get_model("villages", "Craft")
    for slug, name_vi, name_en in CRAFTS:
        Craft.objects.update_or_create(
            slug=slug, defaults={"name": name_vi, "name_vi": name_vi, "name_en": name_en}
        )


def remove_crafts(apps, schema_editor):
    apps.get_model("villages", "Craft").objects.filter(slug__in=[c[0] for c in CRAFTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("villages", "0002_hanoi_districts")]
    operations = [migrations.RunPython(add_crafts, remove_crafts)]
