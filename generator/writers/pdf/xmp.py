"""The XMP metadata packet of the PDF/A archive copy, mirrored from the PDF's Info dictionary.

PDF/A-1 (ISO 19005-1 §6.7.3) wants every Info entry repeated in XMP with the same value, so
the packet is made from the Info dictionary the PDF writer wrote (from the data), not from the
data a second time: the two cannot disagree. Every namespace is declared on ``rdf:Description``
itself: Apache PDFBox Preflight rejects a packet that declares them further up (as pikepdf's
own metadata writer does).
"""

from __future__ import annotations

import pikepdf
from lxml import etree
from pikepdf.models.metadata import decode_pdf_date

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Info key → XMP property and how it is written (ISO 19005-1 §6.7.3, table 1). Info keys
# outside this table (Trapped) have no PDF/A-1 equivalent: the archive writer drops them.
MIRRORED = {
    "/Title": ("dc", "title", "alt"),
    "/Author": ("dc", "creator", "seq"),
    "/Subject": ("dc", "description", "alt"),
    "/Keywords": ("pdf", "Keywords", "text"),
    "/Creator": ("xmp", "CreatorTool", "text"),
    "/Producer": ("pdf", "Producer", "text"),
    "/CreationDate": ("xmp", "CreateDate", "date"),
    "/ModDate": ("xmp", "ModifyDate", "date"),
}


def _tag(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _property(description: etree._Element, prefix: str, name: str, kind: str, value: str) -> None:
    element = etree.SubElement(description, _tag(prefix, name))
    if kind == "text":
        element.text = value
    elif kind == "date":
        element.text = decode_pdf_date(value).isoformat()
    else:
        container = etree.SubElement(element, _tag("rdf", "Alt" if kind == "alt" else "Seq"))
        item = etree.SubElement(container, _tag("rdf", "li"))
        if kind == "alt":
            item.set(XML_LANG, "x-default")
        item.text = value


def xmp_packet(info: pikepdf.Dictionary, part: int, conformance: str) -> bytes:
    """The XMP packet (UTF-8, uncompressed in the file) for a PDF/A-``part````conformance``
    file whose Info dictionary is ``info``."""
    meta = etree.Element(_tag("x", "xmpmeta"), nsmap={"x": NS["x"]})
    rdf = etree.SubElement(meta, _tag("rdf", "RDF"), nsmap={"rdf": NS["rdf"]})
    description = etree.SubElement(rdf, _tag("rdf", "Description"),
                                   nsmap={prefix: NS[prefix] for prefix in ("dc", "pdf", "xmp", "pdfaid")})
    description.set(_tag("rdf", "about"), "")
    etree.SubElement(description, _tag("dc", "format")).text = "application/pdf"
    for key, (prefix, name, kind) in MIRRORED.items():
        if key in info:
            _property(description, prefix, name, kind, str(info[key]))
    etree.SubElement(description, _tag("pdfaid", "part")).text = str(part)
    etree.SubElement(description, _tag("pdfaid", "conformance")).text = conformance
    body = etree.tostring(meta, encoding="utf-8", pretty_print=True)
    return b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body + b'<?xpacket end="w"?>'
