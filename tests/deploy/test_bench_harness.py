"""The benchmark's pure parts (bench/report.py): target checks, the report, the docs' markers.

Made-up figures, no timing: what `make bench` measures is its own business; what it
concludes from the figures and how it writes them is checked here.
"""

import pytest

from bench import report


def wrk(rps, p50=5, p95=10, p99=20, non_2xx=0, socket_errors=0):
    """One wrk run's figures (latencies in ms)."""
    return {
        "requests": int(rps * 8),
        "duration_us": 8_000_000,
        "rps": rps,
        "p50_us": p50 * 1000,
        "p95_us": p95 * 1000,
        "p99_us": p99 * 1000,
        "max_us": p99 * 2000,
        "non_2xx": non_2xx,
        "socket_errors": socket_errors,
    }


def page(label, rps, rps64=None, p99_64=50, cold_ms=40, queries=(1, 6), **figures):
    return {
        "label": label,
        "paths": [f"/{label}/"],
        "warm": {"8": wrk(rps, **figures), "64": wrk(rps64 or rps, p99=p99_64)},
        "cold": {"8": wrk(rps / 10, p50=100, p99=300)},
        "requests": {"warm_ms": 3.0, "cold_ms": cold_ms, "warm_queries": queries[0], "cold_queries": queries[1]},
    }


def results(**pages):
    return {
        "machine": {
            "cpu": "Test CPU",
            "cores": 2,
            "memory_gb": 4.0,
            "kernel": "6.0",
            "versions": {"Python": "3.11", "Django": "5.2"},
            "load_before": [0.5, 0.4, 0.3],
            "load_after": [1.5, 0.9, 0.5],
        },
        "settings": {
            "date": "2026-12-06 20:00 UTC",
            "products": 5000,
            "scans": 50000,
            "workers": 2,
            "duration_s": 8,
            "warmup_s": 3,
        },
        # First 1,000 and last 1,200 req/s: the ratios use 1,100.
        "floor": {"8": wrk(1000), "64": wrk(1050), "8_again": wrk(1200)},
        "pages": pages,
        "workers": [{"server": "site", "pid": 1, "rss_mb": 80, "peak_rss_mb": 90}],
        "minutes": 3.5,
    }


def failed(found):
    return {(name, what.split(" ")[0]) for name, what, _measured, ok in found if not ok}


def test_ratios_use_the_mean_of_the_first_and_last_floor():
    assert report.floor_rps(results()) == 1100


def test_trace_needs_seven_tenths_of_the_floor_other_pages_four_tenths():
    found = report.checks(
        results(
            trace=page("trace", 700),  # 0.64: missed
            home=page("home", 450),  # 0.41: met
            healthz=page("healthz", 100),  # no ratio target
        )
    )
    assert ("trace", "≥") in failed(found)
    assert ("home", "≥") not in failed(found)
    assert not [what for name, what, *_ in found if name == "healthz" and what.startswith("≥")]


def test_search_is_judged_on_its_p95():
    assert ("search", "p95") in failed(report.checks(results(search=page("search", 900, p95=151))))
    assert ("search", "p95") not in failed(report.checks(results(search=page("search", 900, p95=149))))


def test_at_64_connections_a_slow_p99_or_any_error_misses():
    assert ("home", "64") in failed(report.checks(results(home=page("home", 900, p99_64=1000))))
    assert ("home", "64") in failed(report.checks(results(home=page("home", 900, non_2xx=1))))
    assert ("home", "64") not in failed(report.checks(results(home=page("home", 900, p99_64=999))))


def test_cold_request_and_query_targets():
    found = failed(report.checks(results(home=page("home", 900, cold_ms=100, queries=(0, 11)))))
    assert ("home", "cold") in found
    assert ("home", "≤") in found
    assert not failed(report.checks(results(home=page("home", 900, cold_ms=99, queries=(0, 10)))))


def test_a_cold_request_after_counts_moved_is_judged_and_shown_beside_the_other():
    home = page("home", 900, cold_ms=40)
    home["requests"].update(counts_cold_ms=140, counts_cold_queries=11)
    found = report.checks(results(home=home))
    assert ("home", "cold, counts moved < 100 ms", "140 ms", False) in found
    assert ("home", "≤ 10 queries", "11", False) in found
    assert "| home | 3 / 40 ✓ / 140 ✗ | 1 / 6 / 11 ✗ |" in report.markdown(results(home=home))


def test_worker_memory_target():
    data = results(home=page("home", 900))
    data["workers"].append({"server": "site", "pid": 2, "rss_mb": 100, "peak_rss_mb": 151})
    assert ("workers", "<") in failed(report.checks(data))


def test_markdown_report():
    text = report.markdown(results(home=page("home", 450), trace=page("trace", 700)))
    assert "5,000 generated products" in text
    assert "before 0.50 / 0.40 / 0.30, after 1.50 / 0.90 / 0.50" in text  # the machine's load
    assert "1,000 req/s first, 1,200 last" in text
    assert "| home | `/home/` | 450 | 0.41 | ≥ 0.40 ✓ | 5.0 | 10.0 | 20.0 | 450 | 50.0 ✓ | 0 / 0 |" in text
    assert "| trace | `/trace/` | 700 | 0.64 | ≥ 0.70 ✗ |" in text
    assert "| home | 3 / 40 ✓ | 1 / 6 ✓ | 45 | 100.0 | 300.0 | 0 |" in text
    assert "Missed: trace: ≥ 0.70 × floor (0.64)." in text


def test_definitions_of_warm_and_cold_say_how_the_cache_was_made_cold():
    assert "core.cache.bump()" in report.COLD_ONE_REQUEST
    assert "DummyCache" in report.COLD_UNDER_LOAD
    assert "warm-up" in report.WARM


def test_docs_results_are_replaced_between_the_markers_only():
    document = f"# Title\n\nbefore\n{report.MARK_START}\nold table\n{report.MARK_END}\nafter\n"
    updated = report.replace_results(document, "new table")
    assert updated == f"# Title\n\nbefore\n{report.MARK_START}\nnew table\n{report.MARK_END}\nafter\n"
    with pytest.raises(ValueError):
        report.replace_results("# no markers", "new table")
