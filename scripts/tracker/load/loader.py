"""Strict YAML loading: one mapping per file, plain data, a position for every value.

PyYAML's C parser produces the event stream; the data is built here from the
events rather than by PyYAML's constructor, because the constructor is where
YAML's hazards live: duplicate keys silently overwritten, aliases (and alias
bombs), merge keys, arbitrary tags, and YAML 1.1 implicit typing that turns
``no`` into False, ``2025-01-20`` into a date and ``1:20`` into 80. Here a plain
scalar is a string unless it is written exactly like a JSON number, ``true``,
``false``, ``null`` or ``~``; everything else stays the text that was written.
"""

from __future__ import annotations

import functools
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]  # 1-based line and column

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_PLAIN_CONSTANTS = {"true": True, "false": False, "null": None, "~": None, "": None}

# Characters that must not appear anywhere in a data file, raw or written as a YAML escape:
# control characters other than newline (Unicode Cc: tabs too, since YAML forbids them for
# indentation and they make files look different in every editor), invisible format
# characters (Cf: bidirectional overrides and isolates that make text render in another order
# than it is stored, zero-width characters, tag characters used for "ASCII smuggling"), line
# and paragraph separators (Zl, Zp: libyaml counts them as line breaks), surrogates and
# noncharacters. The list is spelled out because building it from unicodedata at every start
# would cost a third of a second; tests/test_loader.py checks it against unicodedata.
FORBIDDEN_CHARACTERS = re.compile(
    "[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufdd0-\ufdef\ufeff\ufff9-\ufffb\ufffe-\uffff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f" + "".join(f"\\U{plane:04x}fffe-\\U{plane:04x}ffff" for plane in range(0x1, 0x11)) + "]"
)
MAX_SAFE_INTEGER = 2**53 - 1  # beyond this, JSON consumers lose precision

_CHARACTER_NAMES = {
    "\t": "tab character (indent with spaces)",
    "\r": "carriage return (save the file with LF line endings)",
    "\ufeff": "byte order mark or zero-width no-break space",
}


@dataclass(slots=True)
class LoadProblem:
    line: int
    col: int
    message: str


@dataclass(slots=True)
class Document:
    """A loaded record: the data, and where each value and key stands in the file."""

    data: dict[str, Any]
    value_pos: dict[Path_, Pos] = field(default_factory=dict)
    key_pos: dict[Path_, Pos] = field(default_factory=dict)

    def position(self, path: Path_, *, key: bool = False) -> Pos:
        """The position of the value at ``path`` (or its key), else of its nearest ancestor."""
        path = tuple(path)
        while True:
            table = self.key_pos if key and path in self.key_pos else self.value_pos
            if path in table:
                return table[path]
            if not path:
                return (1, 1)
            path = path[:-1]


class LoadFailed(Exception):
    def __init__(self, problems: list[LoadProblem]):
        super().__init__(problems[0].message if problems else "load failed")
        self.problems = problems


def _position_in_text(text: str, index: int) -> Pos:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def describe_character(ch: str) -> str:
    return _CHARACTER_NAMES.get(ch, f"control or invisible character U+{ord(ch):04X}")


# The one invisible character a translation may hold: the zero-width non-joiner, part of Persian spelling
# (می‌شود, خامنه‌ای: a word's parts written apart without a space). It reorders nothing; records keep refusing it.
ZWNJ = "\u200c"


