# Two commands for people: `make serve` and `make test`. Each one first builds .venv from the
# pinned requirements (only when they changed), so a fresh machine needs just python3 and make.
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
SITE    ?= site
# Silence the MkDocs 2 / Material end-of-life banners: they are printed on every run otherwise.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build check test schema import catalogue articles diagrams screenshots dist deploy bench compare clean
.DEFAULT_GOAL := serve

$(BIN)/.runtime: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(BIN)/.test: requirements-test.txt $(BIN)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

# Test-only tools from npm (the Nu Html Checker, vnu.jar), exactly as package-lock.json pins them.
# --ignore-scripts: vnu-jar's install script would try to download a Java runtime; we use the system's.
TOOLS   := tools/node_modules/.installed
$(TOOLS): tools/package.json tools/package-lock.json
	cd tools && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

## serve: live preview on http://127.0.0.1:8000 ; edits to content/, data/ and macros/ reload the page
serve: $(BIN)/.runtime
	$(BIN)/mkdocs serve --strict

## build: strict build into $(SITE)/ ; one at a time, and the old site stays unless the new one is complete
build: $(BIN)/.runtime
	$(BIN)/python -m tools.build_site $(SITE)

## check: validate data/ alone (fast): prints each located problem and nothing else; for editors and a
## pre-commit hook
check: $(BIN)/.runtime
	@$(BIN)/python -m tools.check

## test: every test, the browser tests in headless chromium included
test: $(BIN)/.test $(TOOLS)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## schema: regenerate the JSON Schemas in data/schema/ (and the editor settings' associations) from the models
schema: $(BIN)/.runtime
	$(BIN)/python -m tools.schema

## diagrams: draw every diagram with headless chromium: as the pages show it (macros/publish/prerendered/)
## and as the SVG export for wikis (content/exports/); commit both
diagrams: $(BIN)/.test
	$(BIN)/python -m tools.diagrams

## bench: build time vs its limit, scaling, edit-to-reload, page weight and Lighthouse -> BENCHMARKS.md
bench: $(BIN)/.test bench/node_modules/.stamp
	$(BIN)/python -m bench $(BENCH_ARGS)

# Lighthouse, pinned by bench/package-lock.json; it drives Debian's chromium (CHROME_PATH), no download.
bench/node_modules/.stamp: bench/package.json bench/package-lock.json
	cd bench && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## import: re-import the model catalogue from the five datasets in FROM (snapshots or fresh clones, laid out as
## ../shared/reference/ is): data/models.yml and the files beside it; prints what changed
FROM    ?= ../shared/reference
import: $(BIN)/.runtime
	$(BIN)/python -m tools.importers $(FROM)

## catalogue: rewrite the error catalogue in CONTRIBUTING.md from the messages the checks really print
catalogue: $(BIN)/.test
	$(BIN)/python -m tools.catalogue

## articles: after the background articles change (shared/seeds/), the fingerprints the copy check uses
articles: $(BIN)/.runtime
	$(BIN)/python -m tools.articles

## deploy: rewrite the nginx configuration in deploy/nginx/ from the policy and mkdocs.yml (site_url,
## extra.embed_hosts); commit it
deploy: $(BIN)/.runtime
	$(BIN)/python -m tools.deploy

## dist: the whole site as a zip that works opened from disk (file://), search included
DIST    ?= dist
BUNDLE  := open-vs-closed-ai-models
dist: $(BIN)/.runtime
	rm -f $(DIST)/$(BUNDLE).zip
	$(BIN)/python -m tools.build_site build/$(BUNDLE) --offline
	mkdir -p $(DIST)
	cd build && $(abspath $(BIN))/python -m zipfile -c $(abspath $(DIST))/$(BUNDLE).zip $(BUNDLE)
	@echo "wrote $(DIST)/$(BUNDLE).zip (unzip it and open $(BUNDLE)/index.html)"

## compare: build the site of REF (default HEAD) and of the working tree, and list every file that differs
REF     ?= HEAD
compare: $(BIN)/.runtime
	$(BIN)/python -m tools.compare $(REF)

clean:
	rm -rf $(SITE) .$(SITE).lock .pytest_cache build $(DIST) tools/node_modules

## screenshots: every page, light and dark, desktop and phone width, into screenshots/
screenshots: $(BIN)/.test
	$(BIN)/python -m tools.screenshots
