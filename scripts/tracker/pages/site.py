"""Site pages: the home page, the data notes and the methodology (the downloads page is made with the open data, in exports)."""

from __future__ import annotations

import re

from .. import dates, kinds, provenance, vocab
from ..docs_text import date_examples_html, scale_table
from ..html import esc
from ..model import Model
from ..paths import (
    ABOUT_PAGE,
    CONTRIBUTING_PAGE,
    DATA_NOTES_PAGE,
    DOWNLOADS_PAGE,
    HOME_PAGE,
    METHODOLOGY_PAGE,
    disputes_page_path,
    index_path,
    timeline_page_path,
)
from ..rules import rule_docs
from ..schemas import schema_documents
from ..story import Story
from . import home
from .base import Links, Page, html_block, md_heading
from .drawings import compact_timeline
from .fragments import badge, claim_card, notes_html


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
            pair = (min(claim.id, other.id), max(claim.id, other.id))
            if pair in seen_pairs:
                continue
            in_common = ({claim.made_in} & {other.made_in}) | (
                {c.source for c in claim.citations} & {c.source for c in other.citations} if set(claim.claimants) & set(other.claimants) else set()
            )
            if in_common:
                seen_pairs.add(pair)
                internal.append((sorted(in_common), claim, other))
    blocks = []
    for shared, a, b in internal:
        blocks.append(
            f'<section class="data-note"><h3>Inside {", ".join(links.a(s) for s in shared)}</h3>'
            f'<div class="side-by-side">{claim_card(links, a)}{claim_card(links, b)}</div></section>'
        )
    noted = [r for r in model.all_records() if getattr(r, "notes", None)]
    note_items = "".join(
        f'<li><span class="record-kind">{kinds.get(r.kind).singular_title}</span> {links.a(r.id)}: {notes_html(links, getattr(r, "notes", ""))}</li>'
        for r in noted
    )
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


def home_page(model: Model, site_name: str, story: Story | None = None, entries: list | None = None) -> Page:
    """The story first: the lead, what is disputed, what the data rests on, the newest entries; then the scale and the ways in."""
    story = story or Story()
    here = HOME_PAGE
    links = Links(model, here)
    counts = model.counts()
    status_counts = {s: 0 for s in vocab.statuses()}
    for claim in model.claims.values():
        status_counts[claim.status] = status_counts.get(claim.status, 0) + 1
    held = provenance.counts(model).held
    count_items = "".join(
        f'<li><a href="{esc(links.to(index_path(k)))}"><strong>{n}</strong> {kinds.get(k).title.lower()}</a>'
        + (f" ({held:,} held)" if k == "sources" else "")  # "10 sources" hid that one document is held
        + "</li>"
        for k, n in counts.items()
    )
    scale = "".join(f'<tr><td>{badge(s)}</td><td>{esc(vocab.status_definition(s))}</td><td class="num">{status_counts[s]}</td></tr>' for s in status_counts)
    md = "".join(
        [
            html_block(
                f'<h1 id="title">{esc(site_name)}</h1>',
                home.lead_html(links, story)
                or '<p class="lead">The events and claims of the collapse of the Iran–US talks, each traceable to a verbatim excerpt of its source.</p>',
                home.disputed_box(links, model, story),
                home.sources_sentence(links, model),
                f'<p class="start-here"><a href="{esc(links.to(timeline_page_path(1)))}" class="md-button md-button--primary">Read the timeline</a> '
                f'<a href="{esc(links.to(disputes_page_path(1)))}" class="md-button">See the disputes</a></p>',
                cls="home-head",
            ),
            html_block(compact_timeline(links)),
            md_heading(2, "Newest entries"),
            html_block(
                "<p>By the date the sources give; where several share a date, in the order the article reports them.</p>",
                home.newest_html(links, model, entries or []),
            ),
            md_heading(2, "How sure we are"),
            html_block(
                '<div class="scale"><table><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Claims</th></tr></thead>'
                f"<tbody>{scale}</tbody></table></div>",
                f'<ul class="counts">{count_items}</ul>',
                f'<p>The scale, the dates and the checks every record passes are explained in the <a href="{esc(links.to(METHODOLOGY_PAGE))}">methodology</a>; '
                f'who makes this and how to reuse it, on the <a href="{esc(links.to(ABOUT_PAGE))}">About</a> page.</p>',
            ),
            md_heading(2, "Use the data"),
            html_block(
                "<p>Everything here is open data: a JSON API with one document per record and a full dump, CSV tables with a Frictionless data package, "
                f'Atom feeds (of everything, per actor and per tag) and an iCalendar file. <a href="{esc(links.to(DOWNLOADS_PAGE))}">Downloads</a>. '
                f'Corrections and new records are welcome: <a href="{esc(links.to(CONTRIBUTING_PAGE))}">how to contribute</a>.</p>'
            ),
        ]
    )
    return Page(here, site_name, "Events and claims of the collapse of the Iran–US talks, each traced to a verbatim excerpt of its source.", md)


