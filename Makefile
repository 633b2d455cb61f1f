# The README's two commands: `make demo` and `make test`. Both set up what they need first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: setup fonts test-tools demo test fuzz bench clean

setup: $(INSTALLED) fonts

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(INSTALLED)

fonts: $(INSTALLED)
	$(PY) fonts/install_fonts.py

test-tools:
	sh tests/install_test_tools.sh

demo: setup
	$(VENV)/bin/gongwen build data/changle-2020.yaml -o out

test: setup test-tools
	$(PY) -m pytest -q -rs

# Long runs of their own, not part of `make test`.
fuzz: setup
	$(PY) tests/fuzz.py --cases 2000

bench: setup test-tools
	$(PY) tests/bench.py

clean:
	rm -rf out .pytest_cache
