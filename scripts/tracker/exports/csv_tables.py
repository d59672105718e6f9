"""The CSV tables' definitions: columns with their Frictionless types and descriptions, the rows of each table, and the cell conventions.

Written by csv_files, whose docstring states the conventions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tracker.check import docs_text
from tracker.core import kinds
from tracker.core.dates import EdtfDate, humanize
from tracker.exports.common import timeline_date
from tracker.load.schema_files import schema_documents
from tracker.model import chronology
from tracker.model.paths import CSV_ROOT, absolute, actor_feed_path, record_api_path, record_page_path
from tracker.model.records import Model, Record, Source
from tracker.model.words import number_for_data

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
LIST_SEPARATOR = " "
ID_LIST_PATTERN = r"^([a-z0-9]+(-[a-z0-9]+)*( [a-z0-9]+(-[a-z0-9]+)*)*)?$"
DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}

CONVENTIONS = (
    "RFC 4180 CSV in UTF-8 without BOM, with a header row and CRLF line ends. "
    f"One row per record in {kinds.folders_in_words('and')}; "
    "repeated parts (citations and reported_via entries, quantities, claim links, actor roles and aliases) are in their own tables, "
    "keyed by the record's id and a 1-based position. Lists of ids or tags are joined with a single space. An empty cell is a missing value. "
    "A cell whose text begins with =, +, -, @, a tab, a carriage return or an apostrophe is written with an apostrophe before it "
    "so that spreadsheets do not run it as a formula (a known way to attack spreadsheet users); remove one leading apostrophe to get the original text."
)


def cell(value: object) -> str:
    """One value as CSV cell text: None empty, booleans true/false, numbers plain, text guarded against formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_for_data(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def uncell(text: str) -> str:
    """The original text of a cell written by ``cell`` (the documented way back)."""
    return text[1:] if text.startswith("'") else text


def joined(ids: list[str]) -> str:
    return LIST_SEPARATOR.join(ids)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # Frictionless field type: string, integer, number, boolean, date
    description: str
    constraints: dict = field(default_factory=dict)
    format: str | None = None

    def descriptor(self) -> dict:
        out: dict = {"name": self.name, "type": self.type, "description": self.description}
        if self.format:
            out["format"] = self.format
        if self.constraints:
            out["constraints"] = dict(self.constraints)
        return out


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[Model, str], Iterator[list[object]]]
    primary_key: list[str]
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # (column, resource, column)

    @property
    def path(self) -> str:
        return f"{CSV_ROOT}/{self.name}.csv"


def _field_words(kind: str) -> dict[str, str]:
    """Descriptions of the data fields of a kind (from its schema), by dotted field name."""
    return {name: (f"{title}: {desc}" if title and desc else title or desc) for name, _req, _t, title, desc in docs_text.field_reference(kind)}


def _enum(kind: str, *path: str) -> list[str]:
    """The allowed values of a field, read from the data schema (properties, array items followed)."""
    node = schema_documents()[kind]
    for name in path:
        node = node["properties"][name]
        node = node.get("items", node)
    return [option["const"] for option in node["oneOf"]]


def _id(kind: str) -> Column:
    return Column("id", "string", f"The {kinds.get(kind).singular}'s id: its file name in data/{kind}/ without .yaml.", {"required": True, "unique": True})


def _text(name: str, words: str, *, required: bool = False) -> Column:
    return Column(name, "string", words, {"required": True} if required else {})


def _ids(name: str, words: str) -> Column:
    return Column(name, "string", f"{words} (ids joined with a single space)", {"pattern": ID_LIST_PATTERN})


def _urls() -> list[Column]:
    return [
        Column("page_url", "string", "The record's page on the site.", {"required": True}, "uri"),
        Column("api_url", "string", "The record's JSON document in the API.", {"required": True}, "uri"),
    ]