def _prose(text: str) -> str:
    """Schema descriptions for readers: escaped, with `code` spans shown as code rather than as backticks."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", esc(text))


# The field reference is for contributors: it lives in CONTRIBUTING.md, generated from the same schemas.
FIELD_REFERENCE_URL = "https://github.com/newstrace/iran-us-talks/blob/main/CONTRIBUTING.md#field-reference"


def methodology_page() -> Page:

    docs = schema_documents()
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
            md_heading(2, "Assessment scale {#assessment-scale}"),
            html_block("<p>Every claim carries one of these statuses and a written rationale.</p>", scale_table("status", badge=True)),
            md_heading(2, "What uncertainty means {#uncertainty}"),
            html_block(
                "<p>A status says how well the evidence <em>in our data</em> supports a claim, not whether the claim is true in the world: "
                "a claim only one source makes stays unverified however plausible it is, and a claim two accounts dispute stays disputed until a source settles it. "
                "Dates are never shown more precisely than the sources give them: “probably 2026” means a source suggests the year without saying it, "
                "and “Date not given; the article is probably from 2026” means the sources do not date it at all, so it is placed at the date of the article reporting it. "
                "Where many entries share such a date, the timeline follows what the sources say came first, then the order in which the article reports them.</p>"
            ),
            md_heading(2, kinds.folders_in_words("and").capitalize() + " {#records}"),
            html_block("".join(f"<p><strong>{kind.title}</strong>: {_prose(docs[kind.schema]['description'])}</p>" for kind in kinds.ALL)),
            md_heading(2, "Citations and verbatim excerpts {#citations}"),
            html_block(f"<p>{_prose(docs['common']['$defs']['citation']['description'])} {_prose(citation)}</p>"),
            md_heading(2, "Reported via {#reported-via}"),
            html_block(
                f"<p>{_prose(reported_via)}</p><p>A claim by an anonymous source is shown with its whole chain: the source as the article describes it, "
                "the document it spoke to (such as a Daily Mail report), and the archived article in which we read it.</p>"
            ),
            md_heading(2, "Dates {#dates}"),
            html_block(
                "<p>Dates are shown in words, at the precision the sources give and no finer: “20 January 2025”, “June 2025”, “probably June 2025” "
                "(the source suggests it without saying it), “about 2025”, “2025 (month not known)”, “from 20 January 2025”. "
                "A record the sources do not date is placed at the date of the document reporting it, and says so: “Date not given; the article is probably from 2026”. "
                "The date as it is recorded in the data (in the Extended Date/Time Format, ISO 8601-2) is in each date's tooltip, in the JSON and in the CSV files.</p>",
                "<p><strong>Order on the timeline.</strong> Entries are grouped by month, or by year when the month is not known (a year's entries without a month "
                "close that year). Within a group they are ordered by date; where the dates cannot decide, by what the sources say came first "
                "(an event recorded as following another comes after it, with the excerpt that says so), then by where each is first reported in the archived text, "
                "marked “in the order reported”. Claims are placed by the date they were made, or else the date of the document they were made in.</p>",
                f"<p><strong>Supported years.</strong> Every date falls in the years {dates.MIN_YEAR} to {dates.MAX_YEAR}, both ends of an interval included; "
                "the validator refuses any other, with the line and column of the date. The timeline, the calendar and the feeds are drawn and printed "
                "for every day of these years, which hold the dates of a news story and of the history it recalls; a date outside them is a typing mistake.</p>",
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
            html_block(
                "<p>Every field of every kind of record, with what it means and what it accepts, is in the contributors' guide: "
                f'<a href="{esc(FIELD_REFERENCE_URL)}">the field reference in CONTRIBUTING.md</a>.</p>'
            ),
        ]
    )
    return Page(METHODOLOGY_PAGE, "Methodology", "The assessment scale, the date notation, sources and the checks every record passes.", md)
