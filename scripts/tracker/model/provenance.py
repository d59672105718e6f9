"""How many documents the data rests on, told honestly.

A source record is either a document we *hold* — its text archived in seeds/
or at an archived_url, or at least a link to it — or a document known *only
through another* (``reported_via``: the HRANA estimate as the seed article
reports it). Counting both as "sources" hid that the whole data set rests on
one article; here the two are told apart, and for every record the documents
we hold that it rests on are worked out through the reported_via chains, so
that a page can say "this rests on a single document".
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.model.records import Model, Record, Source

ARCHIVED, LINKED, VIA, UNTRACED = "archived", "linked", "via", "untraced"


def holding(source: Source) -> str:
    """archived (seed or archived_url), linked (url only), via (known only through reported_via), untraced."""
    if source.seed or source.archived_url:
        return ARCHIVED
    if source.url:
        return LINKED
    return VIA if source.reported_via else UNTRACED


def held_roots(model: Model, source_id: str) -> set[str]:
    """The documents we hold that a source is, or is known through (following reported_via)."""
    found: set[str] = set()
    seen: set[str] = set()
    stack = [source_id]
    while stack:
        current = stack.pop()
        source = model.sources.get(current)
        if current in seen or source is None:
            continue
        seen.add(current)
        if holding(source) in (ARCHIVED, LINKED):
            found.add(current)
        else:
            stack.extend(c.source for c in source.reported_via)
    return found


def _cited_sources(model: Model, record: Record) -> list[str]:
    if isinstance(record, Source):
        return [record.id]
    cited = [c.source for c in getattr(record, "citations", [])]
    made_in = getattr(record, "made_in", None)
    return [*cited, made_in] if made_in else cited


def documents_behind(model: Model, record: Record) -> set[str]:
    """The documents we hold that a record rests on: its citations and venue, through reported_via."""
    found: set[str] = set()
    for source_id in _cited_sources(model, record):
        found |= held_roots(model, source_id)
    return found


def single_document(model: Model, record: Record) -> str | None:
    """The id of the one document we hold that the record rests on, or None when it rests on several (or none)."""
    behind = documents_behind(model, record)
    return next(iter(behind)) if len(behind) == 1 else None


@dataclass(frozen=True, slots=True)
class Counts:
    archived: int
    linked: int
    via: int
    untraced: int

    @property
    def held(self) -> int:
        """Independent documents we hold: archived or linked."""
        return self.archived + self.linked


def counts(model: Model) -> Counts:
    tally = {ARCHIVED: 0, LINKED: 0, VIA: 0, UNTRACED: 0}
    for source in model.sources.values():
        tally[holding(source)] += 1
    return Counts(tally[ARCHIVED], tally[LINKED], tally[VIA], tally[UNTRACED])


def uses(model: Model, source_id: str) -> list[str]:
    """Every record that draws on a source: citing it, made in it, or reported by it — not only citations.

    A document known only through another is rarely cited directly (the
    excerpt is from the document that reports it), so "cited by 0" read as
    "unused"; its claims and the sources it reports are uses too.
    """
    return sorted({*model.cited_by.get(source_id, []), *model.claims_made_in.get(source_id, []), *model.reports.get(source_id, [])})


def summary_sentence(found: Counts) -> str:
    """For the home page: "The data rests on 1 document we hold (archived); 6 more are known only through it." """
    noun = "document" if found.held == 1 else "documents"
    kinds = [f"{found.archived:,} archived" if found.archived else "", f"{found.linked:,} linked" if found.linked else ""]
    detail = " and ".join(k for k in kinds if k)
    text = f"The data rests on {found.held:,} {noun} we hold" + (f" ({detail})" if detail else "")
    if found.via:
        through = "it" if found.held == 1 else "them"
        text += f"; {found.via:,} more {'is' if found.via == 1 else 'are'} known only through {through}"
    return text + "."
