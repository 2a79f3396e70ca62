"""Settings for the OCOP catalogue.

Everything that differs between machines comes from the environment, read here and
nowhere else. With no variables set the site runs embedded: SQLite file, local-memory
cache, media on the local disk. The table of variables is in README.md.

Production (DEBUG off) refuses to start without a secret key: a default key would
sign sessions and CSRF tokens with a value anyone can read on GitHub.
"""

import datetime
import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


def read_secret_key():
    """SECRET_KEY from the environment, else the file SECRET_KEY_FILE names, else
    BASE_DIR/.secret_key when it exists: the file `make run` generates, so that
    `.venv/bin/python manage.py …` run by hand signs with the same key as the server."""
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    key_file = os.environ.get("SECRET_KEY_FILE", "").strip()
    if key_file:
        if not Path(key_file).is_file():
            raise ImproperlyConfigured(f"SECRET_KEY is not set: SECRET_KEY_FILE={key_file} does not exist.")
        return Path(key_file).read_text().strip()
    default_file = BASE_DIR / ".secret_key"
    if default_file.is_file():
        return default_file.read_text().strip()
    return ""


def site_url_is_local(url):
    """True when `url` points at this machine or a private network (127.0.0.1, 192.168.x.x,
    localhost, *.local): QR codes printed with it work for nobody outside."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal", ".lan")) or "." not in host:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = read_secret_key()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY (or SECRET_KEY_FILE) in the environment, or run "
            "`make secret` to generate .secret_key (what `make run` uses); `make dev` runs with DEBUG=1."
        )
    # Development only: DEBUG is on, nothing here is served to the public.
    SECRET_KEY = "django-insecure-development-only-key-never-used-with-debug-off"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

# The absolute base every QR code encodes (no trailing slash). Printed labels outlive
# deployments, so this is set once per public domain and never derived from a request.
# Unset, it is this machine on the port `make run` serves (PORT), so labels, QR codes,
# canonical links and emails of a local trial point at the server that is running.
PORT = os.environ.get("PORT", "").strip() or "8000"
SITE_URL = (os.environ.get("SITE_URL", "").strip() or f"http://127.0.0.1:{PORT}").rstrip("/")
# True while SITE_URL is loopback or private (the default above): the admin warns on the
# label and QR screens, since labels printed now would not open for anyone else.
SITE_URL_IS_LOCAL = site_url_is_local(SITE_URL)

# Who a tourist should tell about a suspected counterfeit (shown on the "not registered"
# trace page), e.g. "Chi cục Quản lý thị trường Hà Nội, 024 3xxx xxxx". Empty: general steps only.
COUNTERFEIT_REPORT_CONTACT = os.environ.get("COUNTERFEIT_REPORT_CONTACT", "").strip()

# Share links (core/templatetags/sharing.py). Facebook's "send in Messenger" dialog for
# desktops needs an app id; without one, Messenger is offered on phones only, through the
# app's own fb-messenger:// link (docs/decisions.md, "Sharing").
FACEBOOK_APP_ID = os.environ.get("FACEBOOK_APP_ID", "").strip()

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before django.contrib.admin.
    "modeltranslation",
    # Before the admin and import-export: its admin/… templates override theirs.
    "backoffice",
    # django.contrib.admin, with a site that scopes "view on site" to officers' districts.
    "villages.admin_config.ScopedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "import_export",
    "axes",
    # Its system checks (which cache it counts in) run only when it is installed.
    "django_ratelimit",
    # The open-data API (opendata/): Django REST framework, its OpenAPI schema, and Swagger
    # UI and Redoc served from our own static files (the sidecar), never from a CDN.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Our apps, lowest layer first: each imports only the ones above it in this list
    # (import-linter checks it, docs/architecture.md). ocop_site is configuration only.
    "core",
    "villages",
    "catalogue",
    "showrooms",
    "visits",
    "traceability",
    "orders",
    "pages",
    "opendata",
    # The producers' own area (/producer/): their orders, products and scans, on a phone.
    "producer_area",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise right after SecurityMiddleware: static files skip everything below.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole pages for visitors without a session, before everything below runs (sessions,
    # language, CSRF, auth...): see core/page_cache.py. Security headers still apply.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware comes after the session and before CommonMiddleware so that
    # language-prefixed URLs resolve. Ours also lets the admin and the QR trace pages,
    # which live outside the language prefixes, follow the cookie and Accept-Language.
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the listings' history (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ocop_site.urls"
WSGI_APPLICATION = "ocop_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Every template lives in its app's templates/ folder; none at the project level.
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                # Parts of pages drawn by lower apps that a higher app fills in (docs/architecture.md).
                "showrooms.context_processors.where_to_buy",
                "visits.context_processors.visits_parts",
                "traceability.context_processors.product_qr",
                "orders.context_processors.cart",
                "demo.context_processors.demo_banner",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------------
# DATABASE_URL=postgres://user@host:5432/name switches to PostgreSQL (production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default under concurrent shoppers. WAL lets readers go on while one
    # connection writes; a writer waits up to `timeout` seconds for the lock instead of
    # failing at once; and IMMEDIATE takes the write lock when a transaction starts.
    # Without it a transaction that reads and then writes (placing an order) asks for the
    # lock midway, and SQLite answers "database is locked" at once, whatever the timeout,
    # when another writer got there first: HTTP 500 for one of two simultaneous checkouts.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Django's RedisCache keeping one redis-py client per process (Django's builds one per
    # call, ~0.2 ms of CPU each); hiredis parses the replies (docs/decisions.md).
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ocop"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ocop",
        }
    }

# How long cached pages and fragments live (core/cache.py). Every change bumps a
# generation that is part of their keys, so with Redis (shared by every worker) entries
# are never stale and can live long. Local memory is per process: a change is seen at
# once by the worker that made it, by the others after at most this many seconds.
CACHE_SECONDS = int(os.environ.get("CACHE_SECONDS", "3600" if REDIS_URL else "30"))
# How long a reverse proxy or CDN may keep a page cached for visitors without a session
# (s-maxage; browsers always revalidate). The app cannot purge a proxy: this is how
# stale a page can be there after a change (docs/deployment.md).
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("PAGE_CACHE_SHARED_SECONDS", "30"))

# --- Scan counts (traceability/scans.py) --------------------------------------------------
# Trace page scans wait in a buffer and are written in batches, off the request path: in
# Redis when there is one (shared, survives a worker's death), else in each worker's
# memory (a worker killed hard loses what it has not written: at most SCANS_FLUSH_EVERY
# scans, normally those of the last SCANS_FLUSH_SECONDS; docs/deployment.md).
SCANS_REDIS_URL = os.environ.get("SCANS_REDIS_URL", REDIS_URL)
SCANS_REDIS_KEY = os.environ.get("SCANS_REDIS_KEY", os.environ.get("CACHE_KEY_PREFIX", "ocop") + ":scans")
SCANS_FLUSH_EVERY = int(os.environ.get("SCANS_FLUSH_EVERY", "100"))
SCANS_FLUSH_SECONDS = int(os.environ.get("SCANS_FLUSH_SECONDS", "10"))

# --- Suspicious-scan alerts (traceability/alerts.py) ---------------------------------------
# Each alert is about one local (Hanoi) day's scans, yesterday by default. A code (a
# product's own QR code, or a lot's) alerts when its scans that day reach
# max(SURGE_MIN_SCANS, SURGE_MULTIPLE x its median daily scans over the BASELINE_DAYS
# before); a lot past its best-before date at PAST_BEST_BEFORE_MIN_SCANS scans that day; a
# product whose certificate is withdrawn or expired at LAPSED_CERTIFICATE_MIN_SCANS.
# Why these numbers: docs/decisions.md ("Suspicious-scan alerts"). Each can be set in the
# environment as SCAN_ALERTS_<KEY>; a wrong value is a system check error at start.
OCOP_SCAN_ALERTS = {
    "BASELINE_DAYS": int(os.environ.get("SCAN_ALERTS_BASELINE_DAYS", "28")),
    "SURGE_MIN_SCANS": int(os.environ.get("SCAN_ALERTS_SURGE_MIN_SCANS", "20")),
    "SURGE_MULTIPLE": float(os.environ.get("SCAN_ALERTS_SURGE_MULTIPLE", "5")),
    "PAST_BEST_BEFORE_MIN_SCANS": int(os.environ.get("SCAN_ALERTS_PAST_BEST_BEFORE_MIN_SCANS", "5")),
    "LAPSED_CERTIFICATE_MIN_SCANS": int(os.environ.get("SCAN_ALERTS_LAPSED_CERTIFICATE_MIN_SCANS", "5")),
}

# --- Orders (cart and checkout) ----------------------------------------------------------
# django-ratelimit counts checkout and order-lookup attempts per client IP in the default
# cache. Only a shared cache (REDIS_URL) counts across workers; Django's RedisCache works
# but is not on the library's list (W001). Without Redis the count is per process: the
# limit then holds per worker, which is what a one-machine install can have.
RATELIMIT_USE_CACHE = "default"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"] if REDIS_URL else ["django_ratelimit.E003", "django_ratelimit.W001"]
# The product list's covering index (catalogue migration 0007) INCLUDEs columns so that
# PostgreSQL counts from the index alone; SQLite ignores INCLUDE and keeps a plain index,
# which is all the embedded database needs (W040 says just that).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    SILENCED_SYSTEM_CHECKS.append("models.W040")
# Behind a reverse proxy REMOTE_ADDR is the proxy: name the header holding the client's
# address (e.g. HTTP_X_REAL_IP), or every shopper shares one limit.
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]
ORDERS_CHECKOUT_RATE = os.environ.get("ORDERS_CHECKOUT_RATE", "10/m")
ORDERS_LOOKUP_RATE = os.environ.get("ORDERS_LOOKUP_RATE", "20/m")
# Buyers' reviews (orders/reviews.py): a few per order page, never a flood.
ORDERS_REVIEW_RATE = os.environ.get("ORDERS_REVIEW_RATE", "10/m")
# The certificate check by hand (/certificates/check/): enough for a person reading labels
# in a shop, too few to walk through the 32^7 trace codes (pages/check.py).
CERTIFICATE_CHECK_RATE = os.environ.get("CERTIFICATE_CHECK_RATE", "20/m")
# Bank transfers go to each producer's own account (orders.PayeeAccount, set in the admin).
# A producer without one is paid through this collective account (a showroom or OCOP
# centre) when it is set; with neither, bank transfer is not offered for its products.
ORDERS_BANK_TRANSFER_PAYEE = {
    "bank_name": os.environ.get("ORDERS_PAYEE_BANK", ""),
    "account_number": os.environ.get("ORDERS_PAYEE_ACCOUNT_NUMBER", ""),
    "account_name": os.environ.get("ORDERS_PAYEE_ACCOUNT_NAME", ""),
    # The bank's 6-digit NAPAS BIN (orders/banks.py), for a VietQR code; without it (or with
    # one NAPAS does not list) shoppers get the transfer details only.
    "bank_bin": os.environ.get("ORDERS_PAYEE_BANK_BIN", ""),
}

# --- Open data (opendata/: the read-only API under /api/v1/ and the bulk files) -------------
# Anonymous requests per client address, counted in the default cache (shared by every
# worker with REDIS_URL; per worker otherwise, like the checkout limits). The address is
# RATELIMIT_IP_META_KEY's header behind a proxy (opendata/throttling.py).
OPENDATA_API_RATE = os.environ.get("OPENDATA_API_RATE", "120/min")
# How long browsers and proxies may keep an API answer (Cache-Control: public, max-age).
OPENDATA_MAX_AGE = int(os.environ.get("OPENDATA_MAX_AGE", "60"))
REST_FRAMEWORK = {
    # Read-only and public: no sign-in, no session or CSRF cookie on any answer.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["opendata.throttling.OpenDataThrottle"],
    "DEFAULT_THROTTLE_RATES": {"opendata": OPENDATA_API_RATE},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "opendata.errors.exception_handler",
    "UNICODE_JSON": True,
    # Coordinates as JSON numbers, not strings.
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OCOP Hà Nội open data API",
    "DESCRIPTION": (
        "Read-only public register of Hanoi's OCOP products, producers, craft villages and showrooms. "
        "Data licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/): reuse freely, "
        "naming “OCOP Hà Nội” as the source."
    ),
    "VERSION": "1",
    "LICENSE": {"name": "CC BY 4.0 (data)", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Swagger UI and Redoc from drf-spectacular-sidecar, through our static files.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}
# Where the bulk files are written (the default storage: MEDIA_ROOT or S3).
OPENDATA_STORAGE_PREFIX = "open-data"
# The files are made again when the data they show changed, at most this often (a page view
# or a download makes them; `manage.py export_open_data` from cron makes them at any time).
OPENDATA_REFRESH_SECONDS = int(os.environ.get("OPENDATA_REFRESH_SECONDS", "300"))

# --- Passwords and sessions ----------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Carts live in the session, so shoppers keep theirs for a week; an officer's sign-in
# expires with it, and at once when the browser closes is not required of them.
SESSION_COOKIE_AGE = 60 * 60 * 24 * 7
# Sessions (the cart lives in one) must be shared by every instance. The database alone
# does that; with Redis, cached_db reads them from the cache and still writes them to the
# database, so a Redis restart logs nobody out and empties no cart.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# django-axes: five wrong passwords for one username from one address lock that pair out
# for 30 minutes; twenty failures from one address, whatever the usernames, lock the address
# (one address must not try five passwords on every username). Offices share an address,
# hence the higher second limit. How one axes limit does both: core/signin_limits.py.
# AxesStandaloneBackend must come first, as the library requires.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
SIGNIN_FAILURES_PER_USERNAME = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
SIGNIN_FAILURES_PER_ADDRESS = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_FAILURE_LIMIT = "core.signin_limits.failure_limit"
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
# [["username", "ip_address"], "ip_address"]; a successful sign-in forgets only its own
# username's failures from that address.
AXES_LOCKOUT_PARAMETERS = "core.signin_limits.lockout_parameters"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
# Behind a reverse proxy set AXES_IPWARE_META_PRECEDENCE_ORDER (see docs/deployment.md).

# django-import-export: confirmed imports run in one transaction (all or nothing).
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# --- Languages and time -------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# locale/ is this project's own catalogue (makemessages regenerates it); locale_vendor/
# holds Vietnamese for Django admin and django-import-export strings their catalogues lack.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# django-modeltranslation: one column per language; English falls back to Vietnamese.
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_LANGUAGES = ("vi", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi",)

# --- Static and media files --------------------------------------------------------------
# Behind a CDN, STATIC_HOST=https://cdn.example.vn makes pages link static files there;
# the CDN fetches them from this app (WhiteNoise), hashed names let it cache them forever.
STATIC_URL = os.environ.get("STATIC_HOST", "").rstrip("/") + "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Static files live in the apps (core/static/ holds the site's CSS and icon).
# Leaflet (the map, /map/ and the small maps) comes from npm: package.json at the root,
# installed by `npm ci` (make venv/run/dev/test, .ci/run), served from the site's own
# static files as vendor/leaflet/… (no CDN, nothing copied into the repository). Without
# node_modules the pages show their lists of places only, and every test still passes.
LEAFLET_DIST = BASE_DIR / "node_modules" / "leaflet" / "dist"
LEAFLET_AVAILABLE = (LEAFLET_DIST / "leaflet.js").is_file()
STATICFILES_DIRS = [("vendor/leaflet", LEAFLET_DIST)] if LEAFLET_AVAILABLE else []
# The map's tiles: OpenStreetMap's by default (their tile usage policy asks for the
# attribution and no heavy use; a busy site sets its own tile server here).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Single-machine mode serves uploaded media from the app itself; behind a CDN or with
# S3 storage set SERVE_MEDIA=0.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed files with hashed names, cached forever by browsers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = os.environ.get("MEDIA_S3_BUCKET", "")
if AWS_STORAGE_BUCKET_NAME:
    # S3-compatible object storage (needs the `s3` extra: django-storages + boto3).
    # Credentials come from the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("MEDIA_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = None

# --- HTTPS deployments ------------------------------------------------------------------
HTTPS = env_bool("HTTPS", default=False)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # The reverse proxy terminates TLS and says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Email ---------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "OCOP Hà Nội <no-reply@ocop.local>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # django-axes logs every sign-in at INFO; lockouts still show as warnings.
        "axes": {"level": "WARNING"},
    },
}
