"""The canonical YAML writer of data files: `format_text` orders keys by the schema, quotes by field type and keeps every comment.

The style and why the emitter is hand-written are described in scripts/tracker/cli/fmt.py (`make fmt`), its command;
the scaffolder (new_record) and the archiver write through it too.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml

from tracker.core import kinds
from tracker.core.filecache import per_run
from tracker.load.dataset import ID_PATTERN
from tracker.load.loader import FORBIDDEN_CHARACTERS, ZWNJ, LoadFailed, load_text
from tracker.load.schema_files import deref, resolve, schema_documents
from tracker.load.yaml_tree import Collection, FormatError, Scalar, Slot, TreeBuilder, attach_comments, find_comments

MODELINE = "# yaml-language-server: $schema=../../schema/{kind}.schema.json"
MODELINE_RE = re.compile(r"#\s*yaml-language-server\s*:")
# The schema a modeline names: `$schema=` and the rest of its word, then the first <kind>.schema.json in it.
# Two searches, not one lazy pattern, which tried every later position for every `$schema=`: quadratic.
_MODELINE_SCHEMA = re.compile(r"\$schema=(\S*)")
_SCHEMA_KIND = re.compile(rf"({'|'.join(k.singular for k in kinds.ALL)})\.schema\.json")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# Characters YAML cannot hold raw in a double-quoted scalar, or that it reads as line breaks.
_NOT_YAML_PRINTABLE = re.compile("[^\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


def modeline_kind(line: str) -> str | None:
    """The kind (singular) whose schema a modeline line names, or None."""
    if not MODELINE_RE.match(line):
        return None
    for schema in _MODELINE_SCHEMA.finditer(line):
        found = _SCHEMA_KIND.search(schema.group(1))
        if found:
            return found.group(1)
    return None


INDENT = 2
COMMENT_GAP = "  "


# --------------------------------------------------------------------------- schema


def schema_stem(kind: str) -> str:
    """The schema file stem of a kind given by folder ("claims") or by type ("claim")."""
    return kinds.get(kind).schema if kind in kinds.FOLDERS else kinds.by_singular(kind).schema


def kind_schema(kind: str) -> dict[str, Any]:
    """The schema of a record kind ('claim' or 'claims')."""
    return schema_documents()[schema_stem(kind)]


def property_schema(schema: dict[str, Any], key: str) -> dict[str, Any]:
    """The resolved schema of one property of an object schema ({} when unknown)."""
    return resolve(schema.get("properties", {}).get(key))


def item_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The resolved schema of the items of an array schema ({} when unknown)."""
    return resolve(schema.get("items"))


@cache
def _token_patterns() -> frozenset[str]:
    docs = schema_documents()
    defs = docs["common"]["$defs"]
    return frozenset({defs["id"]["pattern"], defs["tag"]["pattern"], docs["source"]["properties"]["language"]["pattern"]})


def is_token_field(schema: dict[str, Any]) -> bool:
    """Identifiers are fields holding an id, a tag, an enumerated value or a language tag."""
    options = schema.get("oneOf")
    if isinstance(options, list) and options and all(isinstance(o, dict) and "const" in o for o in options):
        return True
    return schema.get("pattern") in _token_patterns()


# --------------------------------------------------------------------------- scalars


@cache
def reads_back_as_itself(text: str) -> bool:
    """A plain scalar is safe when both the strict loader and YAML 1.1 read it as this string."""
    try:
        ours = load_text(f"k: {text}\n").data.get("k")
    except LoadFailed:
        return False
    try:
        theirs = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    return ours == text and theirs == text


def plain_token(value: str) -> bool:
    """An identifier is written plain when it is a slug that reads back as the same string."""
    return bool(ID_PATTERN.fullmatch(value)) and reads_back_as_itself(value)


def _escape(ch: str) -> str:
    """A YAML escape for one character: \\xXX, \\uXXXX or \\UXXXXXXXX."""
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def needs_escape(ch: str) -> bool:
    """Escaped in a double-quoted string: controls, invisible characters and YAML line breaks; not the
    ZWNJ a translation holds raw (a record cannot hold one at all: the loader refuses it before)."""
    return ch != ZWNJ and bool(FORBIDDEN_CHARACTERS.match(ch) or _NOT_YAML_PRINTABLE.match(ch))


