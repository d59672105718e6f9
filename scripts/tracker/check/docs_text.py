"""Words for the docs taken from the schemas and the code, so that the docs cannot drift.

The field reference (for the methodology page, the CSV data package, the scaffold and
CONTRIBUTING) and the date examples (the methodology page renders them with the same code
the pages use). The methodology page itself is in render/pages/site.py, its tables in its template.
"""

from __future__ import annotations

from typing import Any

from tracker.core import kinds
from tracker.load.schema_files import resolve, schema_documents

FIELD_ORDER_KINDS = tuple(k.singular for k in kinds.ALL)


def _type_words(prop: dict[str, Any]) -> str:
    if "oneOf" in prop:
        return "one of " + ", ".join(f"`{o['const']}`" for o in prop["oneOf"])
    if prop.get("format") == "edtf":
        return "day (YYYY-MM-DD)" if "pattern" in prop else "EDTF date"  # a day: corrections, withdrawals
    if prop.get("format") == "http-url":
        return "http(s) URL"
    kind = prop.get("type", "")
    if kind == "array":
        return "list"
    if kind == "object":
        return "mapping"
    return kind or "value"


def field_reference(kind: str) -> list[tuple[str, bool, str, str, str]]:
    """(field, required, type, title, description) for every field of a kind, nested ones as a.b."""
    docs = schema_documents()
    rows: list[tuple[str, bool, str, str, str]] = []

    def walk(schema: dict[str, Any], prefix: str) -> None:
        required = set(schema.get("required", []))
        for name, raw in schema.get("properties", {}).items():
            prop = resolve(raw)
            rows.append((prefix + name, name in required, _type_words(prop), prop.get("title", ""), prop.get("description", "")))
            items = resolve(prop["items"]) if prop.get("type") == "array" and isinstance(prop.get("items"), dict) else None
            if items and items.get("type") == "object":
                walk(items, f"{prefix}{name}[].")
            elif prop.get("type") == "object":
                walk(prop, f"{prefix}{name}.")

    walk(docs[kind], "")
    return rows


DATE_EXAMPLES = [
    "2025-01-20",
    "2025-06",
    "2026",
    "2025-06?",
    "2026~",
    "2025-06%",
    "202X",
    "2025-06-13/2025-06-24",
    "2025-06/2025-07",
    "2025-06?/2025-07?",
    "2025-01-20/..",
    "/2025-01",
]
