"""The tree the canonical YAML writer works on: a data file's values with their places (`Scalar`, `Collection`, `Slot`) and the comments attached to them, read from libyaml's events and tokens.

yaml_emit.py writes the tree out in the canonical style; split from it along this seam (reading the file vs writing it)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from tracker.load.loader import Mark


class FormatError(Exception):
    """A file that cannot be formatted, with the position to report."""

    def __init__(self, line: int, col: int, message: str):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


@dataclass
class Scalar:
    """A scalar value: what the loader reads, and the text it was written as."""

    value: object  # as the strict loader reads it
    raw: str  # as written (numbers are kept so)


@dataclass
class Collection:
    """A mapping or a list, with the comments that trail its last entry."""

    is_map: bool
    slots: list[Slot] = field(default_factory=list)
    parent: Collection | None = None
    trailing: list[str] = field(default_factory=list)

    @property
    def child_col(self) -> int:
        """The column its entries (or its items' dashes) start at."""
        return self.slots[0].col if self.slots else 0


@dataclass
class Slot:
    """A place in a collection: a mapping entry (with its key) or a list item."""

    key: str | None
    node: Scalar | Collection
    index: int
    line: int
    col: int
    parent: Collection
    leading: list[str] = field(default_factory=list)
    eol: list[str] = field(default_factory=list)


def _value_at(data: Any, path: tuple[Any, ...]) -> object:
    """The loaded value at a path of keys and indexes (Any: loaded YAML, which the path was read from)."""
    for part in path:
        data = data[part]
    return data


class TreeBuilder:
    """Builds the tree from PyYAML events; the strict loader has already accepted the text."""

    def __init__(self, text: str, data: dict[str, Any]):
        self.text = text
        self.events = iter(yaml.parse(text, Loader=yaml.CSafeLoader))
        self.data = data
        self.slots: list[Slot] = []

    def build(self) -> Collection:
        """The top-level mapping."""
        for event in self.events:
            if isinstance(event, yaml.MappingStartEvent):
                return self.collection(event, None, ())
        raise FormatError(1, 1, "the top level must be a mapping of fields")

    def dash_column(self, mark: Mark) -> int:
        """A block list item's column is its dash's, not its content's (`- a` is at the dash)."""
        i = mark.index - 1
        while i >= 0 and self.text[i] == " ":
            i -= 1
        return mark.column - (mark.index - i) if i >= 0 and self.text[i] == "-" else mark.column

    def node(self, event: yaml.Event, parent: Collection, path: tuple[Any, ...]) -> Scalar | Collection:
        """A scalar, or a collection read to its end."""
        if isinstance(event, yaml.ScalarEvent):
            return Scalar(_value_at(self.data, path), event.value)
        return self.collection(event, parent, path)

    def collection(self, start: yaml.Event, parent: Collection | None, path: tuple[Any, ...]) -> Collection:
        """A mapping or list, each entry a slot that remembers where it starts (for attaching comments)."""
        coll = Collection(isinstance(start, yaml.MappingStartEvent), parent=parent)
        for event in self.events:
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                return coll
            key = None
            if coll.is_map:
                assert isinstance(event, yaml.ScalarEvent), "a key that is not a scalar"  # the strict loader refused those
                key = event.value
                mark, event = event.start_mark, next(self.events)
                child_path = (*path, key)
            else:
                mark, child_path = event.start_mark, (*path, len(coll.slots))
            assert mark is not None, "a YAML event without a position"  # the stubs allow it; libyaml marks every event
            col = mark.column if coll.is_map else self.dash_column(mark)
            slot = Slot(key, Scalar(None, ""), mark.index, mark.line, col, coll)
            self.slots.append(slot)
            slot.node = self.node(event, coll, child_path)
            coll.slots.append(slot)
        raise AssertionError("unterminated collection")


@dataclass
class Comment:
    """A comment: where it starts, its text from '#', and whether it has the line to itself."""

    index: int
    line: int
    col: int
    text: str
    own_line: bool


def scalar_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every scalar token: a '#' inside one is not a comment."""
    return [(t.start_mark.index, t.end_mark.index) for t in yaml.scan(text, Loader=yaml.CSafeLoader) if isinstance(t, yaml.ScalarToken)]


def find_comments(text: str) -> list[Comment]:
    """Every comment: a '#' outside scalars at the start of a line or after whitespace, to the end of the line."""
    spans = scalar_spans(text)
    starts = [s for s, _ in spans]
    comments = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        for match in re.finditer("#", line):
            col = match.start()
            index = offset + col
            if col and line[col - 1] not in " \t":
                continue
            i = bisect.bisect_right(starts, index) - 1
            if i >= 0 and spans[i][0] <= index < spans[i][1]:
                continue
            comments.append(Comment(index, number, col, line[col:].rstrip(), not line[:col].strip()))
            break
        offset += len(line) + 1
    return comments


def _is_inside(coll: Collection, slot: Slot) -> bool:
    """Whether a slot lies within a collection, at any depth."""
    node: Collection | None = slot.parent
    while node is not None:
        if node is coll:
            return True
        node = node.parent
    return False


def attach_comments(root: Collection, slots: list[Slot], comments: list[Comment]) -> None:
    """Give every comment to the slot or block it belongs to (see the module docstring)."""
    indexes = [s.index for s in slots]
    for comment in comments:
        after = bisect.bisect_right(indexes, comment.index)
        before = slots[after - 1] if after else None
        nxt = slots[after] if after < len(slots) else None
        if not comment.own_line:
            if before is not None:
                before.eol.append(comment.text)
            elif nxt is not None:
                nxt.leading.append(comment.text)
            else:
                root.trailing.append(comment.text)
            continue
        if before is None or (nxt is not None and comment.col <= nxt.col):
            (nxt.leading if nxt is not None else root.trailing).append(comment.text)
            continue
        block: Collection | None = before.parent
        while block is not None:
            if nxt is not None and _is_inside(block, nxt):
                nxt.leading.append(comment.text)
                break
            if block.child_col <= comment.col or block.parent is None:
                block.trailing.append(comment.text)
                break
            block = block.parent
