# Two commands: `make run` and `make test`. Everything else here serves those two.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app partnerships
HOST ?= 127.0.0.1
PORT ?= 5000
# Two workers (pytest-xdist; each has its own database): the suite's browser, race and
# Hypothesis layers keep both cores busy.
PYTEST_ARGS ?= -n 2 --dist loadfile

.PHONY: run test setup setup-test translations lint format bench load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python -m partnerships.catalogues compile

setup-test: $(VENV)/.installed-test setup

## Start the app on http://127.0.0.1:5000 with demo data and print the demo logins.
run: setup
	$(FLASK) db upgrade
	$(FLASK) demo
	@echo ""
	@echo "Open http://$(HOST):$(PORT) and log in with one of the accounts above."
	PARTNERSHIPS_DEVELOPMENT=true $(FLASK) run --host $(HOST) --port $(PORT)

## Lint, then the whole test suite (unit, integration, browser).
test: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m partnerships.catalogues check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## Refresh the .po catalogues from the source after changing UI text.
translations: setup
	$(BIN)/python -m partnerships.catalogues update
	$(BIN)/python -m partnerships.catalogues todo

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Benchmark at 1x and 10x data on SQLite and PostgreSQL (see README, Quality). The data is
## kept in instance/bench and reused next time; delete that folder to build it anew.
bench: setup-test
	$(BIN)/python -m tests.perf.bench --keep instance/bench $(BENCH_ARGS)

## Load test: 50 simulated users for 60 s against gunicorn on PostgreSQL.
load: setup-test
	$(BIN)/python -m tests.perf.load

clean:
	rm -rf $(VENV) build *.egg-info
