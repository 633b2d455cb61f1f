"""Parse YAML while remembering where every value came from.

PyYAML's composed node tree carries line and column marks; pydantic reports errors as a path
of keys and indexes. Walking that path through the node tree turns a validation error into
``file:line:column``, which is what a clerk needs to find the mistake.
"""

from __future__ import annotations

import re

import yaml

from generator.errors import DataError, SourcePosition
from generator.load.characters import IN_FILE, describe
from generator.i18n import Message, N_, message
from generator.load.echo import shorten
from generator.load.comments import comment_notes
from generator.load.guarded_loader import GuardedLoader
from generator.load.keyboard import half_width_structure

_LINE_BREAK = re.compile(r"\r\n|\r|\n")          # as PyYAML counts lines
# PyYAML's messages quote tokens and anchor names, which may be any length.
_PROBLEM_WIDTH = 100


class YamlSource:
    """A parsed YAML document together with its node tree, for error positions, and the notes
    (position, message) on what was read otherwise than typed or is probably not meant."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        bad = IN_FILE.search(text)
        if bad:
            raise DataError(_text_position(path, text, bad.start()),
                            message("the file {problem}", problem=describe(bad.group())))
        text, self.notes = half_width_structure(path, text)
        try:
            loader = GuardedLoader(text, path)
            try:
                self.root = loader.get_single_node()
                self.data = loader.construct_document(self.root) if self.root is not None else None
            finally:
                loader.dispose()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            position = SourcePosition(path, mark.line + 1, mark.column + 1) if mark else SourcePosition(path)
            problem = _problem(shorten(str(error.problem or error.context), _PROBLEM_WIDTH))
            raise DataError(position, message("YAML syntax: {problem}", problem=problem)) from None
        self.notes += comment_notes(path, self.root, _LINE_BREAK.split(text))

    def position(self, location: tuple[int | str, ...]) -> SourcePosition:
        """The position of the value at ``location``; the deepest existing node if it is missing."""
        node = self.root
        for step in location:
            child = _child(node, step)
            if child is None:
                break
            node = child
        if node is None:
            return SourcePosition(self.path)
        return SourcePosition(self.path, node.start_mark.line + 1, node.start_mark.column + 1)


# PyYAML's commonest problems in the clerk's words (its own English for the rest)
_PROBLEMS = (
    (re.compile(r"mapping values are not allowed here"),
     N_("a colon here cannot start a value: indent the line as the lines around it, or put a text that holds a "
        "colon in quotes")),
    (re.compile(r"found character '\\t' that cannot start any token"),
     N_("a tab indents this line: indent with spaces only")),
    (re.compile(r"found character '(?P<char>.*)' that cannot start any token"),
     N_("a value cannot start with {char}: put the text in quotes")),
    (re.compile(r"expected ',' or '(?P<bracket>[]}])', but got '<stream end>'"),
     N_("the bracket is not closed: add {bracket}")),
    (re.compile(r"found unexpected end of stream"), N_("a quotation mark is not closed: add the closing one")),
    (re.compile(r"expected <block end>, but found"),
     N_("this line's indentation does not match the lines above: indent it as the lines at its level")),
    (re.compile(r"found undefined alias '(?P<name>.*)'"), N_("the alias *{name} names no anchor &{name} before it")),
)


def _problem(problem: str) -> Message | str:
    for pattern, wording in _PROBLEMS:
        match = pattern.search(problem)
        if match:
            return message(wording, **match.groupdict())
    return problem


def _text_position(path: str, text: str, index: int) -> SourcePosition:
    """line:column of ``text[index]``, counting lines as PyYAML does (CR LF, LF or a lone CR)."""
    before = text[:index].replace("\r\n", "\n").replace("\r", "\n")
    return SourcePosition(path, before.count("\n") + 1, len(before) - before.rfind("\n"))


def _child(node: yaml.Node | None, step: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(step):
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None
