"""One page per record: event, claim, actor and source pages, each registered for its kind."""

from __future__ import annotations

from .. import kinds, vocab
from ..html import esc, first_sentence, inline, paragraphs
from ..model import Actor, Claim, Event, Model, Source, claim_date
from ..paths import METHODOLOGY_PAGE, actor_feed_path, page_path, timeline_page_path
from .base import Links, Page, html_block, md_heading
from .drawings import compact_timeline, provenance_drawing
from .fragments import Footnotes, actor_links, badge, chain_html, claim_card, claim_item, date_html, edit_and_data, figure_table, tag_list
from .lists import CITING_KINDS, actor_lists, capped_list, source_lists
from .reader import readable, reader_href


@kinds.provides("events", "page")
def event_page(model: Model, event: Event, timeline_page: str | None = None) -> Page:
    """An event's page; ``timeline_page`` is the timeline page that lists it (the first by default)."""
    timeline_page = timeline_page or timeline_page_path(1)
    here = page_path(event)
    links = Links(model, here)
    notes = Footnotes(links)
    facts = [f"<dt>Date</dt><dd>{date_html(event.date)}" + (f'<p class="date-note">{inline(event.date_note)}</p>' if event.date_note else "") + "</dd>"]
    if event.location:
        loc = event.location
        place = (
            esc(loc["name"])
            + (f", {esc(loc['country'])}" if loc.get("country") else "")
            + (f' <span class="detail">({esc(loc["detail"])})</span>' if loc.get("detail") else "")
        )
        facts.append(f"<dt>Location</dt><dd>{place}</dd>")
    facts.append(f"<dt>Actors</dt><dd>{actor_links(links, event.actors)}</dd>")
    if event.part_of:
        facts.append(f"<dt>Part of</dt><dd>{links.a(event.part_of)}</dd>")
    if model.sub_events.get(event.id):
        facts.append("<dt>Includes</dt><dd>" + ", ".join(links.a(e) for e in model.sub_events[event.id]) + "</dd>")
    if event.tags:
        facts.append(f"<dt>Tags</dt><dd>{tag_list(event.tags)}</dd>")
    facts.append(f'<dt>Timeline</dt><dd><a href="{esc(links.to(timeline_page, "event-" + event.id))}">see it in order</a></dd>')
    md = [
        html_block(f'<h1 id="title">{esc(event.title)}</h1>', edit_and_data(links, event), f'<dl class="facts">{"".join(facts)}</dl>', cls="record-head"),
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
        md += [md_heading(2, "Editorial notes"), html_block(paragraphs(event.notes))]
    md += [md_heading(2, "Sources"), notes.render()]
    description = first_sentence(event.summary, 160)
    return Page(here, event.title, description, "".join(md), record=event)


def claim_heading(claim: Claim) -> str:
    """The whole statement when it is short enough for a heading, else its first sentence."""
    flat = " ".join(claim.statement.split())
    return flat if len(flat) <= 300 else first_sentence(flat, 300)


@kinds.provides("claims", "page")
def claim_page(model: Model, claim: Claim, timeline_page: str | None = None) -> Page:
    here = page_path(claim)
    links = Links(model, here)
    notes = Footnotes(links)
    venue = model.sources[claim.made_in]
    when, how = claim_date(model, claim)
    claimant_html = []
    for actor_id in claim.claimants:
        actor = model.actors[actor_id]
        described = f' <span class="described-as">(described as “{esc(actor.described_as)}”)</span>' if actor.described_as else ""
        claimant_html.append(f'<a href="{esc(links.record(actor_id))}">{esc(actor.name)}</a>{described}')
    facts = [
        f"<dt>Claimed by</dt><dd>{', '.join(claimant_html)}</dd>",
        f'<dt>Venue</dt><dd>{links.a(venue.id)} <span class="kind">({esc(vocab.source_kind_title(venue.source_kind))})</span>'
        + f'<br><span class="chain">{chain_html(links, venue, start_html=actor_links(links, claim.claimants))}</span></dd>',
        f"<dt>Date</dt><dd>{date_html(when)}"
        + (f' <span class="date-basis">({esc(how)})</span>' if when else "")
        + (f'<p class="date-note">{inline(claim.date_note)}</p>' if claim.date_note else "")
        + "</dd>",
    ]
    if claim.about:
        facts.append("<dt>About</dt><dd>" + ", ".join(links.a(e) for e in claim.about) + "</dd>")
    if claim.tags:
        facts.append(f"<dt>Tags</dt><dd>{tag_list(claim.tags)}</dd>")
    md = [
        html_block(
            f'<h1 id="title">{esc(claim_heading(claim))}</h1>',
            edit_and_data(links, claim),
            f'<dl class="facts">{"".join(facts)}</dl>',
            cls="record-head",
        ),
        md_heading(2, "What was claimed"),
        html_block(
            paragraphs(claim.statement, cls="statement"),
            (
                f'<figure class="quote"><blockquote>{paragraphs(claim.quote)}</blockquote><figcaption>Verbatim, as quoted in the source</figcaption></figure>'
                if claim.quote
                else ""
            ),
            f'<p class="supported-by">Sources: {notes.marks(claim.citations)}</p>',
        ),
        md_heading(2, "Where it comes from"),
        html_block(provenance_drawing(links, claim)),
        md_heading(2, "Assessment"),
        html_block(
            f'<p class="assessment">{badge(claim.status)} <a href="{esc(links.to(METHODOLOGY_PAGE, "assessment-scale"))}">{esc(vocab.status_definition(claim.status))}</a></p>',
            paragraphs(claim.rationale, cls="rationale"),
        ),
    ]
    measures = sorted({q.measure for q in claim.quantities})
    if measures:
        md.append(md_heading(2, "Figures compared"))
        md.append(html_block(*(figure_table(links, m, highlight=claim.id) for m in measures)))
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
            cards.append(
                f'<section class="relation relation-{esc(rel_type.replace(" ", "-"))}"><p class="relation-type">{label}'
                + (f": {esc(note)}" if note else "")
                + f'</p><div class="side-by-side">{claim_card(links, claim, heading="This claim")}{claim_card(links, other, heading="Other claim")}</div></section>'
            )
        md.append(html_block(*cards))
    if claim.notes:
        md += [md_heading(2, "Editorial notes"), html_block(paragraphs(claim.notes))]
    md += [md_heading(2, "Sources"), notes.render()]
    return Page(here, first_sentence(claim.statement, 120), first_sentence(claim.statement, 160), "".join(md), record=claim)


@kinds.provides("actors", "page")
def actor_page(model: Model, actor: Actor, timeline_page: str | None = None) -> Page:
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
    md = [html_block(f'<h1 id="title">{esc(actor.name)}</h1>', edit_and_data(links, actor), f'<dl class="facts">{"".join(facts)}</dl>', cls="record-head")]
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
    md += [md_heading(2, "Sources"), notes.render()]
    description = first_sentence(actor.description, 160) if actor.description else f"{actor.name}: claims and events in the tracker."
    return Page(here, actor.name, description, "".join(md), record=actor)


@kinds.provides("sources", "page")
def source_page(model: Model, source: Source, timeline_page: str | None = None) -> Page:
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
    if readable(source):
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
        html_block(f'<h1 id="title">{esc(source.title)}</h1>', edit_and_data(links, source), f'<dl class="facts">{"".join(facts)}</dl>', cls="record-head"),
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
        md.append(html_block('<p class="empty">No record cites it directly.</p>'))
    if source.notes:
        md += [md_heading(2, "Editorial notes"), html_block(paragraphs(source.notes))]
    if notes.items:
        md += [md_heading(2, "Sources"), notes.render()]
    return Page(here, source.title, f"{vocab.source_kind_title(source.source_kind)}: {source.description}", "".join(md), record=source)
