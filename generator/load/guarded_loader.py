"""A YAML loader that enforces the limits and the rules for values while it builds the node tree.

PyYAML trusts its input: it recurses once per nesting level (1,000 ``[`` exhaust the stack),
expands aliases on use (a "billion laughs" file of a few lines stands for 10⁹ values), accepts
any hashable or unhashable key, and raises ValueError, KeyError or AttributeError from deep
inside when a value looks like a number or a date but is none (``2023-02-30``, ``!!int "five"``).
Checking each node as it is composed, with the field path at hand, stops all of that before
any Python value is built and names the place: ``report.overview.0.p`` at file:line:column.
After these checks, constructing the Python values cannot fail.
"""

from __future__ import annotations

from typing import Any, NoReturn

import yaml
from yaml.events import AliasEvent, Event, MappingStartEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import DataError, SourcePosition
from generator.load.characters import IN_VALUE, describe
from generator.field_labels import Place
from generator.i18n import Message, N_, message
from generator.load.echo import echo, shorten
from generator.load.limits import LIMITS

_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, SEQ, MAP = (
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))
# What each tag needs, in a clerk's words; only these tags occur in report data.
EXPECTED = {
    STR: N_("text"), INT: N_("a whole number"), FLOAT: N_("a number"), BOOL: N_("true or false"), NULL: N_("blank"),
    TIMESTAMP: N_("a real date (year-month-day, such as 2021-02-04)"), SEQ: N_("a list"),
    MAP: N_("a mapping (key: value)"),
}
_NODE_TAGS = {ScalarNode: (STR, INT, FLOAT, BOOL, NULL, TIMESTAMP), SequenceNode: (SEQ,), MappingNode: (MAP,)}
_NODE_KINDS = {ScalarNode: N_("a single value"), SequenceNode: N_("a list"), MappingNode: N_("a mapping")}
# The plain-scalar patterns PyYAML resolves these tags by; an explicit tag must match its own.
# Only these: "<<" (merge) and "=" (value) stay text; merges would nest without the depth limit.
_PATTERNS = {tag: pattern for resolvers in yaml.SafeLoader.yaml_implicit_resolvers.values()
             for tag, pattern in resolvers if tag in EXPECTED}


