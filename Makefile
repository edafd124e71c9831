# newskg front panel. Everything installs into .venv at the repo root.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= data/newskg.oxigraph
ARGS ?=

.PHONY: run test bench lint venv clean train eval

$(BIN)/newskg: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/newskg

venv: $(BIN)/newskg  ## create .venv and install newskg with its test dependencies

run: venv  ## build the graph from the bundled sample articles and open the explorer
	$(BIN)/newskg build app/sample_articles --store $(STORE)
	$(BIN)/newskg explore --store $(STORE)

test: venv  ## run the test suite (make test ARGS="-k kiwi" passes options to pytest)
	bash tests/setup_system.sh
	$(BIN)/python -m pytest $(ARGS)

bench: venv  ## print speed and memory figures (tests/bench)
	$(BIN)/python -m tests.bench $(ARGS)

train: venv  ## train the learned parts from the gold data (relation scorer; never the blind news part)
	$(BIN)/python -m newskg.extract.relscore train --gold ../shared/data/dev --gold ../shared/data/news

eval: venv  ## print the quality report of issue 7 (make eval ARGS=--no-blind skips the blind part)
	$(BIN)/python -m newskg.extract.eval_report $(ARGS)

lint: venv  ## ruff over the code
	$(BIN)/ruff check extract graph ontology app tests

clean:  ## remove the venv and built stores
	rm -rf $(VENV) data/*.oxigraph
