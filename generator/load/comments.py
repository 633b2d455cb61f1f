"""Text that YAML's comment rule changes unseen: a value with a "#" glued to it, and prose cut
short by " #".

YAML starts a comment only at a "#" after a space, so ``signature: 某某街道办事处# 署名`` prints
"# 署名" in the 署名, and ``p: 完成第 #3 项`` prints "完成第" alone. Either is probably not what
the clerk meant, and neither is an error YAML could report, so each is a note (a warning)
quoting the text. A quoted value says the "#" is meant, and a comment after a field that is not
prose (``title: …  # 标题``, as ``gongwen new`` writes them) is the file's own annotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.field_labels import Place
from generator.errors import SourcePosition
from generator.i18n import message
from generator.load.echo import echo, shorten
from generator.load.guarded_loader import STR
from generator.load.keyboard import Note

# the keys whose text is printed as prose, and the lists of paragraphs (the cover's body, the opening)
_PROSE_KEYS = {"p", "lead", "text", "h1", "h2", "h3", "h4"}
_PARAGRAPH_LISTS = {"body", "opening"}
_COMMENT_AFTER = re.compile(r"[ \t]+(#.*)")


def _scalars(node: Node | None, path: tuple[int | str, ...] = ()) -> Iterator[tuple[tuple[int | str, ...], ScalarNode]]:
    if isinstance(node, ScalarNode):
        yield path, node
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, (*path, index))
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*path, key.value))


def _is_prose(path: tuple[int | str, ...]) -> bool:
    return bool(path) and (path[-1] in _PROSE_KEYS or isinstance(path[-1], int) and len(path) > 1
                           and path[-2] in _PARAGRAPH_LISTS)


def comment_notes(source_path: str, root: Node | None, lines: list[str]) -> list[Note]:
    """A note at every plain (unquoted) text holding "#", and at every prose text followed by
    a comment on its last line."""
    notes: list[Note] = []
    for path, node in _scalars(root):
        if node.style is not None or node.tag != STR:
            continue
        where = SourcePosition(source_path, node.start_mark.line + 1, node.start_mark.column + 1)
        if "#" in node.value:
            notes.append((where, message(
                '{place}: {value} holds "#": if what follows is a comment, put a space before "#"; if it is '
                "part of the text, put the text in quotes", place=Place(path), value=echo(node.value))))
        end = node.end_mark
        after = _COMMENT_AFTER.match(lines[end.line][end.column:]) if end.line < len(lines) else None
        if after and _is_prose(path):
            notes.append((where, message(
                '{place}: the text after " #" is not printed (YAML reads it as a comment): "{comment}"; to print '
                "it, put the whole text in quotes", place=Place(path), comment=shorten(after.group(1)))))
    return notes
