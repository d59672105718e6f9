"""Rendering: pure functions from the model to pages.

Each page is a trusted Markdown skeleton (headings with fixed wording, which
MkDocs turns into the table of contents) around raw HTML blocks in which every
value from data/ is escaped by ``html.esc``. Nothing here reads files or
touches MkDocs; ``mkdocs_hooks`` is the only glue.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import dates, docs_text
from .html import esc, first_sentence, inline, paragraphs
from .incremental import RenderMemo
from .model import Actor, Citation, Claim, Event, Model, Record, Source

STATUS_ORDER = ["unverified", "corroborated", "disputed", "contradicted", "retracted"]
KIND_TITLES = {"events": "Events", "claims": "Claims", "actors": "Actors", "sources": "Sources"}
KIND_SINGULAR = {"events": "Event", "claims": "Claim", "actors": "Actor", "sources": "Source"}


@dataclass(slots=True)
class Page:
    path: str  # docs-relative Markdown path, such as "events/some-id.md"
    title: str  # plain text
    description: str  # plain text
    markdown: str
    record: Record | None = None
    searchable: bool = True  # False for lists of records (indexed through the records themselves)


def page_path(record: Record) -> str:
    return f"{record.kind}/{record.id}.md"


def url_of(md_path: str) -> str:
    """The directory URL MkDocs gives a Markdown path (use_directory_urls)."""
    if md_path == "index.md":
        return ""
    if md_path.endswith("/index.md"):
        return md_path[: -len("index.md")]
    return md_path[: -len(".md")] + "/"


class Links:
    """Relative links from one page to others, the way MkDocs lays out directory URLs."""

    def __init__(self, model: Model, here: str):
        self.model = model
        here_url = url_of(here)
        self.base = here_url.rstrip("/") or "."
        self.up = "../" * here_url.count("/")  # from this page's directory URL to the site root

    def to(self, md_path_or_file: str, anchor: str = "") -> str:
        """A relative link: up to the site root, then down to the target (no per-link path arithmetic)."""
        target = md_path_or_file if not md_path_or_file.endswith(".md") else url_of(md_path_or_file)
        rel = (self.up + target) or "./"
        return rel + (f"#{anchor}" if anchor else "")

    def record(self, rid: str, anchor: str = "") -> str:
        record = self.model.get(rid)
        assert record is not None, rid
        return self.to(page_path(record), anchor)

    def a(self, rid: str, text: str | None = None, anchor: str = "", cls: str = "") -> str:
        record = self.model.get(rid)
        assert record is not None, rid
        label = text if text is not None else record_label(record)
        class_attr = f' class="{cls}"' if cls else ""
        return f'<a href="{esc(self.record(rid, anchor))}"{class_attr}>{esc(label)}</a>'


def record_label(record: Record, limit: int = 160) -> str:
    if isinstance(record, Claim):
        return first_sentence(record.statement, limit)
    return record.title


def badge(status: str) -> str:
    return f'<span class="status status-{esc(status)}" title="Assessment: {esc(status)}">{esc(status)}</span>'


def date_html(value: dates.EdtfDate | None, *, unknown: str = "date not known") -> str:
    if value is None:
        return f'<span class="date date-unknown">{esc(unknown)}</span>'
    words = dates.humanize(value)
    marker = ' <span class="fuzzy" title="This date is not exact">not exact</span>' if value.is_fuzzy else ""
    return f'<time class="date" datetime="{esc(value.text)}" title="EDTF: {esc(value.text)}">{esc(words)}</time>{marker}'


def claim_date(model: Model, claim: Claim) -> tuple[dates.EdtfDate | None, str]:
    """The claim's own date, else its venue's publication date; with words saying which."""
    if claim.date is not None:
        return claim.date, "made"
    venue = model.sources.get(claim.made_in)
    if venue is not None and venue.published is not None:
        return venue.published, "published in its venue"
    return None, "not known"


def format_number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


QUALIFIER_WORDS = {
    "exactly": "",
    "about": "about ",
    "at-least": "at least ",
    "more-than": "more than ",
    "at-most": "at most ",
    "fewer-than": "fewer than ",
    "estimated": "an estimated ",
}


def figure_text(value: float, qualifier: str, unit: str) -> str:
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{format_number(value)} {unit}"


def html_block(*parts: str, cls: str = "tracker-block") -> str:
    """One raw HTML block: a <div> on lines with no blank line, so Markdown leaves it alone."""
    # HTML ignores the difference between a newline and a space outside <pre>; turning
    # every newline into a space guarantees no blank line ends the block early.
    body = "".join(parts).replace("\n", " ")
    return f'<div class="{cls}" markdown="0">{body}</div>\n'


BLOCK_PLACEHOLDER = re.compile(r"<p>TRACKERBLOCK(\d+)X</p>")


def split_blocks(markdown: str) -> tuple[str, list[str]]:
    """Take the raw HTML blocks out of a generated page, leaving a placeholder paragraph for each.

    Python-Markdown would otherwise parse every block with its HTML parser, the slowest step of
    the build; the blocks need no Markdown processing, so they are put back by ``join_blocks``.
    Every block is one line starting with ``<div `` (``html_block`` guarantees it) and no other
    line of a generated page starts that way.
    """
    blocks: list[str] = []
    lines = []
    for line in markdown.split("\n"):
        if line.startswith("<div "):
            lines.append(f"\nTRACKERBLOCK{len(blocks)}X\n")
            blocks.append(line)
        else:
            lines.append(line)
    return "\n".join(lines), blocks


def join_blocks(html: str, blocks: list[str]) -> str:
    """Put the blocks back in place of their placeholders (one pass: inserted text is not rescanned)."""
    return BLOCK_PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)


def md_heading(level: int, text: str) -> str:
    """A Markdown heading for fixed, trusted wording only."""
    return f"\n{'#' * level} {text}\n\n"


# ---------------------------------------------------------------- shared pieces


class Footnotes:
    """Numbered citations for one page: [n] markers and the list they point to."""

    def __init__(self, links: Links):
        self.links = links
        self.items: list[tuple[Citation, str]] = []  # (citation, role)

    def add(self, citation: Citation, role: str = "") -> int:
        self.items.append((citation, role))
        return len(self.items)

    def marks(self, citations: Iterable[Citation], role: str = "") -> str:
        numbers = [self.add(c, role) for c in citations]
        return "".join(f'<sup class="cite-ref"><a href="#cite-{n}" id="ref-{n}" aria-label="Source {n}">[{n}]</a></sup>' for n in numbers)

    def render(self) -> str:
        if not self.items:
            return ""
        model = self.links.model
        items = []
        for number, (citation, role) in enumerate(self.items, start=1):
            source = model.sources[citation.source]
            note = f'<p class="cite-note">{inline(citation.note)}</p>' if citation.note else ""
            role_html = f'<span class="cite-role">{esc(role)}</span> ' if role else ""
            items.append(
                f'<li id="cite-{number}">{role_html}<blockquote class="excerpt">{paragraphs(citation.excerpt)}</blockquote>'
                f'{note}<p class="cite-source">{source_summary(self.links, source)}</p>'
                f'<a class="cite-back" href="#ref-{number}" aria-label="Back to the text">↩</a></li>'
            )
        return html_block(f'<ol class="citations">{"".join(items)}</ol>', cls="footnotes")


def source_summary(links: Links, source: Source) -> str:
    """Title, outlet, kind, date, links and "reported via" chain of a source, on one line."""
    title = esc(source.source_title) if source.source_title else f'<span class="untitled">{esc(source.description)}</span>'
    parts = [f'<a href="{esc(links.record(source.id))}" class="source-title">{title}</a>']
    if source.outlet:
        parts.append(links.a(source.outlet))
    parts.append(esc(docs_text.source_kind_title(source.source_kind)))
    parts.append(date_html(source.published, unknown="date not known"))
    if source.url:
        parts.append(f'<a href="{esc(source.url)}" class="external" rel="noopener nofollow">original</a>')
    if source.archived_url:
        parts.append(f'<a href="{esc(source.archived_url)}" class="external" rel="noopener nofollow">archived copy</a>')
    if source.seed:
        parts.append(f'<a href="{esc(links.to(source.seed))}" class="seed-link">archived text</a>')
    chain = chain_html(links, source)
    return " · ".join(parts) + (f'<br><span class="chain">{chain}</span>' if chain else "")


def chain_html(links: Links, source: Source, *, start_html: str | None = None) -> str:
    """The 'reported via' chains of a source (A → B → C), one per path; ``start_html`` is prepended."""
    model = links.model
    paths = [p for p in model.chain(source.id) if len(p) > 1]
    if not paths and start_html is None:
        return ""
    rendered = []
    for path in paths or [[source.id]]:
        steps = ([start_html] if start_html else []) + [links.a(sid) for sid in path]
        rendered.append(" → ".join(steps))
    return ("How we know: " if start_html else "Reported via: ") + "; ".join(rendered)


def actor_links(links: Links, ids: Iterable[str]) -> str:
    return ", ".join(f'<a href="{esc(links.record(i))}" data-actor="{esc(i)}">{esc(links.model.actors[i].name)}</a>' for i in ids)


def tag_list(tags: Iterable[str]) -> str:
    return " ".join(f'<span class="tag" data-tag="{esc(t)}">{esc(t)}</span>' for t in tags)


def claim_item(links: Links, claim: Claim, *, show_claimants: bool = True) -> str:
    who = f' — <span class="claimants">{actor_links(links, claim.claimants)}</span>' if show_claimants else ""
    return f'<li class="claim-item">{badge(claim.status)} {links.a(claim.id)}{who}</li>'


def claim_card(links: Links, claim: Claim, *, heading: str = "") -> str:
    when, _ = claim_date(links.model, claim)
    figures = "".join(
        f'<li class="figure">{esc(figure_text(q.value, q.qualifier, q.unit))} <span class="counts">({esc(q.counts)})</span></li>' for q in claim.quantities
    )
    quote = f'<blockquote class="quote">{paragraphs(claim.quote)}</blockquote>' if claim.quote else ""
    return (
        f'<div class="claim-card status-border-{esc(claim.status)}">'
        + (f'<p class="card-heading">{esc(heading)}</p>' if heading else "")
        + f'<p class="card-status">{badge(claim.status)}</p>'
        + f'<p class="card-statement">{links.a(claim.id, claim.statement)}</p>'
        + quote
        + (f'<ul class="figures">{figures}</ul>' if figures else "")
        + f'<p class="card-meta">Claimed by {actor_links(links, claim.claimants)} in {links.a(claim.made_in)} · {date_html(when)}</p>'
        + f'<p class="card-rationale">{inline(claim.rationale)}</p>'
        + "</div>"
    )


def figure_table(links: Links, measure: str, *, highlight: str | None = None) -> str:
    """Every figure given for one measure, smallest first: who, how much, what, where, how sure."""
    model = links.model
    rows = []
    for claim_id, q in sorted(model.figures[measure], key=lambda item: (item[1].value, item[0])):
        claim = model.claims[claim_id]
        current = ' class="current"' if claim_id == highlight else ""
        rows.append(
            f"<tr{current}><td>{actor_links(links, claim.claimants)}</td>"
            f'<td class="num" data-value="{esc(repr(q.value))}">{esc(figure_text(q.value, q.qualifier, q.unit))}</td>'
            f"<td>{esc(q.counts)}</td><td>{links.a(claim.made_in)}</td><td>{badge(claim.status)} {links.a(claim_id, 'claim')}</td></tr>"
        )
    return (
        f'<div class="figure-table"><table><caption>Figures for <code>{esc(measure)}</code></caption>'
        '<thead><tr><th scope="col">Who</th><th scope="col">Figure</th><th scope="col">What is counted</th>'
        '<th scope="col">Venue</th><th scope="col">Claim</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def edit_and_data(links: Links, record: Record) -> str:
    from .export_common import record_api_path

    json_href = links.to(record_api_path(record.kind, record.id))
    return (
        f'<p class="record-meta"><span class="record-kind">{KIND_SINGULAR[record.kind]}</span> · <code>{esc(record.id)}</code>'
        f' · from <code>{esc(record.path)}</code> · <a href="{esc(json_href)}" type="application/json">this record as JSON</a></p>'
    )


# ---------------------------------------------------------------- lists on record pages


@dataclass(frozen=True, slots=True)
class RecordList:
    """A list of records shown on another record's page (an actor's claims, a source's citers)."""

    label: str  # for the overflow pages' title, such as "claims made"
    ids: list[str]
    item: Callable[[Links, str], str]