def double_quoted(value: str) -> str:
    """A double-quoted YAML scalar on one line that reads back as exactly `value`."""
    out = []
    for ch in value:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif needs_escape(ch):
            out.append(_escape(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def literal_block(value: str, indent: int) -> list[str] | None:
    """A literal block scalar (header, then lines) for multi-line text, or None when it would not read back exactly."""
    if "\n" not in value or any(needs_escape(ch) for ch in value.replace("\n", "")):
        return None
    chomp = "-" if not value.endswith("\n") else ("+" if value.endswith("\n\n") else "")
    body = value[:-1] if value.endswith("\n") else value
    lines = body.split("\n")
    first = next((line for line in lines if line), "")
    if not first or first.startswith(" ") or any(line != line.rstrip() for line in lines):
        return None
    block = ["|" + chomp] + [(" " * indent + line) if line else "" for line in lines]
    probe = "k: " + "\n".join(block).replace("\n" + " " * indent, "\n  ") + "\n"
    try:
        ok = load_text(probe).data.get("k") == value
    except LoadFailed:
        ok = False
    return block if ok else None


# --------------------------------------------------------------------------- the tree


# --------------------------------------------------------------------------- comments


# --------------------------------------------------------------------------- emitting


def key_text(key: str) -> str:
    """Keys are plain when they look like field names, else double-quoted."""
    return key if _PLAIN_KEY.fullmatch(key) and reads_back_as_itself(key) else double_quoted(key)


def scalar_lines(node: Scalar, schema: dict[str, Any], indent: int) -> list[str]:
    """The scalar's text: its first line goes after `key: ` or `- `; a literal block adds lines."""
    value = node.value
    if value is None:
        return ["null"]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, (int, float)):
        return [node.raw]
    text = str(value)
    if is_token_field(schema) and plain_token(text):
        return [text]
    return literal_block(text, indent) or [double_quoted(text)]


def _eol(comments: list[str]) -> str:
    """End-of-line comments, two spaces after the value."""
    return COMMENT_GAP + COMMENT_GAP.join(comments) if comments else ""


def _comments(comments: list[str], indent: int) -> list[str]:
    """Comment lines at an indentation."""
    return [" " * indent + c for c in comments]


def ordered(coll: Collection, schema: dict[str, Any]) -> list[Slot]:
    """Mapping entries in schema `properties` order; unknown keys after, in their order."""
    order = list(schema.get("properties", {}))
    return sorted(coll.slots, key=lambda s: (0, order.index(s.key)) if s.key in order else (1, coll.slots.index(s)))


def emit_collection(coll: Collection, schema: dict[str, Any], indent: int, out: list[str], dash: bool = False) -> None:
    """Append the lines of a non-empty collection; with `dash`, its first line carries the parent's `- `."""
    slots = ordered(coll, schema) if coll.is_map else coll.slots
    for number, slot in enumerate(slots):
        child = property_schema(schema, slot.key) if slot.key is not None else item_schema(schema)
        first_dash = dash and number == 0
        out.extend(_comments(slot.leading, indent - INDENT if first_dash else indent))
        prefix = " " * (indent - INDENT) + "- " if first_dash else " " * indent
        head = prefix + (key_text(slot.key) + ":" if slot.key is not None else "-")
        emit_slot(slot, child, head, indent, out)
    out.extend(_comments(coll.trailing, indent))


def emit_slot(slot: Slot, schema: dict[str, Any], head: str, indent: int, out: list[str]) -> None:
    """Append one entry or item: `head value`, or `head` and the nested block below it."""
    node = slot.node
    if isinstance(node, Scalar):
        lines = scalar_lines(node, schema, indent + INDENT)
        out.append(f"{head} {lines[0]}{_eol(slot.eol)}")
        out.extend(lines[1:])
    elif not node.slots:
        out.append(f"{head} {'{}' if node.is_map else '[]'}{_eol(slot.eol)}")
        out.extend(_comments(node.trailing, indent + INDENT))
    elif slot.key is not None:
        out.append(head + _eol(slot.eol))
        emit_collection(node, schema, indent + INDENT, out)
    else:  # a list item holding a collection: it starts on the dash line
        out.extend(_comments(slot.eol, indent))
        nested: list[str] = []
        emit_collection(node, schema, indent + INDENT, nested, dash=True)
        out.extend(nested)


def same_values(a: object, b: object) -> bool:
    """Equal values of equal types (1, 1.0 and True differ); the order of mapping keys aside."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return set(a) == set(b) and all(same_values(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_values(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _canonical_lines(text: str, schema: dict[str, Any], allow: str = "") -> tuple[dict[str, Any], list[str]]:
    """The loaded data and the canonical lines of a YAML mapping (without the modeline), comments kept."""
    doc = load_text(text, allow)
    builder = TreeBuilder(text, doc.data)
    root = builder.build()
    comments = [c for c in find_comments(text) if not (c.own_line and MODELINE_RE.match(c.text))]
    attach_comments(root, builder.slots, comments)
    out: list[str] = []
    if root.slots:
        emit_collection(root, schema, 0, out)
    else:
        out.append("{}")
        out.extend(root.trailing)
    return doc.data, out


def _inline_local_refs(node: object, doc: str) -> object:
    """A schema with its references inside its own file ("#/$defs/question") written out, so that the
    emitter, which resolves references to common.schema.json, can read a document schema too."""
    if isinstance(node, list):
        return [_inline_local_refs(item, doc) for item in node]
    if not isinstance(node, dict):
        return node
    own = {key: _inline_local_refs(value, doc) for key, value in node.items() if key != "$ref"}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#"):
        return {**_inline_local_refs(deref(ref, doc)[0], doc), **own}  # type: ignore[dict-item]
    return {**own, "$ref": ref} if ref is not None else own


def snippet_lines(data: dict[str, Any], schema_name: str) -> list[str]:
    """A mapping written from values in the canonical style, as `make fmt` writes it: the YAML a
    message asks a contributor to paste (keys in schema order, block lists, quoting by field type)."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=2**31 - 1)
    return _canonical_lines(text, _schema_with_refs_inlined(schema_name))[1]


@per_run  # forgotten at each validation, like the schemas it is read from (`make serve` sees an edited schema)
def _schema_with_refs_inlined(name: str) -> dict[str, Any]:
    inlined = _inline_local_refs(schema_documents()[name], name)
    assert isinstance(inlined, dict)
    return inlined


def format_text(text: str, kind: str) -> str:
    """The canonical text of a record of `kind` (raises LoadFailed for a file the loader rejects)."""
    data, body = _canonical_lines(text, kind_schema(kind))
    result = "\n".join([MODELINE.format(kind=schema_stem(kind)), *body]) + "\n"
    try:
        again = load_text(result).data
    except LoadFailed as failure:
        raise FormatError(1, 1, f"internal error: the canonical form does not load ({failure}); file left unchanged") from None
    if not same_values(data, again):
        raise FormatError(1, 1, "internal error: the canonical form would change a value; file left unchanged")
    return result


def format_with_schema(text: str, schema: dict[str, Any], modeline: str, allow: str = "") -> str:
    """The canonical text of a file checked by `schema` (its references written out), such as a
    translation: keys in the schema's order, quoting by field type, comments kept. ``allow``: the
    characters the file may hold that records may not (a translation's ZWNJ)."""
    data, body = _canonical_lines(text, schema, allow)
    result = "\n".join([modeline, *body]) + "\n"
    try:
        again = load_text(result, allow).data
    except LoadFailed as failure:
        raise FormatError(1, 1, f"internal error: the canonical form does not load ({failure}); file left unchanged") from None
    if not same_values(data, again):
        raise FormatError(1, 1, "internal error: the canonical form would change a value; file left unchanged")
    return result


# --------------------------------------------------------------------------- files
