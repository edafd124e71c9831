# newskg front panel. Everything installs into .venv at the repo root.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= data/newskg.oxigraph
ARGS ?=

.PHONY: run test bench lint venv clean train ner-folds ner-select eval

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

eval: venv  ## print the quality report of issue 7 (make eval ARGS=--no-blind skips the blind part)
	$(BIN)/python -m newskg.extract.eval_report $(ARGS)

lint: venv  ## ruff over the code: lint rules and formatting (fix with `ruff format`)
	$(BIN)/ruff check extract graph ontology app tests
	$(BIN)/ruff format --check extract graph ontology app tests

# The NER model's training data: KLUE-NER (CC BY-SA 4.0) and gold articles (blind ones are skipped by name).
KLUE_TRAIN ?= ../shared/data/klue-ner/train.tsv
NER_GOLD ?= ../shared/data/dev
NER_MODEL ?= extract/models/ner-crf.v3.crfsuite
# Optional word clusters of the NER from unlabeled text (off: they did not pay, see the README), e.g.
# NER_TEXT="--unlabeled-dp ../shared/data/klue-dp/dev.tsv --unlabeled-gold ../shared/data/dev"
NER_TEXT ?=

train: venv  ## retrain the NER model (extract/models/), the relation scorer and the status model offline; print NER dev scores
	$(BIN)/python -m newskg.extract.ner_train train --klue $(KLUE_TRAIN) --gold $(NER_GOLD) --out $(NER_MODEL) $(NER_TEXT)
	$(BIN)/python -m newskg.extract.ner_train eval tests/data/klue/ner-dev.tsv --model $(NER_MODEL)
	$(BIN)/python -m newskg.extract.relscore train --gold ../shared/data/dev --gold ../shared/data/news
	$(BIN)/python -m newskg.extract.status train --gold ../shared/data/dev --gold ../shared/data/news

# Cross-validation needs one NER model per fold, each trained without its fold's articles.
NER_FOLDS ?= data/ner-folds
$(NER_FOLDS)/folds.json: extract/ner.py extract/ner_train.py
	$(BIN)/python -m newskg.extract.ner_train folds ../shared/data/news --klue $(KLUE_TRAIN) --base ../shared/data/dev --workdir $(NER_FOLDS) $(NER_TEXT)

# Model selection of the NER on the KLUE train split alone (the dev split is only the final figure).
ner-select: venv  ## 5-fold CV of the NER model alone on KLUE train (pass e.g. ARGS="--c2 0.1")
	$(BIN)/python -m newskg.extract.ner_train klue-cv $(KLUE_TRAIN) $(NER_TEXT) $(ARGS)

ner-folds: venv $(NER_FOLDS)/folds.json  ## train the 5 NER fold models for cross-validation by article (data/ner-folds)

clean:  ## remove the venv and built stores
	rm -rf $(VENV) data/*.oxigraph
