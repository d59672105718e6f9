"""Words for the docs taken from the schemas and the code, so that the docs cannot drift.

The scale tables (from ``vocab``), the field reference (for the methodology page, the
CSV data package, the scaffold and CONTRIBUTING) and the date examples (rendered by the
same code the pages use). The methodology page itself is in pages.site.
"""

from __future__ import annotations

from typing import Any

from tracker.check import vocab
from tracker.core import date_words, dates, kinds
from tracker.core.html import esc
from tracker.load.schema_files import resolve, schema_documents

FIELD_ORDER_KINDS = tuple(k.singular for k in kinds.ALL)


def scale_table(scale: str, *, badge: bool = False) -> str:
    rows = []
    for option in vocab.scales()[scale]:
        value = esc(option["const"])
        label = f'<span class="status status-{value}">{value}</span>' if badge else f"<code>{value}</code>"
        rows.append(f"<tr><td>{label}</td><td>{esc(option['title'])}</td><td>{esc(option['description'])}</td></tr>")
    return (
        f'<table><thead><tr><th scope="col">Value</th><th scope="col">Name</th><th scope="col">Meaning</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


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


def field_table_html(kind: str) -> str:
    rows = "".join(
        f"<tr><td><code>{esc(name)}</code></td><td>{'required' if req else 'optional'}</td><td>{esc(type_)}</td><td><strong>{esc(title)}</strong> {esc(desc)}</td></tr>"
        for name, req, type_, title, desc in field_reference(kind)
    )
    return (
        '<div class="field-table"><table><thead><tr><th scope="col">Field</th><th scope="col"></th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


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


def date_examples_html() -> str:
    rows = []
    for text in DATE_EXAMPLES:
        parsed = dates.parse(text)
        lo, hi = dates.iso_bounds(parsed)
        rows.append(
            f"<tr><td><code>{esc(text)}</code></td><td>{esc(date_words.plain(parsed))}</td>"
            f"<td>{esc(lo or 'open or unknown')}</td><td>{esc(hi or 'open or unknown')}</td></tr>"
        )
    return (
        '<div class="date-table"><table><thead><tr><th scope="col">Written</th><th scope="col">Shown as</th><th scope="col">Earliest day</th>'
        '<th scope="col">Latest day</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
