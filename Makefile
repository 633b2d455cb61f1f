# The README's two commands: `make demo` and `make test`. Both set up what they need first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: setup fonts test-tools demo test clean

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

clean:
	rm -rf out .pytest_cache
