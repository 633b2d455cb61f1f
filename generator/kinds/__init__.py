"""The kinds of 公文 the program writes, each plugged in here with its model and checks
(``check``), its compose function, its skeleton and its example.

``build``, ``check`` and ``new`` look a data file's kind up here, by its ``kind:`` (left out, the
file is an annual report, as every file was before kinds existed), instead of calling any one
kind's code. Every general 文种 (layouts/kinds.yaml) shares one model and one compose function,
told apart by its ``KindSpec``; the annual report brings its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from functools import cache, partial
from pathlib import Path
from typing import Any

from generator.checks.findings import Finding
from generator.document_model import Document
from generator.errors import DataError
from generator.i18n import Message, message
from generator.kinds.spec import KindSpec, kind_specs
from generator.layout_spec import Layout
from generator.load.yaml_source import YamlSource

ANNUAL_REPORT = "年度报告"

Warn = Callable[[str], None]


@dataclass(frozen=True)
class NewDocument:
    """What ``gongwen new`` was told: the organ, the year, the table format (annual report)."""

    organ: str
    year: int
    table_format: int | None = None
    issuer: str | None = None                # the annual report's issuing organ, if not read from ``organ``
    mark: str | None = None                  # its 发文机关标志, if not "{issuer}文件"


@dataclass(frozen=True)
class Kind:
    name: str
    check: Callable[[YamlSource], Checked]          # validate and check a parsed file
    compose: Callable[[Any, Warn, Layout], Document]
    skeleton: Callable[[NewDocument], str]
    example: str                                    # its invented example, in data/


@dataclass(frozen=True)
class Checked:
    """A data file validated and checked: its model (totals filled in where the kind computes
    them) and every finding, sorted by line."""

    kind: Kind
    data: Any
    findings: list[Finding]
    notes: list[Message] = field(default_factory=list)     # what `check --verbose` adds (figures not read)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]


def _check_annual_report(source: YamlSource) -> Checked:
    from generator.checks import check_report, with_unfinished
    from generator.load import validate
    checked = check_report(source, validate(source))
    findings = with_unfinished(source, checked, checked.report.model_dump())
    return Checked(annual_report(), checked.report, findings, checked.notes)


def _compose_annual_report(data: Any, warn: Warn, layout: Layout) -> Document:
    from generator.compose import compose
    return compose(data, warn=warn, layout=layout)


def _annual_report_skeleton(new: NewDocument) -> str:
    from generator.load.report_model import default_format
    from generator.organ_types import issuing
    from generator.skeleton import skeleton
    return skeleton(new.table_format or default_format(new.year), new.year, new.organ,
                    issuing(new.organ, new.issuer, new.mark))


@cache
def annual_report() -> Kind:
    return Kind(ANNUAL_REPORT, _check_annual_report, _compose_annual_report, _annual_report_skeleton,
                "changle-2020.yaml")


def _check_gongwen(spec: KindSpec, source: YamlSource) -> Checked:
    from generator.checks.gongwen import gongwen_findings
    from generator.load import validated
    from generator.load.gongwen_model import GONGWEN
    data = validated(source, GONGWEN)
    findings = sorted(gongwen_findings(source, data, spec), key=lambda finding: finding.sort_key)
    return Checked(kinds()[spec.name], data, findings)


def _compose_gongwen(spec: KindSpec, data: Any, warn: Warn, layout: Layout) -> Document:
    from generator.compose.gongwen import compose_gongwen
    return compose_gongwen(data, spec, warn=warn, layout=layout)


def _gongwen_skeleton(spec: KindSpec, new: NewDocument) -> str:
    from generator.kinds.skeleton import gongwen_skeleton
    return gongwen_skeleton(spec, new.organ, new.year)


@cache
def kinds() -> dict[str, Kind]:
    """Every kind by the name a data file's ``kind:`` gives, the annual report first."""
    general = {name: Kind(name, partial(_check_gongwen, spec), partial(_compose_gongwen, spec),
                          partial(_gongwen_skeleton, spec), spec.example)
               for name, spec in kind_specs().items()}
    return {ANNUAL_REPORT: annual_report(), **general}


def kind_named(name: str) -> Kind:
    """The kind called ``name``; ValueError naming the kinds there are, the nearest first."""
    known = kinds()
    if name not in known:
        near = get_close_matches(name, list(known), n=1, cutoff=0.3)
        raise ValueError(str(message("{kind} is no kind of document the program writes: write one of {names}",
                                     kind=name, names="、".join(near + [k for k in known if k not in near]))))
    return known[name]


def kind_of(source: YamlSource) -> Kind:
    """The kind a parsed data file declares with ``kind:``; without one, the annual report."""
    data = source.data if isinstance(source.data, dict) else {}
    name = data.get("kind")
    if name is None:
        return annual_report()
    try:
        return kind_named(str(name))
    except ValueError as error:
        raise DataError(source.position(("kind",)), str(error)) from None


def check_path(path: Path) -> Checked:
    """Load, validate and check one data file of any kind (DataError/UsageError for unusable input);
    a clerk's draft (.txt, .md, .docx) is read as the data file ``gongwen draft`` writes."""
    from generator.draft import check_draft, is_draft
    if is_draft(path):
        return check_draft(path, kind_of)
    from generator.load import load_source
    source = load_source(path)
    checked = kind_of(source).check(source)
    notes = [Finding("warning", position, text) for position, text in source.notes]
    return replace(checked, findings=sorted(checked.findings + notes, key=lambda finding: finding.sort_key))
