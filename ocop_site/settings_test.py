"""Settings for the test suite: the real settings with a throwaway key and fast hashing.

DATABASE_URL still decides the database, so CI runs the same suite on PostgreSQL.
"""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-" + "k" * 60)
# Tests check links and QR codes against a public base; settings derive SITE_URL_IS_LOCAL.
os.environ["SITE_URL"] = "https://ocop.test"

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ocop-test-media-"))  # noqa: F405
# Tests render pages without running collectstatic first.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A test database in a file, like the real default, not Django's in-memory one: a
    # shared-cache memory database locks whole tables and ignores the busy timeout, and the
    # live server would share the test's own connection, so concurrency tests
    # (tests/deploy/test_sqlite_concurrency.py) could not see what production sees. One
    # directory per test run: several runs on one checkout never share a file.
    _test_db_dir = tempfile.mkdtemp(prefix="ocop-test-db-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    atexit.register(shutil.rmtree, _test_db_dir, ignore_errors=True)
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(_test_db_dir, "test.sqlite3")}  # noqa: F405
