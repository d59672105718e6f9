"""Site pages: the home page, the data notes and the methodology (the downloads page is made with the open data, in exports)."""

from __future__ import annotations

from .. import kinds, vocab
from ..docs_text import FIELD_ORDER_KINDS, date_examples_html, field_table_html, scale_table
from ..html import esc, inline
from ..model import Model
from ..paths import CONTRIBUTING_PAGE, DATA_NOTES_PAGE, DOWNLOADS_PAGE, HOME_PAGE, METHODOLOGY_PAGE, disputes_page_path, index_path, timeline_page_path
from ..rules import rule_docs
from ..schemas import schema_documents
from .base import Links, Page, html_block, md_heading
from .drawings import compact_timeline
from .fragments import badge, claim_card, date_html


def data_notes_page(model: Model) -> Page:
    """Contradictions inside one source, and editorial notes on records."""
    here = DATA_NOTES_PAGE
    links = Links(model, here)
    internal = []
    seen_pairs: set[tuple[str, str]] = set()
    for claim in model.claims.values():
        for link in claim.links:
            if link.type != "contradicts":
                continue
            other = model.claims[link.claim]
            pair = tuple(sorted((claim.id, other.id)))
            if pair in seen_pairs:
                continue
            shared = ({claim.made_in} & {other.made_in}) | (
                {c.source for c in claim.citations} & {c.source for c in other.citations} if set(claim.claimants) & set(other.claimants) else set()
            )
            if shared:
                seen_pairs.add(pair)
                internal.append((sorted(shared), claim, other))
    blocks = []
    for shared, a, b in internal:
        blocks.append(
            f'<section class="data-note"><h3>Inside {", ".join(links.a(s) for s in shared)}</h3>'
            f'<div class="side-by-side">{claim_card(links, a)}{claim_card(links, b)}</div></section>'
        )
    noted = [r for r in model.all_records() if getattr(r, "notes", None)]
    note_items = "".join(f'<li><span class="record-kind">{kinds.get(r.kind).singular_title}</span> {links.a(r.id)}: {inline(r.notes)}</li>' for r in noted)
    md = "".join(
        [
            html_block(
                '<h1 id="title">Data notes</h1>',
                "<p>Where a source contradicts itself, and what the curators noted about individual records. Nothing here is corrected silently: both statements stay in the data, linked as contradicting.</p>",
                cls="notes-page",
            ),
            md_heading(2, "Contradictions inside a source"),
            html_block("".join(blocks) or '<p class="empty">None found.</p>'),
            md_heading(2, "Editorial notes on records"),
            html_block(f'<ul class="notes-list">{note_items}</ul>' if note_items else '<p class="empty">None.</p>'),
        ]
    )
    return Page(here, "Data notes", "Contradictions inside sources and editorial notes on the data.", md)


def home_page(model: Model, site_name: str) -> Page:
    here = HOME_PAGE
    links = Links(model, here)
    counts = model.counts()
    latest = list(reversed(model.timeline()))[:5]
    status_counts = {s: 0 for s in vocab.statuses()}
    for claim in model.claims.values():
        status_counts[claim.status] = status_counts.get(claim.status, 0) + 1
    count_items = "".join(f'<li><a href="{esc(links.to(index_path(k)))}"><strong>{n}</strong> {kinds.get(k).title.lower()}</a></li>' for k, n in counts.items())
    latest_items = "".join(f"<li>{date_html(e.date)} — {links.a(e.id)}</li>" for e in latest)
    scale = "".join(f'<tr><td>{badge(s)}</td><td>{esc(vocab.status_definition(s))}</td><td class="num">{status_counts[s]}</td></tr>' for s in status_counts)
    md = "".join(
        [
            html_block(
                f'<h1 id="title">{esc(site_name)}</h1>',
                '<p class="lead">Who did what, who said what, when, and where it was reported: the events and claims of the collapse of the Iran–US talks, '
                "each traceable to a verbatim excerpt of its source, with conflicting accounts shown side by side and an assessment of how sure anyone can be.</p>",
                f'<ul class="counts">{count_items}</ul>',
                f'<p class="start-here"><a href="{esc(links.to(timeline_page_path(1)))}" class="md-button md-button--primary">Read the timeline</a> '
                f'<a href="{esc(links.to(disputes_page_path(1)))}" class="md-button">See the disputes</a></p>',
                cls="home-head",
            ),
            html_block(compact_timeline(links)),
            md_heading(2, "Latest events"),
            html_block(f'<ul class="event-list">{latest_items}</ul>' if latest_items else '<p class="empty">No events yet.</p>'),
            md_heading(2, "How sure we are"),
            html_block(
                '<div class="scale"><table><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Claims</th></tr></thead>'
                f"<tbody>{scale}</tbody></table></div>",
                f'<p>The scale, the date notation and the checks every record passes are explained in the <a href="{esc(links.to(METHODOLOGY_PAGE))}">methodology</a>.</p>',
            ),
            md_heading(2, "Contribute"),
            html_block(
                "<p>The data is plain YAML, one record per file, and every change arrives as a pull request that the build checks: every event and claim must cite a source with a verbatim excerpt. "
                f'<a href="{esc(links.to(CONTRIBUTING_PAGE))}">How to contribute</a>.</p>'
            ),
            md_heading(2, "Use the data"),
            html_block(
                "<p>Everything here is open data: a JSON API with one document per record and a full dump, CSV tables with a Frictionless data package, "
                f'Atom feeds (of everything, per actor and per tag) and an iCalendar file. <a href="{esc(links.to(DOWNLOADS_PAGE))}">Downloads</a>.</p>'
            ),
        ]
    )
    return Page(here, site_name, "Events and claims of the collapse of the Iran–US talks, each traced to a verbatim excerpt of its source.", md)


def methodology_page() -> Page:

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
            md_heading(2, kinds.folders_in_words("and").capitalize() + " {#records}"),
            html_block("".join(f"<p><strong>{kind.title}</strong>: {esc(docs[kind.schema]['description'])}</p>" for kind in kinds.ALL)),
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
    return Page(METHODOLOGY_PAGE, "Methodology", "The assessment scale, the date notation, sources and the checks every record passes.", md)
