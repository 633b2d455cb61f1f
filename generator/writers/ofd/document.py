"""The package's entry (OFD.xml with the document's DocInfo) and the document's root
(Document.xml: page size, resources, pages)."""

from __future__ import annotations

import uuid

from generator.document_model import Meta
from generator.writers.ofd.markup import child, mm, numbers, root, serialize

CREATOR = "gongwen"


def ofd_xml(meta: Meta, document_root: str) -> bytes:
    """DocInfo from the data. The DocID is a UUID derived from the title and date, not drawn at
    random: same data, same bytes."""
    ofd = root("OFD", Version="1.0", DocType="OFD")
    body = child(ofd, "DocBody")
    info = child(body, "DocInfo")
    child(info, "DocID", uuid.uuid5(uuid.NAMESPACE_URL, f"{CREATOR}:{meta.title}:{meta.created.isoformat()}").hex)
    child(info, "Title", meta.title)
    child(info, "Author", meta.author)
    child(info, "Subject", meta.subject)
    child(info, "CreationDate", meta.created.date().isoformat())
    if meta.keywords:
        keywords = child(info, "Keywords")
        for keyword in meta.keywords:
            child(keywords, "Keyword", keyword)
    child(info, "Creator", CREATOR)
    child(body, "DocRoot", document_root)
    return serialize(ofd)


def document_xml(width: float, height: float, max_id: int, public_res: str, document_res: str | None,
                 pages: list[tuple[int, str]]) -> bytes:
    """``pages``: each page's ID and the location of its Content.xml."""
    document = root("Document")
    common = child(document, "CommonData")
    child(common, "MaxUnitID", str(max_id))
    child(child(common, "PageArea"), "PhysicalBox", numbers(0, 0, mm(width), mm(height)))
    child(common, "PublicRes", public_res)
    if document_res is not None:
        child(common, "DocumentRes", document_res)
    listed = child(document, "Pages")
    for page_id, location in pages:
        child(listed, "Page", ID=str(page_id), BaseLoc=location)
    return serialize(document)
