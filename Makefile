# The whole check is the default target: format, lint, types, every test (browser included).
# `make test-fast` skips the browser tests (~1 minute instead of ~4).
PYTHON ?= python3

.PHONY: check format lint types test test-fast serve

check: lint types test

format:
	ruff format .

lint:
	ruff format --check .
	ruff check .

types:
	mypy dashboard

test:
	$(PYTHON) -m pytest

test-fast:
	$(PYTHON) -m pytest -m "not browser"

serve:
	$(PYTHON) -m dashboard serve
