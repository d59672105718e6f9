"""One page per record: event, claim, actor and source pages, each registered for its kind."""

from __future__ import annotations

from tracker.check import vocab
from tracker.core import kinds
from tracker.core.html import esc, first_sentence, inline, paragraphs
from tracker.model import provenance
from tracker.model.paths import actor_feed_path, page_path, timeline_page_path
from tracker.model.records import Actor, Claim, Event, Model, Source
from tracker.model.story import Story, measure_name
from tracker.render.pages.base import Links, Page, html_block, md_heading
from tracker.render.pages.drawings import compact_timeline, provenance_drawing
from tracker.render.pages.evidence import evidence_card, single_document_note
from tracker.render.pages.fragments import (
    Footnotes,
    actor_links,
    chain_html,
    claim_card,
    claim_item,
    date_html,
    edit_and_data,
    figure_table,
    notes_html,
    record_published,
    tag_list,
)
from tracker.render.pages.lists import CITING_KINDS, actor_lists, capped_list, source_lists
from tracker.render.pages.reader import readable, reader_href


@kinds.provides("events", "page")
def event_page(model: Model, event: Event, timeline_page: str | None = None, story: Story | None = None) -> Page:
    """An event's page; ``timeline_page`` is the timeline page that lists it (the first by default)."""
    timeline_page = timeline_page or timeline_page_path(1)
    here = page_path(event)
    links = Links(model, here)
    notes = Footnotes(links)
    story = story or Story()
    published = record_published(model, event)
    facts = [
        f"<dt>Date</dt><dd>{date_html(event.date, published=published)}"
        + (f'<p class="date-note">{inline(event.date_note)}</p>' if event.date_note else "")
        + "</dd>"
    ]
    if event.location:
        loc = event.location
        country = loc.get("country")
        place = (
            esc(loc["name"])
            + (f", {esc(country)}" if country and country != loc["name"] else "")  # never "Iran, Iran"
            + (f' <span class="detail">({esc(loc["detail"])})</span>' if loc.get("detail") else "")
        )
        facts.append(f"<dt>Location</dt><dd>{place}</dd>")
    facts.append(f"<dt>Actors</dt><dd>{actor_links(links, event.actors)}</dd>")
    if event.part_of:
        facts.append(f"<dt>Part of</dt><dd>{links.a(event.part_of)}</dd>")
    if model.sub_events.get(event.id):
        facts.append("<dt>Includes</dt><dd>" + ", ".join(links.a(e) for e in model.sub_events[event.id]) + "</dd>")
    if event.tags:
        facts.append(f"<dt>Tags</dt><dd>{tag_list(event.tags, story.tags)}</dd>")
    facts.append(f'<dt>Timeline</dt><dd><a href="{esc(links.to(timeline_page, "event-" + event.id))}">see it in order</a></dd>')
    md = [
        html_block(
            f'<h1 id="title">{esc(event.title)}</h1>', single_document_note(links, event), f'<dl class="facts">{"".join(facts)}</dl>', cls="record-head"
        ),
        md_heading(2, "Summary"),
        html_block(paragraphs(event.summary), f'<p class="supported-by">Sources: {notes.marks(event.citations)}</p>'),
    ]
    claims = [model.claims[c] for c in model.claims_about.get(event.id, [])]
    md.append(md_heading(2, "Claims about this event"))
    if claims:
        md.append(html_block('<ul class="claim-list">' + "".join(claim_item(links, c) for c in claims) + "</ul>"))
    else:
        md.append(html_block('<p class="empty">No claim in the data is about this event yet.</p>'))
    if event.notes:
        md += [md_heading(2, "Editorial notes"), html_block(notes_html(links, event.notes))]
    md += [md_heading(2, "Sources"), notes.render(), html_block(edit_and_data(links, event), cls="record-foot")]
    description = first_sentence(event.summary, 160)
    return Page(here, event.title, description, "".join(md), record=event)


def claim_heading(claim: Claim) -> str:
    """The statement's first sentence, shortened at a word boundary; the card below gives it whole."""
    return first_sentence(claim.statement, 140)


