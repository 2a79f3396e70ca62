"""Hanoi and its 30 districts as they were before the 1 July 2025 reform.

Codes are the General Statistics Office's administrative unit codes (province 01).
12 urban districts (quận), 17 rural districts (huyện), 1 town (thị xã Sơn Tây).
"""

from django.db import migrations

HANOI = {"code": "01", "name": "Hà Nội", "slug": "ha-noi"}

DISTRICTS = [
    ("001", "Ba Đình", "ba-dinh", "urban"),
    ("002", "Hoàn Kiếm", "hoan-kiem", "urban"),
    ("003", "Tây Hồ", "tay-ho", "urban"),
    ("004", "Long Biên", "long-bien", "urban"),
    ("005", "Cầu Giấy", "cau-giay", "urban"),
    ("006", "Đống Đa", "dong-da", "urban"),
    ("007", "Hai Bà Trưng", "hai-ba-trung", "urban"),
    ("008", "Hoàng Mai", "hoang-mai", "urban"),
    ("009", "Thanh Xuân", "thanh-xuan", "urban"),
    ("016", "Sóc Sơn", "soc-son", "rural"),
    ("017", "Đông Anh", "dong-anh", "rural"),
    ("018", "Gia Lâm", "gia-lam", "rural"),
    ("019", "Nam Từ Liêm", "nam-tu-liem", "urban"),
    ("020", "Thanh Trì", "thanh-tri", "rural"),
    ("021", "Bắc Từ Liêm", "bac-tu-liem", "urban"),
    ("250", "Mê Linh", "me-linh", "rural"),
    ("268", "Hà Đông", "ha-dong", "urban"),
    ("269", "Sơn Tây", "son-tay", "town"),
    ("271", "Ba Vì", "ba-vi", "rural"),
    ("272", "Phúc Thọ", "phuc-tho", "rural"),
    ("273", "Đan Phượng", "dan-phuong", "rural"),
    ("274", "Hoài Đức", "hoai-duc", "rural"),
    ("275", "Quốc Oai", "quoc-oai", "rural"),
    ("276", "Thạch Thất", "thach-that", "rural"),
    ("277", "Chương Mỹ", "chuong-my", "rural"),
    ("278", "Thanh Oai", "thanh-oai", "rural"),
    ("279", "Thường Tín", "thuong-tin", "rural"),
    ("280", "Phú Xuyên", "phu-xuyen", "rural"),
    ("281", "Ứng Hòa", "ung-hoa", "rural"),
    ("282", "Mỹ Đức", "my-duc", "rural"),
]


def add_districts(apps, schema_editor):
    Province = apps.get_model("villages", "Province")
    District = apps.get_model("villages", "District")
    hanoi, _ = Province.objects.update_or_create(code=HANOI["code"], defaults=HANOI)
    for code, name, slug, kind in DISTRICTS:
        District.objects.update_or_create(
            code=code, defaults={"province": hanoi, "name": name, "slug": slug, "kind": kind}
        )


def remove_districts(apps, schema_editor):
    District = apps.get_model("villages", "District")
    District.objects.filter(code__in=[code for code, *_ in DISTRICTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("villages", "0001_initial")]
    operations = [migrations.RunPython(add_districts, remove_districts)]
