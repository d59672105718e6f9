# The two commands: `make site` builds the site into site/, `make test` runs the tests.
# Both create .venv from the pinned requirements.txt when it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA   ?= data
STAMP  := $(VENV)/.installed
# Builds of one commit are byte-identical: timestamps come from the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1

.PHONY: site validate check fmt translations new test pytest quick mutation serve clean lock lint bench synth archive uncited summary corrections

site: $(STAMP)
	$(BIN)/tracker-build --data $(DATA)

validate: $(STAMP)
	@$(BIN)/tracker-validate --data $(DATA)

# validate + canonical formatting (what CI and pre-commit run)
check: validate
	@$(BIN)/tracker-fmt --check --data $(DATA)

# rewrite data files in the canonical style (lossless, idempotent)
fmt: $(STAMP)
	$(BIN)/tracker-fmt --data $(DATA)

# how much is translated (per kind and field: translated, stale, missing); with FILES=<files>,
# record in those translation files the hash of the English they now translate
translations: $(STAMP)
	@$(BIN)/tracker-translations --data $(DATA) $(if $(FILES),--stamp $(FILES))

# scaffold a record: make new KIND=claim ID=some-id
new: $(STAMP)
	$(BIN)/tracker-new --data $(DATA) $(KIND) $(ID)

# archive an article: make archive ID=some-id FILE=saved-page.html URL=https://... (or TEXT=article.txt)
# The variables reach the script through the environment, never through a shell command line.
archive: $(STAMP)
	@$(BIN)/tracker-archive --data $(DATA) --from-make

# passages of an archived source that no record cites: make uncited SOURCE=some-id
uncited: $(STAMP)
	@$(BIN)/tracker-uncited --data $(DATA) --from-make

# the records this branch adds, changes and removes, since it left main (or BASE=branch-or-commit), as CI
# summarises a pull request; committed changes only (it warns about the others)
summary: $(STAMP)
	@$(BIN)/tracker-pr-summary --data $(DATA) --from-make

# every change of substance since the branch left main (or BASE) carries a correction, or its commit says "Rewording: yes"
corrections: $(STAMP)
	@$(BIN)/tracker-check-corrections --data $(DATA) --from-make

# synthetic data of our shape: make synth N=10000 OUT=/tmp/synth
# (HISTORY=10000 also makes OUT a git repository of that many commits ending in that data)
N   ?= 1000
OUT ?= /tmp/tracker-synth
HISTORY ?= 0
synth: $(STAMP)
	$(BIN)/tracker-synth --records $(N) --out $(OUT) --history $(HISTORY)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# The tests run on every core (pytest-xdist), a test file to a process: a file's module fixtures (its
# built sites) are made once, and the sites the whole session shares are built once under a lock
# (tests/conftest.py). PYTEST_WORKERS=0 runs them in one process.
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL := $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadfile)

# lint first (seconds), then the whole suite, browser tests included (Chromium is installed
# when missing: Debian's package when root, else Playwright's; see scripts/ensure_browser.sh)
test: lint pytest

# the suite alone, without the lint (CI lints in a step of its own)
pytest: $(STAMP)
	PYTHON=$(BIN)/python sh scripts/ensure_browser.sh
	$(BIN)/python -m pytest $(PYTEST_PARALLEL) --durations=30

# the quick loop while working: every test but those that build a whole site or drive a browser
# (tests/conftest.py marks those `slow`); `make test` still runs everything
quick: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_PARALLEL) -m "not slow" -q

# mutation testing (mutmut) of the dates, the loader and the rules with the quick suite, and the score per
# module; minutes to hours, so never part of `make test`. It resumes where it stopped (tests/mutation.py).
mutation: $(STAMP)
	$(BIN)/python tests/mutation.py

serve: $(STAMP)
	TRACKER_DATA=$(DATA) $(BIN)/mkdocs serve --dirty

lint: $(STAMP)
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/mypy
	@# dlint's ReDoS check alone: a repeat inside a repeat, or overlapping alternatives under one (tests/test_regex_safety.py has the rest)
	$(BIN)/flake8 --select=DUO138 scripts benchmarks

# The project itself goes in editable (pyproject.toml): `import tracker` and the tracker-* commands.
# --no-build-isolation builds it with the setuptools pinned in requirements.txt, so no network is needed.
$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Re-pin requirements.txt from requirements.in in a throwaway venv.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet -r requirements.in
	{ echo '# Generated by `make lock` from requirements.in (pip freeze of a fresh venv); do not edit by hand.'; \
	  .venv-lock/bin/python -m pip freeze --all --exclude-editable | grep -v '^pip=='; } > requirements.txt
	rm -rf .venv-lock

clean:
	rm -rf site .site.building .site.old .pytest_cache