def actor_lists(model: Model, actor: Actor) -> dict[str, RecordList]:
    events = sorted(model.events_with.get(actor.id, []), key=lambda e: (*model.events[e].date.sort_key(), e))
    return {
        "claims": RecordList("claims made", model.claims_by.get(actor.id, []), lambda links, i: claim_item(links, model.claims[i], show_claimants=False)),
        "events": RecordList("events", events, lambda links, i: f"<li>{date_html(model.events[i].date)} — {links.a(i)}</li>"),
    }


def source_lists(model: Model, source: Source) -> dict[str, RecordList]:
    citing: dict[str, list[str]] = defaultdict(list)
    for rid in model.cited_by.get(source.id, []):
        citing[model.get(rid).kind].append(rid)
    lists = {"claims-made": RecordList("claims made in it", model.claims_made_in.get(source.id, []), lambda links, i: claim_item(links, model.claims[i]))}
    for kind in ("events", "claims", "actors"):
        lists[f"citing-{kind}"] = RecordList(f"{kind} citing it", citing.get(kind, []), lambda links, i: f"<li>{links.a(i)}</li>")
    return lists


def capped_list(links: Links, owner: Record, key: str, listed: RecordList) -> str:
    """The list inline up to INLINE_LIMIT items; beyond, the first ones and a link to all of them."""
    if not listed.ids:
        return '<p class="empty">None in the data.</p>'
    shown = "".join(listed.item(links, i) for i in listed.ids[:INLINE_LIMIT])
    if len(listed.ids) <= INLINE_LIMIT:
        return f'<ul class="record-list">{shown}</ul>'
    more = links.to(_list_page_path(owner.kind, f"{owner.id}/{key}", 1))
    return f'<ul class="record-list">{shown}</ul><p class="more"><a href="{esc(more)}">All {len(listed.ids):,} {esc(listed.label)}</a></p>'


