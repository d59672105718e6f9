"""The evidence card at the top of a claim page, and the single-document note of every record page.

A reader checking a claim needs, on the first screen, what was claimed, how sure we are, who said
it, where, and the words themselves with a way to read them in context (as PolitiFact and Full
Fact lead with claim, verdict and evidence). The rationale is given once, in the card.
"""

from __future__ import annotations

from tracker.check import vocab
from tracker.core.html import esc, first_sentence, paragraphs
from tracker.model import provenance
from tracker.model.paths import METHODOLOGY_PAGE
from tracker.model.records import Claim, Record, Source, claim_date
from tracker.render.pages.base import Links
from tracker.render.pages.fragments import badge, date_html
from tracker.render.pages.reader import readable, reader_href


def claimed_by(links: Links, claim: Claim) -> str:
    """Who made the claim, each once, with how the source describes an anonymous one."""
    parts = []
    for actor_id in dict.fromkeys(claim.claimants):  # a name listed twice is shown once
        actor = links.model.actors[actor_id]
        described = f' <span class="described-as">(described as “{esc(actor.described_as)}”)</span>' if actor.described_as else ""
        parts.append(f'<a href="{esc(links.record(actor_id))}">{esc(actor.name)}</a>{described}')
    return ", ".join(parts)


def archived_text_link(links: Links, source: Source, excerpt: str) -> str:
    """Where to read an excerpt in context: its highlight in the archived text's reader page, else the source's page."""
    return reader_href(links, source, excerpt) if readable(source) else links.record(source.id)


def evidence_card(links: Links, claim: Claim, heading: str = "") -> str:
    """Statement, status, who said it, where and when, the verbatim words and a link to them, the rationale.

    The statement is repeated only when ``heading`` (the page's title) shortened it."""
    model = links.model
    statement = " ".join(claim.statement.split())
    venue = model.sources[claim.made_in]
    when, how = claim_date(model, claim)
    rows = [
        f'<p class="ev-status">{badge(claim.status)} <span class="ev-definition">{esc(vocab.status_definition(claim.status))} '
        f'<a href="{esc(links.to(METHODOLOGY_PAGE, "assessment-scale"))}">The scale</a></span></p>',
        f'<p class="ev-statement">{esc(statement)}</p>' if heading != statement else "",
        f'<p class="ev-who"><span class="ev-label">Claimed by</span> {claimed_by(links, claim)}</p>',
        f'<p class="ev-where"><span class="ev-label">Said in</span> {links.a(venue.id)}'
        + (f" · {date_html(when, published=venue.published if how != 'made' else None)}" if when else "")
        + "</p>",
    ]
    if claim.quote:
        rows.append(
            f'<figure class="ev-quote"><blockquote>{paragraphs(claim.quote)}</blockquote><figcaption>Their words, as quoted in the source</figcaption></figure>'
        )
    for citation in claim.citations[:1]:
        source = model.sources[citation.source]
        rows.append(
            f'<figure class="ev-quote ev-excerpt"><blockquote>{paragraphs(citation.excerpt)}</blockquote>'
            f'<figcaption>Verbatim from {links.a(source.id)} · <a href="{esc(archived_text_link(links, source, citation.excerpt))}" class="ev-context">read it in context</a></figcaption></figure>'
        )
    rows.append(f'<div class="ev-rationale"><p class="ev-label">Why this assessment</p>{paragraphs(claim.rationale)}</div>')
    return f'<section class="evidence-card status-border-{esc(claim.status)}" aria-label="The evidence">{"".join(rows)}</section>'


def single_document_note(links: Links, record: Record) -> str:
    """ "Everything on this page rests on a single document: …" when it does, else ""."""
    only = provenance.single_document(links.model, record)
    if only is None:
        return ""
    source = links.model.sources[only]
    short = first_sentence(source.title, 70)
    name = f'<a href="{esc(links.record(only))}" title="{esc(source.title)}">{esc(short)}</a>'
    return f'<p class="single-source">Rests on a single document: {name}. Nothing else in our data confirms it independently.</p>'
