"""Scaffold a record: `python scripts/new_record.py [--data DIR] KIND ID` (or `make new KIND=claim ID=some-id`).

Writes data/<kinds>/<ID>.yaml: the editor modeline, every required field with
an empty placeholder ("" or a one-item list of ""), and every optional field
commented out, each with a comment taken from the schema's description. The
skeleton fails `make validate` until every placeholder is filled in, and is
already in canonical format (`make check` reports only the placeholders).
KIND is event, claim, actor or source (singular or plural). The ID must be a
valid id that no record of any kind uses yet.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from pathlib import Path
from typing import NoReturn

from tracker.check.docs_text import field_reference
from tracker.cli import exit_with
from tracker.core import kinds
from tracker.load.dataset import ID_PATTERN, display_path
from tracker.load.schema_files import resolve, schema_documents
from tracker.load.yaml_emit import MODELINE, item_schema, kind_schema

COMMENT_WIDTH = 100
USAGE = f"usage: make new KIND={'|'.join(k.singular for k in kinds.ALL)} ID=some-id"


class Refused(Exception):
    """The record cannot be created; the message says why."""


def plural_kind(kind: str) -> str:
    """'claim' and 'claims' both name data/claims/."""
    kind = kind.strip().lower()
    for known in kinds.ALL:
        if kind in (known.folder, known.singular):
            return known.folder
    raise Refused(f"unknown kind {kind!r}: use one of {', '.join(k.singular for k in kinds.ALL)}")


def check_id(record_id: str) -> None:
    """An id is a lowercase slug (the same rule as the schema's) no longer than the schema allows."""
    limit = schema_documents()["common"]["$defs"]["id"]["maxLength"]
    if not ID_PATTERN.fullmatch(record_id):
        raise Refused(f"{record_id!r} is not a valid id: use lowercase letters a-z, digits 0-9 and single hyphens between them, such as 'iran-protests'")
    if len(record_id) > limit:
        raise Refused(f"{record_id!r} is too long: an id has at most {limit} characters")


def existing_record(data: Path, record_id: str) -> Path | None:
    """The file already using this id, in any kind: ids are unique across kinds."""
    for kind in kinds.FOLDERS:
        path = data / kind / f"{record_id}.yaml"
        if path.exists() or path.is_symlink():
            return path
    return None


def _notes(kind: str) -> dict[str, tuple[bool, str, str]]:
    return {name: (required, type_, description) for name, required, type_, _title, description in field_reference(kinds.get(kind).schema)}


def _comment(text: str, indent: int, inner: int = 0) -> list[str]:
    """Comment lines at `indent`, wrapped; `inner` indents the text within the comment."""
    prefix = " " * indent + "# "
    wrapped = textwrap.wrap(
        text, COMMENT_WIDTH - len(prefix), initial_indent=" " * inner, subsequent_indent=" " * (inner + 2), break_on_hyphens=False, break_long_words=False
    )
    return [prefix + line for line in wrapped]


def _explain(name: str, note: tuple[bool, str, str], indent: int, inner: int = 0) -> list[str]:
    """One field's comment: name, required or optional, type, and the schema's description."""
    required, type_, description = note
    description = description.removeprefix("Optional: ").removeprefix("Optional:").strip()
    description = description[:1].upper() + description[1:]
    return _comment(f"{name} ({'required' if required else 'optional'}, {type_}): {description}", indent, inner)


def placeholder(schema: dict) -> str:
    """What stands for a value until it is filled in: 0 for numbers, "" for everything else."""
    return "0" if schema.get("type") in ("number", "integer") else '""'


def _value_lines(name: str, prop: dict, everything: bool) -> list[str]:
    """`name: placeholder`, or `name:` and the nested placeholders (required ones; all of them with `everything`)."""
    if prop.get("type") == "object":
        return [f"{name}:"] + ["  " + line for line in _object_lines(prop, everything)]
    if prop.get("type") == "array":
        items = item_schema(prop)
        if items.get("type") == "object":
            body = _object_lines(items, everything)
            return [f"{name}:", "  - " + body[0]] + ["    " + line for line in body[1:]]
        return [f"{name}:", f"  - {placeholder(items)}"]
    return [f"{name}: {placeholder(prop)}"]


def _object_lines(schema: dict, everything: bool) -> list[str]:
    """The placeholder lines of an object's fields (required ones; all of them with `everything`)."""
    required = set(schema.get("required", []))
    lines: list[str] = []
    for name, raw in schema.get("properties", {}).items():
        if everything or name in required:
            lines.extend(_value_lines(name, resolve(raw), everything))
    return lines


def _nested_notes(prefix: str, notes: dict, indent: int, inner: int = 0) -> list[str]:
    """Comments for the fields directly under `prefix` (such as `citations[].`)."""
    lines: list[str] = []
    for name, note in notes.items():
        rest = name.removeprefix(prefix)
        if name.startswith(prefix) and "." not in rest and "[]" not in rest:
            lines.extend(_explain(rest, note, indent, inner))
    return lines


def _commented(lines: list[str], indent: int) -> list[str]:
    """Lines turned into comments that become YAML again when `# ` is removed."""
    return [" " * indent + "# " + line for line in lines]


def field_block(name: str, prop: dict, required: bool, notes: dict, prefix: str, indent: int) -> list[str]:
    """One field of the skeleton: its comment, then its placeholder (commented out when optional)."""
    full = prefix + name
    lines = _explain(name, notes[full], indent)
    is_list_of_objects = prop.get("type") == "array" and item_schema(prop).get("type") == "object"
    if not required:
        sub = f"{full}[]." if is_list_of_objects else f"{full}."
        lines.extend(_nested_notes(sub, notes, indent, inner=2))
        return lines + _commented(_value_lines(name, prop, everything=True), indent)
    if prop.get("type") == "object":
        lines.append(" " * indent + f"{name}:")
        return lines + object_block(prop, notes, f"{full}.", indent + 2)
    if is_list_of_objects:
        items = item_schema(prop)
        item_required = set(items.get("required", []))
        lines.append(" " * indent + f"{name}:")
        lines.extend(_nested_notes(f"{full}[].", {k: v for k, v in notes.items() if k.removeprefix(f"{full}[].") in item_required}, indent + 2))
        body = _object_lines(items, everything=False)
        lines.append(" " * (indent + 2) + "- " + body[0])
        lines.extend(" " * (indent + 4) + line for line in body[1:])
        for opt_name, opt_raw in items.get("properties", {}).items():
            if opt_name not in item_required:
                lines.extend(_explain(opt_name, notes[f"{full}[].{opt_name}"], indent + 4))
                lines.extend(_commented(_value_lines(opt_name, resolve(opt_raw), everything=True), indent + 4))
        return lines
    return lines + [" " * indent + line for line in _value_lines(name, prop, everything=False)]


def object_block(schema: dict, notes: dict, prefix: str, indent: int) -> list[str]:
    """Every field of an object schema, in schema order."""
    required = set(schema.get("required", []))
    lines: list[str] = []
    for name, raw in schema.get("properties", {}).items():
        lines.extend(field_block(name, resolve(raw), name in required, notes, prefix, indent))
    return lines


def skeleton(kind: str) -> str:
    """The text of a new record of `kind`: canonical, commented, and failing validation until filled in."""
    kind = plural_kind(kind)
    schema = kind_schema(kind)
    singular = kinds.get(kind).singular
    header = [
        MODELINE.format(kind=singular),
        *_comment(f"A new {singular}. {schema['description']}", 0),
        *_comment(
            'Replace every "" (make validate fails until each is filled in) and uncomment the optional fields you need. '
            "CONTRIBUTING.md explains each step. These comments may stay or go.",
            0,
        ),
    ]
    return "\n".join(header + object_block(schema, _notes(kind), "", 0)) + "\n"


def create(data: Path, kind: str, record_id: str) -> Path:
    """Write the skeleton of a new record; refuse an unknown kind, a bad id or one already in use."""
    kind = plural_kind(kind)
    check_id(record_id)
    if not data.is_dir():
        raise Refused(f"data directory {display_path(data)} not found (run from the repository root, or pass DATA=dir)")
    clash = existing_record(data, record_id)
    if clash is not None:
        raise Refused(f"id {record_id!r} is already used by {display_path(clash)}: ids are unique across {kinds.folders_in_words('and')}")
    target = data / kind / f"{record_id}.yaml"
    target.parent.mkdir(exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as out:
        out.write(skeleton(kind))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], usage=USAGE.removeprefix("usage: "))
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("DATA", "data")), help="data directory (default: data)")
    parser.add_argument("kind", nargs="?", default="", help=" or ".join(", ".join(k.singular for k in kinds.ALL).rsplit(", ", 1)))
    parser.add_argument("id", nargs="?", default="", help="the new record's id, which is also its file name")
    args = parser.parse_args(argv)
    if not args.kind or not args.id:
        print(f"error: give a kind and an id\n{USAGE}", file=sys.stderr)
        return 2
    try:
        path = create(args.data, args.kind, args.id)
    except Refused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 1
    print(f"created {display_path(path)}")
    print('next: replace every "" in it (the comments explain each field), then run `make validate`')
    return 0


def console() -> NoReturn:
    """The `tracker-new` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
