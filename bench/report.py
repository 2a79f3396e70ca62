"""The benchmark's targets and its report: pure functions of bench/run.py's results.

No timing and no I/O here, so tests/deploy/test_bench_harness.py checks them on made-up
figures. The shape of `results` (bench/results/<products>.json):

    {"machine": {...}, "settings": {...},
     "floor": {"8": F, "64": F, "8_again": F},          # the no-middleware floor
     "pages": {name: {"label": str, "paths": [...],
                      "warm": {"8": F, "64": F}, "cold": {"8": F},
                      "requests": {"warm_ms", "cold_ms", "warm_queries", "cold_queries"}}},
     "workers": [{"pid", "rss_mb", "peak_rss_mb", "server"}], "minutes": float}

where F is one wrk run: {"requests", "duration_us", "rps", "p50_us", "p95_us", "p99_us",
"max_us", "non_2xx", "socket_errors"}.
"""

import re

# Warm and cold, as measured (docs/performance.md says the same in prose).
WARM = (
    "warm: every cache entry the page reads is present (each path requested once, then a "
    "warm-up run, before the measured one): the site between two catalogue changes"
)
COLD_ONE_REQUEST = (
    "cold, one request: in a separate process whose templates are already compiled (every "
    "page requested once first), the catalogue generation is bumped (core.cache.bump(), what "
    "an officer's edit of a price, a name or a photo does) right before the request, so no "
    "entry it reads exists but the catalogue's counts (core.cache.COUNTS); 'counts moved': "
    "the counts' generation is bumped too (what publishing a product or changing its stars "
    "does), so nothing it reads exists; timed in-process, queries counted by Django"
)
COLD_UNDER_LOAD = (
    "cold under load: the site served with Django's DummyCache (bench/cold_settings.py), so "
    "every request of the wrk run misses every entry and computes the page from the database, "
    "as the first request after a change does (only the cache writes are skipped)"
)

# The pages in the order of the table; "healthz" is the full middleware stack doing nothing.
CONNECTIONS = (8, 64)
RATIO_TARGETS = {"trace": 0.70}  # issue 16: the trace page >= 0.7 x the floor
DEFAULT_RATIO_TARGET = 0.40  # every other page
NO_RATIO_TARGET = {"healthz"}
SEARCH_P95_MS = 150  # at 8 connections
P99_AT_64_MS = 1000  # every page, with no error
COLD_MS = 100  # one request right after invalidation
MAX_QUERIES = 10
MAX_WORKER_MB = 150

MARK_START = "<!-- bench-results:start (written by bench/run.py --write-docs) -->"
MARK_END = "<!-- bench-results:end -->"


def floor_rps(results):
    """The floor's throughput at `connections` 8: the mean of the runs first and last."""
    floor = results["floor"]
    runs = [floor["8"]["rps"]] + ([floor["8_again"]["rps"]] if "8_again" in floor else [])
    return sum(runs) / len(runs)


def errors(figures):
    return figures["non_2xx"] + figures["socket_errors"]


def ratio_target(page):
    if page in NO_RATIO_TARGET:
        return None
    return RATIO_TARGETS.get(page, DEFAULT_RATIO_TARGET)


def checks(results):
    """Every target of issue 16, each as (page label, what, measured text, met).

    The ratios are taken at 8 connections; at 64 a page is judged on its p99 and errors.
    """
    found = []
    floor8 = floor_rps(results)
    for page, data in results["pages"].items():
        label = data["label"]
        warm8, warm64 = data["warm"]["8"], data["warm"]["64"]
        target = ratio_target(page)
        if target is not None:
            ratio = warm8["rps"] / floor8
            found.append((label, f"≥ {target:.2f} × floor", f"{ratio:.2f}", ratio >= target))
        if page == "search":
            p95 = warm8["p95_us"] / 1000
            found.append((label, f"p95 < {SEARCH_P95_MS} ms", f"{p95:.0f} ms", p95 < SEARCH_P95_MS))
        p99 = warm64["p99_us"] / 1000
        found.append(
            (
                label,
                f"64 connections: p99 < {P99_AT_64_MS} ms, no error",
                f"{p99:.0f} ms, errors {errors(warm8)} / {errors(warm64)}",
                p99 < P99_AT_64_MS and errors(warm64) == 0 and errors(warm8) == 0,
            )
        )
        one = data.get("requests")
        if one and page != "healthz":
            found.append((label, f"cold < {COLD_MS} ms", f"{one['cold_ms']:.0f} ms", one["cold_ms"] < COLD_MS))
            if "counts_cold_ms" in one:
                counts_ms = one["counts_cold_ms"]
                found.append((label, f"cold, counts moved < {COLD_MS} ms", f"{counts_ms:.0f} ms", counts_ms < COLD_MS))
            most = max(one["warm_queries"], one["cold_queries"], one.get("counts_cold_queries", 0))
            found.append((label, f"≤ {MAX_QUERIES} queries", str(most), most <= MAX_QUERIES))
    peak = max((worker["peak_rss_mb"] for worker in results.get("workers", [])), default=0)
    found.append(("workers", f"< {MAX_WORKER_MB} MB resident", f"{peak:.0f} MB", peak < MAX_WORKER_MB))
    return found


def _ms(us):
    return f"{us / 1000:.1f}"


def _mark(ok):
    return "✓" if ok else "✗"


def _number(value):
    return f"{value:,.0f}"


