"""A report as a portal publishes it: one web page, the article among the portal's menus.

The article is the smallest element that holds every statutory table together with the
paragraph that opens the first section (一、): the portal's header, menus, share links and
footer lie outside it and are left out. Inside it, each ``<p>`` (or a ``<div>`` holding text
and no paragraphs of its own) is a paragraph and each ``<table>`` a table; a cell's text is
read whole, however the portal's editor broke it over several ``<p>`` or padded it.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from generator.errors import UsageError
from generator.i18n import message
from generator.published.blocks import Block, clean, statutory

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "center", "section", "article"}
_SKIPPED = {"script", "style", "noscript", "iframe", "head", "nav", "form", "button", "select", "object"}
_FIRST_SECTION = re.compile(r"^\s*一\s*、")
_TITLE_SUFFIX = re.compile(r"[_|｜].*$")


def _text(element: etree._Element) -> str:
    """The element's text, without the text of scripts inside it."""
    return "".join(element.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]"))


def _common_ancestor(elements: list[etree._Element]) -> etree._Element:
    chains = [list(element.iterancestors())[::-1] + [element] for element in elements]
    common = chains[0][0]
    for level in zip(*chains):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def _article(root: etree._Element, path: Path) -> etree._Element:
    tables = [t for t in root.iter("table") if statutory(_text(t)) and not any(
        a.tag == "table" for a in t.iterancestors())]
    paragraphs = [e for e in root.iter(*_BLOCK_TAGS) if _FIRST_SECTION.match(_text(e))
                  and not any(c.tag in _BLOCK_TAGS for c in e)]
    if not tables:
        count = sum(1 for _ in root.iter("table"))
        words = len(clean(_text(root.find("body") if root.find("body") is not None else root)))
        raise UsageError(message("{path}: no statutory table (第二十条, 申请人情况, 行政复议) on this page, which has "
                                 "{tables} table(s) and {characters} characters of text: is it an annual report on "
                                 "government information disclosure?", path=path, tables=count, characters=words))
    return _common_ancestor(tables + paragraphs[:1])


def _cell(cell: etree._Element) -> str:
    return clean(_text(cell))


def _rows(table: etree._Element) -> tuple[tuple[str, ...], ...]:
    rows = []
    for row in table.iter("tr"):
        if next((a for a in row.iterancestors("table")), None) is not table:
            continue                                    # a row of a table inside a cell
        rows.append(tuple(_cell(cell) for cell in row if cell.tag in ("td", "th")))
    return tuple(rows)


def _blocks(article: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    counts = {"paragraph": 0, "table": 0}

    def add_text(text: str) -> None:
        text = clean(text)
        if text:
            counts["paragraph"] += 1
            blocks.append(Block(str(message("paragraph {number}", number=counts["paragraph"])), text=text))

    def walk(element: etree._Element) -> None:
        if not isinstance(element.tag, str) or element.tag in _SKIPPED:
            return
        if element.tag == "table":
            counts["table"] += 1
            blocks.append(Block(str(message("table {number}", number=counts["table"])), rows=_rows(element)))
            return
        nested = [child for child in element if isinstance(child.tag, str) and
                  (child.tag in _BLOCK_TAGS or child.tag == "table" or child.find(".//table") is not None
                   or child.find(".//p") is not None)]
        if element.tag in _BLOCK_TAGS and not nested:
            add_text(_text(element))
            return
        add_text(element.text or "")
        for child in element:
            walk(child)
            add_text(child.tail or "")

    walk(article)
    return blocks


def _page_title(root: etree._Element) -> str | None:
    """The article's title as the portal shows it above the article (the report's own title
    when the article itself prints none)."""
    for query in ('//meta[@name="ArticleTitle"]/@content', '//*[contains(@class, "article_title")]',
                  "//title"):
        found = root.xpath(query)
        if found:
            text = clean(found[0] if isinstance(found[0], str) else _text(found[0]))
            text = _TITLE_SUFFIX.sub("", text)
            if text:
                return text
    return None


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _decoded(data: bytes) -> str:
    """The page's text: in the charset its <meta> names, else UTF-8, else GB18030 (which reads
    GBK and GB2312, what Chinese portals not in UTF-8 use)."""
    declared = _CHARSET.search(data[:4096])
    names = [declared.group(1).decode("ascii", "replace").lower()] if declared else []
    names = ["gb18030" if name in ("gbk", "gb2312", "gb_2312-80") else name for name in names]
    for name in (*names, "utf-8", "gb18030"):
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def html_blocks(path: Path) -> tuple[str | None, list[Block]]:
    """The page's title and the article's blocks."""
    text = _XML_DECLARATION.sub("", _decoded(path.read_bytes()))
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise UsageError(message("{path}: cannot read as a web page (.html)", path=path)) from None
    return _page_title(root), _blocks(_article(root, path))
