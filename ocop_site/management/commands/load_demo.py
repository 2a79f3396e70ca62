"""Load the demo Hanoi catalogue (villages, producers, products, lots, showrooms, logins).

Safe to run twice: every row is keyed by a slug or code and updated in place, so a second
run changes nothing and adds nothing. Every root row is flagged `is_demo`.
"""

import datetime
import hashlib
import io
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image, ImageDraw

from catalogue.codes import TRACE_CODE_ALPHABET, gtin_check_digit
from catalogue.models import (
    GROUP_OF_SET,
    CertificateLevel,
    Lot,
    Producer,
    Product,
    ProductImage,
    ProductionStep,
)
from ocop_site import demo_data
from showrooms.models import Showroom, ShowroomStock
from villages.models import Craft, District, Village

OFFICERS_GROUP = "District officers"
OFFICER_MODELS = [
    ("villages", "village"),
    ("catalogue", "producer"),
    ("catalogue", "product"),
    ("catalogue", "productimage"),
    ("catalogue", "lot"),
    ("catalogue", "productionstep"),
    ("showrooms", "showroom"),
    ("showrooms", "showroomstock"),
    ("catalogue", "scan"),
    ("orders", "order"),
    ("orders", "producerorder"),
    ("orders", "orderline"),
    ("orders", "payeeaccount"),
]

# Demo only: printed by `make run` and listed in the README. Never use these anywhere real.
DEMO_LOGINS = [
    # username, password, role, districts
    ("admin", "ocop-admin-demo", "City administrator (superuser)", []),
    ("officer.phuxuyen", "ocop-phuxuyen-demo", "District officer, Phú Xuyên", ["phu-xuyen"]),
    ("officer.gialam", "ocop-gialam-demo", "District officer, Gia Lâm", ["gia-lam"]),
]

CRAFT_COLOURS = {
    "ceramics": ((34, 84, 140), (225, 232, 240)),
    "silk-weaving": ((164, 38, 70), (250, 228, 210)),
    "lotus-silk": ((214, 120, 150), (245, 240, 225)),
    "lacquer": ((120, 20, 20), (212, 160, 40)),
    "mother-of-pearl": ((30, 30, 35), (220, 225, 235)),
    "rattan-bamboo": ((150, 110, 50), (235, 215, 170)),
    "woodwork": ((95, 60, 30), (200, 150, 95)),
    "garments": ((40, 60, 110), (230, 220, 200)),
    "leather-shoes": ((90, 50, 25), (180, 120, 70)),
    "to-he": ((230, 80, 60), (250, 210, 60)),
    "conical-hats": ((200, 190, 150), (90, 120, 60)),
    "lotus-tea": ((60, 120, 70), (240, 170, 190)),
}
DEFAULT_COLOURS = ((70, 110, 60), (235, 225, 190))


def stable_int(*parts):
    """A number that depends only on its inputs, so demo values survive reloads."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def demo_trace_code(slug):
    number = stable_int("trace", slug)
    return "".join(TRACE_CODE_ALPHABET[(number >> (5 * i)) & 31] for i in range(7))


def demo_gtin(slug):
    """A GTIN-13 with Vietnam's GS1 prefix 893 and a valid check digit, as 14 digits."""
    body = f"8936{stable_int('gtin', slug) % 10**8:08d}"
    return "0" + body + gtin_check_digit(body)


