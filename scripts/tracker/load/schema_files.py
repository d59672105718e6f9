"""The schema files in schema/ as documents, and the one `$ref` resolver of the project.

Loading, not checking: the canonical YAML writer orders keys by these documents, the docs
describe fields from them, and tracker.check.schemas checks records against them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tracker.core import kinds
from tracker.core.filecache import per_run

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schema"


# The files beside the kind folders (dataset.DOCUMENT_FILES), checked like records.
DOCUMENT_SCHEMA_FILE = {"story": "story", "vocabulary": "vocabulary"}


def schema_name(kind: str) -> str:
    """The schema file (without .schema.json) of a record kind or of a document beside the kinds."""
    return DOCUMENT_SCHEMA_FILE[kind] if kind in DOCUMENT_SCHEMA_FILE else kinds.get(kind).schema


@per_run
def schema_documents() -> dict[str, dict[str, Any]]:
    """Every schema in schema/, by file stem."""
    return {p.name.removesuffix(".schema.json"): json.loads(p.read_text("utf-8")) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}


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


def resolve(node: object, doc: str = "common") -> dict[str, Any]:
    """A subschema with its `$ref` chain merged in (the referring node's own words win); {} for a non-object."""
    if not isinstance(node, dict):
        return {}
    if "$ref" not in node:
        return node
    target, name = deref(node["$ref"], doc)
    merged = dict(resolve(target, name))
    merged.update({k: v for k, v in node.items() if k != "$ref"})
    return merged


def resolve_path(schema_path: list[Any], root: dict[str, Any], doc: str) -> dict[str, Any] | list[Any] | None:
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


def follow(node: object, doc: str) -> tuple[object, str]:
    """Follow a chain of $refs (with the one resolver, deref) to a node without one."""
    while isinstance(node, dict) and "$ref" in node:
        node, doc = deref(node["$ref"], doc)
    return node, doc


def walk(kind: str, path: tuple[Any, ...]) -> tuple[dict[str, Any], str]:
    """The schema of the value at an instance path (list indices step into ``items``), and
    its description: the property's own, written beside its $ref, before the shared one."""
    node, base = follow(schema_documents()[schema_name(kind)], schema_name(kind))
    description = ""
    for part in path:
        if not isinstance(node, dict):
            return {}, ""
        extra = node.get("additionalProperties")  # a map of names (vocabulary.yaml): every value has that schema
        raw = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part, extra if isinstance(extra, dict) else None)
        if not isinstance(part, int):  # an item is described by its list
            description = raw.get("description", "") if isinstance(raw, dict) else ""
        node, base = follow(raw, base)
        if not description and isinstance(node, dict):
            description = node.get("description", "")
    return (node if isinstance(node, dict) else {}), description


def field_schema(kind: str, path: tuple[Any, ...]) -> dict[str, Any]:
    return walk(kind, path)[0]


def field_name(path: tuple[Any, ...]) -> str:
    """A field as a contributor reads it: ``citations.excerpt``, without list indices."""
    return ".".join(str(part) for part in path if isinstance(part, str))
