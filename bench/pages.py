"""The URLs the benchmark requests, and how many SQL queries each page costs.

    python bench/pages.py OUT_DIR     (DATABASE_URL and REDIS_URL as for the server)

Writes OUT_DIR/<page>.txt (one path a line, for bench/rotate.lua) and prints one JSON
line: for each page, the queries of one request with a cold cache and with a warm one,
counted by Django itself (CaptureQueriesContext), so the figure is exact.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_site.settings")

# Distinct products for the product and trace pages: enough that no single row stays hot,
# few enough that the warm-up pass reaches each (a cold product page costs ~0.3 s at
# 100,000 products, see docs/performance.md).
SAMPLE = 100
# Typed the way a phone keyboard without Vietnamese input types them.
SEARCHES = ["gom bat trang", "lua van phuc", "mat ong", "tra shan tuyet", "non la", "banh cuon", "may tre dan", "tuong"]


def main(out_dir):
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from catalogue.models import Product

    published = Product.objects.published().filter(slug__startswith="gen-")
    step = max(1, published.count() // SAMPLE)
    sample = list(published.order_by("id").values_list("slug", "trace_code")[::step][:SAMPLE])
    # The district with most products, and 4 stars: the two filters of a typical visit.
    busiest = (
        published.values("producer__district__slug")
        .order_by()
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["producer__district__slug"]
    )
    pages = {
        "floor": ["/healthz"],
        "home": ["/"],
        "list": [f"/products/?district={busiest}&stars=4", f"/products/?district={busiest}&stars=4&page=2"],
        "search": ["/products/?q=" + q.replace(" ", "+") for q in SEARCHES],
        "product": [f"/products/{slug}/" for slug, _code in sample],
        "trace": [f"/t/{code}" for _slug, code in sample],
    }
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, paths in pages.items():
        (out / f"{name}.txt").write_text("\n".join(paths) + "\n")

    # A browser's User-Agent so that the trace page counts its scan (buffered, no query) as in
    # the load test.
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Mobile Safari/604.1")
    queries = {}
    for name, paths in pages.items():
        path = paths[0]
        counts, times = [], []
        for _warmth in ("cold", "warm"):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            times.append(round((time.perf_counter() - started) * 1000, 1))
            assert response.status_code == 200, (path, response.status_code)
            counts.append(len(captured))
        queries[name] = {"path": path, "cold": counts[0], "warm": counts[1], "cold_ms": times[0], "warm_ms": times[1]}
    print("JSON " + json.dumps(queries))


if __name__ == "__main__":
    main(sys.argv[1])
