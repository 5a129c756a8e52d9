# Newsline — the project's vocabulary: run, test, lint, format, bench.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Django 6 needs Python >= 3.12: take the first interpreter that has it.
# (.python-version makes pyenv's python3 resolve to 3.12 inside the repo.)
BOOTSTRAP_PY := $(shell for p in python3.12 python3.13 python3.14 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-fast test-browser lint format bench venv system browser check-python clean

check-python:
	@if [ -z "$(BOOTSTRAP_PY)" ]; then \
		echo "error: Newsline needs Python >= 3.12 (Django 6); none found on PATH." >&2; \
		echo "       Install one (e.g. 'pyenv install 3.12') and run make again." >&2; exit 1; fi

$(VENV)/.installed: requirements.txt requirements-dev.txt | check-python
	@[ -x $(PY) ] && $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { rm -rf $(VENV); $(BOOTSTRAP_PY) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

# Debian packages: libfribidi0 lets Pillow shape Arabic on the share cards (its wheel
# bundles raqm but loads fribidi from the system); Debian's Chromium drives the browser
# tests (Playwright never downloads a browser here).
APT_INSTALL = $(SUDO) apt-get install -y -qq --no-install-recommends
system:
	@dpkg -s libfribidi0 >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(APT_INSTALL) libfribidi0 >/dev/null; }

browser: system
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(APT_INSTALL) chromium fonts-noto-core >/dev/null; }

run: venv system
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py demo
	@echo "Newsline is on http://$(HOST):$(PORT)/  (English: http://$(HOST):$(PORT)/en/, admin: /admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

# The whole suite: lint, the fast tests and the browser tests.
test: venv browser lint
	$(VENV)/bin/pytest

test-fast: venv system
	$(VENV)/bin/pytest -m "not browser"

test-browser: venv browser
	$(VENV)/bin/pytest -m browser

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: venv
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
