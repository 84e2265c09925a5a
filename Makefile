# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-js lint check setup demo reset-demo bench test-postgres clean

run: setup ## Set up, load the demo album, serve it at http://127.0.0.1:8000/
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_demo
	@echo "Serving the listening guide at http://$(HOST):$(PORT)/"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup lint check ## Lint, Django checks, migrations check, every test (JavaScript and Python)
	@$(MAKE) --no-print-directory test-js
	$(PY) -m pytest

# The files by name rather than the folder: every Node from Debian's 18 up reads that the same way.
test-js: ## The player's pure modules (time code, cues, playback state) under Node's own test runner
	@if command -v node >/dev/null 2>&1; then \
		echo "node --test tests/js/"; node --test tests/js/*.test.mjs; \
	elif [ -n "$$CI" ]; then \
		echo "node is not installed: in CI the JavaScript tests must run (.ci/run installs Debian's nodejs)." >&2; exit 1; \
	else \
		echo "Skipping the JavaScript tests: node is not installed (apt-get install nodejs); they run in CI."; \
	fi

setup: $(INSTALLED)

$(INSTALLED): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed.")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

lint: setup ## ruff, and the layers contract: imports run one way (pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

check: setup
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

demo: setup
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_demo

reset-demo: setup
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_demo --reset

bench: setup ## Benchmarks print their figures (with a baseline from the same run); they assert nothing about speed
	$(PY) tests/bench/sync_lag.py
	$(PY) tests/bench/load.py
	$(PY) tests/bench/lighthouse.py
	$(PY) tests/bench/cache_load.py
	$(PY) tests/bench/scale.py
	$(PY) tests/bench/admin_scale.py

test-postgres: setup ## The unit, integration and property tests against a throwaway PostgreSQL (needs initdb/postgres)
	tests/postgres/run $(ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
