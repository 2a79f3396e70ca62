"""The benchmark, in one command: data, servers, load, figures, targets.

    make bench                                   # 100,000 products, 1,000,000 scans
    make bench BENCH_ARGS="--products 5000 --scans 50000"      # quick mode
    make bench BENCH_ARGS="--write-docs"         # also rewrite docs/performance.md's results

1. Creates the PostgreSQL database ocop_bench_<products> (or --database; kept between
   runs, --fresh drops it first) and fills it (bench/seed.py).
2. One request of each page warm and cold, timed and its queries counted (bench/pages.py).
3. Three gunicorn servers on free ports of 127.0.0.1, each with --workers sync workers:
   - the floor: the same Django with no middleware and one view (bench/floor_settings.py);
   - the site (DEBUG off, PostgreSQL, Redis);
   - the site with a cache that holds nothing (bench/cold_settings.py): every request cold.
4. wrk (1 thread, bench/rotate.lua rotating over each page's paths) loads them in turn:
   the floor at 8 and 64 connections; each page warm: --warmup s, then --duration s at 8
   and at 64 connections; each page cold for --cold-duration s at 8; the floor at 8 again
   last, so a machine that got busier during the run shows as two different floors.
5. The workers' peak resident memory, then bench/results/<products>.json (machine,
   versions, load average before and after, settings, figures) and a Markdown report
   (bench/report.py) on the terminal; with --write-docs also in docs/performance.md.

Time: 11 pages x (warm-up + 2 x duration + cold duration) + the floor's 4 runs + seeding;
with the defaults (3 + 2 x 8 + 5 s) about 5 minutes of load, under 10 minutes at 100,000
products once the database exists. Traffic goes only to 127.0.0.1; every wrk run is bounded.
Needs: wrk (apt-get install wrk), PostgreSQL and Redis (DATABASE_HOST_URL, REDIS_URL).
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(cmd, env, **kwargs):
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kwargs)


def json_line(output):
    for line in output.splitlines():
        if line.startswith("JSON "):
            return json.loads(line[5:])
    raise RuntimeError("no JSON line in:\n" + output)


def ensure_database(server_url, name, fresh):
    import psycopg2

    connection = psycopg2.connect(server_url.rstrip("/") + "/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        if fresh:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


class Server:
    """One gunicorn on a free port of 127.0.0.1, stopped (its whole session) on exit."""

    def __init__(self, name, env, workers):
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "ocop_site.wsgi", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", str(workers), "--no-control-socket", "--log-level", "warning"],
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )

    def wait_until_up(self, path, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ({self.name}) exited before serving")
            try:
                with urllib.request.urlopen(self.base + path, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn ({self.name}) did not answer {path} within {timeout} s")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def wrk(base, paths_file, seconds, connections):
    env = dict(os.environ, PATHS_FILE=str(paths_file))
    result = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(BENCH / "rotate.lua"), base],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    )
    figures = json_line(result.stdout)
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


def request_each(base, paths_file):
    for path in paths_file.read_text().split():
        urllib.request.urlopen(base + path, timeout=60).read()


def worker_memory(server):
    """Peak and current resident memory (MB) of each of a server's gunicorn workers."""
    children = subprocess.run(["pgrep", "-P", str(server.process.pid)], capture_output=True, text=True).stdout
    workers = []
    for pid in children.split():
        status = Path(f"/proc/{pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        workers.append(
            {
                "server": server.name,
                "pid": int(pid),
                "rss_mb": round(int(fields["VmRSS"].split()[0]) / 1024, 1),
                "peak_rss_mb": round(int(fields["VmHWM"].split()[0]) / 1024, 1),
            }
        )
    return workers


def versions(env):
    """Versions of what the figures depend on."""
    import django
    import gunicorn
    import psycopg2
    import redis
    import redis.utils

    found = {
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "redis-py": redis.__version__ + (" + hiredis" if redis.utils.HIREDIS_AVAILABLE else ""),
    }
    try:
        connection = psycopg2.connect(env["DATABASE_URL"])
        found["PostgreSQL"] = connection.server_version and ".".join(
            str(part) for part in divmod(connection.server_version, 10000)
        )
        connection.close()
        found["Redis"] = redis.Redis.from_url(env["REDIS_URL"]).info("server")["redis_version"]
    except Exception as error:  # noqa: BLE001 - a version is worth a note, not a failed run
        found["servers"] = f"unknown ({error})"
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split()
    found["wrk"] = wrk_version[1] if len(wrk_version) > 1 else "?"
    return found


def machine(env, load_before):
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "versions": versions(env),
        # Other work on the machine takes cores from the servers: a run to trust starts
        # near 0 (the floor measured first and last shows any change during the run).
        "load_before": list(load_before),
        "load_after": list(os.getloadavg()),
    }


