"""One page per record: event, claim, actor and source pages, each registered for its kind.

Each is a template of ``templates/records/`` in the frame ``records/record.html`` (the numbered
sources, the foot, and what readers need to trust the record over time: ``trust``, a
``history.RecordTrust``, handed in by the build so that the live preview's memo re-renders a page
when its history changes).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tracker.check import vocab
from tracker.core import dates, kinds
from tracker.core.html import first_sentence
from tracker.exports.common import SITE_NAME
from tracker.model import disputes, provenance
from tracker.model.paths import absolute, page_path, timeline_page_path, url_of
from tracker.model.records import Actor, Citation, Claim, Event, Model, Record, Source
from tracker.model.story import Story, measure_name
from tracker.render import templating
from tracker.render.pages import lists
from tracker.render.pages.base import Links, Page
from tracker.render.pages.fragments import record_published
from tracker.render.pages.history import RecordTrust


class Citations:
    """The numbered citations of one page: each marker ([n]) adds one; the list of sources shows them in order."""

    def __init__(self) -> None:
        self.items: list[tuple[Citation, str]] = []  # (citation, role)

    def numbers(self, citations: Iterable[Citation], role: str = "") -> list[int]:
        """The numbers of these citations, now listed."""
        found = []
        for citation in citations:
            self.items.append((citation, role))
            found.append(len(self.items))
        return found


def _record_page(template: str, model: Model, record: Record, title: str, description: str, trust: RecordTrust | None, **values: Any) -> Page:
    here = page_path(record)
    return templating.page(
        template,
        here,
        title,
        description,
        record=record,
        links=Links(model, here),
        notes=Citations(),
        trust=trust or RecordTrust(),
        cite=citation(title, here, trust or RecordTrust()),
        **values,
    )


def citation(title: str, here: str, trust: RecordTrust) -> dict[str, str]:
    """What the record's ready citation says: its title, the site's name, its publisher (when not the
    site's own name), the date of the version cited and the record's address; the access date is the
    reader's, so the page's script writes it in (the placeholder says what goes there without it)."""
    return {
        "title": title.rstrip(". "),
        "site": SITE_NAME,
        "publisher": trust.publisher if trust.publisher and trust.publisher != SITE_NAME else "",
        "version": dates.humanize(trust.modified[:10]) if trust.modified else "",
        "address": absolute(trust.site_url, url_of(here)),
    }


@kinds.provides("events", "page")
def event_page(model: Model, event: Event, timeline_page: str | None = None, story: Story | None = None, trust: RecordTrust | None = None) -> Page:
    """An event's page; ``timeline_page`` is the timeline page that lists it (the first by default)."""
    return _record_page(
        "records/event.html",
        model,
        event,
        event.title,
        first_sentence(event.summary, 160),
        trust,
        event=event,
        published=record_published(model, event),
        sub_events=model.sub_events.get(event.id, []),
        tags=(story or Story()).tags,
        timeline_page=timeline_page or timeline_page_path(1),
        claims=[model.claims[c] for c in model.claims_about.get(event.id, [])],
    )


def claim_heading(claim: Claim) -> str:
    """The statement's first sentence, shortened at a word boundary; the card below gives it whole."""
    return first_sentence(claim.statement, 140)


def related_claims(model: Model, claim: Claim) -> list[tuple[str, str, str | None, Claim]]:
    """(relation, its label, the note on the link, the other claim): this claim's links, then those to it not already listed."""
    related = [(link.type, link.claim, link.note) for link in claim.links]
    related += [
        (link.type if link.type != "updates" else "updated by", source, link.note)
        for source, link in model.links_to.get(claim.id, [])
        if not any(other == source for _, other, _ in related)
    ]
    return [(relation, vocab.link_label(relation), note, model.claims[other]) for relation, other, note in related]


@kinds.provides("claims", "page")
def claim_page(model: Model, claim: Claim, timeline_page: str | None = None, story: Story | None = None, trust: RecordTrust | None = None) -> Page:
    """Evidence first: the card (statement, status, who, where, the verbatim words, the rationale), then context; ids at the foot."""
    story = story or Story()
    return _record_page(
        "records/claim.html",
        model,
        claim,
        first_sentence(claim.statement, 120),
        first_sentence(claim.statement, 160),
        trust,
        claim=claim,
        heading=claim_heading(claim),
        venue=model.sources[claim.made_in],
        tags=story.tags,
        measures=[(m, measure_name(story, m)) for m in sorted({q.measure for q in claim.quantities})],
        related=related_claims(model, claim),
        slip=disputes.contradicted_only_by_its_source(model, claim),
    )


@kinds.provides("actors", "page")
def actor_page(model: Model, actor: Actor, timeline_page: str | None = None, story: Story | None = None, trust: RecordTrust | None = None) -> Page:
    description = first_sentence(actor.description, 160) if actor.description else f"{actor.name}: claims and events in the tracker."
    return _record_page(
        "records/actor.html",
        model,
        actor,
        actor.name,
        description,
        trust,
        actor=actor,
        members=model.members.get(actor.id, []),
        lists=lists.actor_lists(model, actor),
        inline_limit=lists.INLINE_LIMIT,
        sources_by=model.sources_by.get(actor.id, []),
    )


@kinds.provides("sources", "page")
def source_page(model: Model, source: Source, timeline_page: str | None = None, story: Story | None = None, trust: RecordTrust | None = None) -> Page:
    cited = bool(model.cited_by.get(source.id))
    return _record_page(
        "records/source.html",
        model,
        source,
        source.title,
        f"{vocab.source_kind_title(source.source_kind)}: {source.description}",
        trust,
        source=source,
        lists=lists.source_lists(model, source),
        citing_kinds=[(kind, kinds.get(kind).title) for kind in lists.CITING_KINDS],
        inline_limit=lists.INLINE_LIMIT,
        reported_here=model.reports.get(source.id, []),
        cited=cited,
        uses=0 if cited else len(provenance.uses(model, source.id)),
    )
