"""The pages the benchmark requests, and what one request of each costs, warm and cold.

    python bench/pages.py OUT_DIR     (DATABASE_URL and REDIS_URL as for the server)

Writes OUT_DIR/<page>.txt (one path a line, for bench/rotate.lua) and prints one JSON
line: for each page its label, its paths, and one request's time and SQL queries warm
and cold (bench/report.py: COLD_ONE_REQUEST says exactly what cold means here), the
queries counted by Django itself (CaptureQueriesContext), so the figure is exact.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_site.settings")

# Distinct products for the product and trace pages: enough that no single row stays hot,
# few enough that the warm-up pass reaches each.
SAMPLE = 100
# Typed the way a phone keyboard without Vietnamese input types them.
SEARCHES = ["gom bat trang", "lua van phuc", "mat ong", "tra shan tuyet", "non la", "banh cuon", "may tre dan", "tuong"]
DEEP_PAGE = 50


def pages(busiest_district, sample, largest_decision=None):
    """{name: (label, [paths])}, in the order of the report. `sample`: (slug, trace code);
    `largest_decision`: the slug of the decision listing most products."""
    from catalogue.filters import SORT_ORDERINGS

    two_filters = f"/products/?stars=4&stars=5&district={busiest_district}"
    found = {
        "healthz": ("`/healthz` (full middleware)", ["/healthz"]),
        "home": ("home", ["/"]),
        "list": ("list, no filter (sort: stars)", ["/products/", "/products/?page=2"]),
        "list_filtered": ("list, two filters", [two_filters, two_filters + "&page=2"]),
        "search": ("search, no diacritics", ["/products/?q=" + q.replace(" ", "+") for q in SEARCHES]),
    }
    # Every sort order the list offers without a search ("stars" is the default, above;
    # "relevance" needs a query, as in the search row).
    for key in SORT_ORDERINGS:
        if key != "stars":
            name = "sort_" + (key[1:] + "_desc" if key.startswith("-") else key)
            found[name] = (f"list, sort={key}", [f"/products/?sort={key}", f"/products/?sort={key}&page=2"])
    found["deep"] = (f"list, page {DEEP_PAGE}", [f"/products/?page={DEEP_PAGE}"])
    found["product"] = ("product", [f"/products/{slug}/" for slug, _code in sample])
    found["trace"] = ("trace (scan recorded)", [f"/t/{code}" for _slug, code in sample])
    # Trust and open data (issue 14): the public register, a decision's page, the API.
    found["register"] = ("certificate register", ["/certificates/", "/certificates/?page=2"])
    found["register_filtered"] = ("register, 5 stars in force", ["/certificates/?stars=5&status=valid"])
    if largest_decision:
        found["decision"] = ("decision page (largest)", [f"/certificates/decisions/{largest_decision}/"])
    found["api_products"] = ("API, products", ["/api/v1/products/", "/api/v1/products/?page=2"])
    found["api_certifications"] = ("API, certifications", ["/api/v1/certifications/", "/api/v1/certifications/?page=2"])
    return found


def main(out_dir):
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from catalogue.models import Decision, Product
    from core import cache as ocop_cache

    published = Product.objects.published().filter(slug__startswith="gen-")
    step = max(1, published.count() // SAMPLE)
    sample = list(published.order_by("id").values_list("slug", "trace_code")[::step][:SAMPLE])
    # The district with most products: the filter of a typical visit, with 4 and 5 stars.
    busiest = (
        published.values("producer__district__slug")
        .order_by()
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["producer__district__slug"]
    )
    largest = Decision.objects.annotate(n=Count("certifications")).order_by("-n").values_list("slug", flat=True).first()
    found = pages(busiest, sample, largest)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "floor.txt").write_text("/\n")
    for name, (_label, paths) in found.items():
        (out / f"{name}.txt").write_text("\n".join(paths) + "\n")

    # A browser's User-Agent so that the trace page counts its scan (buffered, no query), as in
    # the load test.
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Mobile Safari/604.1", HTTP_ACCEPT_LANGUAGE="vi")
    # Every page once: templates compiled, imports done, so "cold" below is the cache's
    # coldness only, not the process's.
    for _label, paths in found.values():
        assert client.get(paths[0]).status_code == 200, paths[0]
    report = {}
    for name, (label, paths) in found.items():
        path = paths[0]
        figures = {}
        for warmth in ("counts_cold", "cold", "warm"):
            if warmth == "counts_cold":
                # What an edit that moves a count does (a product published, its stars).
                ocop_cache.bump(ocop_cache.CATALOGUE, ocop_cache.COUNTS)
            elif warmth == "cold":
                ocop_cache.bump()  # what any other catalogue edit does (a price, a name)
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            figures[f"{warmth}_ms"] = round((time.perf_counter() - started) * 1000, 1)
            figures[f"{warmth}_queries"] = len(captured)
            assert response.status_code == 200, (path, response.status_code)
        report[name] = {"label": label, "paths": paths, "requests": figures}
    print("JSON " + json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])
