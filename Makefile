# Two commands for a newcomer: `make serve` (live preview) and `make test` (every test).
# Both create .venv and install the exact pins of requirements.txt first.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
SITE    := site

export NO_MKDOCS_2_WARNING := 1
# Reproducible output: timestamps come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup serve build test bench clean

setup: $(STAMP)

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --requirement requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Strict: any warning fails the build (never combine --strict with -q: that hides the failure).
build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

# One build, then every test against it (tests/conftest.py reads EDITION_SITE).
test: build
	EDITION_SITE=$(SITE) $(BIN)/python -m pytest

# Benchmarks against a bare Material + i18n baseline (not part of `make test`): bench/results.md.
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(SITE) .pytest_cache
