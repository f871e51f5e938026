# Two entry points for people: `make run` and `make test`. Both create and reuse .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/rbdesk $(FILE)

test: $(STAMP)
	$(BIN)/ruff check rbdesk tests bench
	$(BIN)/mypy rbdesk/exports rbdesk/models
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen RBDESK_TODAY=2024-06-14 $(BIN)/python -m rbdesk.ui.screenshots docs

clean:
	rm -rf $(VENV) build *.egg-info
