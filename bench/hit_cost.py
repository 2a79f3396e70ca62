"""What one request costs inside the worker, without gunicorn, sockets or wrk.

    DATABASE_URL=... REDIS_URL=... DJANGO_SETTINGS_MODULE=ocop_site.settings \
        .venv/bin/python bench/hit_cost.py / /t/CODE ...       # the site's cached pages
    DJANGO_SETTINGS_MODULE=bench.floor_settings .venv/bin/python bench/hit_cost.py /  # the floor
    ... bench/hit_cost.py --profile /t/CODE                   # where a hit's time goes

Calls Django's WSGI handler directly with a phone's GET (no cookie), 2,000 times per path
after 200 to warm up, best of 5, and prints microseconds per request. CPU time of the
worker only: under load the same machine also runs wrk, PostgreSQL, Redis and the other
worker, so the ratios of these figures are what bounds the ratios that `make bench` can
measure (docs/performance.md, "Where the targets are missed").
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"


def environ_for(path):
    from io import BytesIO

    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.split("?")[1] if "?" in path else "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_USER_AGENT": PHONE,
        "HTTP_ACCEPT_LANGUAGE": "vi-VN,vi;q=0.9,en;q=0.8",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate, br",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def one_request(handler, path):
    status = []
    body = handler(environ_for(path), lambda s, headers, exc_info=None: status.append(s))
    for _ in body:
        pass
    if hasattr(body, "close"):
        body.close()  # sends request_finished, as gunicorn does
    return status[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of the first path")
    args = parser.parse_args()

    import django
    from django.core.handlers.wsgi import WSGIHandler

    django.setup()
    handler = WSGIHandler()
    for path in args.paths:
        for _ in range(200):
            status = one_request(handler, path)
        if not status.startswith(("200", "304")):
            sys.exit(f"{path}: {status}")
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.requests):
                one_request(handler, path)
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(os.environ.get("PROFILE_SORT", "tottime")).print_stats(25)
            print(out.getvalue())
            return
        best = min(_timed(handler, path, args.requests) for _ in range(5))
        print(f"{path}\t{best * 1e6:.0f} µs\t{os.environ.get('DJANGO_SETTINGS_MODULE')}")


def _timed(handler, path, requests):
    started = time.perf_counter()
    for _ in range(requests):
        one_request(handler, path)
    return (time.perf_counter() - started) / requests


if __name__ == "__main__":
    main()
