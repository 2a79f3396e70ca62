"""Add N synthetic but plausible products (with producers, villages and lots) for benchmarks.

    python manage.py generate_catalogue --products 100000

Rows are written with bulk_create in batches inside one transaction per batch, so 100,000
products take minutes, not hours, on SQLite and PostgreSQL. Generated rows are flagged
`is_demo` (villages, producers) and their slugs start with "gen-", so they are easy to
tell apart and to delete. Run it again to add more: slugs continue from the highest one.
"""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from catalogue import search
from catalogue.codes import new_trace_code
from catalogue.models import (
    GROUP_OF_SET,
    CertificateLevel,
    Certification,
    Lot,
    Producer,
    Product,
    ProductionStep,
)
from core.cache import CATALOGUE, COUNTS, bump_on_commit
from core.db import analyze
from demo.data import TEMPLATES_WITH_CRAFT
from demo.loaders import ISSUERS, crafts_by_slug, decision_number, decision_round
from demo.stable import GENERATED_GTIN_SERIES, demo_gtin
from villages.models import District, Village

PRODUCTS_PER_PRODUCER = 8
PRODUCERS_PER_VILLAGE = 12
VILLAGE_WORDS = ["Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Phú", "An", "Vĩnh", "Xuân", "Hòa", "Tân"]
VILLAGE_ROOTS = ["Lộc", "Thịnh", "Mỹ", "Yên", "Khê", "Đình", "Trung", "Hưng", "Lạc", "Quang", "Sơn", "Thủy"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hạnh", "Lan", "Minh", "Nga", "Phúc", "Tâm"]
STYLES = [("cao cấp", "premium"), ("truyền thống", "traditional"), ("mini", "mini"), ("quà tặng", "gift")]


class Command(BaseCommand):
    help = "Add N synthetic products with producers, villages and lots (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, required=True, help="How many products to add.")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, products, batch_size, seed, no_progress, **options):
        if products < 1:
            raise CommandError("--products must be at least 1.")
        if not 1 <= batch_size <= 10_000:
            raise CommandError("--batch-size must be between 1 and 10000.")
        rng = random.Random(seed + Product.objects.count())
        districts = list(District.objects.all())
        crafts = crafts_by_slug()
        start = Product.objects.filter(slug__startswith="gen-").count()
        used_codes = set(Product.objects.values_list("trace_code", flat=True))
        today = datetime.date.today()

        progress = tqdm(total=products, unit="product", disable=no_progress, file=self.stderr._out)
        made = 0
        while made < products:
            count = min(batch_size, products - made)
            with transaction.atomic():
                self.write_batch(rng, start + made, count, districts, crafts, used_codes, today)
                # bulk_create sends no signals: tell the page caches ourselves.
                bump_on_commit(CATALOGUE, COUNTS)
            made += count
            progress.update(count)
        progress.close()
        # Planner statistics for the grown tables now, not whenever autovacuum comes by
        # (PostgreSQL only), and one more bump for pages read while they were missing.
        analyze(Village, Producer, Product, Lot, ProductionStep)
        bump_on_commit(CATALOGUE, COUNTS)
        self.stdout.write(self.style.SUCCESS(f"Added {products} products."))

    def write_batch(self, rng, offset, count, districts, crafts, used_codes, today):
        producer_count = max(1, count // PRODUCTS_PER_PRODUCER)
        village_count = max(1, producer_count // PRODUCERS_PER_VILLAGE)
        villages = []
        for index in range(village_count):
            number = offset + index
            name = f"{rng.choice(VILLAGE_WORDS)} {rng.choice(VILLAGE_ROOTS)} {number}"
            villages.append(
                Village(
                    name=name,
                    slug=f"gen-village-{number}",
                    district=rng.choice(districts),
                    commune_note=f"Xã {rng.choice(VILLAGE_ROOTS)} {rng.choice(VILLAGE_WORDS)}",
                    is_recognised=rng.random() < 0.3,
                    latitude=round(20.6 + rng.random() * 0.6, 6),
                    longitude=round(105.3 + rng.random() * 0.7, 6),
                    is_demo=True,
                )
            )
            if villages[-1].is_recognised:
                villages[-1].recognised_year = rng.randint(1995, 2024)
        Village.objects.bulk_create(villages)
        villages = list(Village.objects.filter(slug__in=[v.slug for v in villages]).select_related("district"))

        producers = []
        for index in range(producer_count):
            number = offset + index
            village = rng.choice(villages)
            name = f"Cơ sở {rng.choice(SURNAMES)} {rng.choice(GIVEN)} {number}"
            producers.append(
                Producer(
                    name=name,
                    slug=f"gen-producer-{number}",
                    kind=rng.choice(Producer.Kind.values),
                    village=village,
                    district=village.district,
                    address=f"{village.name}, {village.commune_note}, Hà Nội",
                    phone=f"09{rng.randint(10_000_000, 99_999_999)}",
                    is_demo=True,
                )
            )
        Producer.objects.bulk_create(producers)
        producers = list(
            Producer.objects.filter(slug__in=[p.slug for p in producers]).select_related("district", "village")
        )

        new_products = []
        for index in range(count):
            number = offset + index
            producer = producers[index % len(producers)]
            craft_slug, (name_vi, name_en, unit_vi, unit_en, product_set, base_price, _kind) = rng.choice(
                TEMPLATES_WITH_CRAFT
            )
            style_vi, style_en = rng.choice(STYLES)
            stars = rng.choices([3, 4, 5], weights=[45, 53, 2])[0]
            code = new_trace_code()
            while code in used_codes:
                code = new_trace_code()
            used_codes.add(code)
            decision_date = decision_round(today, rng.randint(0, 1200))
            level = CertificateLevel.NATIONAL if stars == 5 else CertificateLevel.PROVINCE
            issuer = ISSUERS[level]
            product = Product(
                producer=producer,
                craft=crafts.get(craft_slug),
                name_vi=f"{name_vi} {style_vi}",
                name_en=f"{name_en} ({style_en})",
                slug=f"gen-{number}",
                description_vi=f"{name_vi} {style_vi} của {producer.name}.",
                description_en=f"{style_en.capitalize()} {name_en.lower()} by {producer.name}.",
                unit_vi=unit_vi,
                unit_en=unit_en,
                group=GROUP_OF_SET[product_set],
                product_set=product_set,
                stars=stars,
                potential_five_star=stars == 4 and rng.random() < 0.01,
                certificate_number=decision_number(level, issuer, decision_date),
                certificate_issuer=issuer,
                certificate_level=level,
                certificate_date=decision_date,
                price=max(1000, int(base_price * rng.uniform(0.6, 1.8)) // 1000 * 1000),
                stock_quantity=rng.randint(0, 200),
                gtin=demo_gtin(GENERATED_GTIN_SERIES, number) if rng.random() < 0.3 else None,
                trace_code=code,
                is_published=rng.random() < 0.97,
            )
            product.fill_defaults()
            search.build_search_fields(
                product,
                producer=producer,
                craft=product.craft,
                village=producer.village,
                district=producer.district,
            )
            new_products.append(product)
        Product.objects.bulk_create(new_products)
        saved = Product.objects.filter(slug__in=[p.slug for p in new_products]).only("id", "certificate_date")
        ids = dict(saved.values_list("slug", "id"))
        for product in new_products:
            product.pk = product.pk or ids[product.slug]
        Certification.record_in_bulk(new_products)

        lots = [
            Lot(
                product=product,
                code=f"G{product.certificate_date:%y%m}-01",
                produced_on=product.certificate_date + datetime.timedelta(days=30),
                quantity=rng.randint(10, 500),
                materials_vi="Nguyên liệu địa phương.",
                materials_en="Local materials.",
            )
            for product in saved
        ]
        Lot.objects.bulk_create(lots)
        lots = Lot.objects.filter(product__in=[p.id for p in saved]).only("id", "produced_on")
        ProductionStep.objects.bulk_create(
            ProductionStep(
                lot=lot,
                name_vi=step_vi,
                name_en=step_en,
                done_on=lot.produced_on - datetime.timedelta(days=3 - position),
                position=position,
            )
            for lot in lots
            for position, (step_vi, step_en) in enumerate(
                [("Chuẩn bị nguyên liệu", "Preparing materials"), ("Sản xuất", "Making"), ("Đóng gói", "Packing")]
            )
        )
