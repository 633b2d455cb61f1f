"""Hypothesis strategies for report data: the seed's structure with its texts, figures, lists
and settings replaced at random, written out as YAML.

Used by the bounded property test in the suite and by `make fuzz` (tests/fuzz.py). The data
keep the shape of a report (so most of them load, check and build) but carry whatever a clerk
might type: long and odd texts, rare characters, blank and "/" cells, negative and huge figures,
many or no headings, long 抄送 lists, dates from 1900 to 2999.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.conftest import SEED

SEED_DATA: dict[str, Any] = yaml.safe_load(SEED.read_text(encoding="utf-8"))

# Characters a report holds, and some it rarely does: CJK Extension A and B, full-width forms,
# punctuation that 禁则 moves, digits and Latin letters that auto-space separates.
ALPHABET = st.one_of(
    st.sampled_from(list("政府信息公开工作年度报告条例办理申请依法主动区市县乡镇街道人民")),
    st.sampled_from(list("，。、；：？！（）《》“”‘’〔〕…—·%")),
    st.sampled_from(list("0123456789abcXYZ/-_.@ ")),
    st.sampled_from(list("㛃䶮𠀀𪚥﹁Ａ１")),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)
TEXT = st.text(ALPHABET, min_size=1, max_size=400)
SHORT_TEXT = st.text(ALPHABET, min_size=1, max_size=60)
COUNT = st.one_of(st.none(), st.just("/"), st.integers(min_value=-3, max_value=10**7))
DATE = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31))
AMOUNT = st.one_of(st.none(), st.just("/"), st.decimals(min_value=0, max_value=10**9, places=2).map(str))
# Kept as they are: with another format or year nearly every case would stop at the first check.
KEPT = {"format", "year", "previous"}


def _block(kind: str, text: str, extra: str | None) -> dict[str, str]:
    block = {kind: text}
    if extra and kind != "p":
        block["text"] = extra
    elif extra:
        block["lead"] = extra
    return block


BLOCK = st.builds(_block, st.sampled_from(["p", "p", "p", "h2", "h3", "h4"]), TEXT, st.none() | SHORT_TEXT)
BLOCKS = st.lists(BLOCK, min_size=1, max_size=40)


@st.composite
def report_data(draw: st.DrawFn) -> dict[str, Any]:
    """The seed with a random share of its values replaced."""
    rate = draw(st.sampled_from([0.02, 0.1, 0.3]))
    rng = random.Random(draw(st.integers(min_value=0, max_value=2**32 - 1)))

    def mutate(value: Any, key: str = "") -> Any:
        if key in KEPT:
            return value
        if key in ("amount", "projects", "serial"):
            wanted = AMOUNT if key != "serial" else st.integers(min_value=1, max_value=10**6)
            return draw(wanted) if rng.random() < rate else value
        if isinstance(value, dict):
            return {k: mutate(v, k) for k, v in value.items()}
        if isinstance(value, list):
            if key in ("overview", "opening", "problems", "other_matters", "notes", "body") and rng.random() < rate:
                blocks = draw(BLOCKS)
                return [b["p"] for b in blocks if "p" in b] if key in ("opening", "body") else blocks
            if key in ("copy_to", "signers", "keywords") and rng.random() < rate:
                return draw(st.lists(SHORT_TEXT, max_size=30))
            return [mutate(item, key) for item in value]
        if rng.random() >= rate:
            return value
        if isinstance(value, bool):
            return draw(st.booleans())
        if isinstance(value, dt.date):
            return draw(DATE)
        if isinstance(value, int) or value is None or value == "/":
            return draw(COUNT)
        if isinstance(value, str):
            return draw(TEXT)
        return value

    return mutate(SEED_DATA)


def as_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
