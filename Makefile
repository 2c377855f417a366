# Every target sets itself up: a fresh machine needs only Python >= 3.11, Node.js with npm, git
# and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXTRAS := $(VENV)/.installed-extras
NODE   := node_modules/.installed
SEARCH := node_modules/.installed-pagefind
HOST   ?= 127.0.0.1:8000
# The engine that builds the site from mkdocs.yml: properdocs (the default), mkdocs or zensical.
ENGINE ?= properdocs
# ProperDocs and MkDocs come with the project; Zensical with the extras.
ENGINE_READY := $(if $(filter zensical,$(ENGINE)),$(EXTRAS),$(STAMP))

# Material and ProperDocs print banners about MkDocs's future; the plan is in the README.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: build serve test lint pages bench lock clean

# Generate the pages, build them with $(ENGINE), index the search, write the EPUB and the PDF.
build: $(ENGINE_READY) $(SEARCH) ## Build the whole site into site/ (ENGINE=properdocs|mkdocs|zensical)
	$(BIN)/python -m build_tools publish --engine $(ENGINE) site

# MkDocs and ProperDocs rebuild only the pages whose Markdown changed (--dirty; the generator
# rewrites only those); Zensical always rebuilds.
serve: $(ENGINE_READY) $(SEARCH) ## Preview at http://127.0.0.1:8000 with live reload (ENGINE=…)
	$(BIN)/python -m build_tools serve --engine $(ENGINE) --dev-addr $(HOST)

pages: $(STAMP) ## Only generate the Markdown pages into docs/
	$(BIN)/python -m build_tools build

# Matcher against flashtext and pyahocorasick, builds of 300 and 600 synthetic articles, mkdocs
# serve's reload: about two minutes; the results go in BENCHMARKS.md.
bench: $(EXTRAS) $(SEARCH) ## Measure the matcher and the builds (JSON on stdout)
	$(BIN)/python -m build_tools bench --json

test: $(EXTRAS) $(NODE) lint ## Every test
	$(BIN)/python -m build_tools check
	$(BIN)/python -m pytest

lint: $(EXTRAS)
	$(BIN)/actionlint -shellcheck=$(BIN)/shellcheck .github/workflows/*.yml
	$(BIN)/ruff check build_tools tests
	$(BIN)/mypy

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 is required (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# Optional tools the tests exercise too: Zensical, spaCy for `build_tools suggest`, and the
# benchmark's flashtext and pyahocorasick.
$(EXTRAS): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,engines,suggest,bench]'
	touch $@

# Pagefind, which indexes the search (its 1.6 is on npm only: BENCHMARKS.md, "Search"), pinned
# in package-lock.json with the tests' tools, which a build does not install.
$(SEARCH): package.json package-lock.json
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund
	touch $@

# The browser and HTML tests' tools too: axe-core and vnu.jar. Pagefind comes with them.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; the machine's is used.
$(NODE): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@ $(SEARCH)

lock: ## Refresh constraints.txt from a clean install of the current ranges
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet '.[test,engines,suggest,bench]'
	.venv-lock/bin/python -m pip freeze --exclude-editable | grep -v '^edition-geopolitique-ia' > constraints.txt
	rm -rf .venv-lock build

clean:
	rm -rf site .cache .venv .pytest_cache .mypy_cache .ruff_cache node_modules tests/screenshots
