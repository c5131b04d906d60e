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

# The whole suite over pytest-xdist workers, one more than the cores: many tests wait on child
# processes, servers and leases, and the extra worker fills those waits (2 cores: 248 s with 3
# workers, 289 s with 2). A test file stays on one worker, so its module fixtures are built
# once. Pass PYTEST_ARGS="-n 0" to run in one process.
JOBS ?= $(shell $(PYTHON) -c "import os; print((os.cpu_count() or 1) + 1)")
test: $(STAMP) lint
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile $(PYTEST_ARGS)

# The edit loop: lint, then the unit tests not marked slow (no PostgreSQL, no fresh
# interpreters, no property-based fuzz; `make test` runs those too).
test-fast: $(STAMP) lint
	$(BIN)/python -m pytest tests/unit -m "not slow" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check drafter tests benchmarks scripts
	$(BIN)/ruff format --check drafter tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache
