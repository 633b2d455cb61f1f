"""The report data as the office writes it: one validated model per YAML file.

Statutory table cells are keyed by meaning (``applications.results.withheld.state_secret``),
never by position, so a clerk can read and fill the file without counting columns, and the
layout alone decides where each number is printed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache
from decimal import InvalidOperation
from typing import Annotated, Any, Literal, get_args

from pydantic.fields import FieldInfo
from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, TypeAdapter,
                      field_validator, model_validator)

from generator.load.clerk_values import clerk_date, half_width, whole_number
from generator.load.echo import echo
from generator.i18n import N_, message
from generator.layout_spec import LAYOUTS_DIR, read_layout_file
from generator.load.limits import LIMITS

NOT_APPLICABLE = "/"
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _not_applicable(value: Any) -> Any:
    """The full-width "／" of the Chinese keyboard as "/"."""
    return NOT_APPLICABLE if isinstance(value, str) and half_width(value) == NOT_APPLICABLE else value


@cache
def _none_words() -> frozenset[str]:
    return frozenset(read_layout_file(LAYOUTS_DIR / "wording.yaml")["none_words"])


def _refuse_none_word(value: Any) -> None:
    """A word for "none" (无, —) in a figure: say what the cell takes instead."""
    if isinstance(value, str) and half_width(value) in _none_words():
        raise ValueError(message('{value} is no figure: write 0 if there were none, "/" if the row does not apply, '
                                 "or leave it blank if it is not reported", value=echo(value)))


def count_value(value: Any) -> Any:
    """A count as the data holds it (full-width digits read); ValueError saying what a count takes."""
    value = _not_applicable(whole_number(value))
    _refuse_none_word(value)
    if value is None or value == NOT_APPLICABLE:
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(message('expected a whole number, blank or "/", got {value}', value=echo(value)))
    return value


def amount_value(value: Any) -> Any:
    """A Decimal printed as written ("58812595.00"); a quoted amount is text to YAML, so its
    form and size are checked here."""
    value = _not_applicable(value)
    _refuse_none_word(value)
    if isinstance(value, str):
        value = half_width(value)
    if value is None or value == NOT_APPLICABLE:
        return value
    try:
        if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
            raise InvalidOperation
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(message('expected a number, blank or "/", got {value}', value=echo(value))) from None
    if not _PLAIN_NUMBER.fullmatch(str(amount)) or len(str(amount)) > LIMITS.number_characters:
        raise ValueError(message("expected a number written out in at most {most} digits (such as 58812595.00), "
                                 "got {value}", most=LIMITS.number_characters, value=echo(value)))
    return amount


# A statutory count: a number, blank (None: not reported, never read as 0) or "/" (not applicable).
Count = Annotated[int | Literal["/"] | None, BeforeValidator(count_value)]
# A money or other decimal figure, kept with its printed precision ("58812595.00"); quote it in YAML.
Amount = Annotated[Decimal | Literal["/"] | None, BeforeValidator(amount_value)]
# A date as offices write it: 2021-02-04, 2021-2-4, 2021/2/4, 2021.2.4 or 2021年2月4日.
ClerkDate = Annotated[dt.date, BeforeValidator(clerk_date)]
# A whole number such as a year, in half- or full-width digits.
WholeNumber = Annotated[int, BeforeValidator(whole_number)]


def bounds(field: FieldInfo) -> tuple[int, int]:
    """The least and the greatest value a whole-number field allows (its ``ge`` and ``le``)."""
    rules = {type(rule).__name__: rule for rule in field.metadata}
    return rules["Ge"].ge, rules["Le"].le


class Strict(BaseModel):
    """Base for every data record: unknown keys are mistakes (a typo must not vanish silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentNumber(Strict):
    """发文字号 such as 长政办〔2021〕12号."""

    code: str = Field(min_length=1, description="机关代字, e.g. 长政办")
    year: WholeNumber = Field(ge=1949, le=2999)
    serial: WholeNumber = Field(ge=1, description="顺序号, no leading zeros")


class Imprint(Strict):
    """版记: 抄送 list and the 印发 line."""

    copy_to: list[str] = Field(default_factory=list, max_length=LIMITS.copy_to_names, description="抄送机关, in order")
    printer: str = Field(min_length=1, description="印发机关")
    print_date: ClerkDate = Field(description="印发日期")


class Block(Strict):
    """One block of prose. Exactly one of h2/h3/h4/p; ``text`` runs on after a heading.

    Headings carry their level in the key and are numbered by the layout, so the data never
    spells "（一）" or "1." and a moved section renumbers itself.
    """

    h2: str | None = None
    h3: str | None = None
    h4: str | None = None
    p: str | None = None
    lead: str | None = Field(default=None, description="emphasised lead sentence before p, e.g. 一是……。")
    text: str | None = Field(default=None, description="run-in text after an h3/h4 heading")

    @model_validator(mode="after")
    def _one_kind(self) -> Block:
        kinds = [k for k in ("h2", "h3", "h4", "p") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(message("a block needs exactly one of h2, h3, h4, p"))
        if self.lead is not None and self.p is None:
            raise ValueError(message("lead belongs to a paragraph (p)"))
        if self.text is not None and self.p is not None:
            raise ValueError(message("text runs on after a heading; a paragraph has only p"))
        return self

    @property
    def level(self) -> int | None:
        """Heading level 2–4, or None for a paragraph."""
        for level, key in ((2, "h2"), (3, "h3"), (4, "h4")):
            if getattr(self, key) is not None:
                return level
        return None


def _few_headings(blocks: list[Block]) -> list[Block]:
    """Headings are numbered per section; past a few hundred the data is surely broken."""
    headings = sum(block.level is not None for block in blocks)
    if headings > LIMITS.section_headings:
        raise ValueError(message("a section may have at most {most} headings (h2, h3, h4); this one has {count}",
                                 most=f"{LIMITS.section_headings:,}", count=f"{headings:,}"))
    return blocks


# The prose of one section: paragraphs and headings in order.
Prose = Annotated[list[Block], AfterValidator(_few_headings)]
Title = Annotated[str, Field(max_length=LIMITS.title_characters)]


class CoverMemo(Strict):
    """The upward 报送报告 that carries the annual report to the higher office."""

    issuer_mark: str = Field(description="发文机关标志, e.g. ……办公室文件")
    doc_number: DocumentNumber
    signers: list[str] = Field(default_factory=list, description="签发人; upward documents should name one")
    title: Title
    addressee: str = Field(description="主送机关, without the closing colon")
    body: list[str] = Field(min_length=1)
    signature: str = Field(description="署名")
    date: ClerkDate = Field(description="成文日期")
    seal: bool = Field(default=False, description="leave room for a seal: 成文日期 右空四字 (§7.3.5.1)")
    note: str | None = Field(default=None, description="附注, without brackets, e.g. 此件主动公开")
    imprint: Imprint

    @field_validator("addressee")
    @classmethod
    def _no_colon(cls, value: str) -> str:
        return value.rstrip("：:")


# ---- 二、主动公开政府信息情况 (2019 format) -------------------------------------------------

class PublishedDocuments(Strict):
    """第二十条第（一）项 row: 本年新制作数量 / 本年新公开数量 / 对外公开总数量."""

    new_made: Count = None
    new_published: Count = None
    total_published: Count = None


class DecisionItems(Strict):
    """第二十条第（五）（六）项 row: 上一年项目数量 / 本年增/减 / 处理决定数量."""

    last_year: Count = None
    change: Count = None
    decisions: Count = None


class FeeItems(Strict):
    """第二十条第（八）项 row: 上一年项目数量 / 本年增/减."""

    last_year: Count = None
    change: Count = None


class Procurement(Strict):
    """第二十条第（九）项 row: 采购项目数量 / 采购总金额 (with its unit)."""

    projects: Amount = None
    amount: Amount = None
    amount_unit: str = Field(default="元", description="printed right after the amount, as written")


class RegulationRows(Strict):
    rules: PublishedDocuments = PublishedDocuments()
    normative_documents: PublishedDocuments = PublishedDocuments()


class LicensingRows(Strict):
    administrative_license: DecisionItems = DecisionItems()
    other_services: DecisionItems = DecisionItems()


class EnforcementRows(Strict):
    administrative_penalty: DecisionItems = DecisionItems()
    administrative_coercion: DecisionItems = DecisionItems()


class FeeRows(Strict):
    administrative_fees: FeeItems = FeeItems()


class ProcurementRows(Strict):
    government_procurement: Procurement = Procurement()


class ProactiveDisclosure2019(Strict):
    """二、主动公开政府信息情况: the 第二十条 items, then optional prose."""

    regulations: RegulationRows = RegulationRows()
    licensing: LicensingRows = LicensingRows()
    enforcement: EnforcementRows = EnforcementRows()
    fees: FeeRows = FeeRows()
    procurement: ProcurementRows = ProcurementRows()
    notes: Prose = Field(default_factory=list)


# ---- 二、主动公开政府信息情况 (2021 format) -------------------------------------------------

class DocumentsInForce(Strict):
    """第二十条第（一）项 row (2021): 本年制发件数 / 本年废止件数 / 现行有效件数."""

    issued: Count = None
    repealed: Count = None
    in_force: Count = None


class Decisions(Strict):
    """第二十条第（五）（六）项 row (2021): 本年处理决定数量."""

    decisions: Count = None


class FeeAmount(Strict):
    """第二十条第（八）项 row (2021): 本年收费金额（单位：万元）; some offices print the unit in the cell too."""

    amount: Amount = None
    amount_unit: str | None = Field(default=None, description="printed right after the amount, as written (万元)")


class RegulationRows2021(Strict):
    rules: DocumentsInForce = DocumentsInForce()
    normative_documents: DocumentsInForce = DocumentsInForce()


class LicensingRows2021(Strict):
    administrative_license: Decisions = Decisions()


class EnforcementRows2021(Strict):
    administrative_penalty: Decisions = Decisions()
    administrative_coercion: Decisions = Decisions()


class FeeRows2021(Strict):
    administrative_fees: FeeAmount = FeeAmount()


class ProactiveDisclosure2021(Strict):
    """二、主动公开政府信息情况 (2021 format): the 第二十条 items, then optional prose."""

    regulations: RegulationRows2021 = RegulationRows2021()
    licensing: LicensingRows2021 = LicensingRows2021()
    enforcement: EnforcementRows2021 = EnforcementRows2021()
    fees: FeeRows2021 = FeeRows2021()
    notes: Prose = Field(default_factory=list)


# ---- 三、收到和处理政府信息公开申请情况 ------------------------------------------------------

class ApplicantCounts(Strict):
    """One row of the applications table: the six applicant columns and 总计."""

    natural_person: Count = None
    commercial: Count = None
    research: Count = None
    public_interest: Count = None
    legal_service: Count = None
    other: Count = None
    total: Count = None


class WithheldRows(Strict):
    """（三）不予公开."""

    state_secret: ApplicantCounts = ApplicantCounts()
    prohibited_by_law: ApplicantCounts = ApplicantCounts()
    three_safeties: ApplicantCounts = ApplicantCounts()
    third_party_rights: ApplicantCounts = ApplicantCounts()
    internal_affairs: ApplicantCounts = ApplicantCounts()
    process_information: ApplicantCounts = ApplicantCounts()
    enforcement_files: ApplicantCounts = ApplicantCounts()
    administrative_query: ApplicantCounts = ApplicantCounts()


class UnavailableRows(Strict):
    """（四）无法提供."""

    not_held: ApplicantCounts = ApplicantCounts()
    needs_creation: ApplicantCounts = ApplicantCounts()
    still_unclear: ApplicantCounts = ApplicantCounts()


class NotProcessedRows(Strict):
    """（五）不予处理."""

    petition: ApplicantCounts = ApplicantCounts()
    repeated: ApplicantCounts = ApplicantCounts()
    publications: ApplicantCounts = ApplicantCounts()
    excessive: ApplicantCounts = ApplicantCounts()
    confirmation: ApplicantCounts = ApplicantCounts()


class OtherProcessingRows(Strict):
    """（六）其他处理 (2021 format: three rows)."""

    no_correction: ApplicantCounts = ApplicantCounts()
    unpaid_fee: ApplicantCounts = ApplicantCounts()
    other: ApplicantCounts = ApplicantCounts()


class ApplicationResults2019(Strict):
    """三、本年度办理结果 (2019 format). ``total`` is （七）总计: computed when left out."""

    disclosed: ApplicantCounts = ApplicantCounts()
    partly_disclosed: ApplicantCounts = ApplicantCounts()
    withheld: WithheldRows = WithheldRows()
    unavailable: UnavailableRows = UnavailableRows()
    not_processed: NotProcessedRows = NotProcessedRows()
    other: ApplicantCounts = ApplicantCounts()
    total: ApplicantCounts = ApplicantCounts()


# The tags of the two forms of （六）其他处理; pydantic puts them into an error's location.
THREE_ROWS, ONE_ROW = "three rows", "one row"
_THREE_ROWS = frozenset(OtherProcessingRows.model_fields)
_ONE_ROW = frozenset(ApplicantCounts.model_fields)


def _other_processing_form(value: Any) -> str | None:
    """Which form of （六）其他处理 a mapping is written in: the 2021 format's three rows, or the
    2019 format's single row that some 2021 reports keep; None for anything else."""
    if isinstance(value, BaseModel):
        return ONE_ROW if isinstance(value, ApplicantCounts) else THREE_ROWS
    if not isinstance(value, dict):
        return None
    keys = set(value)
    # "other" names a row of the three (a mapping) and a column of the single row (a number).
    if keys <= _THREE_ROWS and (keys != {"other"} or isinstance(value["other"], dict)):
        return THREE_ROWS
    if keys <= _ONE_ROW:
        return ONE_ROW
    return None


OTHER_PROCESSING_FORMS = N_(
    "（六）其他处理 is either three rows (no_correction:, unpaid_fee:, other:, each with the applicant "
    "columns), as in the 2021 format, or one row of applicant columns (natural_person: … total:), as in "
    "the 2019 format")

# （六）其他处理 in the 2021 format: three rows, or the 2019 format's single row.
OtherProcessing = Annotated[
    Annotated[OtherProcessingRows, Tag(THREE_ROWS)] | Annotated[ApplicantCounts, Tag(ONE_ROW)],
    Discriminator(_other_processing_form, custom_error_type="other_processing_form",
                  custom_error_message=OTHER_PROCESSING_FORMS)]


class ApplicationResults2021(ApplicationResults2019):
    """三、本年度办理结果 (2021 format): （六）其他处理 has three rows, or keeps the 2019 single row."""

    other: OtherProcessing = OtherProcessingRows()


class Applications2019(Strict):
    """三、收到和处理政府信息公开申请情况."""

    received: ApplicantCounts = ApplicantCounts()
    carried_over: ApplicantCounts = ApplicantCounts()
    results: ApplicationResults2019 = ApplicationResults2019()
    carried_forward: ApplicantCounts = ApplicantCounts()
    notes: Prose = Field(default_factory=list)


class Applications2021(Applications2019):
    results: ApplicationResults2021 = ApplicationResults2021()


# ---- 四、政府信息公开行政复议、行政诉讼情况 --------------------------------------------------

class CaseOutcomes(Strict):
    upheld: Count = None
    corrected: Count = None
    other: Count = None
    pending: Count = None
    total: Count = None


class Reviews(Strict):
    """四、行政复议 and the two 行政诉讼 groups."""

    reconsideration: CaseOutcomes = CaseOutcomes()
    litigation_direct: CaseOutcomes = CaseOutcomes()
    litigation_after_reconsideration: CaseOutcomes = CaseOutcomes()
    notes: Prose = Field(default_factory=list)


# ---- the report's level-1 sections and the labels of its tables ----------------------------

# The six statutory sections, in the statutory order: each is a field of the report.
StatutorySection = Literal["overview", "proactive", "applications", "reviews", "problems", "other_matters"]
STATUTORY_SECTIONS: tuple[str, ...] = get_args(StatutorySection)


def _section_shorthand(value: Any) -> Any:
    """``- problems`` is short for ``- section: problems`` (the statutory title)."""
    if not isinstance(value, str):
        return value
    if value not in STATUTORY_SECTIONS:
        raise ValueError(message("{value} is no statutory section: write one of {names}, or a section of your own as "
                                 "title: … with content: …", value=echo(value), names=", ".join(STATUTORY_SECTIONS)))
    return {"section": value}


class Section(Strict):
    """One entry of ``report.sections``: a statutory section (its text stays where it always is,
    report.overview …), under its statutory title or the office's own ``title``; or a section of
    the office's own, with ``title`` and ``content``."""

    section: StatutorySection | None = None
    title: Title | None = Field(default=None, description="the title printed after 一、二、…")
    content: Prose | None = Field(default=None, description="a section of the office's own: its prose")

    @model_validator(mode="after")
    def _one_kind(self) -> Section:
        if self.section is not None and self.content is not None:
            raise ValueError(message("content belongs to a section of your own; the text of {section} stays under "
                                     "report.{section}", section=self.section))
        if self.section is None and (not self.title or not self.content):
            raise ValueError(message("a section of your own needs a title: and its content: (paragraphs and "
                                     "headings); a statutory one is named by section: (overview, proactive …)"))
        return self


def _each_statutory_section_once(sections: list[Section]) -> list[Section]:
    """Every statutory section is printed once: a section left out of the list would vanish."""
    listed = [entry.section for entry in sections if entry.section]
    twice = [key for key in STATUTORY_SECTIONS if listed.count(key) > 1]
    if twice:
        raise ValueError(message("{names} listed more than once: list each statutory section once",
                                 names=", ".join(twice)))
    missing = [key for key in STATUTORY_SECTIONS if key not in listed]
    if missing:
        raise ValueError(message("{names} missing: list each of the six statutory sections once ({all}), in the "
                                 "order they are printed", names=", ".join(missing), all=", ".join(STATUTORY_SECTIONS)))
    return sections


# The level-1 sections in print order, with titles of the office's own and sections of its own.
Sections = Annotated[list[Annotated[Section, BeforeValidator(_section_shorthand)]],
                     AfterValidator(_each_statutory_section_once)]
LabelText = Annotated[str, Field(min_length=1, max_length=LIMITS.title_characters)]


class TableLabels(Strict):
    """Labels a table prints in the office's approved wording: the standard wording → the wording
    printed. ``check`` warns at each one that differs, so a typo is seen rather than kept."""

    proactive: dict[str, LabelText] = Field(default_factory=dict, description="二、主动公开政府信息情况")
    applications: dict[str, LabelText] = Field(default_factory=dict, description="三、收到和处理政府信息公开申请情况")
    reviews: dict[str, LabelText] = Field(default_factory=dict, description="四、政府信息公开行政复议、行政诉讼情况")


class AnnualReport2019(Strict):
    """政府信息公开工作年度报告 itself: six sections, by default in the statutory order (2019 format).
    Its ending (署名, 成文日期, 版记) is optional: many published reports carry only a date, or nothing."""

    title: Title
    opening: list[str] = Field(min_length=1, description="paragraphs before 一、")
    sections: Sections | None = Field(default=None, description="the level-1 sections in print order, with "
                                                                "titles and sections of the office's own")
    labels: TableLabels = TableLabels()
    overview: Prose = Field(min_length=1, description="一、总体情况")
    proactive: ProactiveDisclosure2019 = ProactiveDisclosure2019()
    applications: Applications2019 = Applications2019()
    reviews: Reviews = Reviews()
    problems: Prose = Field(min_length=1, description="五、存在的主要问题及改进情况")
    other_matters: Prose = Field(min_length=1, description="六、其他需要报告的事项")
    signature: str | None = Field(default=None, description="署名")
    date: ClerkDate | None = Field(default=None, description="成文日期")
    seal: bool = Field(default=False, description="leave room for a seal: 成文日期 右空四字 (§7.3.5.1)")
    imprint: Imprint | None = Field(default=None, description="版记")


class AnnualReport2021(AnnualReport2019):
    """The report in the 2021 format (国办公开办函〔2021〕30号)."""

    proactive: ProactiveDisclosure2021 = ProactiveDisclosure2021()
    applications: Applications2021 = Applications2021()


class ReportFile2019(Strict):
    """One data file: the year's report and, optionally, the cover memo that sends it up (a report
    published on its own, as on the portal, has none)."""

    format: Literal[2019] = Field(description="statutory table format: 2019 = 国办公开办函〔2019〕60号 "
                                              "(reports for 2019 and 2020); default from the year")
    year: WholeNumber = Field(ge=2019, le=2999, description="the year the report covers")
    organ: str = Field(description="the government the report is about")
    keywords: list[str] = Field(default_factory=list)
    previous: str | None = Field(default=None, description="last year's data file, for the cross-year checks")
    cover: CoverMemo | None = None
    report: AnnualReport2019


class ReportFile2021(ReportFile2019):
    format: Literal[2021] = Field(description="statutory table format: 2021 = 国办公开办函〔2021〕30号 "
                                              "(reports for 2021 on); default from the year")
    report: AnnualReport2021


ReportFile = ReportFile2019 | ReportFile2021
REPORT_FILE = TypeAdapter(Annotated[ReportFile, Field(discriminator="format")])


def default_format(year: int) -> int:
    """The table format in force for a report year."""
    return 2021 if year >= 2021 else 2019
