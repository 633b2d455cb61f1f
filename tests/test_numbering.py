"""Heading numbers come from levels alone and rebuild the seed's own numbering."""

from __future__ import annotations

import pytest

from generator.compose.numbering import HeadingCounter
from generator.compose.wording import chinese_numeral
from generator.document_model import Heading

# The seed's heading numbers in reading order (its markdown levels disagree; its numbers do not).
SEED_OUTLINE = ("一、（一）1.（1）（2）2.（1）（2）3.（1）（2）（二）（三）1.2.3.（四）（五）1.2.3.4.（1）（2）（3）"
                "5.（1）（2）（3）6.二、三、四、五、六、")


@pytest.mark.parametrize("n, text", [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"),
    (100, "一百"), (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"), (120, "一百二十"),
    (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"),
    (10000, "一万"), (10001, "一万零一"), (10100, "一万零一百"), (11000, "一万一千"), (100000, "十万"),
    (110000, "十一万"), (100010, "十万零一十"), (1000000, "一百万"), (100000000, "一亿"),
    (100010000, "一亿零一万"), (200300400, "二亿零三十万零四百"),
])
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


@pytest.mark.parametrize("n", [0, -1])
def test_a_heading_number_is_a_positive_count(n):
    with pytest.raises(ValueError, match="not a positive count"):
        chinese_numeral(n)


def test_a_heading_restarts_the_levels_below_it():
    counter = HeadingCounter()
    assert [counter.next(level) for level in (1, 2, 2, 3, 1, 2, 3, 3)] == [1, 1, 2, 1, 2, 1, 1, 2]


def test_the_seed_outline_is_rebuilt_from_levels(seed_document):
    numbers = "".join(b.number for b in seed_document.parts[1].blocks if isinstance(b, Heading))
    assert numbers == SEED_OUTLINE
