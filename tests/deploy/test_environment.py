"""Configuration from the environment, and production safety."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL", "HTTPS"}
    }
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "ocop_site.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        HTTPS="1",
        ALLOWED_HOSTS="ocop.example.vn",
        SITE_URL="https://ocop.example.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    # A missing key file, since the checkout's own .secret_key (after `make run`) is read
    # when no key is given; no key at all: tests/deploy/test_settings.py.
    result = run_manage("check", DEBUG="0", SECRET_KEY_FILE=str(tmp_path / "missing"))
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_secret_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("k" * 70)
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(len(settings.SECRET_KEY))",
        DEBUG="0",
        SECRET_KEY_FILE=str(key_file),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("70")


def settings_value(expression, **env):
    result = run_manage(
        "shell", "-c", f"from django.conf import settings; print({expression})", DEBUG="0", SECRET_KEY="k" * 60, **env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_embedded_default_is_sqlite_and_local_memory_cache():
    assert settings_value("settings.DATABASES['default']['ENGINE']") == "django.db.backends.sqlite3"
    assert settings_value("settings.CACHES['default']['BACKEND']").endswith("LocMemCache")


def test_database_and_redis_urls_switch_backends():
    assert (
        settings_value("settings.DATABASES['default']['ENGINE']", DATABASE_URL="postgres://u@db.example:5432/ocop")
        == "django.db.backends.postgresql"
    )
    assert (
        settings_value("settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/1")
        == "core.redis_cache.RedisCache"
    )


def test_language_time_zone_defaults():
    assert settings_value("settings.LANGUAGE_CODE, settings.TIME_ZONE") == "vi Asia/Ho_Chi_Minh"


@pytest.mark.django_db
def test_unknown_page_uses_the_sites_own_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "We could not find this page" in response.content.decode()


@pytest.mark.django_db
def test_server_error_page_is_the_sites_own_in_both_languages(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "Đã có lỗi xảy ra" in body and "Something went wrong" in body


@pytest.mark.django_db
def test_migrations_match_the_models():
    """A model change without its migration would break the next deploy."""
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
