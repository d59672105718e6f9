"""JSON Schema checking of loaded records.

The schemas in schema/ are the contract, read by editors, by the docs and by
this checker. Records are checked with jsonschema-rs rather than the
pure-Python jsonschema package: it implements draft 2020-12 with ECMA-262
regular expressions (so ``$`` does not match before a trailing newline, as it
does with Python's ``re``), runs offline, and is fast enough to check 10,000
records in well under a second. The tests check the schemas against the
2020-12 metaschema with the jsonschema package.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema_rs

from . import dates, kinds
from .dataset import Hint, Snippet
from .filecache import per_run

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
# The files beside the kind folders (dataset.DOCUMENT_FILES), checked like records.
DOCUMENT_SCHEMA_FILE = {"story": "story", "vocabulary": "vocabulary"}


def schema_name(kind: str) -> str:
    """The schema file (without .schema.json) of a record kind or of a document beside the kinds."""
    return DOCUMENT_SCHEMA_FILE[kind] if kind in DOCUMENT_SCHEMA_FILE else kinds.get(kind).schema


def is_http_url(value: object) -> bool:
    """Only absolute http(s) URLs with a host: no javascript:, data:, protocol-relative or host-less ones."""
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        return False
    host = parts.hostname or ""
    return (
        parts.scheme in ("http", "https")
        and value.startswith(f"{parts.scheme}://")
        and port_ok
        and bool(host)
        and all(label and (label.isascii() and (label.replace("-", "").isalnum())) for label in host.split("."))
        and not parts.username
        and not parts.password
    )


FORMATS = {"edtf": dates.is_valid, "http-url": is_http_url}


@per_run
def schema_documents() -> dict[str, dict]:
    """Every schema in schema/, by file stem."""
    return {p.name.removesuffix(".schema.json"): json.loads(p.read_text("utf-8")) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}


@per_run
def validator(kind: str):
    docs = schema_documents()
    registry = jsonschema_rs.Registry([(doc["$id"], doc) for doc in docs.values()])
    return jsonschema_rs.Draft202012Validator(
        docs[schema_name(kind)],
        registry=registry,
        formats=FORMATS,
        validate_formats=True,
        ignore_unknown_formats=False,
        offline=True,
    )


def deref(ref: str, doc: str = "common") -> tuple[object, str]:
    """The node a `$ref` written in schema/<doc>.schema.json points to, and the file it is in.

    The one resolver of the project (validation messages, the formatter, the docs): our
    schemas refer to each other by file name ("common.schema.json#/$defs/id") or inside
    one file ("#/$defs/text"), and all sit in schema/.
    """
    file_part, _, pointer = ref.partition("#")
    name = file_part.removesuffix(".schema.json") if file_part else doc
    node: object = schema_documents().get(name)
    for piece in [p for p in pointer.split("/") if p]:
        node = node[piece] if isinstance(node, dict) else None
    return node, name


def resolve(node: object, doc: str = "common") -> dict:
    """A subschema with its `$ref` chain merged in (the referring node's own words win); {} for a non-object."""
    if not isinstance(node, dict):
        return {}
    if "$ref" not in node:
        return node
    target, name = deref(node["$ref"], doc)
    merged = dict(resolve(target, name))
    merged.update({k: v for k, v in node.items() if k != "$ref"})
    return merged


def _resolve(schema_path: list, root: dict, doc: str) -> dict | list | None:
    """Follow a schema path (through $refs between our own files) to the subschema it names."""
    node: object = root
    for part in schema_path:
        while isinstance(node, dict) and "$ref" in node and part not in node:
            node, doc = deref(node["$ref"], doc)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node if isinstance(node, dict | list) else None


DAY_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # common.schema.json#/$defs/day


def did_you_mean(word: object, choices) -> str:
    """'; did you mean 'x'?' for the closest choice, or '' when none is close (difflib: a dozen
    short names need no fuzzy-matching library)."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return f"; did you mean {close[0]!r}?" if close else ""


def _follow(node: object, doc: str) -> tuple[object, str]:
    """Follow a chain of $refs (with the one resolver, deref) to a node without one."""
    while isinstance(node, dict) and "$ref" in node:
        node, doc = deref(node["$ref"], doc)
    return node, doc


def _walk(kind: str, path: tuple) -> tuple[dict, str]:
    """The schema of the value at an instance path (list indices step into ``items``), and
    its description: the property's own, written beside its $ref, before the shared one."""
    node, base = _follow(schema_documents()[schema_name(kind)], schema_name(kind))
    description = ""
    for part in path:
        if not isinstance(node, dict):
            return {}, ""
        extra = node.get("additionalProperties")  # a map of names (vocabulary.yaml): every value has that schema
        raw = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part, extra if isinstance(extra, dict) else None)
        if not isinstance(part, int):  # an item is described by its list
            description = raw.get("description", "") if isinstance(raw, dict) else ""
        node, base = _follow(raw, base)
        if not description and isinstance(node, dict):
            description = node.get("description", "")
    return (node if isinstance(node, dict) else {}), description


def field_schema(kind: str, path: tuple) -> dict:
    return _walk(kind, path)[0]


def field_name(path: tuple) -> str:
    """A field as a contributor reads it: ``citations.excerpt``, without list indices."""
    return ".".join(str(part) for part in path if isinstance(part, str))


