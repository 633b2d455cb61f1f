"""``gongwen draft DRAFT -o DOC.yaml``: what was recognised in a draft, as a data file to review,
each field commented with the draft line it came from and every guess listed on top."""

from __future__ import annotations

from generator.draft.recognise import Draft
from generator.draft_yaml import draft_yaml
from generator.i18n import message

_ORDER = ("kind", "issuers", "mark_word", "doc_number", "signers", "title", "addressee", "body", "attachments",
          "signatures", "date", "note", "present", "absent", "attending", "keywords", "imprint")


def data_file(draft: Draft) -> str:
    tree = {key: draft.data[key] for key in (*_ORDER, *draft.data) if key in draft.data}
    notes = {(key,): str(message("draft line {line}", line=draft.places[(key,)]))
             for key in tree if (key,) in draft.places}
    head = [f"# {line}" for line in str(message(
        "Read from {path} by gongwen draft: check every field against the draft, then run\n"
        "gongwen build THIS-FILE -o out. What the reader guessed:", path=draft.path)).splitlines()]
    for line, text in sorted(draft.warnings, key=lambda warning: warning[0] or 0):
        where = message("line {line}", line=line) if line else "-"
        head.append(f"#   {where}: {text}")
    return draft_yaml(head, tree, notes)
