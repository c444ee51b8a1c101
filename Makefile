# gongfu: two commands reproduce everything.  `make run` builds the outputs, `make test` checks them.
# Every target sets up .venv first if it is missing, so a fresh clone needs nothing else.

PYTHON ?= python3
LAB_ARGS ?=
# JupyterLab refuses to start as root unless told: pass --allow-root only when running as root.
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup run test lint lab html bench manifest clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "gongfu needs Python 3.11, found " + sys.version.split()[0]' \
		|| { echo "error: set PYTHON=/path/to/python3.11 (e.g. make PYTHON=python3.11 run)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the project (run by every other target)

run: $(STAMP) ## Run the whole pipeline: notebooks -> data/processed, reports/ (HTML, figures)
	$(PY) -m gongfu run

test: $(STAMP) ## Run the whole test suite, notebooks and the reproducibility check included
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m pytest

lint: $(STAMP) ## ruff on src, tests and benchmarks
	$(PY) -m ruff check src tests benchmarks

lab: $(STAMP) ## Open JupyterLab on the project (extra options: make lab LAB_ARGS="--port 9999 --no-browser")
	$(VENV)/bin/jupyter lab --notebook-dir=. $(ALLOW_ROOT) $(LAB_ARGS)

html: $(STAMP) ## Re-render the pages and the site (both languages, reports/data/) from the executed notebooks
	$(PY) -m gongfu html

bench: $(STAMP) ## Print the benchmark figures (pipeline wall time, cleaning and extraction throughput)
	$(PY) benchmarks/bench_pipeline.py

manifest: $(STAMP) ## Append manifest rows for new files in data/raw/ (FILE=data/raw/x.txt for one)
	@$(PY) -m gongfu manifest add $(FILE)

clean: ## Remove generated reports and the run staging area (keeps .venv and data/processed)
	rm -rf reports .gongfu