@kinds.provides("claims", "page")
def claim_page(model: Model, claim: Claim, timeline_page: str | None = None, story: Story | None = None) -> Page:
    """Evidence first: the card (statement, status, who, where, the verbatim words, the rationale), then context; ids at the foot."""
    story = story or Story()
    here = page_path(claim)
    links = Links(model, here)
    notes = Footnotes(links)
    venue = model.sources[claim.made_in]
    facts = [f'<dt>Chain of reporting</dt><dd><span class="chain">{chain_html(links, venue, start_html=actor_links(links, claim.claimants))}</span></dd>']
    if claim.date_note:
        facts.append(f'<dt>About the date</dt><dd><p class="date-note">{inline(claim.date_note)}</p></dd>')
    if claim.about:
        facts.append("<dt>About</dt><dd>" + ", ".join(links.a(e) for e in claim.about) + "</dd>")
    if claim.tags:
        facts.append(f"<dt>Tags</dt><dd>{tag_list(claim.tags, story.tags)}</dd>")
    md = [
        html_block(
            f'<h1 id="title">{esc(claim_heading(claim))}</h1>',
            evidence_card(links, claim, claim_heading(claim)),
            single_document_note(links, claim),
            cls="record-head",
        ),
        md_heading(2, "Context"),
        html_block(f'<dl class="facts">{"".join(facts)}</dl>', f'<p class="supported-by">Sources: {notes.marks(claim.citations)}</p>'),
        md_heading(2, "Where it comes from"),
        html_block(provenance_drawing(links, claim)),
    ]
    measures = sorted({q.measure for q in claim.quantities})
    if measures:
        md.append(md_heading(2, "Figures compared"))
        md.append(html_block(*(figure_table(links, m, highlight=claim.id, name=measure_name(story, m)) for m in measures)))
    related = [(l.type, l.claim, l.note, "this claim") for l in claim.links]
    related += [
        (l.type if l.type != "updates" else "updated by", src, l.note, "other")
        for src, l in model.links_to.get(claim.id, [])
        if not any(x[1] == src for x in related)
    ]
    if related:
        md.append(md_heading(2, "Related claims"))
        cards = []
        for rel_type, other_id, note, _ in related:
            other = model.claims[other_id]
            label = {"contradicts": "Contradicts", "corroborates": "Corroborates", "updates": "Updates", "updated by": "Updated by"}[rel_type]
            # only the other claim: this one is in the evidence card above (its rationale once)
            cards.append(
                f'<section class="relation relation-{esc(rel_type.replace(" ", "-"))}"><p class="relation-type">{label}'
                + (f": {esc(note)}" if note else "")
                + f'</p><div class="side-by-side">{claim_card(links, other, heading="Other claim", rationale=other.rationale != claim.rationale)}</div></section>'
            )
        md.append(html_block(*cards))
    if claim.notes:
        md += [md_heading(2, "Editorial notes"), html_block(notes_html(links, claim.notes))]
    md += [md_heading(2, "Sources"), notes.render(), html_block(edit_and_data(links, claim), cls="record-foot")]
    return Page(here, first_sentence(claim.statement, 120), first_sentence(claim.statement, 160), "".join(md), record=claim)


@kinds.provides("actors", "page")
def actor_page(model: Model, actor: Actor, timeline_page: str | None = None, story: Story | None = None) -> Page:
    here = page_path(actor)
    links = Links(model, here)
    notes = Footnotes(links)
    facts = [f"<dt>Kind</dt><dd>{esc(vocab.actor_kind_title(actor.actor_kind))}</dd>"]
    if actor.described_as:
        facts.append(f"<dt>Described as</dt><dd>“{esc(actor.described_as)}”</dd>")
    if actor.roles:
        roles = []
        for role in actor.roles:
            org = f" ({links.a(role.organisation)})" if role.organisation else ""
            when = f" · {date_html(role.date)}" if role.date else ""
            roles.append(f"<li>{esc(role.title)}{org}{when}</li>")
        facts.append(f'<dt>Roles</dt><dd><ul class="roles">{"".join(roles)}</ul></dd>')
    if actor.aliases:
        facts.append("<dt>Also called</dt><dd>" + ", ".join(esc(a) for a in actor.aliases) + "</dd>")
    if actor.country:
        facts.append(f"<dt>Country</dt><dd>{esc(actor.country)}</dd>")
    if actor.member_of:
        facts.append(f"<dt>Part of</dt><dd>{actor_links(links, actor.member_of)}</dd>")
    members = model.members.get(actor.id, [])
    if members:
        facts.append(f"<dt>Members</dt><dd>{actor_links(links, members)}</dd>")
    md = [
        html_block(f'<h1 id="title">{esc(actor.name)}</h1>', single_document_note(links, actor), f'<dl class="facts">{"".join(facts)}</dl>', cls="record-head")
    ]
    md.append(md_heading(2, "Who this is"))
    md.append(html_block(paragraphs(actor.description) if actor.description else "", f'<p class="supported-by">Sources: {notes.marks(actor.citations)}</p>'))
    md.append(html_block(compact_timeline(links, actor)))
    lists = actor_lists(model, actor)
    for key, heading in (("claims", "Claims made"), ("events", "Events")):
        md.append(md_heading(2, heading))
        md.append(html_block(capped_list(links, actor, key, lists[key])))
    md.append(
        html_block(
            f'<p class="feed-link">Follow this actor: <a href="{esc(links.to(actor_feed_path(actor.id)))}" type="application/atom+xml">Atom feed of its events and claims</a></p>'
        )
    )
    published = model.sources_by.get(actor.id, [])
    if published:
        md.append(md_heading(2, "Sources by this actor"))
        md.append(html_block('<ul class="source-list">' + "".join(f"<li>{links.a(s)}</li>" for s in published) + "</ul>"))
    md += [md_heading(2, "Sources"), notes.render(), html_block(edit_and_data(links, actor), cls="record-foot")]
    description = first_sentence(actor.description, 160) if actor.description else f"{actor.name}: claims and events in the tracker."
    return Page(here, actor.name, description, "".join(md), record=actor)