def markdown(results):
    """The results as docs/performance.md shows them: a heading line, two tables, a summary."""
    machine, run = results["machine"], results["settings"]
    floor8 = floor_rps(results)
    floor = results["floor"]
    lines = [
        f"**Run of {run['date']}**: {run['products']:,} generated products, {run['scans']:,} scans; "
        f"gunicorn {run['workers']} sync workers; wrk 1 thread, {run['duration_s']} s a run after "
        f"{run['warmup_s']} s of warm-up; {results['minutes']} min in all.",
        "",
        f"**Machine:** {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB RAM, "
        f"Linux {machine['kernel']}; {', '.join(f'{k} {v}' for k, v in machine['versions'].items())}. "
        f"Load average (1, 5, 15 min) before {_load(machine['load_before'])}, after {_load(machine['load_after'])}.",
        "",
        f"**Floor** (no middleware, one view, its own gunicorn): {_number(floor['8']['rps'])} req/s first, "
        + (f"{_number(floor['8_again']['rps'])} last" if "8_again" in floor else "")
        + f" at 8 connections (ratios below use the mean, {_number(floor8)}); "
        f"{_number(floor['64']['rps'])} req/s at 64 connections.",
        "",
        "Warm (every entry cached):",
        "",
        "| page | URL | req/s | × floor | target | p50 ms | p95 ms | p99 ms "
        "| req/s at 64 | p99 ms at 64 | errors 8 / 64 |",
        "|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for page, data in results["pages"].items():
        warm8, warm64 = data["warm"]["8"], data["warm"]["64"]
        ratio = warm8["rps"] / floor8
        target = ratio_target(page)
        target_text = "—" if target is None else f"≥ {target:.2f} {_mark(ratio >= target)}"
        if page == "search":
            p95 = warm8["p95_us"] / 1000
            target_text += f"; p95 < {SEARCH_P95_MS} ms {_mark(p95 < SEARCH_P95_MS)}"
        p99_64_ok = warm64["p99_us"] / 1000 < P99_AT_64_MS
        lines.append(
            f"| {data['label']} | {_url(data)} | {_number(warm8['rps'])} | {ratio:.2f} | {target_text} "
            f"| {_ms(warm8['p50_us'])} | {_ms(warm8['p95_us'])} | {_ms(warm8['p99_us'])} "
            f"| {_number(warm64['rps'])} | {_ms(warm64['p99_us'])} {_mark(p99_64_ok)} "
            f"| {errors(warm8)} / {errors(warm64)} |"
        )
    lines += [
        "",
        f"Cold (target: one request < {COLD_MS} ms, ≤ {MAX_QUERIES} queries; under load, "
        "8 connections, every request cold):",
        "",
        "| page | one request warm / cold / counts moved, ms | queries warm / cold / counts moved "
        "| cold: req/s | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for data in results["pages"].values():
        one, cold = data.get("requests"), data["cold"].get("8")
        if one is None or cold is None:
            continue
        cold_ok = one["cold_ms"] < COLD_MS
        counts_ms = one.get("counts_cold_ms")
        counts_text = "" if counts_ms is None else f" / {counts_ms:.0f} {_mark(counts_ms < COLD_MS)}"
        counts_queries = one.get("counts_cold_queries")
        queries_ok = max(one["warm_queries"], one["cold_queries"], counts_queries or 0) <= MAX_QUERIES
        queries_text = f"{one['warm_queries']} / {one['cold_queries']}" + (
            "" if counts_queries is None else f" / {counts_queries}"
        )
        lines.append(
            f"| {data['label']} | {one['warm_ms']:.0f} / {one['cold_ms']:.0f} {_mark(cold_ok)}{counts_text} "
            f"| {queries_text} {_mark(queries_ok)} "
            f"| {_number(cold['rps'])} | {_ms(cold['p50_us'])} | {_ms(cold['p99_us'])} | {errors(cold)} |"
        )
    found = checks(results)
    by_page = {}
    for label, what, measured, ok in found:
        if not ok:
            by_page.setdefault(label, []).append(f"{what} ({measured})")
    missed = [f"{label}: {', '.join(whats)}" for label, whats in by_page.items()]
    met = sum(ok for *_rest, ok in found)
    peak = max((worker["peak_rss_mb"] for worker in results.get("workers", [])), default=0)
    lines += [
        "",
        f"**Worker memory:** peak resident {peak:.0f} MB (target < {MAX_WORKER_MB} MB {_mark(peak < MAX_WORKER_MB)}).",
        f"**Targets met:** {met} of {len(found)}." + (" Missed: " + "; ".join(missed) + "." if missed else ""),
    ]
    return "\n".join(lines)


def _url(data):
    paths = data["paths"]
    shown = f"`{paths[0]}`"
    return shown if len(paths) == 1 else f"{shown} ({len(paths)} paths in turn)"


def _load(load):
    return " / ".join(f"{value:.2f}" for value in load)


def replace_results(document, block):
    """`document` with the text between the two markers replaced by `block`."""
    pattern = re.compile(re.escape(MARK_START) + r".*?" + re.escape(MARK_END), re.DOTALL)
    if not pattern.search(document):
        raise ValueError(f"the markers {MARK_START!r} and {MARK_END!r} are missing")
    return pattern.sub(lambda _match: f"{MARK_START}\n{block}\n{MARK_END}", document, count=1)