def _draw_vase(draw, rng, dark, light):
    centre, body_w, body_h = 400 + rng.randint(-120, 120), rng.randint(140, 240), rng.randint(220, 320)
    top = 470 - body_h
    draw.ellipse([centre - body_w // 2, top + 40, centre + body_w // 2, 470], fill=dark)
    draw.rectangle([centre - body_w // 5, top, centre + body_w // 5, top + 80], fill=dark)
    for ring in range(3):
        y = top + 120 + ring * 50
        draw.arc([centre - body_w // 2 + 10, y, centre + body_w // 2 - 10, y + 40], 0, 180, fill=light, width=5)


def _draw_cloth(draw, rng, dark, light):
    # A folded length of fabric: bands that ripple.
    for band in range(7):
        y = 150 + band * 40
        points = [(x, y + int(14 * ((x // 40) % 2))) for x in range(120, 700, 40)]
        draw.line(points, fill=dark if band % 2 else light, width=26)


def _draw_basket(draw, rng, dark, light):
    left, right, top = 230 + rng.randint(-40, 40), 570 + rng.randint(-40, 40), 230
    draw.polygon([(left, top), (right, top), (right - 40, 470), (left + 40, 470)], fill=dark)
    for y in range(top + 20, 470, 30):
        draw.line([(left + 10, y), (right - 10, y)], fill=light, width=4)
    for x in range(left + 30, right - 20, 40):
        draw.line([(x, top), (x + (20 if x < 400 else -20), 470)], fill=light, width=3)
    draw.arc([left + 40, 90, right - 40, top + 120], 180, 360, fill=dark, width=16)


def _draw_box(draw, rng, dark, light):
    for index in range(rng.randint(2, 3)):
        left = 180 + index * 150
        top = 300 - index * 20
        draw.rectangle([left, top, left + 200, 470], fill=dark, outline=light, width=4)
        draw.rectangle([left + 30, top + 40, left + 170, top + 90], fill=light)


def _draw_bottle(draw, rng, dark, light):
    for index in range(2):
        centre = 330 + index * 150
        draw.rounded_rectangle([centre - 50, 240, centre + 50, 470], radius=24, fill=dark)
        draw.rectangle([centre - 16, 150, centre + 16, 250], fill=dark)
        draw.rectangle([centre - 40, 320, centre + 40, 390], fill=light)


def _draw_plant(draw, rng, dark, light):
    draw.polygon([(320, 380), (480, 380), (450, 470), (350, 470)], fill=tuple(int(c * 0.6) for c in light))
    for angle in range(-60, 61, 30):
        tip_x = 400 + angle * 3
        draw.ellipse([min(400, tip_x) - 30, 150 + abs(angle), max(400, tip_x) + 30, 380], fill=dark)


MOTIFS = {
    "handicrafts-decor": _draw_vase,
    "handicrafts-fabric": _draw_cloth,
    "rattan-bamboo": _draw_basket,
    "food": _draw_box,
    "herbs": _draw_box,
    "beverages": _draw_bottle,
    "ornamental": _draw_plant,
    "tourism": _draw_plant,
}


def draw_product_image(craft_slug, seed, variant=0, motif="handicrafts-decor"):
    """A simple still life drawn with Pillow: no downloads, recognisably different per kind."""
    dark, light = CRAFT_COLOURS.get(craft_slug, DEFAULT_COLOURS)
    rng = random.Random(seed * 10 + variant)
    width, height = 800, 600
    image = Image.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(image)
    for band in range(0, height, 6):
        shade = tuple(int(c * (0.92 + 0.08 * band / height)) for c in light)
        draw.rectangle([0, band, width, band + 6], fill=shade)
    draw.rectangle([0, 470, width, height], fill=tuple(int(c * 0.8) for c in light))
    MOTIFS.get(motif, _draw_vase)(draw, rng, dark, light)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Load the demo Hanoi OCOP catalogue (idempotent) and the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--print-logins", action="store_true", help="Only print the demo logins and exit."
        )
        parser.add_argument("--no-images", action="store_true", help="Skip drawing product images.")

    def handle(self, *args, print_logins=False, no_images=False, **options):
        if print_logins:
            for username, password, role, _districts in DEMO_LOGINS:
                self.stdout.write(f"  {username:<18} {password:<20} {role}")
            return
        with transaction.atomic():
            villages = self.load_villages()
            producers = self.load_producers(villages)
            products = self.load_products(producers)
            self.load_lots(products)
            self.load_showrooms(villages, products)
            self.load_logins()
        if not no_images:
            self.load_images(products)
        cache.clear()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo catalogue: {len(villages)} villages, {len(producers)} producers, "
                f"{len(products)} products, {Lot.objects.filter(product__in=products).count()} lots, "
                f"{Showroom.objects.filter(is_demo=True).count()} showrooms."
            )
        )

    # --- places and producers ---------------------------------------------------------
    def load_villages(self):
        districts = {d.slug: d for d in District.objects.all()}
        crafts = {c.slug: c for c in Craft.objects.all()}
        villages = {}
        for (slug, name, district, commune, craft_slugs, year, lat, lon, story_vi, story_en) in demo_data.VILLAGES:
            village, _ = Village.objects.update_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "district": districts[district],
                    "current_commune": commune,
                    "is_recognised": year is not None,
                    "recognised_year": year,
                    "description_vi": story_vi,
                    "description_en": story_en,
                    "latitude": lat,
                    "longitude": lon,
                    "opening_times_vi": "Xưởng mở cửa 8:00–17:00, nên gọi trước khi đến.",
                    "opening_times_en": "Workshops open 8 am – 5 pm; call ahead before visiting.",
                    "directions_vi": f"Từ trung tâm Hà Nội đi xe máy, taxi hoặc xe buýt về {commune}.",
                    "directions_en": f"From central Hanoi by motorbike, taxi or bus towards {commune}.",
                    "is_demo": True,
                },
            )
            village.crafts.set([crafts[c] for c in craft_slugs])
            villages[slug] = village
        return villages

    def load_producers(self, villages):
        districts = {d.slug: d for d in District.objects.all()}
        producers = {}
        for slug, name, kind, village_slug, district, phone in demo_data.PRODUCERS:
            village = villages.get(village_slug)
            digits = "".join(ch for ch in phone if ch.isdigit())
            producer, _ = Producer.objects.update_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "kind": kind,
                    "village": village,
                    "district": districts[district],
                    "address": f"{village.name}, {village.current_commune}, Hà Nội" if village else f"{districts[district].name}, Hà Nội",
                    "phone": phone,
                    "email": f"lienhe@{slug.replace('-', '')}.vn",
                    "website": f"https://{slug}.vn",
                    "facebook_url": f"https://www.facebook.com/{slug.replace('-', '')}",
                    "tiktok_url": f"https://www.tiktok.com/@{slug.replace('-', '')}" if stable_int(slug) % 2 else "",
                    "zalo_url": f"https://zalo.me/{digits}",
                    "description_vi": f"{name} là chủ thể OCOP của Hà Nội (dữ liệu minh hoạ).",
                    "description_en": f"{name} is a Hanoi OCOP producer (demo data).",
                    "is_demo": True,
                },
            )
            producers[slug] = producer
        return producers

    # --- products -------------------------------------------------------------------------
    def product_plan(self, producers):
        """(producer, craft slug or None, template, index) for every demo product."""
        plan = []
        for slug, producer in producers.items():
            if slug in demo_data.PRODUCER_GOODS:
                for template in demo_data.PRODUCER_GOODS[slug]:
                    plan.append((producer, None, template))
                continue
            craft_slugs = demo_data.PRODUCER_CRAFTS.get(slug) or [
                c for c in demo_data.VILLAGES_BY_SLUG[producer.village.slug][4]
            ][:1]
            for craft_slug in craft_slugs:
                for template in demo_data.PRODUCT_TEMPLATES[craft_slug]:
                    plan.append((producer, craft_slug, template))
        return plan

    def load_products(self, producers):
        crafts = {c.slug: c for c in Craft.objects.all()}
        today = datetime.date.today()
        products = []
        for producer, craft_slug, template in self.product_plan(producers):
            name_vi, name_en, unit_vi, unit_en, product_set, base_price = template
            slug = f"{producer.slug}-{stable_int(name_vi) % 10000:04d}"
            roll = stable_int("stars", slug) % 100
            stars = 5 if roll < 6 or name_vi in demo_data.FIVE_STAR.get(producer.slug, ()) else 4 if roll < 58 else 3
            potential = stars == 4 and roll % 9 == 0
            level = (
                CertificateLevel.NATIONAL if stars == 5
                else CertificateLevel.PROVINCE if stars == 4 or roll % 2
                else CertificateLevel.DISTRICT
            )
            # Decisions spread over the last four years: some certificates have expired,
            # some expire within 90 days, most are valid.
            decision_date = today - datetime.timedelta(days=stable_int("date", slug) % 1180)
            issuer = {
                CertificateLevel.NATIONAL: "Bộ Nông nghiệp và Môi trường",
                CertificateLevel.PROVINCE: "UBND thành phố Hà Nội",
                CertificateLevel.DISTRICT: f"UBND huyện {producer.district.name}",
            }[level]
            flags = stable_int("flags", slug)
            withdrawn = flags % 60 == 7
            price = base_price + (stable_int("price", slug) % 5) * base_price // 10
            price = price // 1000 * 1000
            product, _ = Product.objects.update_or_create(
                slug=slug,
                defaults={
                    "producer": producer,
                    "craft": crafts.get(craft_slug),
                    "name_vi": name_vi,
                    "name_en": name_en,
                    "description_vi": (
                        f"{name_vi} của {producer.name}, sản phẩm OCOP {stars} sao của Hà Nội. "
                        "Làm thủ công theo cách truyền thống."
                    ),
                    # Every fifth product has no English text, to show the fallback.
                    "description_en": "" if flags % 5 == 4 else (
                        f"{name_en} by {producer.name}, a {stars}-star Hanoi OCOP product, "
                        "made by hand the traditional way."
                    ),
                    "unit_vi": unit_vi,
                    "unit_en": unit_en,
                    "group": GROUP_OF_SET[product_set],
                    "product_set": product_set,
                    "stars": stars,
                    "potential_five_star": potential,
                    "certificate_number": f"{1000 + stable_int('decision', decision_date) % 9000}/QĐ-UBND",
                    "certificate_issuer": issuer,
                    "certificate_level": level,
                    "certificate_date": decision_date,
                    "certificate_valid_until": None,
                    "certificate_withdrawn": withdrawn,
                    "certificate_withdrawn_reason": "Không duy trì tiêu chí sau đánh giá lại (minh hoạ)." if withdrawn else "",
                    "price": price,
                    "stock_quantity": 0 if flags % 17 == 3 else 5 + stable_int("stock", slug) % 80,
                    "gtin": demo_gtin(slug) if flags % 3 == 0 else None,
                    "trace_code": demo_trace_code(slug),
                    "is_published": flags % 41 != 40,
                },
            )
            products.append(product)
        return products

    def load_lots(self, products):
        for product in products:
            if product.group == "tourism":
                continue
            for lot_index in range(1 + stable_int("lots", product.slug) % 2):
                produced_on = product.certificate_date + datetime.timedelta(days=30 + 97 * lot_index)
                perishable = product.group in ("food", "beverages", "herbs")
                lot, _ = Lot.objects.update_or_create(
                    product=product,
                    code=f"L{produced_on:%y%m}-{lot_index + 1:02d}",
                    defaults={
                        "produced_on": produced_on,
                        "best_before": produced_on + datetime.timedelta(days=365) if perishable else None,
                        "quantity": 20 + stable_int("qty", product.slug, lot_index) % 200,
                        "materials_vi": f"Nguyên liệu địa phương, {product.producer.district.name}, Hà Nội.",
                        "materials_en": f"Local materials from {product.producer.district.name}, Hanoi.",
                    },
                )
                steps = demo_data.STEP_TEMPLATES.get(product.group, demo_data.STEP_TEMPLATES["handicrafts"])
                for position, (step_vi, step_en) in enumerate(steps):
                    ProductionStep.objects.update_or_create(
                        lot=lot,
                        position=position,
                        defaults={
                            "name_vi": step_vi,
                            "name_en": step_en,
                            "done_on": produced_on - datetime.timedelta(days=(len(steps) - position) * 3),
                        },
                    )

    def load_showrooms(self, villages, products):
        districts = {d.slug: d for d in District.objects.all()}
        published = [p for p in products if p.is_published]
        for (slug, name, kind, district, village_slug, address, hours_vi, hours_en, lat, lon) in demo_data.SHOWROOMS:
            showroom, _ = Showroom.objects.update_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "kind": kind,
                    "district": districts[district],
                    "village": villages.get(village_slug),
                    "address": address,
                    "opening_hours_vi": hours_vi,
                    "opening_hours_en": hours_en,
                    "phone": f"024 3{stable_int(slug) % 1000:03d} {stable_int('p', slug) % 10000:04d}",
                    "latitude": lat,
                    "longitude": lon,
                    "description_vi": f"{name}: trưng bày và bán sản phẩm OCOP (dữ liệu minh hoạ).",
                    "description_en": "Displays and sells OCOP products (demo data).",
                    "is_active": True,
                    "is_demo": True,
                },
            )
            local = [p for p in published if p.producer.district_id == showroom.district_id]
            others = [p for p in published if stable_int(slug, p.slug) % 11 == 0]
            for product in local + others:
                ShowroomStock.objects.get_or_create(showroom=showroom, product=product)

    # --- images and logins ------------------------------------------------------------------
    def load_images(self, products):
        for number, product in enumerate(products):
            if product.images.exists():
                continue
            craft_slug = product.craft.slug if product.craft else product.group
            for variant in range(2 if number % 3 == 0 else 1):
                picture = ProductImage(
                    product=product,
                    alt_text_vi=f"Ảnh {product.name_vi}",
                    alt_text_en=f"Photo of {product.name_en or product.name_vi}",
                    position=variant,
                )
                picture.image.save(
                    f"{product.slug}-{variant + 1}.jpg",
                    ContentFile(
                        draw_product_image(craft_slug, stable_int(product.slug) % 10_000, variant, motif=self.motif(product))
                    ),
                    save=True,
                )

    @staticmethod
    def motif(product):
        if product.craft and product.craft.slug == "rattan-bamboo":
            return "rattan-bamboo"
        if product.group == "handicrafts":
            return product.product_set
        return product.group

    def load_logins(self):
        User = get_user_model()
        officers, _ = Group.objects.get_or_create(name=OFFICERS_GROUP)
        listing_permissions = Permission.objects.filter(
            content_type__app_label__in={app for app, _ in OFFICER_MODELS},
            content_type__model__in={model for _, model in OFFICER_MODELS},
        )
        # Officers look their districts up (autocomplete) but never manage them.
        district_lookup = Permission.objects.filter(
            content_type__app_label="villages", codename="view_district"
        )
        officers.permissions.set(listing_permissions | district_lookup)
        for username, password, role, district_slugs in DEMO_LOGINS:
            user, created = User.objects.get_or_create(username=username)
            user.first_name = role
            user.is_staff = True
            user.is_superuser = not district_slugs
            if created or not user.check_password(password):
                user.set_password(password)
            user.save()
            if district_slugs:
                user.groups.add(officers)
                user.officer_districts.set(District.objects.filter(slug__in=district_slugs))
