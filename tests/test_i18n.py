"""The message catalog: every message the program can give has its Chinese, renders in both
languages with its fields filled in, and the compiled catalog is the one the .po gives."""

from __future__ import annotations

import io
import os
import re
import string
import subprocess
import sys

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator import i18n
from generator.i18n import LOCALE_DIR, message, set_language
from tests.conftest import ROOT, SEED

PO = LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "gongwen.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"message": None, "N_": None, "_": None, "ngettext": (1, 2)}
METHODS = [("generator/**.py", "python"), ("generator/web/templates/**.html", "jinja2")]


def _catalog():
    with PO.open("rb") as handle:
        return read_po(handle)


def _source_messages() -> set[str]:
    """Every msgid the program's source marks, found as `make messages` finds it."""
    found = extract_from_dir(ROOT, METHODS, keywords=KEYWORDS, comment_tags=())
    ids = set()
    for _, _, msgid, _, _ in found:
        ids.update(msgid if isinstance(msgid, tuple) else (msgid,))
    return ids


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_of_the_source_has_its_chinese():
    catalog = _catalog()
    missing = sorted(msgid for msgid in _source_messages()
                     if msgid not in catalog or not catalog[msgid].string or catalog[msgid].fuzzy)
    assert not missing, f"{len(missing)} messages lack their Chinese in {PO.name}: {missing[:10]}"


def test_the_compiled_catalog_is_the_po_compiled():
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(), use_fuzzy=True)
    assert MO.read_bytes() == compiled.getvalue(), "run `make messages` to compile the .po"


def _entries():
    return [entry for entry in _catalog() if entry.id]


@pytest.mark.parametrize("entry", _entries(), ids=lambda entry: str(entry.id)[:40])
def test_each_message_renders_in_both_languages_with_its_fields(entry):
    msgid = entry.id[0] if isinstance(entry.id, tuple) else entry.id
    translated = entry.string[0] if isinstance(entry.string, tuple) else entry.string
    assert _fields(translated) == _fields(msgid), "the Chinese must use the English's fields, no more, no less"
    values = {name: f"«{name}»" for name in _fields(msgid)}
    try:
        for language, expected in (("en", msgid), ("zh", translated)):
            set_language(language)
            rendered = str(message(msgid, **values))
            assert rendered == expected.format(**values)
            assert all(value in rendered for value in values.values())
        words = re.sub(r"\{[^{}]*\}", "", msgid)          # a field's name is no word of the message
        assert re.search(r"[\u4e00-\u9fff]", translated) or not re.search(r"[A-Za-z]{3,}", words), \
            "a message in words has Chinese words"
    finally:
        i18n._language = None


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != i18n.LANG_ENV}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**environment, **env}, timeout=120)


def test_check_speaks_chinese_by_default_and_english_on_request():
    chinese = _run("check", str(SEED))
    assert chinese.stdout.splitlines()[-1] == f"{SEED}：0 处错误，3 处提示"
    english = _run("check", str(SEED), "--lang", "en")
    assert english.stdout.splitlines()[-1] == f"{SEED}: 0 error(s), 3 warning(s)"
    assert _run("--lang", "en", "check", str(SEED)).stdout == english.stdout
    assert _run("check", str(SEED), GONGWEN_LANG="en").stdout == english.stdout


def test_an_unknown_language_is_refused_in_one_line():
    result = _run("check", str(SEED), "--lang", "fr")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
