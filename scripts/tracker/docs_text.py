"""Words for the site taken from the schemas and the code, so that the docs cannot drift.

The assessment scale, the kinds of actor and source, the qualifiers, the field
reference and the list of checks are all read from schema/*.json and from the
rule docstrings; the date examples are rendered by the same code the pages use.
"""

from __future__ import annotations

from . import dates
from .filecache import per_run
from .html import esc
from .schemas import schema_documents

FIELD_ORDER_KINDS = ("event", "claim", "actor", "source")


def _options(schema: dict) -> list[dict]:
    return schema.get("oneOf", [])


@per_run
def _scales() -> dict[str, list[dict]]:
    docs = schema_documents()
    claim, actor, source = docs["claim"], docs["actor"], docs["source"]
    return {
        "status": _options(claim["properties"]["assessment"]["properties"]["status"]),
        "qualifier": _options(claim["properties"]["quantities"]["items"]["properties"]["qualifier"]),
        "link": _options(claim["properties"]["links"]["items"]["properties"]["type"]),
        "actor_kind": _options(actor["properties"]["kind"]),
        "source_kind": _options(source["properties"]["kind"]),
    }


def _lookup(scale: str, value: str, key: str) -> str:
    for option in _scales()[scale]:
        if option["const"] == value:
            return option[key]
    return value


def status_title(value: str) -> str:
    return _lookup("status", value, "title")


def status_definition(value: str) -> str:
    return _lookup("status", value, "description")


def actor_kind_title(value: str) -> str:
    return _lookup("actor_kind", value, "title")


def source_kind_title(value: str) -> str:
    return _lookup("source_kind", value, "title")


def actor_kinds() -> list[str]:
    return [o["const"] for o in _scales()["actor_kind"]]


def source_kinds() -> list[str]:
    return [o["const"] for o in _scales()["source_kind"]]