class GuardedLoader(yaml.SafeLoader):
    """SafeLoader for one data file; raises :class:`DataError` on the first value it refuses."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag in EXPECTED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def __init__(self, text: str, path: str) -> None:
        super().__init__(text)
        self.path = path
        self._path: list[int | str] = []          # field path of the node being composed
        self._values = 0                          # values so far, aliases counted expanded
        self._sizes: dict[int, int] = {}          # id(node) → the values it stands for
        self._keys: dict[int, set[str]] = {}      # id(mapping) → its keys so far

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        is_key = isinstance(parent, MappingNode) and index is None
        if is_key and isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            self._refuse(event, message("keys must be text (field names such as title), not a list or mapping"))
        if isinstance(parent, SequenceNode) and index >= LIMITS.list_items:
            self._refuse(event, message("a list may hold at most {count} items", count=f"{LIMITS.list_items:,}"))
        if parent is not None and not is_key:
            self._path.append(index if isinstance(parent, SequenceNode) else index.value)
        try:
            node = self._alias(event) if isinstance(event, AliasEvent) else self._compose(parent, index, event)
            if is_key:
                self._check_key(parent, node, event)
            return node
        finally:
            if parent is not None and not is_key:
                self._path.pop()

    def _compose(self, parent: Node | None, index: Any, event: Event) -> Node:
        if len(self._path) >= LIMITS.nesting_depth:
            self._refuse(event, message("lists and mappings may be nested at most {depth} levels deep",
                                        depth=LIMITS.nesting_depth))
        if event.anchor is not None and event.anchor in self.anchors:
            self._refuse(event, message("the anchor &{name} is defined twice; give each value its own name",
                                        name=shorten(event.anchor)))
        start = self._values
        self._count(1, event, N_("the file holds more than {count} values"))
        node = super().compose_node(parent, index)
        self._sizes[id(node)] = self._values - start
        self._check_tag(node, event)
        if isinstance(node, ScalarNode):
            self._check_scalar(node, event)
        return node

    def _alias(self, event: AliasEvent) -> Node:
        self.get_event()
        node = self.anchors.get(event.anchor)
        name = shorten(event.anchor)
        if node is None:
            self._refuse(event, message("the alias *{name} names no anchor &{name} before it", name=name))
        if id(node) not in self._sizes:
            self._refuse(event, message("the alias *{name} repeats the value that holds it, endlessly", name=name))
        self._count(self._sizes[id(node)], event, N_("the alias *{name} makes the file hold more than {count} values"),
                    name=name)
        return node

    def _count(self, values: int, event: Event, wording: str, **fields: str) -> None:
        self._values += values
        if self._values > LIMITS.values:
            self._refuse(event, message(wording, count=f"{LIMITS.values:,}", **fields))

    def _check_tag(self, node: Node, event: Event) -> None:
        if node.tag in _NODE_TAGS[type(node)]:
            return
        tag = shorten(node.tag.replace(_TAG, "!!"))
        if node.tag in EXPECTED:
            self._refuse(event, message("{tag} needs {expected}, but this is {kind}", tag=tag,
                                        expected=message(EXPECTED[node.tag]), kind=message(_NODE_KINDS[type(node)])))
        self._refuse(event, message("the tag {tag} is not used in report data; leave it out", tag=tag))

    def _check_scalar(self, node: ScalarNode, event: Event) -> None:
        value: str = node.value
        if node.tag in (INT, FLOAT) and len(value) > LIMITS.number_characters:
            self._refuse(event, message("a number may have at most {most} digits; {value} has {count}",
                                        most=LIMITS.number_characters, value=echo(value), count=f"{len(value):,}"))
        if len(value) > LIMITS.text_characters:
            self._refuse(event, message("a text may have at most {most} characters; this one has {count}",
                                        most=f"{LIMITS.text_characters:,}", count=f"{len(value):,}"))
        bad = IN_VALUE.search(value)
        if bad:
            self._refuse(event, describe(bad.group()))
        if node.tag != STR and not self._constructs(node):
            self._refuse(event, message("{value} is not {expected}", value=echo(value),
                                        expected=message(EXPECTED[node.tag])))

    def _constructs(self, node: ScalarNode) -> bool:
        """Whether the scalar reads as its tag: it matches the tag's pattern and PyYAML can build
        it (a date such as 2023-02-30 matches the pattern but is no date)."""
        if not _PATTERNS[node.tag].match(node.value):
            return False
        try:
            self.yaml_constructors[node.tag](self, node)
        except (ValueError, LookupError, AttributeError, OverflowError):
            return False
        return True

    def _check_key(self, mapping: MappingNode, key: Node, event: Event) -> None:
        if not isinstance(key, ScalarNode):           # an alias to a list or mapping
            self._refuse(event, message("keys must be text (field names such as title), not a list or mapping"))
        if key.tag != STR:
            self._refuse(event, message("keys must be text (field names such as title); {value} reads as {expected}",
                                        value=echo(key.value), expected=message(EXPECTED[key.tag])))
        if key.value == "<<":
            self._refuse(event, message("merge keys (<<) are not used in report data; write the fields out"))
        keys = self._keys.setdefault(id(mapping), set())
        if key.value in keys:
            self._refuse(event, message("the key {value} is given twice", value=echo(key.value)))
        keys.add(key.value)

    def _refuse(self, event: Event, problem: Message) -> NoReturn:
        mark = event.start_mark
        raise DataError(SourcePosition(self.path, mark.line + 1, mark.column + 1),
                        message("{place}: {problem}", place=Place(tuple(self._path)), problem=problem))
