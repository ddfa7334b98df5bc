# Two commands for a newcomer: `make serve` (live preview) and `make test` (every test);
# `make check` is the quicker one before a pull request (no browser tests, no slow ones;
# measured: 0 min 35 s on 2026-12-04, the shared 2-core machine at load average 1.2 (57 s of CPU);
# how it was measured: README.md).
# Both create .venv and install the exact pins of requirements.txt first.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
SITE    := site

export NO_MKDOCS_2_WARNING := 1
# Reproducible output: timestamps come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup serve build test check lint compat translation-lock translation-pending release bench clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --requirement requirements.txt
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --no-deps --editable .
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Strict: any warning fails the build (never combine --strict with -q: that hides the failure).
build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

# The tests run on both cores (pytest-xdist): the site is built once before the workers start,
# and each worker reads it (EDITION_SITE); a module whose tests share a costly fixture keeps
# them on one worker (pytest.mark.xdist_group). WORKERS=1 runs them in this one process.
WORKERS ?= 2
PYTEST  := $(BIN)/python -m pytest $(if $(filter 1,$(WORKERS)),-p no:xdist,-n $(WORKERS) --dist loadgroup)

# One build, the linters (both at once), then every test against the build (tests/conftest.py reads EDITION_SITE).
test: $(STAMP)
	@$(MAKE) --no-print-directory -j2 build lint
	EDITION_SITE=$(SITE) $(PYTEST)

# The quicker local check before a pull request: build, linters, every test but the browser's
# and the slow ones (`-m slow`: they build the project again or a copy of it, or start EPUBCheck's
# Java or Ace's Chromium; `make test` runs them).
check: $(STAMP)
	@$(MAKE) --no-print-directory -j2 build lint
	EDITION_SITE=$(SITE) $(PYTEST) -m "not browser and not slow" -q --no-header --tb=line -rf

# The pre-commit hooks of .pre-commit-config.yaml, all local tools from .venv (offline).
# pre-commit lints what git tracks; outside a git checkout the same linters run directly.
lint: $(STAMP)
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/pre-commit run --all-files; \
	else \
	  echo "lint: not a git checkout: running ruff, yamllint and pymarkdown without pre-commit"; \
	  $(BIN)/ruff check edition hooks tests tools && $(BIN)/yamllint --strict data mkdocs.yml && \
	  $(BIN)/pymarkdown --config .pymarkdown.json scan -r docs $(wildcard *.md) && \
	  $(BIN)/zizmor --offline .; \
	fi

# The exit from MkDocs 1.6.1 (frozen): the same site built with ProperDocs, the maintained
# fork, in its own venv (requirements-compat.txt: our pins, properdocs in place of mkdocs;
# --no-deps keeps mkdocs out: Material and the i18n plugin name it as a dependency), then
# compared with the MkDocs build file by file (tools/compat.py says what may differ).
COMPAT_VENV  := .venv-compat
COMPAT_STAMP := $(COMPAT_VENV)/.installed-$(shell cat requirements-compat.txt pyproject.toml | cksum | cut -d' ' -f1)

$(COMPAT_STAMP): requirements-compat.txt pyproject.toml
	test -x $(COMPAT_VENV)/bin/python || $(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/python -m pip install --disable-pip-version-check --quiet --no-deps --requirement requirements-compat.txt
	$(COMPAT_VENV)/bin/python -m pip install --disable-pip-version-check --quiet --no-deps --editable .
	rm -f $(COMPAT_VENV)/.installed-*
	touch $@

compat: build $(COMPAT_STAMP)
	rm -rf $(SITE)-compat
	$(COMPAT_VENV)/bin/properdocs build --strict --config-file mkdocs.yml --site-dir $(SITE)-compat
	$(BIN)/python tools/compat.py $(SITE) $(SITE)-compat

# Record the translations, after an edit of the English or after updating it to a changed Russian
# paragraph. A change of the author's Russian must first be listed in data/corrections.yaml (else it
# is refused, FORCE=1 too, with the entry to add); FORCE=1 records a listed change that needs no new
# translation (a typo the English never had) or an edition page's Russian. See CONTRIBUTING.md.
translation-lock: $(STAMP)
	$(BIN)/python tools/translation_lock.py $(if $(FORCE),--force)

# Publish a Russian revision before its translation: make translation-pending ID=<paragraph id> [DATE=YYYY-MM-DD]
translation-pending: $(STAMP)
	@test -n "$(ID)" || { echo "usage: make translation-pending ID=<paragraph id, e.g. policy-coordination-p2> [DATE=YYYY-MM-DD]"; exit 2; }
	$(BIN)/python tools/translation_lock.py --pending $(ID) $(if $(DATE),--date $(DATE))
# Publish a new version: make release SUMMARY_RU='…' SUMMARY_EN='…' [DATE=YYYY-MM-DD] (tools/release.py;
# data/versions.yaml, data/article.yaml edition_date and the snapshot data/snapshots/vN.yaml).
release: $(STAMP)
	$(BIN)/python tools/release.py --summary-ru "$(SUMMARY_RU)" --summary-en "$(SUMMARY_EN)" $(if $(DATE),--date $(DATE))

# Benchmarks against a bare Material + i18n baseline (not part of `make test`): bench/results.md.
bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/lighthouse.py

clean:
	rm -rf $(SITE) $(SITE)-compat .pytest_cache .cache/edition
