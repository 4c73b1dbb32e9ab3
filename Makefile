# The whole check is the default target: format, lint, types, every test (browser included).
# `make test-fast` is the quick loop: no browser, no image drawing (about a minute).
PYTHON ?= python3

.PHONY: check format lint types test test-fast serve

check: lint types test

format:
	ruff format .

lint:
	ruff format --check .
	ruff check .
	sqlfluff lint queries dashboard/build/*.sql

types:
	mypy dashboard

test:
	$(PYTHON) -m pytest

test-fast:
	$(PYTHON) -m pytest -m "not browser and not render"

serve:
	$(PYTHON) -m dashboard serve
