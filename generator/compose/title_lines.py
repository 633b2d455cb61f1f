"""Break a long 标题 into balanced lines at word boundaries (GB/T 9704 §7.3.1: 回行时要做到
词意完整，排列对称，长短适宜，间距恰当; 梯形或菱形).

Words: the title is read as the fewest words of ``layouts/title_words.txt`` (a few thousand
公文 and place words) and the document's own organ names, which win over the words they overlap,
so "福州市长乐区人民政府办公室" is never cut. Digits stay together and with the 年/月/日/号 word
after them ("2020年度"). A line breaks only between words.

Lines: of the ways to cut the title into the fewest lines that fit, the cheapest: the squared
deviation of the line widths from their mean (even lengths), a penalty unless the lines form a
trapezoid (longer lines first) or a diamond (longest in the middle), and a large one for each
line that ends with 关于/对/和/及/与 or an opening mark, or starts with 的/、 or a closing mark.
Dynamic programming over the cut positions finds it in time about linear in the title's length
(the jieba version this replaces tried every combination and never finished a 120-字 title);
ties go to the earliest cuts, as they did there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from generator.layout_spec import LAYOUTS_DIR
from generator.measure import width_in_chars

WORDS_FILE = LAYOUTS_DIR / "title_words.txt"

NO_LINE_END = ("关于", "对", "和", "及", "与", "《", "（", "“", "〔")
NO_LINE_START = ("的", "、", "》", "）", "”", "〕")
UNIT_AFTER_NUMBER = "年月日号"
BAD_BREAK_COST = 100.0
SHAPE_COST = 4.0
# An organ name costs less than a word, so a name wins over the words it overlaps
# ("长乐区|政府", not "长乐|区政府").
NAME_COST = 0.5
TIE = 1e-9  # costs closer than this are equal; the earlier cuts win

_ALNUM_RUN = re.compile(r"[0-9A-Za-z]+")

# Shapes of the lines so far: widening (a trapezoid's or diamond's top), narrowing after the
# widest line, or neither trapezoid nor diamond any more.
_WIDENING, _NARROWING, _SHAPELESS = range(3)

# A state of the line search: (stop index, width of the last line, shape, auto-space lost at the
# cuts), and its value: (Σ width² + penalties, the cuts that reach it).
_State = tuple[int, float | None, int, float]
_Value = tuple[float, tuple[int, ...]]


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """The words of ``title_words.txt``: one a line, ``#`` starts a comment."""
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if (word := line.split("#")[0].strip()))


def words(title: str, names: Iterable[str] = ()) -> list[str]:
    """``title`` as the fewest words (organ names count half), single characters where no word
    fits; a run of digits or Latin letters is one word and keeps the 年/月/日/号 word after it."""
    vocab, organs = vocabulary(), frozenset(names)
    longest = max(map(len, vocab | organs))
    # best[i]: (cost, end of the first word) of the cheapest reading of title[i:]
    best: list[tuple[float, int]] = [(0.0, len(title))] * (len(title) + 1)
    for start in range(len(title) - 1, -1, -1):
        run = _ALNUM_RUN.match(title, start)
        options = [(1.0, run.end() if run else start + 1)]
        for end in range(start + 2, min(len(title), start + longest) + 1):
            piece = title[start:end]
            if piece in organs:
                options.append((NAME_COST, end))
            elif piece in vocab:
                options.append((1.0, end))
        cost, longer = min((cost + best[end][0], -end) for cost, end in options)
        best[start] = (cost, -longer)   # of equally cheap readings, the longer first word
    merged: list[str] = []
    start = 0
    while start < len(title):
        word = title[start:best[start][1]]
        if merged and merged[-1][-1].isdigit() and word[0] in UNIT_AFTER_NUMBER:
            merged[-1] += word
        else:
            merged.append(word)
        start = best[start][1]
    return merged


