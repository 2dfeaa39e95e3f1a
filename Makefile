# Everything runs in a local virtual environment that `make` creates and keeps up to date.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test e2e bench schema clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The main job on the bundled examples.
run: $(STAMP)
	$(BIN)/agreement validate examples

test: $(STAMP)
	$(BIN)/python -m pytest

schema: $(STAMP)
	$(BIN)/agreement schema

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf build dist bench/corpus bench/out .pytest_cache
