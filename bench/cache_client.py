"""What one cache read costs with Django's RedisCache and with core.redis_cache.

    REDIS_URL=redis://127.0.0.1:6379/0 python bench/cache_client.py [--reads 10000]

For each backend: --reads cache.get() calls of one small key (a generation number, what
every cached page reads first) and of one 30 KB value (a page fragment), timed in CPU
time of this process (time.process_time: what a gunicorn worker spends, whatever else
the machine runs) and in wall time (includes Redis's round trip on 127.0.0.1). Prints a
Markdown table and whether redis-py found hiredis (its C reply parser).
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BACKENDS = {
    "Django's RedisCache (a client per call)": "django.core.cache.backends.redis.RedisCache",
    "core.redis_cache.RedisCache (a client per process)": "core.redis_cache.RedisCache",
}


def measure(reads):
    import django
    from django.conf import settings

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    settings.configure(
        CACHES={
            name: {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": f"ocop-bench-cache-client-{os.getpid()}"}
            for name, backend in BACKENDS.items()
        }
    )
    django.setup()
    from django.core.cache import caches

    rows = []
    for name in BACKENDS:
        cache = caches[name]
        cache.set("small", 1_765_000_000_000_000)
        cache.set("fragment", "x" * 30_000)
        for key in ("small", "fragment"):
            cache.get(key)  # the pool's connection opened outside the timing
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(reads):
                cache.get(key)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            rows.append((name, key, cpu / reads * 1e6, wall / reads * 1e6))
        cache.delete_many(["small", "fragment"])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reads", type=int, default=10_000)
    args = parser.parse_args()
    import redis.utils

    rows = measure(args.reads)
    print(f"{args.reads:,} cache.get() each; redis-py {redis.__version__}, hiredis: {redis.utils.HIREDIS_AVAILABLE}")
    print(f"load average: {os.getloadavg()}")
    print("| backend | value | CPU µs per read | wall µs per read |")
    print("|---|---|---:|---:|")
    for name, key, cpu, wall in rows:
        value = "small number" if key == "small" else "30 KB string"
        print(f"| {name} | {value} | {cpu:.0f} | {wall:.0f} |")


if __name__ == "__main__":
    main()