def title_lines(title: str, max_chars: float, keep_whole: tuple[str, ...] = (),
                autospace_em: float = 0.0) -> tuple[str, ...]:
    """The title in as few balanced lines of at most ``max_chars`` 字 as its words allow."""
    if width_in_chars(title, autospace_em) <= max_chars:
        return (title,)
    names = (w for w in keep_whole if w and width_in_chars(w) <= max_chars)
    stops = [0]
    for word in words(title, names):
        end = stops[-1] + len(word)
        if width_in_chars(word, autospace_em) > max_chars:   # no line holds it: cut anywhere
            stops.extend(range(stops[-1] + 1, end))
        stops.append(end)
    cuts = _balanced_cuts(title, stops, max_chars, autospace_em)
    bounds = (0, *cuts, len(title))
    return tuple(title[a:b] for a, b in zip(bounds, bounds[1:]))


def _balanced_cuts(title: str, stops: list[int], max_chars: float,
                   autospace_em: float) -> tuple[int, ...]:
    """The cuts (positions in ``stops``) of the cheapest way into the fewest lines.

    Line by line, each state keeps its cheapest value, the earliest cuts among equals (two ways
    into one state have the same future). The mean enters only at the end: Σ(w − mean)² is
    Σw² − (Σw)²/n, and Σw is the title's width less the auto-space lost where a line breaks
    between a Chinese character and a digit."""
    last = len(stops) - 1
    # width_in_chars adds up the characters and the auto-space between neighbours, so running
    # sums of both give every line's width, bit for bit, without measuring it again.
    halves, spaces = [0], [0]
    for i, char in enumerate(title):
        halves.append(halves[-1] + round(2 * width_in_chars(char)))
        pair = title[i:i + 2]
        spaces.append(spaces[-1] + (width_in_chars(pair, 1.0) > width_in_chars(pair)))

    def width(a: int, b: int) -> float:
        start, end = stops[a], stops[b]
        return (halves[end] - halves[start]) * 0.5 + (spaces[end - 1] - spaces[start]) * autospace_em

    # Stop indices each stop can reach in one line, and the fewest lines from each stop to the end.
    reach: list[list[int]] = []
    for a in range(last):
        reach.append([])
        for b in range(a + 1, last + 1):
            if width(a, b) > max_chars:
                break
            reach[a].append(b)
    fewest = [0] * (last + 1)
    for a in range(last - 1, -1, -1):
        fewest[a] = 1 + fewest[reach[a][-1]]
    count = fewest[0]

    # At each inner stop: the penalty for a line break there, and the auto-space between the
    # characters on either side, which a line break there takes away.
    penalty, lost = [0.0] * (last + 1), [0.0] * (last + 1)
    for b in range(1, last):
        if title.endswith(NO_LINE_END, 0, stops[b]) or title.startswith(NO_LINE_START, stops[b]):
            penalty[b] = BAD_BREAK_COST
        lost[b] = (spaces[stops[b]] - spaces[stops[b] - 1]) * autospace_em

    states: dict[_State, _Value] = {(0, None, _WIDENING, 0.0): (0.0, ())}
    for lines_left in range(count - 1, -1, -1):
        following: dict[_State, _Value] = {}
        for (a, previous, shape, gone), (value, cuts) in states.items():
            for b in reach[a]:
                if fewest[b] != lines_left:
                    continue
                w = width(a, b)
                cost = value + w * w + penalty[a]
                key = (b, *_shape(previous, shape, w), round(gone + lost[b], 9))
                candidate = (cost, (*cuts, stops[b]) if lines_left else cuts)
                if key not in following or _better(candidate, following[key]):
                    following[key] = candidate
        states = following
    total = width(0, last)
    finals = [(value - (total - gone) ** 2 / count + (SHAPE_COST * count if shape == _SHAPELESS else 0.0),
               cuts) for (_, _, shape, gone), (value, cuts) in states.items()]
    best = finals[0]
    for candidate in finals[1:]:
        if _better(candidate, best):
            best = candidate
    return best[1]


def _shape(previous: float | None, shape: int, width: float) -> tuple[float | None, int]:
    """The last width and shape after a line of ``width``; a shapeless run forgets the width,
    which no longer matters."""
    if shape == _SHAPELESS:
        return None, _SHAPELESS
    if previous is None or shape == _WIDENING and width >= previous:
        return width, _WIDENING
    if width <= previous:
        return width, _NARROWING
    return None, _SHAPELESS


def _better(candidate: _Value, best: _Value) -> bool:
    """Cheaper, or as cheap with earlier cuts."""
    if abs(candidate[0] - best[0]) > TIE:
        return candidate[0] < best[0]
    return candidate[1] < best[1]
