"""The lexicon of layouts/prose_lexicon.yaml, compiled: which words name which table cells.

Kept as data so a term real reports use can be added without touching the reader; this
module only turns its entries into patterns and answers "which rows and columns do these
words name".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from generator.layout_spec import LAYOUTS_DIR, read_layout_file

Cell = tuple[str, str]          # (dotted row path in the report data, column key)


@dataclass(frozen=True)
class RowEntry:
    cells: tuple[str, ...]              # rows added up
    keys: tuple[str, ...]               # columns compared when the words name none (each a reading)
    also: tuple[tuple[str, ...], ...]   # other sums a reasonable reader may mean
    needs: str | None
    unit: str

    @property
    def table(self) -> str:
        return self.cells[0].split(".")[0]


@dataclass(frozen=True)
class Named:
    """A term found in the words before a figure, and what it names."""

    start: int
    end: int
    entry: RowEntry | tuple[str, ...]   # a row entry, or a column's keys


@dataclass(frozen=True, eq=False)     # one per program, so its identity is its key (paragraph_claims)
class Lexicon:
    figure: re.Pattern
    units: dict[str, str]               # unit → its kind (count, amount, share)
    segment_blockers: tuple[str, ...]
    open_list: str                      # after a named term: the figure counts more than the terms name
    sentence_blockers: tuple[str, ...]
    category: re.Pattern                # right after a term: a kind of information, not the row
    kind: re.Pattern                    # anywhere after a term: likewise (行政许可类, 不予公开公文)
    joiner: re.Pattern
    share_of: tuple[tuple[str, ...], ...]
    all_upheld: re.Pattern
    upheld_key: str
    none: tuple[tuple[re.Pattern, tuple[str, ...]], ...]
    rows: tuple[tuple[re.Pattern, RowEntry], ...]
    columns: dict[str, tuple[tuple[re.Pattern, tuple[str, ...]], ...]]    # by table
    group_names: dict[str, str]         # a row group as printed (三、（三）不予公开), by its path

    def _found(self, patterns, words: str) -> list[Named]:
        """Every term of ``patterns`` in ``words``, longest first, without overlaps."""
        hits = [(m.start(), m.end(), value) for pattern, value in patterns for m in pattern.finditer(words)]
        hits.sort(key=lambda hit: (hit[0] - hit[1], hit[0]))
        taken: list[Named] = []
        for start, end, value in hits:
            if all(end <= other.start or start >= other.end for other in taken):
                taken.append(Named(start, end, value))
        return sorted(taken, key=lambda named: named.start)

    def rows_in(self, words: str) -> list[Named]:
        """The rows ``words`` name, leaving out a term that names a kind of information (行政许可类)."""
        return [named for named in self._found(self.rows, words)
                if not self.category.match(words, named.end) and not self.kind.search(words, named.end)]

    def columns_in(self, words: str, table: str) -> list[Named]:
        return self._found(self.columns.get(table, ()), words)


def _pattern(terms: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{term})" for term in terms))


@cache
def load_lexicon() -> Lexicon:
    data = read_layout_file(LAYOUTS_DIR / "prose_lexicon.yaml")
    units = {unit: kind for kind, names in data["units"].items() for unit in names}
    unit_pattern = "|".join(re.escape(unit) for unit in sorted(units, key=len, reverse=True))
    rows = tuple((_pattern(row["terms"]), RowEntry(tuple(row["cells"]), tuple(row.get("keys", ["total"])),
                                                   tuple(tuple(sum_) for sum_ in row.get("also", [])),
                                                   row.get("needs"), row.get("unit", "count")))
                 for row in data["rows"])
    return Lexicon(
        # a figure and its unit; not a 第N, not a decimal's tail, not 3个月 or 5个工作日
        figure=re.compile(rf"(?<![\d.第])(\d+(?:\.\d+)?)\s*({unit_pattern})(?!月|工作日|小时|人次)"),
        units=units,
        segment_blockers=tuple(data["segment_blockers"]),
        open_list=data["open_list"],
        sentence_blockers=tuple(data["sentence_blockers"]),
        category=re.compile("|".join(data["category_marks"])),
        kind=re.compile("|".join(data["kind_marks"])),
        joiner=re.compile(data["joiners"]),
        share_of=tuple(tuple(total) for total in data["share_of"]),
        all_upheld=re.compile(data["all_upheld"]),
        upheld_key=data["upheld_key"],
        none=tuple((re.compile(item["pattern"]), tuple(item["cells"])) for item in data["none"]),
        rows=rows,
        columns={table: tuple((_pattern(column["terms"]), tuple(column["keys"])) for column in columns)
                 for table, columns in data["columns"].items()},
        group_names={row["cells"][0]: row["name"] for row in data["rows"] if "name" in row and len(row["cells"]) == 1},
    )
