# The two commands a fresh machine needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
# Everything `make run` needs to behave like production on one machine.
RUN_ENV := DEBUG=0 SECRET_KEY_FILE=$(CURDIR)/.secret_key

.PHONY: run dev test venv migrate demo static secret clean bench

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

venv: $(VENV)/.installed

# Generated once, never committed (.gitignore), so every install has its own key.
.secret_key: | $(BIN)/activate
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(64))" > $@
	chmod 600 $@

secret: .secret_key

migrate: venv secret
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(RUN_ENV) $(BIN)/python manage.py load_demo

static: venv secret
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: demo static
	@echo
	@echo "Serving the OCOP catalogue on http://127.0.0.1:$(PORT)/  (admin: /admin/)"
	@echo "Demo logins (demo data only, never use in production):"
	@$(RUN_ENV) $(BIN)/python manage.py load_demo --print-logins
	@echo
	$(RUN_ENV) $(BIN)/gunicorn ocop_site.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--no-control-socket --access-logfile - --forwarded-allow-ips 127.0.0.1

dev: venv
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: venv
	$(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 media .pytest_cache

# The benchmark (bench/run.py): 100,000 products on PostgreSQL + Redis, loaded with wrk.
# Quick mode: make bench BENCH_ARGS="--products 5000 --scans 50000"
bench: venv
	$(BIN)/python bench/run.py $(BENCH_ARGS)
