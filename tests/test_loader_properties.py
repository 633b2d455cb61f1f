"""Issue 13, property-based: the seed data file mutated at random — bytes and characters
inserted, YAML syntax inserted, pieces deleted, values replaced by hostile ones — and `gongwen
check` still ends with exit 0, 1 or 2, one well-formed line per problem, no traceback, in
bounded time. Derandomized, so CI runs the same few hundred examples every time.
"""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")

SYNTAX = [":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "*b", "!!int ", "!!map ", "!!str ", "!!binary ",
          "!foo ", "? ", "|\n", ">-\n", "'", '"', "#", "\n", "\n  ", "  ", "\t", "---\n", "...\n", "%YAML 1.1\n",
          "<<: ", "~", "\\", "\\0", "\\ud800", "\\x1b", "\r", "\ufeff", "\u2028", "\x00", "\x85", "\ufffe"]
VALUES = ["2023-02-30", "2023-13-01", "0000-01-01", "2023-01-01 25:00:00", "!!int five", "!!float x", "!!bool x",
          "!!timestamp x", "!!map [1]", "!!null x", "9" * 5000, "*nope", "[[[[", "{a: 1}", '"\\0"', '"\\ud800"',
          '"\\ufffe"', "-1", "1e999", ".nan", ".inf", "'/'", "''", "~", "yes", "0x_", "[]", "{}", "&x [*x]",
          "!!python/object:os.system x", "1:30:00", "长" * 300, "[1, [2, [3]]]", "? [a]", "&a 1", "*a"]
# `key: value` lines of the seed, whose value a replacement swaps.
VALUE_LINE = re.compile(r"^(\s*(?:- )?[a-z_0-9]+: )(.+)$", re.MULTILINE)
PROBLEM_LINE = re.compile(r"^(.+:\d+:\d+: (错误|提示)：.+|错误：.+)$")
SUMMARY_LINE = re.compile(r"^.+：\d+ 处错误，\d+ 处提示$")

text_positions = st.integers(min_value=0, max_value=len(SEED_TEXT))
text_edit = st.one_of(
    st.tuples(st.just("insert"), text_positions, st.sampled_from(SYNTAX)),
    st.tuples(st.just("insert"), text_positions, st.text(st.characters(exclude_categories=("Cs",)), max_size=6)),
    st.tuples(st.just("delete"), text_positions, st.integers(min_value=1, max_value=60)),
    st.tuples(st.just("replace"), text_positions, st.sampled_from(VALUES)),
)
byte_edit = st.tuples(st.integers(min_value=0, max_value=len(SEED_TEXT.encode("utf-8"))),
                      st.binary(min_size=1, max_size=4))
# Raw bytes are nearly always invalid UTF-8 and stop the load at once: one example in four.
byte_edits = st.integers(min_value=0, max_value=3).flatmap(
    lambda n: st.lists(byte_edit, min_size=1, max_size=1) if n == 0 else st.just([]))


def _mutate(text_edits: list[tuple[str, int, object]], byte_edits: list[tuple[int, bytes]]) -> bytes:
    """The seed with the text edits applied, encoded (lone surrogates too), then the byte edits."""
    text = SEED_TEXT
    for kind, at, what in text_edits:
        at %= len(text) + 1
        if kind == "insert":
            text = text[:at] + what + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + what:]
        elif lines := list(VALUE_LINE.finditer(text)):
            line = lines[at % len(lines)]
            text = text[:line.start(2)] + what + text[line.end(2):]
    data = text.encode("utf-8", "surrogatepass")
    for at, what in byte_edits:
        at %= len(data) + 1
        data = data[:at] + what + data[at:]
    return data


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mutated") / "mutated.yaml"


@settings(max_examples=300, derandomize=True, database=None, deadline=timedelta(seconds=5),
          suppress_health_check=[HealthCheck.too_slow])
@given(text_edits=st.lists(text_edit, min_size=1, max_size=4), byte_edits=byte_edits)
def test_check_survives_any_mutation_of_the_seed(work, text_edits, byte_edits):
    work.write_bytes(_mutate(text_edits, byte_edits))
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", str(work)])             # an exception here is the traceback
    assert code in (0, 1, 2)
    errors = err.getvalue().splitlines()
    assert len(errors) <= 1 and all(PROBLEM_LINE.match(line) for line in errors), errors
    assert all(len(line) < 300 + len(str(work)) for line in errors), errors
    findings = out.getvalue().splitlines()
    assert all(PROBLEM_LINE.match(line) or SUMMARY_LINE.match(line) for line in findings), findings
    assert code == 0 or errors or any(": 错误：" in line for line in findings)