def _date_columns(prefix: str, words: str) -> list[Column]:
    return [
        Column(prefix, "string", f"{words}, as EDTF text exactly as in the data."),
        Column(f"{prefix}_text", "string", f"{words}, in words at its true precision."),
        Column(f"{prefix}_earliest", "date", f"{words}: the earliest day it may denote (empty when the start is open or unknown)."),
        Column(f"{prefix}_latest", "date", f"{words}: the latest day it may denote (empty when the end is open or unknown)."),
        Column(f"{prefix}_start_precision", "string", f"{words}: precision of the start.", {"enum": ["day", "month", "year", "decade", "century"]}),
        Column(f"{prefix}_end_precision", "string", f"{words}: precision of the end.", {"enum": ["day", "month", "year", "decade", "century"]}),
        Column(f"{prefix}_is_interval", "boolean", f"{words}: true for an interval."),
        Column(f"{prefix}_is_fuzzy", "boolean", f"{words}: true when uncertain, approximate, with unspecified digits or an unknown end."),
    ]


def _date_values(value: EdtfDate | None) -> list[object]:
    if value is None:
        return [None] * 8
    return [
        value.text,
        humanize(value),
        value.start.earliest.isoformat() if value.start else None,
        value.end.latest.isoformat() if value.end else None,
        value.start.precision if value.start else None,
        value.end.precision if value.end else None,
        value.is_interval,
        value.is_fuzzy,
    ]


def _urls_of(site_url: str, record: Record) -> list[str]:
    return [absolute(site_url, record_page_path(record.kind, record.id)), absolute(site_url, record_api_path(record.kind, record.id))]


# ---------------------------------------------------------------- tables


def _order_column(noun: str, tail: str = "") -> Column:
    return Column(
        "timeline_order",
        "integer",
        f"The {noun}'s place, from 1, in the one order of the timeline (events and dated claims together): by date, then the order "
        f"relations of events, then the order in which the sources report them{tail}.",
        {"minimum": 1},
    )


def _event_rows(model: Model, site_url: str) -> Iterator[list[object]]:
    ranks = chronology.ranks(model)
    for e in model.events.values():
        loc = e.location or {}
        yield [
            e.id, e.title, *_date_values(e.date), e.date_note, ranks.get(("event", e.id)), loc.get("name"), loc.get("country"), loc.get("detail"),
            joined(e.actors), e.summary, joined(e.tags), e.part_of, e.notes, *_urls_of(site_url, e),
        ]  # fmt: skip


def _event_columns() -> list[Column]:
    w = _field_words("event")
    return [
        _id("events"),
        _text("title", w["title"], required=True),
        *_date_columns("date", "Date"),
        _text("date_note", w["date_note"]),
        _order_column("event"),
        _text("location_name", w["location.name"]),
        _text("location_country", w["location.country"]),
        _text("location_detail", w["location.detail"]),
        _ids("actors", w["actors"]),
        _text("summary", w["summary"], required=True),
        _ids("tags", w["tags"]),
        Column("part_of", "string", w["part_of"]),
        _text("notes", w["notes"]),
        *_urls(),
    ]


def _claim_rows(model: Model, site_url: str) -> Iterator[list[object]]:
    ranks = chronology.ranks(model)
    for c in model.claims.values():
        when, basis = timeline_date(model, c)
        yield [
            c.id, c.statement, c.quote, joined(c.claimants), c.made_in, *_date_values(c.date), c.date_note,
            *_date_values(when), basis, ranks.get(("claim", c.id)), joined(c.about), c.status, c.rationale, joined(c.tags), c.notes, *_urls_of(site_url, c),
        ]  # fmt: skip


def _claim_columns() -> list[Column]:
    w = _field_words("claim")
    return [
        _id("claims"),
        _text("statement", w["statement"], required=True),
        _text("quote", w["quote"]),
        _ids("claimants", w["claimants"]),
        Column("made_in", "string", w["made_in"], {"required": True}),
        *_date_columns("date", "Date made (the claim's own date; often empty)"),
        _text("date_note", w["date_note"]),
        *_date_columns("timeline_date", "Date shown (the claim's own date, else its venue's publication date)"),
        Column("timeline_date_basis", "string", "Where the date shown comes from.", {"enum": ["made", "published in its venue"]}),
        _order_column("claim", "; empty when the claim has no date shown"),
        _ids("about", w["about"]),
        Column("status", "string", w["assessment.status"], {"required": True, "enum": _enum("claim", "assessment", "status")}),
        _text("rationale", w["assessment.rationale"], required=True),
        _ids("tags", w["tags"]),
        _text("notes", w["notes"]),
        *_urls(),
    ]


