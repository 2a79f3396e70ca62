"""How a deployment is configured: the secret key file, SITE_URL following PORT, what
`make run` runs and logs, and the commands the README shows."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLEARED = {
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "DEBUG",
    "DATABASE_URL",
    "REDIS_URL",
    "HTTPS",
    "SITE_URL",
    "PORT",
    "DJANGO_SETTINGS_MODULE",
}


def settings_in_checkout(tmp_path, expression, **env):
    """Import ocop_site/settings.py as if it lived in a checkout at tmp_path (so BASE_DIR is
    tmp_path, whatever .secret_key the real checkout has); print `expression`."""
    package = tmp_path / "ocop_site"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("")
    shutil.copy(ROOT / "ocop_site" / "settings.py", package / "settings.py")
    clean = {k: v for k, v in os.environ.items() if k not in CLEARED}
    clean.update(env, PYTHONPATH=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-c", f"import ocop_site.settings as settings; print({expression})"],
        cwd=tmp_path,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_commands_run_by_hand_use_the_key_make_run_generated(tmp_path):
    (tmp_path / ".secret_key").write_text("generated-by-make-run-" + "x" * 50 + "\n")
    result = settings_in_checkout(tmp_path, "settings.SECRET_KEY", DEBUG="0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "generated-by-make-run-" + "x" * 50


def test_without_any_key_production_still_refuses_to_start(tmp_path):
    result = settings_in_checkout(tmp_path, "settings.SECRET_KEY", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_secret_key_file_that_does_not_exist_is_named(tmp_path):
    (tmp_path / ".secret_key").write_text("k" * 60)
    result = settings_in_checkout(tmp_path, "settings.SECRET_KEY", DEBUG="0", SECRET_KEY_FILE="/nonexistent/key")
    assert result.returncode != 0
    assert "SECRET_KEY_FILE=/nonexistent/key does not exist" in result.stderr


def test_site_url_follows_port_and_says_when_it_is_local(tmp_path):
    def site(**env):
        result = settings_in_checkout(
            tmp_path, "(settings.SITE_URL, settings.SITE_URL_IS_LOCAL)", SECRET_KEY="k" * 60, **env
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert site() == "('http://127.0.0.1:8000', True)"
    assert site(PORT="8792") == "('http://127.0.0.1:8792', True)"
    assert site(PORT="8792", SITE_URL="https://ocop.hanoi.gov.vn/") == "('https://ocop.hanoi.gov.vn', False)"
    assert site(SITE_URL="http://192.168.1.20:8000") == "('http://192.168.1.20:8000', True)"
    assert site(SITE_URL="http://localhost:8000") == "('http://localhost:8000', True)"


def test_sqlite_is_tuned_for_concurrent_requests_and_postgres_is_left_alone(tmp_path):
    result = settings_in_checkout(tmp_path, "settings.DATABASES['default']['OPTIONS']", SECRET_KEY="k" * 60)
    assert "'transaction_mode': 'IMMEDIATE'" in result.stdout and "journal_mode=WAL" in result.stdout
    result = settings_in_checkout(
        tmp_path,
        "settings.DATABASES['default'].get('OPTIONS')",
        SECRET_KEY="k" * 60,
        DATABASE_URL="postgres://u@db.example:5432/ocop",
    )
    assert "transaction_mode" not in result.stdout


# --- the Makefile -------------------------------------------------------------------------
def make_dry_run(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in CLEARED | {"DEMO"}}
    clean.update(env)
    result = subprocess.run(["make", "-n", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_passes_port_on_so_site_url_follows_it():
    for plan in (make_dry_run("run", PORT="8792"), make_dry_run("run", "PORT=8792")):
        gunicorn = next(line for line in plan.splitlines() if "gunicorn" in line)
        assert "PORT=8792" in gunicorn and "--bind 127.0.0.1:8792" in gunicorn
        assert all("PORT=8792" in line for line in plan.splitlines() if "manage.py" in line)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_loads_the_demo_only_into_an_empty_or_demo_database_and_not_with_demo_0():
    plan = make_dry_run("run")
    assert "load_demo --if-empty-or-demo" in plan
    plan = make_dry_run("run", DEMO="0")
    assert "load_demo" not in plan
    assert "migrate" in plan and "gunicorn" in plan


def access_log_format():
    return re.search(r"^ACCESS_LOG_FORMAT := (.+)$", (ROOT / "Makefile").read_text(), re.M).group(1)


def test_make_run_uses_the_access_log_format_without_client_address_agent_or_referrer():
    fmt = access_log_format()
    for atom in ("%(h)s", "%(a)s", "%(f)s", "%(r)s", "%(q)s", "%({x-forwarded-for}i)s", "%({x-real-ip}i)s"):
        assert atom not in fmt
    assert "--access-logformat '$(ACCESS_LOG_FORMAT)'" in (ROOT / "Makefile").read_text()


def test_a_scan_logged_by_gunicorn_names_no_one():
    """Render a log line with gunicorn's own code for a phone scanning a QR code."""
    import datetime

    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", access_log_format())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/t/ABC1234?utm=x",
        "PATH_INFO": "/t/ABC1234",
        "QUERY_STRING": "utm=x",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.77",
        "HTTP_USER_AGENT": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0)",
        "HTTP_REFERER": "https://zalo.me/chat/123",
        "HTTP_X_FORWARDED_FOR": "198.51.100.4",
    }

    class Response:
        status = "200 OK"
        sent = 5120
        headers = []
        response_length = 5120

    class Request:
        headers = [("USER-AGENT", environ["HTTP_USER_AGENT"]), ("REFERER", environ["HTTP_REFERER"])]

    logger = Logger(config)
    line = access_log_format() % logger.atoms(Response(), Request(), environ, datetime.timedelta(milliseconds=12))
    assert "GET /t/ABC1234" in line and " 200 " in line
    for trace in ("203.0.113.77", "198.51.100.4", "iPhone", "zalo", "utm"):
        assert trace not in line


def test_the_deployment_guide_logs_the_same_way_and_says_what_a_proxy_should_log():
    guide = (ROOT / "docs" / "deployment.md").read_text()
    assert f"--access-logformat '{access_log_format()}'" in guide
    log_format = re.search(r"log_format ocop_private '([^']+)'", guide).group(1)
    for variable in ("$remote_addr", "$http_user_agent", "$http_referer", "$request_uri", "$http_x_forwarded_for"):
        assert variable not in log_format


def test_the_readme_shows_commands_with_the_projects_python():
    readme = (ROOT / "README.md").read_text()
    assert re.findall(r"(?<!\.venv/bin/)python manage\.py", readme) == []
    assert "DEMO=0 make run" in readme and "manage.py createsuperuser" in readme
    assert "manage.py officer grant" in readme
