"""How long an officer's CSV import takes: the check (dry run) and the confirmed import.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/imports.py --rows 1000 2500 10000

Runs against a database with the demo loaded (`manage.py load_demo`), signed in as
officer.phuxuyen through Django's test client (no server, so no worker timeout: the figures
are the requests' own time). A file longer than the admin's chunk_rows is checked and
imported in steps (catalogue/import_admin.py); what matters for the worker timeout is the
longest single request, printed beside the totals. Wall time depends on what else the
machine runs; this process's CPU time is printed too. Imported products are deleted after.
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_site.settings_test")


class Clock:
    def __init__(self):
        self.wall = self.cpu = self.longest = 0.0
        self.requests = 0

    def __call__(self, send, *args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        response = send(*args, **kwargs)
        took = time.perf_counter() - wall
        self.wall += took
        self.cpu += time.process_time() - cpu
        self.longest = max(self.longest, took)
        self.requests += 1
        return response

    def __str__(self):
        return f"{self.wall:.1f} s (CPU {self.cpu:.1f} s) in {self.requests} requests, longest {self.longest:.1f} s"


def follow_steps(client, clock, response, confirm):
    """As a browser does: each step page submits the next; the last offers Confirm."""
    while response.status_code == 302 and "/import/steps/" in response.url:
        url = response.url
        page = clock(client.get, url)
        body = page.content.decode()
        job = re.search(r'name="job" value="([^"]+)"', body)
        if job is None or ('name="confirm"' in body and not confirm):
            return page
        data = {"job": job.group(1), **({"confirm": "1"} if 'name="confirm"' in body else {})}
        response = clock(client.post, url.split("?")[0], data)
    return response


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 2500, 10000])
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from catalogue.models import Producer, Product
    from tests.import_files import product_csv  # the same file shape the tests use

    setup_test_environment()
    officer = get_user_model().objects.get(username="officer.phuxuyen")
    producer = Producer.objects.filter(district__slug="phu-xuyen").order_by("slug").first()
    client = Client()
    client.force_login(officer)
    url = reverse("admin:catalogue_product_import")
    for rows in args.rows:
        Product.objects.filter(slug__startswith="bench-import-").delete()
        text = product_csv([{"slug": f"bench-import-{i}", "producer": producer.slug} for i in range(rows)])
        upload = SimpleUploadedFile("bench.csv", text.encode(), content_type="text/csv")
        check = Clock()
        response = check(client.post, url, {"import_file": upload, "format": "0", "resource": "0"})
        page = follow_steps(client, check, response, confirm=False)
        imports = Clock()
        if response.status_code == 200 and response.context.get("confirm_form"):
            done = imports(
                client.post, reverse("admin:catalogue_product_process_import"), response.context["confirm_form"].initial
            )
        else:
            job = re.search(r'name="job" value="([^"]+)"', page.content.decode()).group(1)
            done = follow_steps(
                client,
                imports,
                imports(client.post, page.request["PATH_INFO"], {"job": job, "confirm": "1"}),
                confirm=True,
            )
        written = Product.objects.filter(slug__startswith="bench-import-").count()
        print(
            f"{rows} rows: check {check}; import {imports}; {written} products written "
            f"(status {done.status_code}); load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        Product.objects.filter(slug__startswith="bench-import-").delete()


if __name__ == "__main__":
    main()