def measure(args, env, paths, pages):
    """Every wrk run, servers started and stopped here. Returns (floor, pages, workers)."""
    floor_env = dict(env, DJANGO_SETTINGS_MODULE="bench.floor_settings")
    cold_env = dict(env, DJANGO_SETTINGS_MODULE="bench.cold_settings")
    servers = [
        Server("floor", floor_env, args.workers),
        Server("site", dict(env, DJANGO_SETTINGS_MODULE="ocop_site.settings"), args.workers),
        Server("cold", cold_env, args.workers),
    ]
    floor_server, site, cold = servers
    floor = {}
    try:
        floor_server.wait_until_up("/")
        site.wait_until_up("/healthz")
        cold.wait_until_up("/healthz")

        def load(server, name, seconds, connections):
            print(f"{server.name}: {name} at {connections} connections for {seconds} s…", flush=True)
            return wrk(server.base, paths / f"{name}.txt", seconds, connections)

        wrk(floor_server.base, paths / "floor.txt", args.warmup, 8)
        for connections in report.CONNECTIONS:
            floor[str(connections)] = load(floor_server, "floor", args.duration, connections)
        for name in pages:
            request_each(site.base, paths / f"{name}.txt")  # every path cached once
            load(site, name, args.warmup, 8)
            pages[name]["warm"] = {str(c): load(site, name, args.duration, c) for c in report.CONNECTIONS}
        for name in pages:  # templates compiled in the cold server's workers: its cache only is cold
            urllib.request.urlopen(cold.base + pages[name]["paths"][0], timeout=60).read()
        for name in pages:
            pages[name]["cold"] = {"8": load(cold, name, args.cold_duration, 8)}
        floor["8_again"] = load(floor_server, "floor", args.duration, 8)
        workers = [worker for server in servers for worker in worker_memory(server)]
    finally:
        for server in servers:
            server.stop()
    return floor, pages, workers


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=1_000_000)
    parser.add_argument("--database", help="PostgreSQL database name (default: ocop_bench_<products>)")
    parser.add_argument("--duration", type=int, default=8, help="seconds of each measured warm run")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per page")
    parser.add_argument("--cold-duration", type=int, default=5, help="seconds of each cold run")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--fresh", action="store_true", help="drop and regenerate the database")
    parser.add_argument("--drop", action="store_true", help="drop the database when done")
    parser.add_argument("--write-docs", action="store_true", help="rewrite the results in docs/performance.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    server_url = os.environ.get("DATABASE_HOST_URL", "postgres://postgres@127.0.0.1:5432")
    name = args.database or f"ocop_bench_{args.products}"
    env = dict(
        os.environ,
        DATABASE_URL=f"{server_url}/{name}",
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        CACHE_KEY_PREFIX=name,  # never mixes with another site's or run's keys
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),  # throwaway: the bench signs nothing that lasts
        ALLOWED_HOSTS="127.0.0.1,testserver",
        MEDIA_ROOT=str(BENCH / ".media"),
        DB_CONN_MAX_AGE="600",
        LOG_LEVEL="WARNING",
        # One client address makes every wrk request: the API's per-visitor limit would
        # answer 429s and measure nothing. The throttle's own check still runs.
        OPENDATA_API_RATE="100000000/min",
        DJANGO_SETTINGS_MODULE="ocop_site.settings",
    )
    started = time.monotonic()
    load_before = os.getloadavg()
    print(f"load average before the run: {load_before}", flush=True)
    ensure_database(server_url, name, args.fresh)
    run([PYTHON, "bench/seed.py", "--products", str(args.products), "--scans", str(args.scans)], env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env)
    paths = Path(os.environ.get("TMPDIR", "/tmp"), f"{name}-paths")
    pages = json_line(run([PYTHON, "bench/pages.py", str(paths)], env, capture_output=True, text=True).stdout)
    floor, pages, workers = measure(args, env, paths, pages)
    if args.drop:
        ensure_database(server_url, name, fresh=True)  # drop (and leave an empty one)

    results = {
        "machine": machine(env, load_before),
        "settings": {
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "database": name,
            "products": args.products,
            "scans": args.scans,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "cold_duration_s": args.cold_duration,
            "connections": list(report.CONNECTIONS),
            "workers": args.workers,
            "definitions": {
                "warm": report.WARM,
                "cold_one_request": report.COLD_ONE_REQUEST,
                "cold_under_load": report.COLD_UNDER_LOAD,
            },
        },
        "floor": floor,
        "pages": pages,
        "workers": workers,
        "minutes": round((time.monotonic() - started) / 60, 1),
    }
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    (out / f"{args.products}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    block = report.markdown(results)
    print()
    print(block)
    print(f"\nfigures in {out / f'{args.products}.json'}")
    if args.write_docs:
        document = ROOT / "docs" / "performance.md"
        document.write_text(report.replace_results(document.read_text(), block))
        print(f"results written to {document}")


if __name__ == "__main__":
    main()
