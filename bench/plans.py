"""EXPLAIN (ANALYZE, BUFFERS) of the product list's queries: every sort order, without
filters, with two filters and on a deep page, plus the counts the list and home page need.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench_100000 python bench/plans.py

Prints one Markdown row per query: the execution time PostgreSQL reports (best of three,
warm buffers) and the plan's main nodes. docs/performance.md records the figures.
"""

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_site.settings")

PAGE = 24
SORTS = ["stars", "price", "-price", "newest"]
STATES = {
    "no filter": {},
    "stars=4&district=me-linh": {"stars": ["4"], "district": ["me-linh"]},
}


def explain(sql, params):
    from django.db import connection

    best, plan = None, None
    for _ in range(3):
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            lines = [row[0] for row in cursor.fetchall()]
        took = float(re.search(r"Execution Time: ([\d.]+)", lines[-1]).group(1))
        if best is None or took < best:
            best, plan = took, lines
    nodes = []
    for line in plan:
        match = re.match(r"\s*(?:->\s*)?([A-Z][A-Za-z ]+?)(?: using (\S+))?(?: on (\S+))?\s+\(cost", line)
        if match:
            node = match.group(1) + (f" `{match.group(2)}`" if match.group(2) else "")
            if node not in nodes:
                nodes.append(node)
    return best, ", ".join(nodes[:5]), plan


def captured(run):
    """The (sql, params) of every query run() sends."""
    from django.db import connection

    queries = []

    def record(execute, sql, params, many, context):
        queries.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        run()
    return queries


def summary(sql):
    """A few words naming a query: what it selects from and how it groups."""
    tables = re.findall(r'FROM "(\w+)"', sql)
    grouped = " GROUP BY" if "GROUP BY" in sql else ""
    counted = " COUNT" if "COUNT(" in sql else ""
    return f"{tables[0] if tables else '?'}{counted}{grouped}"


def main():
    import django

    django.setup()
    from django.http import QueryDict
    from django.utils import translation

    from catalogue.filters import ProductFilter
    from catalogue.models import Product

    verbose = "-v" in sys.argv
    rows = []
    for language, state_name, state in [("vi", name, state) for name, state in STATES.items()] + [
        ("en", "no filter, English", {})
    ]:
        translation.activate(language)
        for sort in SORTS + (["relevance"] if state_name == "no filter" else []):
            if language == "en" and sort != "stars":
                continue  # only the stars order sorts by the name, which is per language
            data = QueryDict(mutable=True)
            for key, values in state.items():
                data.setlist(key, values)
            if sort == "relevance":
                data["q"] = "gom bat trang"
            else:
                data["sort"] = sort
            filterset = ProductFilter(data, queryset=Product.objects.published())
            queryset = filterset.qs.for_cards()  # the select_related joins change the plans
            for page in (1, 50):
                if state_name.startswith("stars") and page == 50:
                    continue
                sliced = queryset[(page - 1) * PAGE : page * PAGE]
                sql, params = sliced.query.sql_with_params()
                took, nodes, plan = explain(sql, params)
                rows.append((f"{state_name}, sort {sort}, page {page}", took, nodes, plan))
            if sort == "stars":
                # The paginator's count, exactly as Django writes it.
                for sql, params in captured(queryset.count):
                    took, nodes, plan = explain(sql, params)
                    rows.append((f"{state_name}, count", took, nodes, plan))
    translation.activate("vi")
    # Every query of a cold home page, of the bare list (its facets) and of a product page
    # (its related products).
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    product = Product.objects.filter(slug__startswith="gen-").order_by("pk")[500]
    for url in ("/", "/products/", product.get_absolute_url()):
        cache.clear()
        for sql, params in captured(lambda url=url: client.get(url)):
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            took, nodes, plan = explain(sql, params)
            if took >= 0.5:
                rows.append((f"`{url}` cold: {summary(sql)}", took, nodes, plan))
    for name, took, nodes, plan in rows:
        print(f"| {name} | {took:.1f} | {nodes} |")
        if verbose:
            print("\n".join(plan))


if __name__ == "__main__":
    main()
