"""The general 公文 as an office writes it: one validated model for every 文种 but the annual
report (GB/T 9704-2012 §7: 版头, 主体, 版记; §8 attachments).

The data names elements, never their print form: the program writes "〔〕", "附件：1.", the
heading numbers and the date, so that a clerk's file says what the document holds and the
layout alone decides how it looks.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, TypeAdapter, field_validator, model_validator

from generator.i18n import message
from generator.load.limits import LIMITS
from generator.load.report_model import (Block, ClerkDate, CoverMemo, DocumentNumber, Imprint, Strict, Title,
                                         WholeNumber)


class Table(Strict):
    """A ruled table in the body or an attachment: a header row of column names, then rows of
    cells as printed. ``widths`` are relative column widths (default: equal)."""

    columns: list[str] = Field(min_length=1, description="the header row")
    rows: list[list[str | int | None]] = Field(default_factory=list, description="the rows, cell by cell")
    widths: list[float] | None = Field(default=None, description="relative column widths, one per column")

    @model_validator(mode="after")
    def _rectangular(self) -> Table:
        count = len(self.columns)
        for number, row in enumerate(self.rows, start=1):
            if len(row) != count:
                raise ValueError(str(message("row {number} has {cells} cells; the table has {count} columns",
                                                 number=number, cells=len(row), count=count)))
        if self.widths is not None and (len(self.widths) != count or min(self.widths) <= 0):
            raise ValueError(str(message("widths needs {count} positive numbers, one per column", count=count)))
        return self


class ProseBlock(Block):
    """One block of a 公文's text: a heading h1 (一、) to h4 (（1）), a paragraph ``p``, or a
    ``table``. Headings are numbered by the program."""

    h1: str | None = None
    table: Table | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> ProseBlock:
        kinds = [k for k in ("h1", "h2", "h3", "h4", "p", "table") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(str(message("a block needs exactly one of h1, h2, h3, h4, p, table")))
        if self.lead is not None and self.p is None:
            raise ValueError(str(message("lead belongs to a paragraph (p)")))
        if self.text is not None and self.level is None:
            raise ValueError(str(message("text runs on after a heading")))
        return self

    @property
    def level(self) -> int | None:
        """Heading level 1–4, or None for a paragraph or a table."""
        return 1 if self.h1 is not None else super().level


def _few_headings(blocks: list[ProseBlock]) -> list[ProseBlock]:
    headings = sum(block.level is not None for block in blocks)
    if headings > LIMITS.section_headings:
        raise ValueError(str(message("a text may have at most {limit} headings; this one has {count}",
                                     limit=f"{LIMITS.section_headings:,}", count=f"{headings:,}")))
    return blocks


Prose = Annotated[list[ProseBlock], AfterValidator(_few_headings)]
Name = Annotated[str, Field(min_length=1, max_length=LIMITS.title_characters)]


class Attachment(Strict):
    """One 附件: named in the 附件说明; its ``body``, when given, is printed after the main text,
    另面, as GB/T 9704 §8 sets it (an attachment sent separately has none)."""

    title: Name = Field(description="附件名称, as the 附件说明 lists it and its page heads it")
    body: Prose = Field(default_factory=list, description="the attachment's text, if bound with the document")
    landscape: bool = Field(default=False, description="横排: its pages turned a quarter for a wide table (§8)")


class GongwenImprint(Imprint):
    """版记: 抄送, 印发机关 and 印发日期; a letter's (信函格式) has its 抄送 only."""

    printer: str | None = Field(default=None, min_length=1, description="印发机关 (not in a letter)")
    print_date: ClerkDate | None = Field(default=None, description="印发日期 (not in a letter)")


class Gongwen(Strict):
    """One 公文 of the general format: 通知, 请示, 报告, 函, 批复, 意见, 纪要 …"""

    kind: str = Field(description="文种: 通知, 请示, 报告, 函, 批复, 意见, 纪要 …")
    copy_number: str | None = Field(default=None, pattern=r"^[0-9]{6}$", description="份号, six digits")
    secrecy: str | None = Field(default=None, description="密级和保密期限, e.g. 秘密★1年")
    urgency: Literal["特急", "加急"] | None = Field(default=None, description="紧急程度")
    issuers: list[Name] = Field(default_factory=list, max_length=8,
                                description="发文机关 of the 发文机关标志; several for 联合行文, the lead organ first")
    mark_word: str = Field(default="文件", max_length=20,
                           description='after the organ names in the mark: "文件", "" or a 纪要\'s "常务会议纪要"')
    doc_number: DocumentNumber | None = Field(default=None, description="发文字号 (the lead organ's)")
    signers: list[Name] = Field(default_factory=list, description="签发人 of an upward document, in organ order")
    title: Title | None = Field(default=None, description="标题 (a 令 may have none)")
    addressee: str | None = Field(default=None, description="主送机关 as printed, without the closing colon")
    body: Prose = Field(min_length=1, description="正文")
    attachments: list[Attachment] = Field(default_factory=list, max_length=99, description="附件, in order")
    signatures: list[Name] = Field(default_factory=list, max_length=8,
                                   description="署名: the issuing organs, the lead organ first")
    date: ClerkDate | None = Field(default=None, description="成文日期")
    seal: bool = Field(default=False, description="leave room for a seal: 成文日期 右空四字 (§7.3.5.1)")
    note: str | None = Field(default=None, description="附注, without brackets, e.g. 此件公开发布")
    order_number: WholeNumber | None = Field(default=None, ge=1, description="令: 令号, numbered on (第N号)")
    signer_title: Name | None = Field(default=None, description="令: 签发人职务 beside the 签名章, in full")
    present: list[Name] = Field(default_factory=list, description="纪要: 出席, in order")
    absent: list[Name] = Field(default_factory=list, description="纪要: 请假")
    attending: list[Name] = Field(default_factory=list, description="纪要: 列席")
    imprint: GongwenImprint | None = Field(default=None, description="版记: 抄送, 印发机关 and 印发日期")
    keywords: list[str] = Field(default_factory=list)

    @field_validator("addressee")
    @classmethod
    def _no_colon(cls, value: str | None) -> str | None:
        return value.rstrip("：:") if value is not None else None

    @model_validator(mode="after")
    def _number_with_mark(self) -> Gongwen:
        if self.doc_number is not None and not self.issuers:
            raise ValueError(str(message("a 发文字号 stands in the 版头 under the 发文机关标志: name the issuers too")))
        return self


GONGWEN = TypeAdapter(Gongwen)


def cover_as_report(cover: CoverMemo) -> Gongwen:
    """The annual report's cover memo as the 报告 it is: its mark as printed, its body's
    paragraphs, one 署名 — so it is composed like any other 报告. The memo was validated by
    the annual report's own model, whose limits differ, so it is carried over as it is."""
    return Gongwen.model_construct(
        kind="报告", issuers=[cover.issuer_mark], mark_word="", doc_number=cover.doc_number, signers=cover.signers,
        title=cover.title, addressee=cover.addressee, body=[ProseBlock.model_construct(p=text) for text in cover.body],
        signatures=[cover.signature], date=cover.date, seal=cover.seal, note=cover.note,
        imprint=GongwenImprint.model_construct(**cover.imprint.model_dump()))
