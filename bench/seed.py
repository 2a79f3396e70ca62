"""Fill the benchmark database: demo data, N generated products, image rows, M scans.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench_100000 \\
        python bench/seed.py --products 100000 --scans 1000000

Idempotent: what is already there is kept, only the shortfall is added, so a second run
of the benchmark starts serving at once. PostgreSQL only (the bulk steps are SQL).

- Products, producers, villages, lots and steps: `generate_catalogue` (bulk_create).
- Images as references: one ProductImage row per product, pointing at one of a few
  pictures drawn here, so thumbnails are made once per picture, as a warm site has them.
- Scans: one INSERT … SELECT over generate_series in the server; 1,000,000 rows take
  seconds, where Python-side rows would take minutes.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_site.settings")

PICTURES = 24


def draw_pictures(media_root):
    """A few JPEGs for the image rows to reference: the demo's drawings of as many kinds of
    product (no downloads)."""
    from demo.data import TEMPLATES_WITH_CRAFT
    from demo.pictures import draw_picture

    folder = Path(media_root, "bench")
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(PICTURES):
        path = folder / f"picture-{number}.jpg"
        if path.exists():
            continue
        craft_slug, template = TEMPLATES_WITH_CRAFT[number * len(TEMPLATES_WITH_CRAFT) // PICTURES]
        path.write_bytes(draw_picture(template[6], craft_slug=craft_slug, seed=number))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=1_000_000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from catalogue.models import Product, ProductImage, Scan
    from core import cache as ocop_cache
    from showrooms.models import Showroom

    assert connection.vendor == "postgresql", "the benchmark runs on PostgreSQL (set DATABASE_URL)"
    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    if not Showroom.objects.exists():
        call_command("load_demo", verbosity=0)
    missing = args.products - Product.objects.filter(slug__startswith="gen-").count()
    if missing > 0:
        print(f"generating {missing} products…", flush=True)
        call_command("generate_catalogue", products=missing, no_progress=True, verbosity=0)

    draw_pictures(settings.MEDIA_ROOT)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {ProductImage._meta.db_table}
                (product_id, image, width, height, alt_text, alt_text_vi, position)
            SELECT p.id, 'bench/picture-' || (p.id % {PICTURES}) || '.jpg', 800, 600,
                   p.name_vi, p.name_vi, 0
            FROM {Product._meta.db_table} p
            WHERE p.slug LIKE 'gen-%'
              AND NOT EXISTS (SELECT 1 FROM {ProductImage._meta.db_table} i WHERE i.product_id = p.id)
            """
        )
        print(f"image rows added: {cursor.rowcount}", flush=True)
        # Each showroom stocks a few hundred generated products, so trace and product
        # pages list showrooms as real ones do.
        cursor.execute(
            """
            INSERT INTO showrooms_showroomstock (showroom_id, product_id, added_at)
            SELECT s.id, p.id, now()
            FROM showrooms_showroom s
            JOIN catalogue_product p ON p.slug LIKE 'gen-%' AND (p.id + s.id) % 250 = 0
            ON CONFLICT DO NOTHING
            """
        )
        scans_missing = args.scans - Scan.objects.count()
        if scans_missing > 0:
            # Random published products, the last 365 days, 4 in 5 from a QR code.
            cursor.execute(
                f"""
                WITH ids AS (SELECT array_agg(id) AS a FROM {Product._meta.db_table} WHERE is_published)
                INSERT INTO {Scan._meta.db_table} (product_id, lot_id, scanned_at, language, source)
                SELECT ids.a[1 + floor(random() * array_length(ids.a, 1))::int], NULL,
                       now() - random() * interval '365 days',
                       CASE WHEN random() < 0.8 THEN 'vi' ELSE 'en' END,
                       CASE WHEN random() < 0.8 THEN 'qr' ELSE 'link' END
                FROM ids, generate_series(1, %s)
                """,
                [scans_missing],
            )
            print(f"scans added: {cursor.rowcount}", flush=True)
        cursor.execute("ANALYZE")
    # Raw SQL rows skip OrderedImageModel.save(), which makes thumbnails: make the few
    # pictures' thumbnails here, as a site whose photos were uploaded has them.
    call_command("thumbnails", verbosity=0)
    # bulk_create and raw SQL send no signals: tell the cached pages.
    ocop_cache.bump(ocop_cache.CATALOGUE, ocop_cache.COUNTS)
    print(f"seeded in {time.monotonic() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
