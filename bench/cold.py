"""One cold request (cache cleared) and one warm request per page, timed in-process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench_100000 DEBUG=0 python bench/cold.py

Django's test client against the bench database, DEBUG off; the cache is cleared before
each cold request, so every count and fragment is computed again. Best of five.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_site.settings")

PAGES = {
    "home": "/",
    "list, no filter": "/products/",
    "list, page 50": "/products/?page=50",
    "list, price": "/products/?sort=price",
    "list, stars=4&district=me-linh": "/products/?stars=4&district=me-linh",
    "list, English": "/en/products/",
}


def main():
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from catalogue.models import Product

    product = Product.objects.filter(slug__startswith="gen-").order_by("pk")[500]
    pages = {**PAGES, "product": product.get_absolute_url()}
    client = Client()
    for name, url in pages.items():
        colds, warms = [], []
        for _ in range(5):
            cache.clear()
            started = time.perf_counter()
            queries = []

            def count(execute, sql, *args, queries=queries):
                if "FROM pg_type" not in sql:  # a new connection's type lookups
                    queries.append(sql)
                return execute(sql, *args)

            with connection.execute_wrapper(count):
                response = client.get(url)
            colds.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
            started = time.perf_counter()
            client.get(url)
            warms.append(time.perf_counter() - started)
        print(f"| {name} | `{url}` | {min(colds) * 1000:.0f} | {min(warms) * 1000:.0f} | {len(queries)} |")


if __name__ == "__main__":
    main()
