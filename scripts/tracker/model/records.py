"""Typed records, indexes and backlinks built from a validated dataset.

The renderers read only this model: every lookup they need (claims about an
event, records citing a source, the other side of a link) is an index built
once here, so rendering one page never walks all records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol

from tracker.core import dates, kinds
from tracker.load.dataset import Dataset


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    excerpt: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    measure: str
    counts: str
    value: float
    qualifier: str
    unit: str


@dataclass(frozen=True, slots=True)
class Link:
    type: str
    claim: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    organisation: str | None = None
    date: dates.EdtfDate | None = None


@dataclass(slots=True)
class Record:
    id: str
    kind: str  # events, claims, actors, sources
    path: str  # repository-relative path of the YAML file
    data: dict[str, Any]


@kinds.provides("events", "model_class")
@dataclass(slots=True)
class Event(Record):
    title: str = ""
    date: dates.EdtfDate = field(kw_only=True)  # required by the schema (keyword-only: it follows fields with defaults)
    date_note: str | None = None
    location: dict[str, Any] | None = None
    actors: list[str] = field(default_factory=list)
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    part_of: str | None = None
    notes: str | None = None
    citations: list[Citation] = field(default_factory=list)


@kinds.provides("claims", "model_class")
@dataclass(slots=True)
class Claim(Record):
    claimants: list[str] = field(default_factory=list)
    statement: str = ""
    quote: str | None = None
    made_in: str = ""
    date: dates.EdtfDate | None = None
    date_note: str | None = None
    about: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    status: str = ""
    rationale: str = ""
    links: list[Link] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: str | None = None
    citations: list[Citation] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.statement


@kinds.provides("actors", "model_class")
@dataclass(slots=True)
class Actor(Record):
    name: str = ""
    actor_kind: str = ""
    described_as: str | None = None
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    member_of: list[str] = field(default_factory=list)
    description: str | None = None
    citations: list[Citation] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.name


@kinds.provides("sources", "model_class")
@dataclass(slots=True)
class Source(Record):
    source_kind: str = ""
    source_title: str | None = None
    description: str = ""
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dates.EdtfDate | None = None
    date_note: str | None = None
    url: str | None = None
    archived_url: str | None = None
    seed: str | None = None
    language: str | None = None
    reported_via: list[Citation] = field(default_factory=list)
    notes: str | None = None

    @property
    def title(self) -> str:
        return self.source_title or self.description


def _citations(items: list[dict[str, Any]] | None) -> list[Citation]:
    return [Citation(c["source"], c["excerpt"], c.get("note")) for c in items or []]


def _date(value: str | None) -> dates.EdtfDate | None:
    return dates.parse(value) if value is not None else None


@kinds.provides("events", "builder")
def _event(rid: str, path: str, d: dict[str, Any]) -> Event:
    return Event(
        rid, "events", path, d,
        title=d["title"], date=dates.parse(d["date"]), date_note=d.get("date_note"), location=d.get("location"),
        actors=list(d["actors"]), summary=d["summary"], tags=list(d.get("tags", [])), part_of=d.get("part_of"),
        notes=d.get("notes"), citations=_citations(d["citations"]),
    )  # fmt: skip


@kinds.provides("claims", "builder")
def _claim(rid: str, path: str, d: dict[str, Any]) -> Claim:
    return Claim(
        rid, "claims", path, d,
        claimants=list(d["claimants"]), statement=d["statement"], quote=d.get("quote"), made_in=d["made_in"],
        date=_date(d.get("date")), date_note=d.get("date_note"), about=list(d.get("about", [])),
        quantities=[Quantity(**q) for q in d.get("quantities", [])],
        status=d["assessment"]["status"], rationale=d["assessment"]["rationale"],
        links=[Link(l["type"], l["claim"], l.get("note")) for l in d.get("links", [])],
        tags=list(d.get("tags", [])), notes=d.get("notes"), citations=_citations(d["citations"]),
    )  # fmt: skip


@kinds.provides("actors", "builder")
def _actor(rid: str, path: str, d: dict[str, Any]) -> Actor:
    return Actor(
        rid, "actors", path, d,
        name=d["name"], actor_kind=d["kind"], described_as=d.get("described_as"),
        roles=[Role(r["title"], r.get("organisation"), _date(r.get("date"))) for r in d.get("roles", [])],
        aliases=list(d.get("aliases", [])), country=d.get("country"), member_of=list(d.get("member_of", [])),
        description=d.get("description"), citations=_citations(d["citations"]),
    )  # fmt: skip


@kinds.provides("sources", "builder")
def _source(rid: str, path: str, d: dict[str, Any]) -> Source:
    return Source(
        rid, "sources", path, d,
        source_kind=d["kind"], source_title=d.get("title"), description=d["description"], outlet=d.get("outlet"),
        authors=list(d.get("authors", [])), published=_date(d.get("published")), date_note=d.get("date_note"),
        url=d.get("url"), archived_url=d.get("archived_url"), seed=d.get("seed"), language=d.get("language"),
        reported_via=_citations(d.get("reported_via")), notes=d.get("notes"),
    )  # fmt: skip


class TrustView(Protocol):
    """What the model may know of the trust a build gathers (tracker.trust.gather.Trust): trust sits above
    the model in the package table, so the model names only the fields the build reads back through it;
    the pages and exports take the whole of it from tracker.trust.gather.of_model."""

    available: bool
    notice: str | None
    problems: list[str]


@dataclass(slots=True)
class Model:
    events: dict[str, Event] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    # indexes
    claims_about: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    claims_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_with: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    cited_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    claims_made_in: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    reports: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    links_to: dict[str, list[tuple[str, Link]]] = field(default_factory=lambda: defaultdict(list))
    sub_events: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    figures: dict[str, list[tuple[str, Quantity]]] = field(default_factory=lambda: defaultdict(list))
    sources_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # History, corrections and withdrawals (tracker.trust.gather.Trust), set by the build; None without one.
    trust: TrustView | None = None

    def table(self, kind: str) -> dict[str, Record]:
        """The records of one kind by id: the attribute named after its folder."""
        table: dict[str, Record] = getattr(self, kinds.get(kind).folder)
        return table

    def get(self, rid: str) -> Record | None:
        for kind in kinds.FOLDERS:  # the attributes are named after the folders (hot: every link looks its target up)
            table: dict[str, Record] = getattr(self, kind)
            if rid in table:
                return table[rid]
        return None

    def all_records(self) -> list[Record]:
        return [record for kind in kinds.FOLDERS for record in self.table(kind).values()]

    def counts(self) -> dict[str, int]:
        return {kind: len(self.table(kind)) for kind in kinds.FOLDERS}

    def chain(self, source_id: str) -> list[list[str]]:
        """Every 'reported via' path from a source to a source that reports nothing further."""
        paths: list[list[str]] = []
        stack: list[list[str]] = [[source_id]]
        while stack:
            path = stack.pop()
            nexts = [c.source for c in self.sources[path[-1]].reported_via if c.source not in path and c.source in self.sources]
            if not nexts:
                paths.append(path)
            stack.extend([*path, n] for n in reversed(nexts))
        return paths

    def timeline(self) -> list[Event]:
        """Events in the documented order: earliest possible day, latest possible day, then id."""
        return sorted(self.events.values(), key=lambda e: (*e.date.sort_key(), e.id))


def _index_events(model: Model) -> None:
    for event in model.events.values():
        for actor_id in event.actors:
            model.events_with[actor_id].append(event.id)
        for citation in event.citations:
            model.cited_by[citation.source].append(event.id)
        if event.part_of:
            model.sub_events[event.part_of].append(event.id)


def _index_claims(model: Model) -> None:
    for claim in model.claims.values():
        for event_id in claim.about:
            model.claims_about[event_id].append(claim.id)
        for actor_id in claim.claimants:
            model.claims_by[actor_id].append(claim.id)
        for citation in claim.citations:
            model.cited_by[citation.source].append(claim.id)
        model.claims_made_in[claim.made_in].append(claim.id)
        for link in claim.links:
            model.links_to[link.claim].append((claim.id, link))
        for quantity in claim.quantities:
            model.figures[quantity.measure].append((claim.id, quantity))


def _index_actors(model: Model) -> None:
    for actor in model.actors.values():
        for citation in actor.citations:
            model.cited_by[citation.source].append(actor.id)
        for group in actor.member_of:
            model.members[group].append(actor.id)


def _index_sources(model: Model) -> None:
    for source in model.sources.values():
        for citation in source.reported_via:
            model.reports[citation.source].append(source.id)
        for author in source.authors:
            model.sources_by[author].append(source.id)
        if source.outlet:
            model.sources_by[source.outlet].append(source.id)


def build(dataset: Dataset, previous: Model | None = None) -> Model:
    """Build the model from a dataset that validated without problems.

    ``previous`` (the live preview's last model) lends the records whose parsed data is the very
    same object, which the preview's loader returns for an unchanged file; they are immutable in use.
    """
    model = Model()
    for record in sorted(dataset.files, key=lambda r: (r.kind, r.id)):
        old = previous.table(record.kind).get(record.id) if previous is not None else None
        if old is not None and old.data is record.data and old.path == record.published_path:
            model.table(record.kind)[record.id] = old
        else:
            model.table(record.kind)[record.id] = kinds.call("builder", record.kind, record.id, record.published_path, record.data)
    _index_events(model)
    _index_claims(model)
    _index_actors(model)
    _index_sources(model)
    for table in (
        model.cited_by,
        model.claims_about,
        model.claims_by,
        model.events_with,
        model.reports,
        model.sub_events,
        model.claims_made_in,
        model.sources_by,
    ):
        for key in table:
            table[key] = sorted(set(table[key]))
    return model


def claim_date(model: Model, claim: Claim) -> tuple[dates.EdtfDate | None, str]:
    """The claim's own date, else its venue's publication date; with words saying which."""
    if claim.date is not None:
        return claim.date, "made"
    venue = model.sources.get(claim.made_in)
    if venue is not None and venue.published is not None:
        return venue.published, "published in its venue"
    return None, "not known"