def _actor_rows(model: Model, site_url: str) -> Iterator[list[object]]:
    for a in model.actors.values():
        yield [
            a.id, a.name, a.actor_kind, a.described_as, a.country, joined(a.member_of), a.description,
            *_urls_of(site_url, a), absolute(site_url, actor_feed_path(a.id)),
        ]  # fmt: skip


def _actor_columns() -> list[Column]:
    w = _field_words("actor")
    return [
        _id("actors"),
        _text("name", w["name"], required=True),
        Column("kind", "string", w["kind"], {"required": True, "enum": _enum("actor", "kind")}),
        _text("described_as", w["described_as"]),
        _text("country", w["country"]),
        _ids("member_of", w["member_of"]),
        _text("description", w["description"]),
        *_urls(),
        Column("feed_url", "string", "The Atom feed of the events the actor took part in and the claims it made.", {"required": True}, "uri"),
    ]


def _source_rows(model: Model, site_url: str) -> Iterator[list[object]]:
    for s in model.sources.values():
        yield [
            s.id, s.source_kind, s.source_title, s.description, s.outlet, joined(s.authors), *_date_values(s.published), s.date_note,
            s.url, s.archived_url, s.seed, s.language, s.notes, *_urls_of(site_url, s),
        ]  # fmt: skip


def _source_columns() -> list[Column]:
    w = _field_words("source")
    return [
        _id("sources"),
        Column("kind", "string", w["kind"], {"required": True, "enum": _enum("source", "kind")}),
        _text("title", w["title"]),
        _text("description", w["description"], required=True),
        Column("outlet", "string", w["outlet"]),
        _ids("authors", w["authors"]),
        *_date_columns("published", "Publication date"),
        _text("date_note", w["date_note"]),
        _text("url", w["url"]),
        _text("archived_url", w["archived_url"]),
        _text("seed", w["seed"]),
        _text("language", w["language"]),
        _text("notes", w["notes"]),
        *_urls(),
    ]


def _citation_rows(model: Model, site_url: str) -> Iterator[list[object]]:
    for record in model.all_records():
        lists = [("citations", getattr(record, "citations", []))]
        if isinstance(record, Source):
            lists = [("reported_via", record.reported_via)]
        for list_name, citations in lists:
            for position, c in enumerate(citations, start=1):
                yield [kinds.get(record.kind).singular, record.id, list_name, position, c.source, c.excerpt, c.note]


def _citation_columns() -> list[Column]:
    w = _field_words("event")
    return [
        Column("record_type", "string", "The type of the citing record.", {"required": True, "enum": [k.singular for k in kinds.ALL]}),
        Column("record_id", "string", f"The id of the citing record (in {kinds.folders_in_words('or')}, by record_type).", {"required": True}),
        Column(
            "list",
            "string",
            "citations: the record's citations; reported_via: a source's 'reported via' entries (the sources through which it is known).",
            {"required": True, "enum": ["citations", "reported_via"]},
        ),
        Column("position", "integer", "1-based position in the record's list, in the order of the data.", {"required": True, "minimum": 1}),
        Column("source_id", "string", w["citations[].source"], {"required": True}),
        _text("excerpt", w["citations[].excerpt"], required=True),
        _text("note", w["citations[].note"]),
    ]


def _quantity_rows(model: Model, site_url: str) -> Iterator[list[object]]:
    for c in model.claims.values():
        for position, q in enumerate(c.quantities, start=1):
            yield [c.id, position, q.measure, q.counts, q.value, q.qualifier, q.unit]


def _quantity_columns() -> list[Column]:
    w = _field_words("claim")
    return [
        Column("claim_id", "string", "The claim stating the figure.", {"required": True}),
        Column("position", "integer", "1-based position in the claim's list of figures.", {"required": True, "minimum": 1}),
        Column("measure", "string", w["quantities[].measure"], {"required": True}),
        _text("counts", w["quantities[].counts"], required=True),
        Column("value", "number", w["quantities[].value"], {"required": True, "minimum": 0}),
        Column("qualifier", "string", w["quantities[].qualifier"], {"required": True, "enum": _enum("claim", "quantities", "qualifier")}),
        _text("unit", w["quantities[].unit"], required=True),
    ]


