# The two commands: `make run` (with the shell issue) and `make test`. Everything sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The install stamp is keyed on pyproject.toml, so re-running is instant until the dependencies change.
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

export QT_QPA_PLATFORM ?= offscreen

I18N_TS := assets/i18n/kiosk_vi.ts assets/i18n/kiosk_en.ts
I18N_QM := $(I18N_TS:.ts=.qm)

.PHONY: setup translations i18n-update run test lint format schema bench screenshots build clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,intake,build]'
	@rm -f $(VENV)/.installed-*
	@touch $@

setup: $(STAMP)

# Translations: .ts sources are committed, .qm files are built here (never committed).
assets/i18n/%.qm: assets/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(I18N_QM)

# After changing strings in kiosk/ui: refresh the .ts sources, then translate them in Qt Linguist.
i18n-update: setup
	$(BIN)/pyside6-lupdate $$(find kiosk/ui -name '*.py' | sort) -no-obsolete -locations none -ts $(I18N_TS)

# A demo ward on a local intake server, an enrolled demo kiosk, and the kiosk's window.
run: setup translations
	$(BIN)/python tools/run_demo.py

test: setup translations
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

# Every bench/bench_*.py prints its figures and the ratio against the baseline it names. The load
# bench runs on PostgreSQL too when one answers on 127.0.0.1:5432 (as in CI). A bench that misses
# its goal exits non-zero: the others still run, and make bench fails at the end.
PG_URL := postgresql+psycopg://postgres@127.0.0.1:5432/test
bench: setup translations
	@set -e; if [ -z "$$INTAKE_TEST_DATABASE_URL" ] && $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 1)" 2>/dev/null; then \
	  export INTAKE_TEST_DATABASE_URL="$(PG_URL)"; fi; \
	status=0; for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || status=1; done; exit $$status

# Every screen at 1366x768 under Xvfb, in Vietnamese, into docs/screenshots/ (needs xvfb-run).
screenshots: setup translations
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python tools/screenshots.py

# The PyInstaller bundle (build.spec) in dist/kiosk/, then its self-test, which prints OK.
build: setup translations
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build build.spec
	dist/kiosk/kiosk --smoke

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .bench-cache build dist $(I18N_QM)
