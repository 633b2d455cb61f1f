"""Heading numbers come from levels alone and rebuild the seed's own numbering."""

from __future__ import annotations

import pytest

from generator.compose.numbering import HeadingCounter
from generator.compose.wording import chinese_numeral
from generator.document_model import Heading

# The seed's heading numbers in reading order (its markdown levels disagree; its numbers do not).
SEED_OUTLINE = ("一、（一）1.（1）（2）2.（1）（2）3.（1）（2）（二）（三）1.2.3.（四）（五）1.2.3.4.（1）（2）（3）"
                "5.（1）（2）（3）6.二、三、四、五、六、")


@pytest.mark.parametrize("n, text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九")])
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


def test_a_heading_restarts_the_levels_below_it():
    counter = HeadingCounter()
    assert [counter.next(level) for level in (1, 2, 2, 3, 1, 2, 3, 3)] == [1, 1, 2, 1, 2, 1, 1, 2]


def test_the_seed_outline_is_rebuilt_from_levels(seed_document):
    numbers = "".join(b.number for b in seed_document.parts[1].blocks if isinstance(b, Heading))
    assert numbers == SEED_OUTLINE
