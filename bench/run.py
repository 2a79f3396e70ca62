"""The benchmark, in one command: data, server, load, figures.

    make bench                                   # 100,000 products, 1,000,000 scans
    make bench BENCH_ARGS="--products 5000 --scans 50000"      # quick mode, ~2 minutes

1. Creates the PostgreSQL database ocop_bench_<products> (kept between runs; --fresh
   drops it first) and fills it (bench/seed.py).
2. Counts the SQL queries of each page, cold and warm cache (bench/pages.py).
3. Serves the site with gunicorn (DEBUG off, PostgreSQL, Redis) on a free port of
   127.0.0.1, and loads it with wrk from a second process: a warm-up pass, then
   --duration seconds per page, the floor (/healthz: the same stack doing no work) first
   and last, so a machine that got busier during the run shows as two different floors.
4. Prints a Markdown table (req/s, ratio to the floor, p50/p95/p99, queries) and the
   workers' peak memory, and writes bench/results/<products>.json.

Traffic goes only to 127.0.0.1 and every wrk run is bounded by --duration.
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
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
PAGES = ["floor", "home", "list", "search", "product", "trace"]
TARGETS = {  # ratio of the floor's throughput (issue 7); search is judged on p95
    "trace": 0.70,
    "home": 0.40,
    "list": 0.40,
    "product": 0.40,
}


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


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before serving")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout} s")


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


def worker_memory(master_pid):
    """Peak and current resident memory (MB) of each gunicorn worker."""
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    workers = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        workers.append(
            {
                "pid": int(pid),
                "rss_mb": int(fields["VmRSS"].split()[0]) / 1024,
                "peak_rss_mb": int(fields["VmHWM"].split()[0]) / 1024,
            }
        )
    return workers


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    versions = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.splitlines()[:1]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "kernel": platform.release(),
        "wrk": versions[0] if versions else "",
        # Other work on the machine takes cores from the server: a run to trust starts
        # near 0 (the floor measured first and last shows any change during the run).
        "load_average_1_5_15": os.getloadavg(),
    }


def table(results):
    floors = [results["floor"]["rps"], results["floor_again"]["rps"]]
    floor = sum(floors) / 2
    lines = [
        "| page | req/s | × floor | target | p50 ms | p95 ms | p99 ms | queries warm / cold | one request warm / cold, ms | non-2xx |",
        "|---|---:|---:|---|---:|---:|---:|---|---|---:|",
    ]
    for page in PAGES:
        figures = results[page]
        ratio = figures["rps"] / floor
        if page in TARGETS:
            target = f"≥ {TARGETS[page]:.0%} {'✓' if ratio >= TARGETS[page] else '✗'}"
        elif page == "search":
            target = f"p95 < 150 ms {'✓' if figures['p95_us'] < 150_000 else '✗'}"
        else:
            target = f"(floors {floors[0]:.0f} / {floors[1]:.0f})"
        queries = results["queries"][page]
        lines.append(
            f"| {page} | {figures['rps']:.0f} | {ratio:.2f} | {target} | {figures['p50_us'] / 1000:.1f} | "
            f"{figures['p95_us'] / 1000:.1f} | {figures['p99_us'] / 1000:.1f} | {queries['warm']} / {queries['cold']} | "
            f"{queries['warm_ms']:.0f} / {queries['cold_ms']:.0f} | {figures['non_2xx']} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--fresh", action="store_true", help="drop and regenerate the database")
    parser.add_argument("--drop", action="store_true", help="drop the database when done")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    server_url = os.environ.get("DATABASE_HOST_URL", "postgres://postgres@127.0.0.1:5432")
    name = f"ocop_bench_{args.products}"
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
    )
    started = time.monotonic()
    print(f"load average before the run: {os.getloadavg()}", flush=True)
    ensure_database(server_url, name, args.fresh)
    run([PYTHON, "bench/seed.py", "--products", str(args.products), "--scans", str(args.scans)], env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env)
    paths = Path(os.environ.get("TMPDIR", "/tmp"), f"{name}-paths")
    queries = json_line(run([PYTHON, "bench/pages.py", str(paths)], env, capture_output=True, text=True).stdout)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "ocop_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    results = {"queries": queries}
    try:
        wait_until_up(base + "/healthz", server)
        # Every path once, so the figures are those of a warm site (between catalogue
        # changes); what a cold page costs is in the queries table (cold ms).
        for page in PAGES:
            for path in (paths / f"{page}.txt").read_text().split():
                urllib.request.urlopen(base + path, timeout=30).read()
        for page in PAGES:
            print(f"warming up {page}…", flush=True)
            wrk(base, paths / f"{page}.txt", args.warmup, args.connections)
        for page in PAGES + ["floor_again"]:
            print(f"loading {page} for {args.duration} s…", flush=True)
            paths_file = paths / ("floor.txt" if page == "floor_again" else f"{page}.txt")
            results[page] = wrk(base, paths_file, args.duration, args.connections)
        results["workers"] = worker_memory(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    if args.drop:
        ensure_database(server_url, name, fresh=True)  # drop (and leave an empty one)

    results["machine"] = machine()
    results["settings"] = {
        "products": args.products,
        "scans": args.scans,
        "duration_s": args.duration,
        "connections": args.connections,
        "workers": args.workers,
    }
    results["minutes"] = round((time.monotonic() - started) / 60, 1)
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    (out / f"{args.products}.json").write_text(json.dumps(results, indent=2))
    print()
    print(
        f"{args.products:,} products, {args.scans:,} scans; {args.workers} gunicorn workers, "
        f"wrk 1 thread × {args.connections} connections, {args.duration} s a page"
    )
    print(table(results))
    peak = max(worker["peak_rss_mb"] for worker in results["workers"])
    print(
        f"\nworker memory: peak {peak:.0f} MB (target < 150 MB); "
        + ", ".join(f"{w['rss_mb']:.0f} MB now" for w in results["workers"])
    )
    print(f"machine: {results['machine']}")
    print(f"took {results['minutes']} min; figures in {out / f'{args.products}.json'}")


if __name__ == "__main__":
    main()