def scale_table(scale: str, *, badge: bool = False) -> str:
    rows = []
    for option in _scales()[scale]:
        value = esc(option["const"])
        label = f'<span class="status status-{value}">{value}</span>' if badge else f"<code>{value}</code>"
        rows.append(f"<tr><td>{label}</td><td>{esc(option['title'])}</td><td>{esc(option['description'])}</td></tr>")
    return (
        f'<table><thead><tr><th scope="col">Value</th><th scope="col">Name</th><th scope="col">Meaning</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _resolve(node: dict, docs: dict) -> dict:
    """Merge a property with the definition its $ref points to (its own words win)."""
    if "$ref" not in node:
        return node
    file_part, _, pointer = node["$ref"].partition("#")
    target = docs[file_part.removesuffix(".schema.json")] if file_part else docs["common"]
    for piece in [p for p in pointer.split("/") if p]:
        target = target[piece]
    merged = dict(_resolve(target, docs))
    merged.update({k: v for k, v in node.items() if k != "$ref"})
    return merged


def _type_words(prop: dict) -> str:
    if "oneOf" in prop:
        return "one of " + ", ".join(f"`{o['const']}`" for o in prop["oneOf"])
    if prop.get("format") == "edtf":
        return "EDTF date"
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

    def walk(schema: dict, prefix: str) -> None:
        required = set(schema.get("required", []))
        for name, raw in schema.get("properties", {}).items():
            prop = _resolve(raw, docs)
            rows.append((prefix + name, name in required, _type_words(prop), prop.get("title", ""), prop.get("description", "")))
            items = _resolve(prop["items"], docs) if prop.get("type") == "array" and isinstance(prop.get("items"), dict) else None
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
            f"<tr><td><code>{esc(text)}</code></td><td>{esc(dates.humanize(parsed))}</td>"
            f"<td>{esc(lo or 'open or unknown')}</td><td>{esc(hi or 'open or unknown')}</td><td>{'yes' if parsed.is_fuzzy else 'no'}</td></tr>"
        )
    return (
        '<div class="date-table"><table><thead><tr><th scope="col">Written</th><th scope="col">Shown as</th><th scope="col">Earliest day</th>'
        '<th scope="col">Latest day</th><th scope="col">Marked not exact</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def methodology_page():
    from .render import Page, html_block, md_heading  # local: render imports this module
    from .rules import rule_docs

    docs = schema_documents()
    edtf_description = docs["common"]["$defs"]["edtf"]["description"]
    reported_via = docs["source"]["properties"]["reported_via"]["description"]
    citation = docs["common"]["$defs"]["citation"]["properties"]["excerpt"]["description"]
    rules_list = "".join(f"<li>{esc(doc)}</li>" for _, doc in rule_docs())
    md = "".join(
        [
            html_block(
                '<h1 id="title">Methodology</h1>',
                "<p>How the tracker records events and claims, how sure it is of each claim, and what every record is checked for before it is published. "
                "Everything on this page is generated from the schemas and the checking code, so it always describes what the build really does.</p>",
            ),
            md_heading(2, "Events, claims, actors and sources {#records}"),
            html_block(
                f"<p><strong>Events</strong>: {esc(docs['event']['description'])}</p><p><strong>Claims</strong>: {esc(docs['claim']['description'])}</p>"
                f"<p><strong>Actors</strong>: {esc(docs['actor']['description'])}</p><p><strong>Sources</strong>: {esc(docs['source']['description'])}</p>"
            ),
            md_heading(2, "Assessment scale {#assessment-scale}"),
            html_block("<p>Every claim carries one of these statuses and a written rationale.</p>", scale_table("status", badge=True)),
            md_heading(2, "Citations and verbatim excerpts {#citations}"),
            html_block(f"<p>{esc(docs['common']['$defs']['citation']['description'])} {esc(citation)}</p>"),
            md_heading(2, "Reported via {#reported-via}"),
            html_block(
                f"<p>{esc(reported_via)}</p><p>A claim by an anonymous source is shown with its whole chain: the source as the article describes it, "
                "the document it spoke to (such as a Daily Mail report), and the archived article in which we read it.</p>"
            ),
            md_heading(2, "Dates {#dates}"),
            html_block(
                f"<p>{esc(edtf_description)}</p>",
                "<p><strong>Order on the timeline.</strong> Every date denotes a span of days from its earliest to its latest possible day "
                "(June 2025 is 1–30 June 2025; an open start is the beginning of time, an open end the end of time). Entries are ordered by earliest "
                "possible day, then by latest possible day (so the less precise of two entries starting on the same day comes later), then events before "
                "claims, then by id. An entry is listed under the year and month of its earliest possible day, or under “month not known” when its "
                "date is only a year; it is marked <em>not exact</em> when its date is uncertain, approximate, open or has unspecified digits.</p>",
                date_examples_html(),
            ),
            md_heading(2, "Figures {#figures}"),
            html_block(
                "<p>Numeric claims carry structured figures (value, qualifier, unit, and what is counted); figures sharing a measure are compared in one table on each claim page and on the disputes page.</p>",
                scale_table("qualifier"),
            ),
            md_heading(2, "Links between claims {#links}"),
            html_block(scale_table("link")),
            md_heading(2, "Kinds of actor and source {#kinds}"),
            html_block(scale_table("actor_kind"), scale_table("source_kind")),
            md_heading(2, "What every record is checked for {#checks}"),
            html_block(
                "<p>The build refuses to publish when any check fails. Besides the JSON Schemas (in <code>schema/</code>), these rules hold across records:</p>",
                f"<ul>{rules_list}</ul>",
            ),
            md_heading(2, "Field reference {#fields}"),
            *(html_block(f'<h3 id="fields-{k}">{k.capitalize()}</h3>', field_table_html(k)) for k in FIELD_ORDER_KINDS),
        ]
    )
    return Page("methodology.md", "Methodology", "The assessment scale, the date notation, sources and the checks every record passes.", md)
