"""The editing page of every 公文 kind but the annual report (通知, 请示, 函, 纪要 …): its
elements as inputs, and the changes a posted form makes, checked as ``gongwen check`` checks.

The shared inputs (``generator.web.inputs``) edit the 版头, the title and 主送, the 署名 and
date, the 版记; the body and each attachment are blocks (``b:body``, ``b:att.att-N``), an
attachment's title and 横排 ``a:title`` / ``c:att.att-N`` after its ``a:id``, in order, after
an ``a:list`` that says the attachments are on the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.checks.findings import Finding
from generator.document_fields import DocumentField, lookup
from generator.errors import DataError, SourcePosition
from generator.i18n import N_, message
from generator.kinds import Kind
from generator.mapped_source import MappedSource
from generator.web.inputs import (BLOCK_KINDS, TABLE, Blocks, Toggle, blocks_shown, leave_out_if_blank,
                                  prose_changes, shared_changes, shown_field)
from generator.web.inputs import Path as DataPath
from generator.yaml_edit import REMOVE, edit_yaml

GONGWEN_BLOCK_KINDS = {"h1": message("一、 heading"), **BLOCK_KINDS, TABLE: message("Table (a line a row, cells between |)")}
ATTACHMENT = "att"

# the elements of GB/T 9704 §7 a data file of any kind may hold, as the page offers them (their
# labels are catalog entries, shown in the page's language)
HEAD_FIELDS = (
    DocumentField(("copy_number",), N_("Copy number (份号)"), "text"),
    DocumentField(("secrecy",), N_("Secrecy and its term"), "text"),
    DocumentField(("urgency",), N_("Urgency (特急 or 加急)"), "text"),
    DocumentField(("issuers",), N_("Issuing organs"), "names"),
    DocumentField(("doc_number", "code"), N_("Document number: organ code"), "text"),
    DocumentField(("doc_number", "year"), N_("Document number: year"), "int"),
    DocumentField(("doc_number", "serial"), N_("Document number: serial"), "int"),
    DocumentField(("signers",), N_("Signers (签发人)"), "names"),
    DocumentField(("title",), N_("Title"), "text"),
    DocumentField(("addressee",), N_("Addressee (主送机关)"), "text"),
)
KIND_FIELDS = {   # the elements of one kind's own format
    "纪要": (DocumentField(("present",), N_("Present"), "names"), DocumentField(("absent",), N_("Absent"), "names"),
           DocumentField(("attending",), N_("Attending"), "names")),
    "令": (DocumentField(("order_number",), N_("Order number (令号)"), "int"), DocumentField(("signer_title",), N_("Signer's title"), "text")),
}
ENDING_FIELDS = (
    DocumentField(("signatures",), N_("Signature (署名)"), "names"),
    DocumentField(("date",), N_("Date (成文日期)"), "date"),
    DocumentField(("note",), N_("Note (附注)"), "text"),
    DocumentField(("imprint", "copy_to"), N_("Copies to (抄送)"), "names"),
    DocumentField(("imprint", "printer"), N_("Printed by (印发机关)"), "text"),
    DocumentField(("imprint", "print_date"), N_("Print date (印发日期)"), "date"),
)


@dataclass(frozen=True)
class AttachmentInputs:
    id: str                       # att-N
    title: str
    landscape: Toggle
    blocks: Blocks


@dataclass
class KindPage:
    """Everything a kind's page shows."""

    head: list
    body: Blocks
    attachments: list[AttachmentInputs]
    ending: list


def _fields(kind: str) -> tuple[DocumentField, ...]:
    return HEAD_FIELDS + KIND_FIELDS.get(kind, ()) + ENDING_FIELDS


def attachment_inputs(id_: str, item: dict) -> AttachmentInputs:
    return AttachmentInputs(id_, str(item.get("title") or ""),
                            Toggle(f"c:{ATTACHMENT}.{id_}", message("Landscape (横排, a wide table)"),
                                   bool(item.get("landscape"))),
                            Blocks(f"{ATTACHMENT}.{id_}", "", blocks_shown(item.get("body"), GONGWEN_BLOCK_KINDS),
                                   GONGWEN_BLOCK_KINDS))


def kind_page(data: dict, kind: str) -> KindPage:
    """What the page shows for a data file's plain ``data``."""
    fields = [shown_field(field, lookup(data, field.path)) for field in _fields(kind)]
    head = len(HEAD_FIELDS) + len(KIND_FIELDS.get(kind, ()))
    return KindPage(
        head=fields[:head],
        body=Blocks("body", message("Body"), blocks_shown(data.get("body"), GONGWEN_BLOCK_KINDS), GONGWEN_BLOCK_KINDS),
        attachments=[attachment_inputs(f"{ATTACHMENT}-{number}", item)
                     for number, item in enumerate(data.get("attachments") or [], 1)],
        ending=fields[head:] + [Toggle("c:seal", message("Leave room for a seal"), bool(data.get("seal")))])


def kind_changes(items: Iterable[tuple[str, str]], kind: str) -> dict[DataPath, Any]:
    """The data a posted form of a kind's page sets, by path."""
    items = list(items)
    attachment_ids = [value for name, value in items if name == "a:id"]
    checks = {name for name, value in items if name.startswith(f"c:{ATTACHMENT}.") and value}
    shared = [(name, value) for name, value in items if not name.startswith(f"c:{ATTACHMENT}.")]
    out, blocks = shared_changes(shared, _fields(kind), GONGWEN_BLOCK_KINDS)
    out.update(prose_changes({path: prose for path, prose in blocks.items() if path[0] != ATTACHMENT}))
    titles = [value.strip() for name, value in items if name == "a:title"]
    attachments = []
    for id_, title in zip(attachment_ids, titles, strict=False):
        attachment: dict[str, Any] = {"title": title}
        if blocks.get((ATTACHMENT, id_)):
            attachment["body"] = blocks[(ATTACHMENT, id_)]
        if f"c:{ATTACHMENT}.{id_}" in checks:
            attachment["landscape"] = True
        attachments.append(attachment)
    if ("a:list", "") in items:                    # the attachments are on the page
        out[("attachments",)] = attachments or REMOVE
    leave_out_if_blank(out, ("imprint",))
    return out


@dataclass
class KindCheck:
    """A kind's page checked: its YAML text, its data (None when the model refuses a value) and
    the findings, each ``position.path`` the dotted data path it is about."""

    text: str
    report: Any
    findings: list[Finding]
    computed: dict[str, Any]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def check_kind_page(path: Path, text: str, kind: Kind, items: Iterable[tuple[str, str]]) -> KindCheck:
    """The file at ``path`` (its text ``text``) as the form would change it, checked as its kind."""
    try:
        text = edit_yaml(text, kind_changes(items, kind.name))
        # each finding placed at its data path (title, body.3.p), where the page shows the element
        checked = kind.check(MappedSource(str(path), text, {},
                                          elsewhere=lambda at: SourcePosition(".".join(map(str, at)))))
    except DataError as error:
        return KindCheck(text, None, [Finding("error", error.position, error.message)], {})
    return KindCheck(text, checked.data, checked.findings, {})

