"""inspection: measure a PDF against GB/T 9704-2012 (``gongwen inspect FILE.pdf``).

Reads the PDF itself (pdfplumber for text, positions, colours and rules; pypdf for fonts and
metadata) and reports every rule with its expected and measured value.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from generator.i18n import message
from generator.inspection.facts import read_pdf
from generator.inspection.rules import Finding, check_pdf_rules, format_findings
from generator.layout_spec import Layout

__all__ = ["inspect_pdf", "format_findings", "Finding"]

STANDARD_FONTS = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def _file_findings(path: Path) -> list[Finding]:
    reader = PdfReader(path)
    names, unembedded = set(), set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"]).split("+")[-1]
            names.add(name)
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                unembedded.add(name)
    standard = {n for n in names if n.startswith(STANDARD_FONTS)}
    info = reader.metadata or {}
    fields = {key: str(info.get(f"/{key}", "")) for key in ("Title", "Author", "Subject", "Keywords", "CreationDate")}
    return [
        Finding(message("every font embedded"), message("0 unembedded"),
                message("{count} of {total} unembedded ({fonts})", count=len(unembedded), total=len(names),
                        fonts=", ".join(sorted(names))), not unembedded),
        Finding(message("no standard-14 font"), message("none"), ", ".join(sorted(standard)) or message("none"),
                not standard),
        Finding(message("metadata: title, author, subject, keywords, creation date"), message("all set"),
                "; ".join(f"{k}={v[:24]}" for k, v in fields.items()), all(fields.values())),
    ]


def inspect_pdf(path: Path, layout: Layout) -> list[Finding]:
    return check_pdf_rules(read_pdf(path), layout) + _file_findings(path)
