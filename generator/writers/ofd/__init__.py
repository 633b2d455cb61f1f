"""OFD writer: paged document → OFD (GB/T 33190-2016), the format electronic 公文 are archived in.

Our own serialiser, as thin as the PDF writer and with no PDF library: the package
(``package``) holds OFD.xml and Document.xml (``document``), the public and document
resources with the embedded font subsets (``resources``, ``fonts``) and one Content.xml per
page (``content``). Text stays text: every glyph run is a TextObject whose characters sit at
the layout's positions, so the OFD reads back as the PDF does.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from generator.paged_document import PagedDocument
from generator.writers.ofd.content import PageContent
from generator.writers.ofd.document import document_xml, ofd_xml
from generator.writers.ofd.fonts import embed_fonts
from generator.writers.ofd.package import write_package
from generator.writers.ofd.resources import RES_FOLDER, Ids, Resources

__all__ = ["write_ofd"]

DOC = "Doc_0"


def write_ofd(paged: PagedDocument, target: Path | BinaryIO) -> None:
    """Write the OFD to ``target`` (a path or a seekable binary file object)."""
    ids = Ids()
    resources = Resources.collect(paged, embed_fonts(paged), ids)
    parts = {f"{DOC}/PublicRes.xml": resources.public_res()}
    if resources.images:
        parts[f"{DOC}/DocumentRes.xml"] = resources.document_res()
    parts.update((f"{DOC}/{RES_FOLDER}/{name}", data) for name, data in resources.files().items())
    writer = PageContent(resources, ids)
    pages = []
    for index, page in enumerate(paged.pages):
        location = f"Pages/Page_{index}/Content.xml"
        pages.append((ids.next(), location))
        parts[f"{DOC}/{location}"] = writer.content(page)
    parts[f"{DOC}/Document.xml"] = document_xml(paged.width, paged.height, ids.last, "PublicRes.xml",
                                                "DocumentRes.xml" if resources.images else None, pages)
    parts["OFD.xml"] = ofd_xml(paged.meta, f"{DOC}/Document.xml")
    write_package(parts, paged.meta.created, target)
