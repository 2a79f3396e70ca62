# The two commands a fresh machine needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
# DEMO=0 make run: start without the demo catalogue and its published logins (a real
# deployment). With the default, the demo is loaded only into an empty or demo database.
DEMO ?= 1
# Everything `make run` needs to behave like production on one machine. PORT is passed on
# so that SITE_URL (QR codes, labels, links in emails) follows it when SITE_URL is unset.
RUN_ENV := DEBUG=0 SECRET_KEY_FILE=$(CURDIR)/.secret_key PORT=$(PORT)
# The access log keeps no client address, user agent or referrer: a log line per QR scan
# with those would undo the scan privacy design (docs/deployment.md). Path without the
# query string, status, bytes, milliseconds.
ACCESS_LOG_FORMAT := %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms

.PHONY: run dev test lint format venv messages migrate demo thumbnails static secret clean bench

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# Compiled translations are built from the .po files, never committed: a binary that
# each branch changes cannot be merged. msgfmt is GNU gettext's (Debian: gettext).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po locale_vendor/*/LC_MESSAGES/django.po))

%.mo: %.po
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: apt-get install -y gettext"; exit 1; }
	msgfmt --check-format -o $@ $<

messages: $(MO_FILES)

# Leaflet for the maps (package.json, served from the site's own static files). Optional:
# without npm the map pages show their lists of places only, and the tests still pass.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the maps show their lists only (install npm, then make venv)"; fi

venv: $(VENV)/.installed $(MO_FILES) node_modules/.installed

# Generated once, never committed (.gitignore), so every install has its own key.
.secret_key: | $(BIN)/activate
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(64))" > $@
	chmod 600 $@

secret: .secret_key

migrate: venv secret
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate
ifeq ($(DEMO),0)
	@echo "DEMO=0: no demo data loaded."
else
	$(RUN_ENV) $(BIN)/python manage.py load_demo --if-empty-or-demo
endif

# Photos saved before thumbnails were made on save (or inserted without the model) get
# theirs now; a photo that has them costs one file check.
thumbnails: migrate
	$(RUN_ENV) $(BIN)/python manage.py thumbnails

static: venv secret
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: demo thumbnails static
	@echo
	@echo "Serving the OCOP catalogue on http://127.0.0.1:$(PORT)/  (admin: /admin/)"
	@$(RUN_ENV) $(BIN)/python manage.py shell --no-imports -c "from django.conf import settings; print('QR codes and labels point at', settings.SITE_URL)"
ifneq ($(DEMO),0)
	@$(RUN_ENV) $(BIN)/python manage.py load_demo --print-logins
endif
	@echo
	$(RUN_ENV) $(BIN)/gunicorn ocop_site.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--no-control-socket --access-logfile - --access-logformat '$(ACCESS_LOG_FORMAT)' \
		--forwarded-allow-ips 127.0.0.1

dev: venv
	DEBUG=1 PORT=$(PORT) $(BIN)/python manage.py migrate --noinput
ifneq ($(DEMO),0)
	DEBUG=1 PORT=$(PORT) $(BIN)/python manage.py load_demo --if-empty-or-demo
endif
	DEBUG=1 PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: venv
	$(BIN)/pytest $(PYTEST_ARGS)

# ruff (bugs, import order, Django rules) and import-linter (each app imports only the
# apps below it; contracts in pyproject.toml).
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Applies the formatting `make lint` checks.
format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3 media .pytest_cache

# The benchmark (bench/run.py): 100,000 products on PostgreSQL + Redis, loaded with wrk,
# every page warm and cold at 8 and 64 connections beside a no-middleware floor.
# Quick mode: make bench BENCH_ARGS="--products 5000 --scans 50000"
# Rewrite the results in docs/performance.md: make bench BENCH_ARGS="--write-docs"
bench: venv
	$(BIN)/python bench/run.py $(BENCH_ARGS)
