"""Every figure a paragraph states, with its unit and the table cells its words name.

A report's prose does not keep to a list of phrases ("受理…申请859件", "予以公开及部分公开258件，
占33.9%", "其中自然人72件", "行政复议7件、行政诉讼0件，均获维持"), so each figure is read from the
words before it (back to the previous figure or clause mark) with the lexicon's terms, and the
sentence's structure: "A及B" names a sum, a figure naming only a column ("其中自然人72件") takes
the row of the figure before it, "占……%" is a share of the figure before it, "均获维持" says each
of section 四's counts before it was upheld. A figure whose words name no cell gets no reading:
it is left alone (``check --verbose`` lists it as not read).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from generator.checks.prose_lexicon import Cell, Lexicon, RowEntry

SENTENCE = re.compile(r"[^。；;！？\n]+[。；;！？]?")
CLAUSE_MARK = re.compile(r".*[，,（(：:]")          # the words of a figure start after the last one
BOOK_TITLE = re.compile(r"《[^》]*》")

Reading = tuple[Cell, ...]          # cells added up


@dataclass(frozen=True)
class Claim:
    figure: Decimal
    unit: str                       # count, amount or share
    words: str                      # as the prose says it: 区分处理后公开48条
    sentence: str
    start: int                      # where the figure stands in the paragraph
    readings: tuple[Reading, ...]   # what the words may reasonably mean; () = not read
    share_of: Claim | None = None   # a share: the count it is a share of


@dataclass(frozen=True)
class _Named:
    rows: tuple[RowEntry, ...]
    joined: bool                    # "A及B": the rows are named as a sum
    columns: tuple[str, ...] | None  # the columns named, added up (None: the rows' own)


def _readings(named: _Named) -> tuple[Reading, ...]:
    """A single row, each sum the lexicon allows for it, and the named sum of "A及B"."""
    readings: list[Reading] = []
    for row in named.rows:
        for cells in (row.cells, *row.also):
            if named.columns is not None:
                readings.append(tuple((cell, key) for cell in cells for key in named.columns))
            else:
                readings += [tuple((cell, key) for cell in cells) for key in row.keys]
    if named.joined:
        keys = [named.columns] if named.columns is not None else [(key,) for key in named.rows[0].keys]
        readings += [tuple((cell, key) for row in named.rows for cell in row.cells for key in group)
                     for group in keys]
    return tuple(dict.fromkeys(readings))


@lru_cache(maxsize=4096)
def paragraph_claims(lexicon: Lexicon, paragraph: str) -> tuple[Claim, ...]:
    """The claims of ``paragraph``: a pure function of its text, kept, because the web page's live
    check reads the same paragraphs again at every keystroke (four fifths of a check's time)."""
    return tuple(ParagraphReader(lexicon, paragraph).claims())


class ParagraphReader:
    """Reads one paragraph with the lexicon."""

    def __init__(self, lexicon: Lexicon, paragraph: str) -> None:
        self.lexicon, self.paragraph = lexicon, paragraph

    def claims(self) -> list[Claim]:
        claims = [claim for sentence in SENTENCE.finditer(self.paragraph) for claim in self._sentence(sentence)]
        return sorted(claims + list(self._no_case()), key=lambda claim: claim.start)

    def _no_case(self) -> Iterator[Claim]:
        """"无被申请行政复议": the rows it names are 0."""
        for pattern, cells in self.lexicon.none:
            for match in pattern.finditer(self.paragraph):
                yield Claim(Decimal(0), "count", match.group(), self._sentence_at(match.start()), match.start(),
                            (tuple((cell, "total") for cell in cells),))

    def _sentence_at(self, offset: int) -> str:
        return next(s.group() for s in SENTENCE.finditer(self.paragraph) if s.start() <= offset < s.end())

    def _blocked(self, words: str, before: str) -> bool:
        """A rate, a change, an open list after a named term, or a sentence about other counts
        (the titles in 《》 aside: "通过《……公报》主动公开规章13件" is about the table)."""
        named = self.lexicon.rows_in(words)
        before = BOOK_TITLE.sub("", before)
        return (any(word in words for word in self.lexicon.segment_blockers)
                or (bool(named) and self.lexicon.open_list in words[named[0].end:])
                or any(word in before for word in self.lexicon.sentence_blockers))

    def _named(self, words: str, until: int, unit: str, parent: _Named | None) -> tuple[_Named | None, bool]:
        """What ``words`` name, and whether they name a row themselves (not one taken from ``parent``);
        ``until``: the end of the figure's sentence in the paragraph (收到8份政府信息公开申请)."""
        rows = [named for named in self.lexicon.rows_in(words)
                if named.entry.unit == unit
                and (named.entry.needs is None or named.entry.needs in self.paragraph[:until])]
        if rows:
            joined = len(rows) > 1 and all(
                self.lexicon.joiner.fullmatch(words[a.end:b.start]) for a, b in zip(rows, rows[1:]))
            entries = tuple(named.entry for named in rows)
            own = True
        elif parent is not None:
            entries, joined, own = parent.rows, parent.joined, False
        else:
            return None, False
        columns = self.lexicon.columns_in(words, entries[0].table)
        if not own and not columns:
            return None, False
        keys = tuple(key for column in columns for key in column.entry) if columns else None
        return _Named(entries, joined, keys), own

    def _sentence(self, sentence: re.Match) -> Iterator[Claim]:
        text, offset = sentence.group(), sentence.start()
        previous_end, parent, parent_claim = 0, None, None
        claims: list[Claim] = []
        for figure in self.lexicon.figure.finditer(text):
            raw = text[previous_end:figure.start()]
            words = (raw[len(m.group()):] if (m := CLAUSE_MARK.match(raw)) else raw).lstrip("、 ")
            previous_end = figure.end()
            unit = self.lexicon.units[figure.group(2)]
            claim = Claim(Decimal(figure.group(1)), unit, words + figure.group(), text, offset + figure.start(), ())
            if not self._blocked(words, text[:figure.start()]):
                if unit == "share":
                    if words.lstrip().startswith("占") and parent_claim is not None and parent_claim.readings:
                        claim = replace(claim, readings=parent_claim.readings, share_of=parent_claim)
                else:
                    named, own = self._named(words, sentence.end(), unit, parent)
                    if named is not None:
                        claim = replace(claim, readings=_readings(named))
                        if own:
                            parent = named
            if unit != "share":
                parent_claim = claim        # "占……%" is a share of the figure just before it
            claims.append(claim)
        yield from claims
        yield from self._upheld(text, offset, claims)

    def _upheld(self, text: str, offset: int, claims: list[Claim]) -> Iterator[Claim]:
        """"行政复议7件、行政诉讼0件，均获维持": each count before the words, upheld."""
        said = self.lexicon.all_upheld.search(text)
        if said is None:
            return
        for claim in claims:
            counts = [reading for reading in claim.readings
                      if all(cell.split(".")[0] == "reviews" and key == "total" for cell, key in reading)]
            if claim.unit == "count" and counts and claim.start - offset < said.start():
                yield replace(claim, words=f"{claim.words}……{said.group()}",
                              readings=tuple(tuple((cell, self.lexicon.upheld_key) for cell, _ in reading)
                                             for reading in counts))
