# Two commands: `make run` and `make test`. Everything else is for development.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
PYTEST_ARGS ?=

.PHONY: run test messages lint typecheck layers pytest soak bench startup memory interop fuzz schema snapshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

# The interface's translations, compiled from their catalogues (see src/confterm/i18n.py).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard src/confterm/locale/*/LC_MESSAGES/confterm.po))
%.mo: %.po $(STAMP_RUN)
	$(BIN)/python tools/translations.py compile

## Extract the interface's strings (Babel) and update each language's catalogue.
messages: $(STAMP_RUN)
	$(BIN)/python tools/translations.py extract

## Open the browser on the bundled programme.
run: $(STAMP_RUN) $(MO_FILES)
	@# Byte-compiled once, even where PYTHONDONTWRITEBYTECODE is set: a faster start.
	@$(BIN)/python -m compileall -q src/confterm
	$(BIN)/confterm $(ARGS)

## Lint, type check, the import-layer contract and the whole test suite.
test: $(STAMP_TEST) $(MO_FILES) lint typecheck layers pytest

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

## The layer contract in pyproject.toml: cli > ui > conference > opening > storage, formats > model.
layers: $(STAMP_TEST)
	$(BIN)/lint-imports

pytest: $(STAMP_TEST) $(MO_FILES)
	$(BIN)/pytest -n auto --maxprocesses=4 $(PYTEST_ARGS)

## Regenerate the snapshot images after an intended UI change.
snapshots: $(STAMP_TEST)
	$(BIN)/pytest tests/ui --snapshot-update

## Load, start-up, keystroke latency and memory at 1,000 and 10,000 sessions; the grid;
## importing other formats beside a standard-library parse.
bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/grid.py
	$(BIN)/python benchmarks/import_speed.py
	$(BIN)/python benchmarks/cli_speed.py
	$(BIN)/python benchmarks/refresh_keys.py

## Start-up of the bundled programme against a bare Textual app.
startup: $(STAMP_TEST)
	$(BIN)/python benchmarks/startup.py

## Peak memory opening 60 MB programmes in each format; first frame with a 10 MB title.
memory: $(STAMP_TEST)
	$(BIN)/python benchmarks/memory.py

## Import every schedule in INTEROP_DIR: events, import time and warnings per file.
INTEROP_DIR ?=
interop: $(STAMP_TEST)
	@test -n "$(INTEROP_DIR)" || { echo "usage: make interop INTEROP_DIR=folder"; exit 2; }
	$(BIN)/python benchmarks/interop.py "$(INTEROP_DIR)" $(if $(INTEROP_TIMEZONE),--timezone $(INTEROP_TIMEZONE))

## The long runs: a 10,000-key monkey and 200 writers killed by the clock.
soak: $(STAMP_TEST)
	$(BIN)/pytest -m soak -p no:randomly

## Every reader fed 10,000 generated inputs (make test runs 150 each); a test may
## take minutes here (its huge inputs alone: 106 s), so its ceiling is 20 minutes.
fuzz: $(STAMP_TEST)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/fuzz --hypothesis-show-statistics --timeout=1200

## Rewrite data/programme.schema.json from the models.
schema: $(STAMP_RUN)
	$(BIN)/confterm schema > data/programme.schema.json

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