def owner_overflow_pages(model: Model, owner: Actor | Source) -> list[Page]:
    """Paginated pages for one actor's or source's lists too long to show in full on its page."""
    lists = actor_lists(model, owner) if isinstance(owner, Actor) else source_lists(model, owner)
    pages: list[Page] = []
    for key, listed in lists.items():
        if len(listed.ids) > INLINE_LIMIT:
            pages += _group_pages(model, owner.kind, f"{record_label(owner)}: {listed.label}", f"{owner.id}/{key}", listed.ids, listed.item)
    return pages


def overflow_pages(model: Model) -> list[Page]:
    """Paginated pages for the record lists too long to show in full on their record's page."""
    return [page for owner in [*model.actors.values(), *model.sources.values()] for page in owner_overflow_pages(model, owner)]


# ---------------------------------------------------------------- record pages


def event_page(model: Model, event: Event, timeline_page: str = "timeline/index.md") -> Page:
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


def claim_page(model: Model, claim: Claim) -> Page:
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
        f'<dt>Venue</dt><dd>{links.a(venue.id)} <span class="kind">({esc(docs_text.source_kind_title(venue.source_kind))})</span>'
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
        md_heading(2, "Assessment"),
        html_block(
            f'<p class="assessment">{badge(claim.status)} <a href="{esc(links.to("methodology.md", "assessment-scale"))}">{esc(docs_text.status_definition(claim.status))}</a></p>',
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


def actor_page(model: Model, actor: Actor) -> Page:
    here = page_path(actor)
    links = Links(model, here)
    notes = Footnotes(links)
    facts = [f"<dt>Kind</dt><dd>{esc(docs_text.actor_kind_title(actor.actor_kind))}</dd>"]
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
    lists = actor_lists(model, actor)
    for key, heading in (("claims", "Claims made"), ("events", "Events")):
        md.append(md_heading(2, heading))
        md.append(html_block(capped_list(links, actor, key, lists[key])))
    from .export_common import actor_feed_path

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


def source_page(model: Model, source: Source) -> Page:
    here = page_path(source)
    links = Links(model, here)
    notes = Footnotes(links)
    facts = [f"<dt>Kind</dt><dd>{esc(docs_text.source_kind_title(source.source_kind))}</dd>"]
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
    if source.seed:
        access.append(f'<a href="{esc(links.to(source.seed))}" class="seed-link">archived text in this repository (<code>{esc(source.seed)}</code>)</a>')
    facts.append(
        "<dt>Where to read it</dt><dd>"
        + (" · ".join(access) if access else '<span class="empty">no copy of its own: known only through the sources below</span>')
        + "</dd>"
    )
    if source.language:
        facts.append(f"<dt>Language</dt><dd><code>{esc(source.language)}</code></dd>")
    md = [html_block(f'<h1 id="title">{esc(source.title)}</h1>', edit_and_data(links, source), f'<dl class="facts">{"".join(facts)}</dl>', cls="record-head")]
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
        for kind in ("events", "claims", "actors"):
            listed = lists[f"citing-{kind}"]
            if listed.ids:
                blocks.append(f'<h3 class="cited-kind">{KIND_TITLES[kind]} ({len(listed.ids):,})</h3>' + capped_list(links, source, f"citing-{kind}", listed))
        md.append(html_block(*blocks))
    else:
        md.append(html_block('<p class="empty">No record cites it directly.</p>'))
    if source.notes:
        md += [md_heading(2, "Editorial notes"), html_block(paragraphs(source.notes))]
    if notes.items:
        md += [md_heading(2, "Sources"), notes.render()]
    return Page(here, source.title, f"{docs_text.source_kind_title(source.source_kind)}: {source.description}", "".join(md), record=source)


# ---------------------------------------------------------------- index pages


@dataclass(slots=True)
class TimelineEntry:
    kind: str  # "event" or "claim"
    record: Event | Claim
    date: dates.EdtfDate
    basis: str


def timeline_entries(model: Model) -> list[TimelineEntry]:
    """Events and dated claims in the documented order: earliest day, latest day, events first, id."""
    entries = [TimelineEntry("event", e, e.date, "") for e in model.events.values()]
    for claim in model.claims.values():
        when, how = claim_date(model, claim)
        if when is not None:
            entries.append(TimelineEntry("claim", claim, when, how))
    entries.sort(key=lambda t: (*t.date.sort_key(), t.kind != "event", t.record.id))
    return entries


def group_label(value: dates.EdtfDate) -> tuple[str, str]:
    """(year group, month group) an entry is listed under, from its earliest possible day."""
    if value.start is None:
        return "Start unknown", f"Until {dates.humanize(value).removeprefix('until ')}"
    start = value.start
    year = str(start.earliest.year)
    if start.precision in ("decade", "century"):
        return dates.humanize(dates.parse(start.text.rstrip("?~%"))), "Year not known"
    if start.precision == "year":
        return year, f"{year}, month not known"
    return year, f"{dates.MONTHS[start.earliest.month - 1]} {year}"


# The timeline is one page up to this many entries; beyond, consecutive pages of this many,
# so that no page grows with the data set. Filters then act on the page shown.
TIMELINE_PAGE_SIZE = 1000


def timeline_page_path(number: int) -> str:
    return "timeline/index.md" if number == 1 else f"timeline/{number}.md"


def timeline_chunks(model: Model) -> list[list[TimelineEntry]]:
    entries = timeline_entries(model)
    return [entries[i : i + TIMELINE_PAGE_SIZE] for i in range(0, len(entries), TIMELINE_PAGE_SIZE)] or [[]]


def timeline_locations(chunks: list[list[TimelineEntry]]) -> dict[str, str]:
    """The timeline page each event is listed on."""
    return {e.record.id: timeline_page_path(n) for n, chunk in enumerate(chunks, start=1) for e in chunk if e.kind == "event"}


def timeline_pages(model: Model, chunks: list[list[TimelineEntry]] | None = None) -> list[Page]:
    chunks = chunks if chunks is not None else timeline_chunks(model)
    total_events = len(model.events)
    total_claims = sum(1 for chunk in chunks for e in chunk if e.kind == "claim")
    counts = f"{total_events:,} events and {total_claims:,} dated claims"
    pages = []
    for number, entries in enumerate(chunks, start=1):
        here = timeline_page_path(number)
        links = Links(model, here)
        intro = (
            f'<p class="tl-intro">{counts}, in order. Each entry is placed at the first day it could have happened; '
            f'an entry whose date is not exact is marked <span class="fuzzy">not exact</span> and never shown more precisely than its sources allow '
            f'(<a href="{esc(links.to("methodology.md", "dates"))}">how dates work</a>). '
            + (
                "Filters below need JavaScript; without it, this is the complete list.</p>"
                if len(chunks) == 1
                else "Filters below need JavaScript and act on this page.</p>"
            )
        )
        pager = ""
        if len(chunks) > 1:
            items = []
            for n, chunk in enumerate(chunks, start=1):
                span = f"{dates.humanize(chunk[0].date)} … {dates.humanize(chunk[-1].date)}"
                label = f"{n}: {span}"
                items.append(
                    f"<li><strong>{esc(label)}</strong></li>" if n == number else f'<li><a href="{esc(links.to(timeline_page_path(n)))}">{esc(label)}</a></li>'
                )
            pager = f'<nav class="pager" aria-label="Timeline pages"><p>Page {number} of {len(chunks)}:</p><ol>{"".join(items)}</ol></nav>'
        md = html_block(
            '<h1 id="title">Timeline</h1>',
            intro,
            pager,
            '<div id="tl-filters" class="tl-filters" hidden></div>',
            f'<div class="timeline">{_timeline_groups(links, entries)}</div>',
            cls="timeline-page",
        )
        title = "Timeline" if len(chunks) == 1 else f"Timeline ({number}/{len(chunks)})"
        pages.append(Page(here, title, f"Every event and dated claim in order ({counts}).", md, searchable=False))
    return pages


def _timeline_groups(links: Links, entries: list[TimelineEntry]) -> str:
    parts: list[str] = []
    current_year = current_month = None
    open_list = False
    for entry in entries:
        year, month = group_label(entry.date)
        if year != current_year or month != current_month:
            if open_list:
                parts.append("</ol></section>")
            if year != current_year:
                if current_year is not None:
                    parts.append("</section>")
                parts.append(
                    f'<section class="tl-year" data-year="{esc(year)}"><h2 class="tl-year-heading" id="y-{esc(year.lower().replace(" ", "-"))}">{esc(year)}</h2>'
                )
                current_year = year
            parts.append(f'<section class="tl-month"><h3 class="tl-month-heading">{esc(month)}</h3><ol class="tl-entries">')
            current_month, open_list = month, True
        parts.append(timeline_entry_html(links, entry))
    if open_list:
        parts.append("</ol></section></section>")
    return "".join(parts)


def timeline_entry_html(links: Links, entry: TimelineEntry) -> str:
    record = entry.record
    model = links.model
    if isinstance(record, Event):
        actors = record.actors
        tags = record.tags
        summary = first_sentence(record.summary)
        citations = record.citations
        kind_label = "Event"
        extra = ""
    else:
        actors = record.claimants
        tags = record.tags
        summary = f"Claimed by {', '.join(model.actors[a].name for a in record.claimants)}."
        citations = record.citations
        kind_label = "Claim"
        extra = " " + badge(record.status)
    sources = " ".join(
        f'<a href="{esc(links.record(record.id, f"cite-{n}"))}" class="tl-source" title="{esc(model.sources[c.source].title)}">[{n}]</a>'
        for n, c in enumerate(citations, start=1)
    )
    fuzzy_cls = " tl-fuzzy" if entry.date.is_fuzzy else ""
    basis = f' <span class="date-basis">({esc(entry.basis)})</span>' if entry.basis else ""
    return (
        f'<li class="tl-entry tl-{entry.kind}{fuzzy_cls}" id="{entry.kind}-{esc(record.id)}" '
        f'data-kind="{entry.kind}" data-actors="{esc(" ".join(actors))}" data-tags="{esc(" ".join(tags))}">'
        f'<p class="tl-date">{date_html(entry.date)}{basis}</p>'
        f'<p class="tl-title"><span class="tl-kind">{kind_label}</span>{extra} {links.a(record.id)}</p>'
        f'<p class="tl-summary">{esc(summary)}</p>'
        f'<p class="tl-meta">{"Actors" if entry.kind == "event" else "Claimants"}: {actor_links(links, actors)}'
        + (f" · Tags: {tag_list(tags)}" if tags else "")
        + f" · Sources: {sources}</p></li>"
    )


# An index lists a group inline up to INLINE_LIMIT records; a larger group gets its own
# pages of LIST_PAGE_SIZE under browse/, so no page grows with the size of the data set.
INLINE_LIMIT = 100
LIST_PAGE_SIZE = 500

ItemRenderer = Callable[[Links, str], str]


def _slug(label: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in label.lower()).strip("-") or "group"


def _list_page_path(kind: str, slug: str, number: int) -> str:
    return f"browse/{kind}/{slug}/index.md" if number == 1 else f"browse/{kind}/{slug}/{number}.md"


def index_pages(model: Model, kind: str, intro_html: Callable[[Links], str], groups: list[tuple[str, list[str]]], item: ItemRenderer) -> list[Page]:
    """The index of one kind, by group; groups too large to list inline get paginated pages."""
    here = f"{kind}/index.md"
    links = Links(model, here)
    title = KIND_TITLES[kind]
    sections, pages = [], []
    for label, ids in groups:
        if not ids:
            continue
        slug = _slug(label)
        if len(ids) <= INLINE_LIMIT:
            listing = '<ul class="index-list">' + "".join(item(links, i) for i in ids) + "</ul>"
        else:
            first = links.to(_list_page_path(kind, slug, 1))
            listing = (
                '<ul class="index-list">' + "".join(item(links, i) for i in ids[:INLINE_LIMIT]) + "</ul>"
                f'<p class="more"><a href="{esc(first)}">All {len(ids):,} in “{esc(label)}”</a></p>'
            )
            pages += _group_pages(model, kind, label, slug, ids, item)
        sections.append(f'<section class="group"><h2 id="{esc(slug)}">{esc(label)} <small>({len(ids):,})</small></h2>{listing}</section>')
    body = html_block(f'<h1 id="title">{title}</h1>', intro_html(links), "".join(sections), cls="index-page")
    total = len(getattr(model, kind))
    return [Page(here, title, f"All {total:,} {title.lower()}, grouped.", body, searchable=False), *pages]


def _group_pages(model: Model, kind: str, label: str, slug: str, ids: list[str], item: ItemRenderer) -> list[Page]:
    chunks = [ids[i : i + LIST_PAGE_SIZE] for i in range(0, len(ids), LIST_PAGE_SIZE)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        here = _list_page_path(kind, slug, number)
        links = Links(model, here)
        nav = []
        if number > 1:
            nav.append(f'<a href="{esc(links.to(_list_page_path(kind, slug, number - 1)))}" rel="prev">← previous</a>')
        nav.append(f"page {number} of {len(chunks)}")
        if number < len(chunks):
            nav.append(f'<a href="{esc(links.to(_list_page_path(kind, slug, number + 1)))}" rel="next">next →</a>')
        start = (number - 1) * LIST_PAGE_SIZE
        heading = f"{KIND_TITLES[kind]}: {label}"
        body = html_block(
            f'<h1 id="title">{esc(heading)}</h1>',
            f'<p><a href="{esc(links.to(f"{kind}/index.md"))}">All {KIND_TITLES[kind].lower()}</a> · {start + 1:,}–{start + len(chunk):,} of {len(ids):,}</p>',
            '<ul class="index-list">' + "".join(item(links, i) for i in chunk) + "</ul>",
            f'<nav class="pager" aria-label="Pages">{" · ".join(nav)}</nav>',
            cls="index-page",
        )
        pages.append(Page(here, f"{heading} ({number}/{len(chunks)})", f"{heading}, page {number} of {len(chunks)}.", body, searchable=False))
    return pages


def events_index(model: Model) -> list[Page]:
    by_year: dict[str, list[str]] = defaultdict(list)
    for event in model.timeline():
        by_year[group_label(event.date)[0]].append(event.id)
    return index_pages(
        model,
        "events",
        lambda links: f"<p>{len(model.events):,} events, by year, in timeline order.</p>",
        list(by_year.items()),
        lambda links, i: f"<li>{date_html(model.events[i].date)} — {links.a(i)}</li>",
    )


def claims_index(model: Model) -> list[Page]:
    by_status: dict[str, list[str]] = {s: [] for s in STATUS_ORDER}
    for claim in model.claims.values():
        by_status[claim.status].append(claim.id)
    return index_pages(
        model,
        "claims",
        lambda links: f'<p>{len(model.claims):,} claims, by <a href="{esc(links.to("methodology.md", "assessment-scale"))}">assessment</a>.</p>',
        [(docs_text.status_title(s), ids) for s, ids in by_status.items()],
        lambda links, i: claim_item(links, model.claims[i]),
    )


def actors_index(model: Model) -> list[Page]:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for actor in sorted(model.actors.values(), key=lambda a: (a.name.lower(), a.id)):
        by_kind[actor.actor_kind].append(actor.id)
    return index_pages(
        model,
        "actors",
        lambda links: f"<p>{len(model.actors):,} people, governments, organisations, groups and anonymous sources.</p>",
        [(docs_text.actor_kind_title(k), by_kind[k]) for k in docs_text.actor_kinds() if k in by_kind],
        lambda links, i: f"<li>{links.a(i)} <small>({len(model.claims_by.get(i, []))} claims, {len(model.events_with.get(i, []))} events)</small></li>",
    )


def sources_index(model: Model) -> list[Page]:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for source in sorted(model.sources.values(), key=lambda s: (s.title.lower(), s.id)):
        by_kind[source.source_kind].append(source.id)
    return index_pages(
        model,
        "sources",
        lambda links: f"<p>{len(model.sources):,} documents, by kind.</p>",
        [(docs_text.source_kind_title(k), by_kind[k]) for k in docs_text.source_kinds() if k in by_kind],
        lambda links, i: f"<li>{links.a(i)} <small>(cited by {len(model.cited_by.get(i, []))})</small></li>",
    )


def contradiction_groups(model: Model) -> list[list[str]]:
    """Connected groups of claims joined by 'contradicts', each sorted, largest first."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for claim in model.claims.values():
        for link in claim.links:
            if link.type == "contradicts":
                neighbours[claim.id].add(link.claim)
                neighbours[link.claim].add(claim.id)
    seen: set[str] = set()
    groups = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        group, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node not in group:
                group.add(node)
                stack.extend(neighbours[node] - group)
        seen |= group
        groups.append(sorted(group))
    return sorted(groups, key=lambda g: (-len(g), g))


DISPUTES_PAGE_SIZE = 100  # groups per page: about 500 kB of side-by-side cards at most


def disputes_page_path(number: int) -> str:
    return "disputes.md" if number == 1 else f"disputes/{number}.md"


def dispute_section(links: Links, model: Model, number: int, group: list[str]) -> str:
    claims = [model.claims[c] for c in group]
    events = sorted({e for c in claims for e in c.about})
    about = " · About: " + ", ".join(links.a(e) for e in events) if events else ""
    measures = sorted({q.measure for c in claims for q in c.quantities})
    tables = "".join(figure_table(links, m) for m in measures)
    return (
        f'<section class="dispute" id="dispute-{number}"><h2>Dispute {number}: {len(claims)} claims{about}</h2>'
        f'<div class="side-by-side">{"".join(claim_card(links, c) for c in claims)}</div>{tables}</section>'
    )


def disputes_pages(model: Model) -> list[Page]:
    """Every group of contradicting claims, largest first, numbered across pages of DISPUTES_PAGE_SIZE."""
    groups = contradiction_groups(model)
    chunks = [groups[i : i + DISPUTES_PAGE_SIZE] for i in range(0, len(groups), DISPUTES_PAGE_SIZE)] or [[]]
    pages = []
    for page_number, chunk in enumerate(chunks, start=1):
        here = disputes_page_path(page_number)
        links = Links(model, here)
        first = (page_number - 1) * DISPUTES_PAGE_SIZE + 1
        sections = "".join(dispute_section(links, model, first + i, group) for i, group in enumerate(chunk))
        intro = (
            f"<p>{len(groups)} groups of claims that cannot all be true as stated, each shown side by side with its "
            f'<a href="{esc(links.to("methodology.md", "assessment-scale"))}">assessment</a> and the reasons for it.</p>'
        )
        pager = ""
        if len(chunks) > 1:
            items = [
                f"<li><strong>{n}</strong></li>" if n == page_number else f'<li><a href="{esc(links.to(disputes_page_path(n)))}">{n}</a></li>'
                for n in range(1, len(chunks) + 1)
            ]
            shown = f"disputes {first:,}–{first + len(chunk) - 1:,}"
            pager = f'<nav class="pager" aria-label="Disputes pages"><p>Page {page_number} of {len(chunks)} ({shown}):</p><ol>{"".join(items)}</ol></nav>'
        md = html_block(
            '<h1 id="title">Disputes</h1>',
            intro,
            pager,
            sections or '<p class="empty">No contradicting claims in the data.</p>',
            cls="disputes-page",
        )
        title = "Disputes" if len(chunks) == 1 else f"Disputes ({page_number}/{len(chunks)})"
        pages.append(Page(here, title, f"{len(groups)} groups of contradicting claims, side by side.", md))
    return pages


def data_notes_page(model: Model) -> Page:
    """Contradictions inside one source, and editorial notes on records."""
    here = "data-notes.md"
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
    note_items = "".join(f'<li><span class="record-kind">{KIND_SINGULAR[r.kind]}</span> {links.a(r.id)}: {inline(r.notes)}</li>' for r in noted)
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
    here = "index.md"
    links = Links(model, here)
    counts = model.counts()
    latest = list(reversed(model.timeline()))[:5]
    status_counts = {s: 0 for s in STATUS_ORDER}
    for claim in model.claims.values():
        status_counts[claim.status] += 1
    count_items = "".join(f'<li><a href="{esc(links.to(f"{k}/index.md"))}"><strong>{n}</strong> {KIND_TITLES[k].lower()}</a></li>' for k, n in counts.items())
    latest_items = "".join(f"<li>{date_html(e.date)} — {links.a(e.id)}</li>" for e in latest)
    scale = "".join(f'<tr><td>{badge(s)}</td><td>{esc(docs_text.status_definition(s))}</td><td class="num">{status_counts[s]}</td></tr>' for s in STATUS_ORDER)
    md = "".join(
        [
            html_block(
                f'<h1 id="title">{esc(site_name)}</h1>',
                '<p class="lead">Who did what, who said what, when, and where it was reported: the events and claims of the collapse of the Iran–US talks, '
                "each traceable to a verbatim excerpt of its source, with conflicting accounts shown side by side and an assessment of how sure anyone can be.</p>",
                f'<ul class="counts">{count_items}</ul>',
                f'<p class="start-here"><a href="{esc(links.to("timeline/index.md"))}" class="md-button md-button--primary">Read the timeline</a> '
                f'<a href="{esc(links.to("disputes.md"))}" class="md-button">See the disputes</a></p>',
                cls="home-head",
            ),
            md_heading(2, "Latest events"),
            html_block(f'<ul class="event-list">{latest_items}</ul>' if latest_items else '<p class="empty">No events yet.</p>'),
            md_heading(2, "How sure we are"),
            html_block(
                '<div class="scale"><table><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Claims</th></tr></thead>'
                f"<tbody>{scale}</tbody></table></div>",
                f'<p>The scale, the date notation and the checks every record passes are explained in the <a href="{esc(links.to("methodology.md"))}">methodology</a>.</p>',
            ),
            md_heading(2, "Contribute"),
            html_block(
                "<p>The data is plain YAML, one record per file, and every change arrives as a pull request that the build checks: every event and claim must cite a source with a verbatim excerpt. "
                f'<a href="{esc(links.to("contributing.md"))}">How to contribute</a>.</p>'
            ),
            md_heading(2, "Use the data"),
            html_block(
                "<p>Everything here is open data: a JSON API with one document per record and a full dump, CSV tables with a Frictionless data package, "
                f'Atom feeds (of everything, per actor and per tag) and an iCalendar file. <a href="{esc(links.to("downloads.md"))}">Downloads</a>.</p>'
            ),
        ]
    )
    return Page(here, site_name, "Events and claims of the collapse of the Iran–US talks, each traced to a verbatim excerpt of its source.", md)


def all_pages(model: Model, site_name: str, memo: RenderMemo | None = None) -> list[Page]:
    """Every page of the site. With a memo (the live preview), pages whose inputs did not change are reused."""
    if memo is not None:
        memo.begin(model)
    chunks = timeline_chunks(model)
    on_timeline = timeline_locations(chunks)

    def index(fn: Callable[[Model], list[Page]]) -> list[Page]:
        return fn(model) if memo is None else memo.call(("index", fn.__name__), fn, None)

    pages = [
        home_page(model, site_name),
        *timeline_pages(model, chunks),
        *index(events_index),
        *index(claims_index),
        *index(actors_index),
        *index(sources_index),
        *disputes_pages(model),
        data_notes_page(model),
        docs_text.methodology_page(),
    ]
    if memo is None:
        pages += [event_page(model, e, on_timeline[e.id]) for e in model.events.values()]
        pages += [claim_page(model, c) for c in model.claims.values()]
        pages += [actor_page(model, a) for a in model.actors.values()]
        pages += [source_page(model, s) for s in model.sources.values()]
        pages += overflow_pages(model)
        return pages
    for record in model.all_records():
        args = (on_timeline[record.id],) if isinstance(record, Event) else ()
        page = memo.call(page_path(record), RECORD_PAGES[record.kind], record, *args)
        pages.append(page if page.record is record else dataclasses.replace(page, record=record))
    for owner in [*model.actors.values(), *model.sources.values()]:
        pages += memo.call(("overflow", page_path(owner)), owner_overflow_pages, owner)
    return pages


RECORD_PAGES: dict[str, Callable[..., Page]] = {"events": event_page, "claims": claim_page, "actors": actor_page, "sources": source_page}
