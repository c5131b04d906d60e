# Every target bootstraps .venv itself: a fresh machine needs only python3.11, pip and make.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: Python 3.11 not found; install it or run make PYTHON=/path/to/python3.11"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python scripts/demo.py

test: $(STAMP) lint
	$(BIN)/python -m pytest

# The edit loop: lint, then the unit tests only (no servers, no subprocesses of slow tests).
test-fast: $(STAMP) lint
	$(BIN)/python -m pytest tests/unit -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check drafter tests benchmarks scripts
	$(BIN)/ruff format --check drafter tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache
