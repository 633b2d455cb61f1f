# The README's two commands: `make demo` and `make test`. Both set up what they need first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: setup fonts test-tools demo test test-layout fuzz bench clean messages

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
	$(PY) -m pytest -q -rs -n auto

# Long runs of their own, not part of `make test`.
# Every memo length, with and without a seal, and the seed lengthened line by line through a
# whole page, through LibreOffice, line for line; every annual report's LibreOffice re-save and
# PDF export imported back (a sample of each runs in `make test`).
test-layout: setup test-tools
	GONGWEN_TEST_LAYOUT=1 $(PY) -m pytest -q -rs -n auto tests/test_signature_fit.py tests/test_line_parity.py \
		tests/test_published_roundtrip.py

fuzz: setup
	$(PY) tests/fuzz.py --cases 2000
	$(PY) tests/fuzz_entry_points.py --cases 3200

bench: setup test-tools
	$(PY) tests/bench.py

# The message catalogs: extract the program's messages, merge them into each language's .po
# (translate the new entries there), and compile the .mo the program reads. Babel is a test extra.
LOCALE := generator/locale
messages: $(INSTALLED)
	$(VENV)/bin/pybabel extract --no-location --sort-output --omit-header -F $(LOCALE)/babel.cfg \
		-k message -k N_ -k ngettext:1,2 -o $(LOCALE)/gongwen.pot .
	$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date -i $(LOCALE)/gongwen.pot -d $(LOCALE) -D gongwen
	$(VENV)/bin/pybabel compile --use-fuzzy -d $(LOCALE) -D gongwen

clean:
	rm -rf out .pytest_cache
