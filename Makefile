# Early-care portal. `make help` lists the targets.
SHELL := /bin/bash
# Debian's python3.11 is an optimised, statically linked build; pyenv's default build loads libpython3.11.so and
# is not profile-optimised: the suite's Python work took about 11% more CPU on it. Any python3.11, then python3,
# where Debian's is absent.
PYTHON ?= $(shell command -v /usr/bin/python3.11 || command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MANAGE := $(PY) manage.py

.DEFAULT_GOAL := help
.PHONY: help install run serve test services services-stop lint format messages lock e2e-deps bench check-upgrade

help: ## List the available targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

# uv installs the same pinned lock as pip in about 10 s; pip takes about a minute here, since the package index
# forbids caching and pip downloads every wheel again. The venv is made without pip (ensurepip took 7 s of the
# install; Debian's python has none) and the first interpreter that has pip puts uv in it; pip stays the fallback
# when uv cannot be had.
UV_VERSION := 0.13.9
$(VENV)/.installed: requirements.lock requirements-dev.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv --without-pip $(VENV)
	( for p in $(PYTHON) python3.11 python3; do $$p -m pip --version >/dev/null 2>&1 && break; done && \
	  $$p -m pip --python $(PY) install --quiet "uv==$(UV_VERSION)" && \
	  $(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) -r requirements-dev.lock ) || \
	( $(PY) -m ensurepip --upgrade >/dev/null && $(PY) -m pip install --quiet --upgrade pip && \
	  $(PY) -m pip install --quiet -r requirements-dev.lock )
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	@touch $@

install: $(VENV)/.installed node_modules/.installed ## Create .venv and node_modules with the pinned dependencies (Python, npm)

run: install ## Serve the portal on http://127.0.0.1:$(PORT) with the background worker (SQLite + database search unless env says otherwise)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty
	$(MANAGE) db_worker --backend imports --no-reload & worker=$$!; \
	$(MANAGE) db_worker --backend mail --no-reload & mailer=$$!; \
	trap 'kill $$worker $$mailer 2>/dev/null; wait $$worker $$mailer 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

serve: install ## Production settings on the local services (make services): deploy/Procfile's gunicorn workers and import worker on http://127.0.0.1:$(PORT)
	PORT=$(PORT) bash scripts/serve.sh

test: install ## Run the whole suite on real PostgreSQL, Elasticsearch, Redis and Chromium
	bash scripts/test.sh

services: ## Start local PostgreSQL, Elasticsearch and Redis; connection env in .services/env
	bash scripts/services.sh start

services-stop: ## Stop the local PostgreSQL, Elasticsearch and Redis
	bash scripts/services.sh stop

# Production settings as a deployment would give them (values for the check only; nothing is served).
DEPLOY_ENV := DJANGO_SETTINGS_MODULE=portal.settings.production ALLOWED_HOSTS=portal.example \
	WAGTAILADMIN_BASE_URL=https://portal.example CACHE_URL=redis://127.0.0.1:6379/0 EMAIL_URL=smtp://127.0.0.1:25 \
	SECRET_KEY=lint-only-deploy-check-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ

lint: install ## ruff, import contracts, templates/JS/CSS linters, Django checks (incl. check --deploy), migrations, translations
	@mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --cache-dir var/import_linter_cache
	$(PY) scripts/check_imports.py
	$(VENV)/bin/djlint templates --lint
	npx --no-install eslint static/js
	npx --no-install stylelint "static/css/**/*.css"
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(DEPLOY_ENV) $(MANAGE) check --deploy --fail-level WARNING
	$(PY) scripts/check_messages.py

format: install ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install ## Refresh locale/ru django.po from the code, then compile it
	$(MANAGE) makemessages -l ru --no-obsolete --no-location --ignore '.venv/*' --ignore '.services/*' --ignore 'var/*'
	$(MANAGE) compilemessages -l ru --ignore '.venv/*'

LOCK_VENV := /tmp/portal-lock-venv
lock: install ## Re-resolve pyproject.toml into requirements.lock (runtime) and requirements-dev.lock (dev on top)
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv --without-pip $(LOCK_VENV)
	$(VENV)/bin/uv pip install --quiet --python $(LOCK_VENV)/bin/python pip
	$(LOCK_VENV)/bin/pip install --quiet $$($(PYTHON) scripts/list_deps.py runtime)
	( echo "# Runtime pins for servers: pip install -r requirements.lock. Development: requirements-dev.lock. Regenerate with make lock."; \
	  $(LOCK_VENV)/bin/pip freeze ) > requirements.lock
	$(LOCK_VENV)/bin/pip install --quiet -c requirements.lock $$($(PYTHON) scripts/list_deps.py dev)
	( echo "# Development, test and build-time pins on top of the runtime lock (make install). Regenerate with make lock."; \
	  echo "-r requirements.lock"; $(LOCK_VENV)/bin/pip freeze | grep -vxF -f <(grep -v '^#' requirements.lock) ) > requirements-dev.lock

e2e-deps: ## Install Debian's chromium and axe-core for browser tests
	bash scripts/e2e_deps.sh

check-upgrade: install ## Prove a site at FROM (default 5db6888) upgrades by migrate alone: same exports, APIs, pages
	bash scripts/check_upgrade.sh $(FROM) $(PROVIDERS)

bench: install ## Run the benchmarks under bench/ (needs `make services`)
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done
