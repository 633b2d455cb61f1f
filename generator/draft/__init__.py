"""A clerk's draft (.txt, .md, .docx) read as a general 公文: ``read_draft`` recognises its
parts (generator.draft.recognise), ``DraftSource`` answers positions with the draft's lines,
``check_draft`` is what ``check_path`` does with a draft, and generator.draft.data_file writes
what was recognised as a data file to review (``gongwen draft``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.draft.reading import SUFFIXES, read_lines
from generator.draft.recognise import Draft, recognise
from generator.draft.source import DraftSource

if TYPE_CHECKING:
    from generator.kinds import Checked, Kind

__all__ = ["SUFFIXES", "Draft", "DraftSource", "is_draft", "read_draft", "draft_source", "check_draft", "warnings"]


def is_draft(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def read_draft(path: Path) -> Draft:
    from generator.kinds.spec import kind_specs
    return recognise(str(path), read_lines(path), list(kind_specs()))


def draft_source(path: Path) -> DraftSource:
    return DraftSource(read_draft(path))


def check_draft(path: Path, kind_of: Callable[[DraftSource], Kind]) -> Checked:
    """The draft checked as its kind checks a data file, the reader's guesses among the findings."""
    source = draft_source(path)
    checked = kind_of(source).check(source)
    findings = sorted([*warnings(source.draft), *checked.findings], key=lambda finding: finding.sort_key)
    return replace(checked, findings=findings)


def warnings(draft: Draft) -> list:
    """The recognition's guesses as findings of the checks (warnings at the draft's lines)."""
    from generator.checks.findings import Finding
    from generator.errors import SourcePosition
    return [Finding("warning", SourcePosition(draft.path, line), text) for line, text in draft.warnings]