def decode(raw: bytes, allow: str = "") -> str:
    """Bytes to text, refusing a BOM, invalid UTF-8 and forbidden characters (but those in ``allow``)."""
    if len(raw) > MAX_FILE_BYTES:
        raise LoadFailed([LoadProblem(1, 1, f"file is larger than the limit of {MAX_FILE_BYTES:,} bytes")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadFailed([LoadProblem(1, 1, "file starts with a byte order mark (BOM); save it as UTF-8 without BOM")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", errors="replace")
        line, col = _position_in_text(before, len(before))
        raise LoadFailed([LoadProblem(line, col, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})")]) from None
    if text.replace("\n", "").isprintable():
        return text  # fast path: every forbidden character is one Python deems not printable
    problems = [
        LoadProblem(*_position_in_text(text, m.start()), describe_character(m.group())) for m in FORBIDDEN_CHARACTERS.finditer(text) if m.group() not in allow
    ]
    if problems:
        raise LoadFailed(problems[:20])
    return text


class Mark(Protocol):
    """A parser position: yaml.Mark, or the C parser's own Mark class."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...

    @property
    def index(self) -> int: ...


def _pos(mark: Mark | None) -> Pos:
    # The stubs allow an event without a mark; libyaml sets one on every event it emits.
    assert mark is not None, "a YAML event without a position"
    return mark.line + 1, mark.column + 1


class _TooDeep(Exception):
    """Raised to stop parsing at the first node nested deeper than MAX_DEPTH."""


_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b", "N": "\x85", "L": "\u2028", "P": "\u2029"}
_HEX_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")


class _Builder:
    """Turns PyYAML events into plain Python data, recording problems instead of guessing."""

    def __init__(self, text: str, allow: str = ""):
        self.text = text
        self.allow = allow
        self.events = yaml.parse(text, Loader=yaml.CSafeLoader)
        self.doc = Document({})
        self.problems: list[LoadProblem] = []

    def problem(self, mark: Mark | None, message: str) -> None:
        self.problems.append(LoadProblem(*_pos(mark), message))

    def build(self) -> Document:
        events = self.events
        next(events)  # StreamStart
        event = next(events)
        if isinstance(event, yaml.StreamEndEvent):
            self.problems.append(LoadProblem(1, 1, "file is empty; a record is a mapping of fields"))
            return self.doc
        # DocumentStart
        root_event = next(events)
        if not isinstance(root_event, yaml.MappingStartEvent):
            self.problem(root_event.start_mark, "the top level must be a mapping of fields (key: value)")
        root = self.node(root_event, (), 0)
        next(events)  # DocumentEnd
        event = next(events)
        if isinstance(event, yaml.DocumentStartEvent):
            self.problem(event.start_mark, "several YAML documents in one file; one record per file")
        if isinstance(root, dict):
            self.doc.data = root
        return self.doc

    def check_node_event(self, event: yaml.Event) -> None:
        assert isinstance(event, yaml.NodeEvent), f"unexpected YAML event {event!r}"  # the parser guarantees structure
        if event.anchor is not None:
            self.problem(event.start_mark, f"anchor &{event.anchor}: anchors and aliases are not allowed")
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.problem(event.start_mark, f"tag {tag}: YAML tags are not allowed")

    def node(self, event: yaml.Event, path: Path_, depth: int) -> object:
        self.doc.value_pos[path] = _pos(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            self.problem(event.start_mark, f"alias *{event.anchor}: anchors and aliases are not allowed")
            return None
        self.check_node_event(event)
        if depth > MAX_DEPTH:
            # Stop here: skipping the node would make libyaml parse all of it, which is
            # quadratic in nesting (100,000 brackets take half a minute).
            self.problem(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
            raise _TooDeep
        if isinstance(event, yaml.ScalarEvent):
            self.check_escapes(event)
            return self.scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[object] = []
            for event in self.events:
                if isinstance(event, yaml.SequenceEndEvent):
                    return items
                items.append(self.node(event, (*path, len(items)), depth + 1))
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(event, path, depth)
        raise AssertionError(f"unexpected YAML event {event!r}")  # the parser guarantees structure

    def mapping(self, start: yaml.MappingStartEvent, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for event in self.events:
            if isinstance(event, yaml.MappingEndEvent):
                return result
            key = self.key(event)
            value_event = next(self.events)
            if key is None:
                self.skip(value_event)
                continue
            key_path = (*path, key)
            if key in result:
                line, col = self.doc.key_pos[key_path]
                self.problem(event.start_mark, f"duplicate key {key!r} (first at line {line}, column {col})")
                self.skip(value_event)
                continue
            self.doc.key_pos[key_path] = _pos(event.start_mark)
            result[key] = self.node(value_event, key_path, depth + 1)
        raise AssertionError("unterminated mapping")

    def key(self, event: yaml.Event) -> str | None:
        if isinstance(event, yaml.AliasEvent):
            self.problem(event.start_mark, f"alias *{event.anchor}: anchors and aliases are not allowed")
            return None
        if not isinstance(event, yaml.ScalarEvent):
            self.problem(event.start_mark, "a key must be a plain string")
            self.skip(event)
            return None
        self.check_node_event(event)
        self.check_escapes(event)
        if event.value == "<<" and not event.style:
            self.problem(event.start_mark, "merge key '<<' is not allowed; write the fields out")
            return None
        if event.value == "":
            self.problem(event.start_mark, "empty key")
            return None
        return event.value

    def skip(self, event: yaml.Event) -> None:
        """Consume the events of a node that is not kept."""
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth = 1
            for event in self.events:
                if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                    depth += 1
                elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                    depth -= 1
                    if depth == 0:
                        return

    def check_escapes(self, event: yaml.ScalarEvent) -> None:
        """A double-quoted escape may not produce a character that is forbidden raw (\\0, \\u202e, \\L...)."""
        if event.style != '"' or event.value.isprintable():
            return
        match = next((m for m in FORBIDDEN_CHARACTERS.finditer(event.value) if m.group() not in self.allow), None)
        if match is None:  # the raw text was checked already; only an escape can add one
            return
        start, end = self.offset(event.start_mark), self.offset(event.end_mark)
        for escape in _HEX_ESCAPE.finditer(self.text, start, end):
            hex_digits = escape.group(1) or escape.group(2) or escape.group(3)
            produced = chr(int(hex_digits, 16)) if hex_digits else _ESCAPES.get(escape.group(4), "")
            if produced and produced not in self.allow and FORBIDDEN_CHARACTERS.fullmatch(produced):
                line = self.text.count("\n", 0, escape.start()) + 1
                col = escape.start() - self.line_starts[line - 1] + 1
                self.problems.append(LoadProblem(line, col, describe_character(produced)))
                return
        self.problem(event.start_mark, describe_character(match.group()))

    @functools.cached_property
    def line_starts(self) -> list[int]:
        """Offsets of the first character of each line (needed only to place an error)."""
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def offset(self, mark: Mark | None) -> int:
        line, col = _pos(mark)
        return self.line_starts[line - 1] + col - 1

    def scalar(self, event: yaml.ScalarEvent) -> object:
        value = event.value
        if event.style:  # quoted or block scalar: always a string ("" is plain in the C parser)
            return value
        if value in _PLAIN_CONSTANTS:
            return _PLAIN_CONSTANTS[value]
        if _INT.fullmatch(value):
            number: int | float = int(value) if len(value) <= 20 else MAX_SAFE_INTEGER + 1
        elif _FLOAT.fullmatch(value):
            number = float(value)
        else:
            return value
        if not math.isfinite(number) or abs(number) > MAX_SAFE_INTEGER:
            self.problem(event.start_mark, "number out of range")
            return None
        return number


# A line `key: "text` or `- 'text` whose quote is not closed on that line.
_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?(?P<quote>["'])(?P<rest>.*)$""")
# A line `key: value` whose value is not blank. Exactly one white-space character follows the colon: the old
# `:\s+(.*\S)\s*$` retried every split of the white space after it, quadratic on a line of spaces (minutes in
# a 256 KiB file); `.*\S` alone backtracks once per character. The value is stripped in Python.
_KEY_VALUE = re.compile(r"(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s#'\"][^:]*):(?P<value>\s.*\S)\s*")


def _unclosed_quote(line: str) -> bool:
    m = _OPENS_QUOTE.match(line)
    if not m:
        return False
    rest = m["rest"]
    if m["quote"] == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is None
    return "'" not in rest.replace("''", "")


def _syntax_problem(text: str, exc: yaml.MarkedYAMLError) -> LoadProblem:
    """A syntax error where the broken construct starts, with the fix when it is a common one.

    libyaml reports where it gave up: for an unclosed quote that is the end of the
    file or the next quote, lines below the mistake. A value that is not closed on
    its own line is the usual cause (data files write each quoted value on one line),
    so the first such line before the point of failure is named instead."""
    mark = exc.problem_mark or exc.context_mark
    line, col = _pos(mark) if mark else (1, 1)
    message = exc.problem or exc.context or "YAML syntax error"
    lines = text.split("\n")
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        start_line, start_col = _pos(exc.context_mark)
        return LoadProblem(
            start_line,
            start_col,
            f"YAML syntax error: the quote opened here is never closed; end the value with a matching {lines[start_line - 1][start_col - 1]}",
        )
    for number, content in enumerate(lines[: line - 1], 1):
        if _unclosed_quote(content) and (opened := _OPENS_QUOTE.match(content)):
            quote_col = content.index(opened["quote"]) + 1
            return LoadProblem(
                number, quote_col, f"YAML syntax error: the quote opened here is not closed on this line (the parser stopped at line {line}: {message})"
            )
    if message == "mapping values are not allowed in this context" and line <= len(lines):
        m = _KEY_VALUE.fullmatch(lines[line - 1])
        if m and m["value"].strip():
            value = m["value"].strip().replace("\\", "\\\\").replace('"', '\\"')
            return LoadProblem(line, col, f'YAML syntax error: ": " inside a value must be quoted; write {m["key"]}: "{value}"')
    return LoadProblem(line, col, f"YAML syntax error: {message}")


def load_text(text: str, allow: str = "") -> Document:
    """Parse one record's text; raise LoadFailed with every problem found (``allow``: as `load_file`'s)."""
    builder = _Builder(text, allow)
    try:
        doc = builder.build()
    except _TooDeep:
        doc = None
    except yaml.MarkedYAMLError as exc:
        builder.problems.append(_syntax_problem(text, exc))
        doc = None
    except yaml.YAMLError as exc:  # errors without a position, e.g. from the reader
        builder.problems.append(LoadProblem(1, 1, f"YAML error: {exc}"))
        doc = None
    if builder.problems or doc is None:
        raise LoadFailed(sorted(builder.problems, key=lambda p: (p.line, p.col)))
    return doc


_CACHE: dict[tuple[str, int, int, int], Document] = {}


def load_file_cached(path: Path) -> Document:
    """load_file, remembering documents by path, size, mtime and inode: the live preview
    rebuilds on every change, and the modules (unlike the hooks file) survive between rebuilds."""
    stat = os.stat(path, follow_symlinks=False)
    key = (str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)
    if key not in _CACHE:
        _CACHE[key] = load_file(path)
    return _CACHE[key]


def keep_cached(paths: set[str]) -> None:
    """Forget cached documents of files that are gone or changed."""
    for key in [k for k in _CACHE if k[0] not in paths]:
        del _CACHE[key]


def load_file(path: Path, allow: str = "") -> Document:
    """Read and parse one record file; raise LoadFailed with positioned problems. ``allow``: characters
    otherwise forbidden that this file may hold raw (a translation's ZWNJ)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LoadFailed([LoadProblem(1, 1, f"cannot read file: {exc.strerror}")]) from None
    return load_text(decode(raw, allow), allow)