@kinds.provides("sources", "page")
def source_page(model: Model, source: Source, timeline_page: str | None = None, story: Story | None = None) -> Page:
    here = page_path(source)
    links = Links(model, here)
    notes = Footnotes(links)
    facts = [f"<dt>Kind</dt><dd>{esc(vocab.source_kind_title(source.source_kind))}</dd>"]
    if source.source_title:
        facts.append(f"<dt>Title</dt><dd>{esc(source.source_title)}</dd>")
    facts.append(f"<dt>Description</dt><dd>{esc(source.description)}</dd>")
    if source.outlet:
        facts.append(f"<dt>Outlet</dt><dd>{links.a(source.outlet)}</dd>")
    if source.authors:
        facts.append(f"<dt>By</dt><dd>{actor_links(links, source.authors)}</dd>")
    facts.append(
        f"<dt>Published</dt><dd>{date_html(source.published)}" + (f'<p class="date-note">{inline(source.date_note)}</p>' if source.date_note else "") + "</dd>"
    )
    access = []
    if source.url:
        access.append(f'<a href="{esc(source.url)}" class="external" rel="noopener nofollow">{esc(source.url)}</a>')
    if source.archived_url:
        access.append(f'<a href="{esc(source.archived_url)}" class="external" rel="noopener nofollow">archived copy</a>')
    if readable(source) and source.seed:
        access.append(
            f'<a href="{esc(reader_href(links, source))}" class="reader-link">the archived text, its cited passages highlighted</a>'
            f' (<a href="{esc(links.to(source.seed))}" download>plain text</a>)'
        )
    facts.append(
        "<dt>Where to read it</dt><dd>"
        + (" · ".join(access) if access else '<span class="empty">no copy of its own: known only through the sources below</span>')
        + "</dd>"
    )
    if source.language:
        facts.append(f"<dt>Language</dt><dd><code>{esc(source.language)}</code></dd>")
    md = [
        html_block(f'<h1 id="title">{esc(source.title)}</h1>', _holding_note(links, source), f'<dl class="facts">{"".join(facts)}</dl>', cls="record-head"),
        md_heading(2, "Where it comes from"),
        html_block(provenance_drawing(links, source)),
    ]
    if source.reported_via:
        md.append(md_heading(2, "How we know of it"))
        md.append(
            html_block(f'<p class="chain">{chain_html(links, source)}</p>', f'<p class="supported-by">Reported in: {notes.marks(source.reported_via)}</p>')
        )
    reported_here = model.reports.get(source.id, [])
    if reported_here:
        md.append(md_heading(2, "Documents it reports"))
        md.append(html_block('<ul class="source-list">' + "".join(f"<li>{links.a(s)}</li>" for s in reported_here) + "</ul>"))
    lists = source_lists(model, source)
    if lists["claims-made"].ids:
        md.append(md_heading(2, "Claims made in it"))
        md.append(html_block(capped_list(links, source, "claims-made", lists["claims-made"])))
    citing = model.cited_by.get(source.id, [])
    md.append(md_heading(2, "Records citing it"))
    if citing:
        blocks = []
        for kind in CITING_KINDS:
            listed = lists[f"citing-{kind}"]
            if listed.ids:
                blocks.append(
                    f'<h3 class="cited-kind">{kinds.get(kind).title} ({len(listed.ids):,})</h3>' + capped_list(links, source, f"citing-{kind}", listed)
                )
        md.append(html_block(*blocks))
    else:
        used = provenance.uses(model, source.id)
        md.append(
            html_block(
                f'<p class="empty">No record quotes it directly: we know it only through the document that reports it, so the excerpts are from that document. {len(used):,} records draw on it (above).</p>'
                if used
                else '<p class="empty">No record cites it directly.</p>'
            )
        )
    if source.notes:
        md += [md_heading(2, "Editorial notes"), html_block(notes_html(links, source.notes))]
    if notes.items:
        md += [md_heading(2, "Sources"), notes.render()]
    md.append(html_block(edit_and_data(links, source), cls="record-foot"))
    return Page(here, source.title, f"{vocab.source_kind_title(source.source_kind)}: {source.description}", "".join(md), record=source)


def _holding_note(links: Links, source: Source) -> str:
    """Whether we hold this document or know it only through another, said first."""
    held = provenance.holding(source)
    if held == provenance.ARCHIVED:
        return '<p class="holding">A document we hold: its text is archived.</p>'
    if held == provenance.LINKED:
        return '<p class="holding">A document we hold as a link to the original.</p>'
    roots = sorted(provenance.held_roots(links.model, source.id))
    through = ", ".join(links.a(r) for r in roots)
    return f'<p class="holding">We do not hold this document: we know of it only through {through or "no document we hold"}.</p>'