def _fill_in(kind: str, path: tuple) -> str:
    node, description = _walk(kind, path)
    description = description.removeprefix("Optional:").strip()
    options = node.get("oneOf", [])
    if options and all("const" in o for o in options):
        description += f" One of: {', '.join(o['const'] for o in options)}."
    return f"fill in {field_name(path)}: {description}" if description else f"fill in {field_name(path)}"


def _friendly(kind: str, error) -> str:
    name = type(error.kind).__name__
    instance = error.instance
    if name == "Type" and isinstance(instance, int | float) and field_schema(kind, tuple(error.instance_path)).get("format") == "edtf":
        return f'a date is written in quotes (unquoted, {instance} is a number): write "{instance}"'
    if name == "Format" and error.kind.format == "edtf":
        try:
            dates.parse(instance)
        except dates.DateError as exc:
            return f"invalid date: {exc}"
    if name == "Format" and error.kind.format == "http-url":
        return f"{instance!r} is not an absolute http:// or https:// URL with a host"
    if name == "OneOfNotValid":
        options = _resolve(list(error.schema_path), schema_documents()[schema_name(kind)], schema_name(kind))
        if isinstance(options, list) and all("const" in o for o in options):
            consts = [o["const"] for o in options]
            return f"{instance!r} is not one of: {', '.join(consts)}{did_you_mean(instance, consts)}"
    if name == "Pattern" and str(error.kind.pattern).startswith("^[a-z0-9]+(-[a-z0-9]+)*$"):
        return f"{instance!r} is not a valid id: use lowercase letters a-z, digits 0-9 and single hyphens"
    if name == "Pattern" and error.kind.pattern == DAY_PATTERN:
        return f'{instance!r} is not a day: write it as "YYYY-MM-DD", such as "2026-11-20"'
    if name == "Pattern" and error.kind.pattern == "^[^\\n\\r]+$":
        return "must be a single line of text (no line breaks)"
    if name == "Pattern" and error.kind.pattern == "\\?$":
        return "a question ends with a question mark"
    if name == "MinItems" and instance == []:
        return "must not be empty: at least one item is required"
    if name == "Required":
        return f"missing required field {error.kind.property!r}"
    if name == "Type" and not isinstance(instance, dict | list) and field_schema(kind, tuple(error.instance_path)).get("type") == "object":
        return _written_as_fields(kind, tuple(error.instance_path), instance)
    return error.message


_WHAT = {str: "a text", int: "a number", float: "a number", bool: "true or false", type(None): "empty"}


def _written_as_fields(kind: str, path: tuple, instance: object) -> str:
    """A value where a mapping of fields belongs ("Tehran" for a location): the fields, and the YAML to
    write when the value can only be the one required field (the location's name, a measure's name)."""
    node = field_schema(kind, path)
    fields = list(node.get("properties", {}))
    title = node.get("title", field_name(path) or "value").lower()
    message = (
        f"{instance!r} is {_WHAT.get(type(instance), 'a value')}, but {'an' if title[0] in 'aeiou' else 'a'} {title} is written as fields ({', '.join(fields)})"
    )
    required = node.get("required", [])
    one_line = isinstance(instance, str) and instance.strip() and "\n" not in instance
    if len(required) == 1 and one_line and all(isinstance(step, str) for step in path):
        return Hint(f"{message}; write:", Snippet(schema_name(kind), path, {required[0]: instance}, shown_from=len(path) - 1))
    return f"{message}: {', '.join(required) or 'see the field reference'}{' are' if len(required) > 1 else ' is'} required"


def _value_at(data: Any, path: tuple) -> object:  # Any: loaded JSON of any shape, a wrong step is caught
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def check(kind: str, data: dict) -> Iterator[tuple[tuple, str, bool]]:
    """Yield (path, message, points_at_key) for each schema violation.

    An unknown field close to a missing required one is reported once, at the
    unknown key, with the name it probably means; an empty placeholder left by
    the scaffolder gives one "fill in" message however many rules it breaks.
    """
    errors = list(validator(kind).iter_errors(data))
    missing: dict[tuple, list[str]] = {}
    for error in errors:
        if type(error.kind).__name__ == "Required":
            missing.setdefault(tuple(error.instance_path), []).append(error.kind.property)
    meant: set[tuple] = set()
    filled_in: set[tuple] = set()
    for error in errors:
        path = tuple(error.instance_path)
        name = type(error.kind).__name__
        if name == "AdditionalProperties":
            known = list(field_schema(kind, path).get("properties", {}))
            for key in error.kind.unexpected:
                hint = did_you_mean(key, missing.get(path, [])) or did_you_mean(key, known)
                meant.update((*path, m) for m in missing.get(path, []) if hint == f"; did you mean {m!r}?")
                yield (*path, key), f"unknown field {key!r}{hint}", True
            continue
        if name == "Required":
            continue
        if _value_at(data, path) == "":
            if path not in filled_in:
                filled_in.add(path)
                yield path, _fill_in(kind, path), False
            continue
        if type(error.kind).__name__ == "PropertyNames":  # a key of a map (vocabulary.yaml): point at the key
            key = error.kind.error.instance
            yield (*path, key), f"{key!r} is not a valid name: use lowercase letters a-z, digits 0-9 and single hyphens", True
            continue
        yield path, _friendly(kind, error), False
    for path, names in missing.items():
        for prop in names:
            if (*path, prop) not in meant:
                yield path, f"missing required field {prop!r}", False