def _link_rows(model: Model, site_url: str) -> Iterator[list[object]]:
    for c in model.claims.values():
        for position, link in enumerate(c.links, start=1):
            yield [c.id, position, link.type, link.claim, link.note]


def _link_columns() -> list[Column]:
    w = _field_words("claim")
    return [
        Column("claim_id", "string", "The claim the link is written in.", {"required": True}),
        Column("position", "integer", "1-based position in the claim's list of links.", {"required": True, "minimum": 1}),
        Column("type", "string", w["links[].type"], {"required": True, "enum": _enum("claim", "links", "type")}),
        Column("other_claim_id", "string", w["links[].claim"], {"required": True}),
        _text("note", w["links[].note"]),
    ]


def _role_rows(model: Model, site_url: str) -> Iterator[list[object]]:
    for a in model.actors.values():
        for position, r in enumerate(a.roles, start=1):
            yield [a.id, position, r.title, r.organisation, r.date.text if r.date else None]


def _role_columns() -> list[Column]:
    w = _field_words("actor")
    return [
        Column("actor_id", "string", "The actor holding the role.", {"required": True}),
        Column("position", "integer", "1-based position in the actor's list of roles.", {"required": True, "minimum": 1}),
        _text("title", w["roles[].title"], required=True),
        Column("organisation", "string", w["roles[].organisation"]),
        Column("date", "string", f"{w['roles[].date']} (EDTF text exactly as in the data)"),
    ]


def _alias_rows(model: Model, site_url: str) -> Iterator[list[object]]:
    for a in model.actors.values():
        for position, alias in enumerate(a.aliases, start=1):
            yield [a.id, position, alias]


def _alias_columns() -> list[Column]:
    w = _field_words("actor")
    return [
        Column("actor_id", "string", "The actor.", {"required": True}),
        Column("position", "integer", "1-based position in the actor's list of aliases.", {"required": True, "minimum": 1}),
        _text("alias", w["aliases"], required=True),
    ]


def tables() -> list[Table]:
    """Every CSV table, in the order they are listed."""
    return [
        Table("events", "Events", "One row per event.", _event_columns(), _event_rows, ["id"], [("part_of", "events", "id")]),
        Table("claims", "Claims", "One row per claim.", _claim_columns(), _claim_rows, ["id"], [("made_in", "sources", "id")]),
        Table("actors", "Actors", "One row per actor.", _actor_columns(), _actor_rows, ["id"]),
        Table("sources", "Sources", "One row per source document.", _source_columns(), _source_rows, ["id"], [("outlet", "actors", "id")]),
        Table(
            "citations",
            "Citations",
            "One row per citation of an event, claim or actor, and per 'reported via' entry of a source.",
            _citation_columns(),
            _citation_rows,
            ["record_type", "record_id", "list", "position"],
            [("source_id", "sources", "id")],
        ),
        Table(
            "quantities",
            "Figures",
            "One row per figure stated in a claim.",
            _quantity_columns(),
            _quantity_rows,
            ["claim_id", "position"],
            [("claim_id", "claims", "id")],
        ),
        Table(
            "claim_links",
            "Links between claims",
            "One row per link written in a claim (contradicts, corroborates, differs, updates).",
            _link_columns(),
            _link_rows,
            ["claim_id", "position"],
            [("claim_id", "claims", "id"), ("other_claim_id", "claims", "id")],
        ),
        Table(
            "actor_roles",
            "Roles of actors",
            "One row per role an actor held.",
            _role_columns(),
            _role_rows,
            ["actor_id", "position"],
            [("actor_id", "actors", "id"), ("organisation", "actors", "id")],
        ),
        Table(
            "actor_aliases",
            "Aliases of actors",
            "One row per alias of an actor.",
            _alias_columns(),
            _alias_rows,
            ["actor_id", "position"],
            [("actor_id", "actors", "id")],
        ),
    ]
