# The two commands: `make run` (with the shell issue) and `make test`. Everything sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The install stamp is keyed on pyproject.toml, so re-running is instant until the dependencies change.
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup test lint format schema bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,intake]'
	@rm -f $(VENV)/.installed-*
	@touch $@

setup: $(STAMP)

test: setup
	$(BIN)/pytest --durations=15 $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The payload's JSON Schema is generated from the pydantic model; a test checks the committed file is current.
schema: setup
	$(BIN)/python -m kiosk.exchange.payload --write-schema

# Every bench/bench_*.py prints its figures and the ratio against the baseline it names.
bench: setup
	@set -e; for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .bench-cache build dist
