# Everything runs in a local virtual environment that `make` creates and keeps up to date.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test e2e bench schema docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[build,report,dev]"
	touch $(STAMP)

# The main job on the bundled examples: lint them, then build Word, PDF and HTML into build/,
# write the follow-ups as a calendar and a spreadsheet to fill in, and build the Ljusdal plan's
# follow-up report (build/ljusdal-2014-uppfoljning-2014-09-15.*). The examples' periods have
# ended, so the follow-ups are listed, and the report made, as of a day inside the Ljusdal plan's year.
FOLLOWUPS_TODAY := 2014-09-15

run: $(STAMP)
	$(BIN)/agreement lint examples
	$(BIN)/agreement build examples --out build
	$(BIN)/agreement followups examples --today $(FOLLOWUPS_TODAY) --format ics --output build/uppfoljning.ics
	$(BIN)/agreement followups examples --today $(FOLLOWUPS_TODAY) --format xlsx --output build/uppfoljning.xlsx
	$(BIN)/agreement report examples/ljusdal-2014 --as-of $(FOLLOWUPS_TODAY) --out build

test: $(STAMP)
	$(BIN)/python -m pytest

schema: $(STAMP)
	$(BIN)/agreement schema

# docs/codes.md: every code's documentation, the page SARIF reports link to.
docs: $(STAMP)
	mkdir -p docs
	$(BIN)/agreement explain --pages docs

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Real-client end-to-end tests of `agreement build`: LibreOffice opens the Word files,
# headless Chromium renders the HTML and axe-core checks it, poppler renders the PDFs.
# Installs its own system packages (apt, skipped when present) and Node packages.
# Carlito has Calibri's metrics: LibreOffice then lays out the Word files as Word does.
E2E_APT := libreoffice-writer-nogui libreoffice-calc-nogui chromium poppler-utils fonts-crosextra-carlito
E2E_SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

e2e: $(STAMP) e2e/node_modules/.package-lock.json
	@dpkg -s $(E2E_APT) >/dev/null 2>&1 || { \
	  $(E2E_SUDO) apt-get update && \
	  $(E2E_SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(E2E_APT); }
	$(BIN)/python -m pytest -m e2e --tb=short tests/e2e

e2e/node_modules/.package-lock.json: e2e/package.json e2e/package-lock.json
	cd e2e && npm ci --no-audit --no-fund

clean:
	rm -rf build dist bench/corpus bench/out .pytest_cache
