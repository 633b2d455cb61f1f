"""Compose a general 公文 (通知, 请示, 函 …): the data model → the document model.

One part: 版头, title, 主送, 正文, 附件说明, 署名 and 成文日期, 附注, then each bound attachment
另面 with its own headings (numbered afresh) and tables, page numbers running on, and the 版记
after the last of them (GB/T 9704 §7–§8).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from generator.compose.composer import copy_to_line, imprint_block, prose_blocks, signer_rows, title_breaker
from generator.compose.wording import Wording, default_wording
from generator.document_model import (
    Addressee, AttachmentHead, AttachmentNote, Attendance, Block, Document, Flag, Imprint, Masthead, Meta, Note,
    Part, Signature, SignerSeal, Title,
)
from generator.kinds.spec import KindSpec
from generator.layout_spec import Layout, load_layout
from generator.load.gongwen_model import Gongwen


def compose_gongwen(data: Gongwen, spec: KindSpec, warn: Callable[[str], None] = lambda message: None,
                    wording: Wording | None = None, layout: Layout | None = None) -> Document:
    wording = wording or default_wording()
    layout = layout or load_layout()
    organs = tuple(name for name in (*data.issuers, *data.signatures, data.addressee or "") if name)
    part = gongwen_part(data, spec, wording, layout, title_breaker(organs, layout))
    # a document's properties are never blank: its kind and organs are its keywords unless it names its own
    keywords = tuple(data.keywords) or (spec.name, *dict.fromkeys((*data.issuers, *data.signatures)))
    name = data.title or "".join(text for text in (*data.issuers[:1], data.mark_word) if text)
    meta = Meta(title=name, author=(data.signatures or data.issuers or [""])[0], subject=name,
                keywords=keywords, created=dt.datetime.combine(_created(data), dt.time()))
    return Document(meta=meta, parts=(part,))


def gongwen_part(data: Gongwen, spec: KindSpec, wording: Wording, layout: Layout, title: Callable[[str], Title],
                 kind: Literal["cover", "document"] = "document") -> Part:
    """One 公文 as a part of a document: the annual report's cover memo is one too, a 报告 like
    any other (``kind="cover"``), its title broken by the report's names."""
    blocks: list[Block] = [title(data.title)] if data.title else []
    if data.addressee:
        blocks.append(Addressee(wording.render("addressee", name=data.addressee)))
    blocks += prose_blocks(data.body, wording)
    attendance = tuple((wording.render(f"{key}_label"), wording.render("attendance_names", names=names))
                       for key, names in (("present", data.present), ("absent", data.absent),
                                          ("attending", data.attending)) if names)
    if attendance:
        blocks.append(Attendance(attendance))
    if data.attachments:
        many = len(data.attachments) > 1
        blocks.append(AttachmentNote(wording.render("attachment_label"), tuple(
            (wording.render("attachment_number", n=n) if many else "", attachment.title)
            for n, attachment in enumerate(data.attachments, start=1))))
    date = wording.render("date", date=data.date) if data.date else None
    if spec.format == "令" and data.signer_title:
        blocks.append(SignerSeal(data.signer_title, date))
    elif data.signatures or date:
        lead, *others = data.signatures or [None]
        blocks.append(Signature(lead, date, data.seal, keep_with_next=bool(data.note), joint=tuple(others)))
    if data.note:
        blocks.append(Note(wording.render("note", text=data.note)))
    bound = [(n, attachment) for n, attachment in enumerate(data.attachments, start=1) if attachment.body]
    for n, attachment in bound:         # "附件" alone when it is the only one
        label = wording.render("attachment_head", n=n if len(data.attachments) > 1 else "")
        blocks.append(AttachmentHead(label, title(attachment.title), attachment.landscape))
        blocks += prose_blocks(attachment.body, wording)
    return Part(blocks=tuple(blocks), imprint=_imprint(data, spec, wording),
                masthead=_masthead(data, spec, wording, layout), kind=kind)


def _imprint(data: Gongwen, spec: KindSpec, wording: Wording) -> Imprint | None:
    """版记; a letter's is its 抄送 alone (§10.1), none when it copies to no one."""
    if data.imprint is None:
        return None
    if spec.format == "信函":
        copy_to = copy_to_line(data.imprint.copy_to, wording)
        return Imprint(None, None, copy_to) if copy_to else None
    return imprint_block(data.imprint, wording)


def _created(data: Gongwen) -> dt.date:
    """The first date the document gives: its 成文日期, else its 印发日期, else 1 January 2000
    (a draft dated nowhere still builds the same bytes every time)."""
    dates = (data.date, data.imprint.print_date if data.imprint else None)
    return next((date for date in dates if date), dt.date(2000, 1, 1))


def _masthead(data: Gongwen, spec: KindSpec, wording: Wording, layout: Layout) -> Masthead | None:
    """版头 of a document whose issuers are named: 份号, 密级, 紧急程度 top left, the mark (the
    organs stacked for a 联合行文), the 发文字号; an upward one names its 签发人 (or keeps room
    for a name written by hand)."""
    if not data.issuers:
        return None
    number = data.doc_number
    doc_number = wording.render("doc_number", code=number.code, year=number.year, serial=number.serial) \
        if number else ""
    upward = spec.direction == "up"
    flags = tuple(Flag(text, role) for text, role in ((data.copy_number, "copy_number"), (data.secrecy, "secrecy"),
                                                      (data.urgency, "urgency")) if text)
    letter = spec.format == "信函"
    order = wording.render("order_number", n=data.order_number) if spec.format == "令" and data.order_number else None
    joint = len(data.issuers) > 1 and not letter     # a joint letter carries the lead organ's mark (§10.1)
    return Masthead(issuer_mark="" if joint else data.issuers[0] + ("" if letter else data.mark_word),
                    doc_number=doc_number, letter=letter, order_number=order,
                    signer_label=wording.render("signer_label") if upward else None,
                    signer_names=signer_rows(data.signers, wording, layout) if upward else (),
                    joint=tuple(data.issuers) if joint else (), mark_word=data.mark_word if joint else "",
                    flags=flags)
