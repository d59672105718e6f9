"""Pieces shared by several page families: badges, dates, citations, claim cards, figure tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .. import date_words, dates, kinds, vocab
from ..draw.datetime_attr import date_element
from ..draw.figures import figures_svg
from ..html import esc, inline, paragraphs
from ..model import Citation, Claim, Model, Record, Source, claim_date
from ..paths import record_api_path
from ..words import figure_text, record_label
from .base import Links, html_block
from .reader import readable, reader_href


def badge(status: str) -> str:
    """A claim's status as a coloured word. No tooltip: "Assessment: unverified" only repeated the word,
    on every line of every list of claims (1.3 MB at 10,000 records); the pages say what the words are."""
    return f'<span class="status status-{esc(status)}">{esc(status)}</span>'


def date_html(value: dates.EdtfDate | None, *, unknown: str = "date not known", published: dates.EdtfDate | None = None) -> str:
    """A date in plain words ("probably June 2025"); the notation stays in the tooltip.

    With ``published`` (the date of the document reporting the record), a date that only repeats
    that document's uncertain date reads "Date not given; the article is probably from 2026".
    """
    if value is None:
        return f'<span class="date date-unknown">{esc(unknown)}</span>'
    words = date_words.record_date_words(value, published) if published is not None else date_words.plain(value)
    cls = "date date-fuzzy" if value.is_fuzzy else "date"
    return date_element(value, words, cls=cls)


def record_published(model: Model, record: Record) -> dates.EdtfDate | None:
    """The publication date of the document a record is first cited from (for "Date not given; …")."""
    for citation in getattr(record, "citations", []):
        source = model.sources.get(citation.source)
        if source is not None and source.published is not None:
            return source.published
    return None


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
                f'{note}<p class="cite-source">{source_summary(self.links, source, citation.excerpt)}</p>'
                f'<a class="cite-back" href="#ref-{number}" aria-label="Back to the text">↩</a></li>'
            )
        return html_block(f'<ol class="citations">{"".join(items)}</ol>', cls="footnotes")


def source_summary(links: Links, source: Source, excerpt: str = "") -> str:
    """Title, outlet, kind, date, links and "reported via" chain of a source, on one line.

    With an ``excerpt``, the archived text's link lands on that excerpt's highlight.
    """
    title = esc(source.source_title) if source.source_title else f'<span class="untitled">{esc(source.description)}</span>'
    parts = [f'<a href="{esc(links.record(source.id))}" class="source-title">{title}</a>']
    if source.outlet:
        parts.append(links.a(source.outlet))
    parts.append(esc(vocab.source_kind_title(source.source_kind)))
    parts.append(date_html(source.published, unknown="date not known"))
    if source.url:
        parts.append(f'<a href="{esc(source.url)}" class="external" rel="noopener nofollow">original</a>')
    if source.archived_url:
        parts.append(f'<a href="{esc(source.archived_url)}" class="external" rel="noopener nofollow">archived copy</a>')
    if readable(source):
        label = "the excerpt in the archived text" if excerpt else "archived text"
        parts.append(f'<a href="{esc(reader_href(links, source, excerpt))}" class="reader-link">{label}</a>')
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


# A repeat inside a repeat that dlint flags, but safe: each inner run stops at the '-' that starts the
# next, so a word splits one way only, and the lookbehind starts a match only at a word's start
# (tests/test_regex_safety.py tries it on a 5,000-character hyphenated word).
_RECORD_ID = re.compile(r"(?<![\w/.-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w/-])")  # noqa: DUO138


def notes_html(links: Links, text: str) -> str:
    """Editorial notes as paragraphs, a record's id in them shown as a link named like the record ("no ids in prose").

    The notes are text written for curators, who name records by id; only a word that is the id of
    a record in the data is replaced, and the text stays escaped around it.
    """

    def linked(line: str) -> str:
        out, last = [], 0
        for match in _RECORD_ID.finditer(line):
            named = links.model.get(match.group(0))
            if named is None:
                continue
            out += [esc(line[last : match.start()]), links.a(match.group(0), record_label(named, 80).rstrip("."))]
            last = match.end()
        return "".join(out) + esc(line[last:])

    parts = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join("<p>" + "<br>".join(linked(line) for line in part.split("\n")) + "</p>" for part in parts)


def actor_links(links: Links, ids: Iterable[str]) -> str:
    return ", ".join(f'<a href="{esc(links.record(i))}">{esc(links.model.actors[i].name)}</a>' for i in ids)


def tag_list(tags: Iterable[str], names: Mapping[str, str] | None = None) -> str:
    """Tags by their names from data/vocabulary.yaml ("U.S. politics"); the slug stays in data-tag for the filters."""
    names = names or {}
    return " ".join(f'<span class="tag" data-tag="{esc(t)}">{esc(names.get(t) or t.replace("-", " ").capitalize())}</span>' for t in tags)


def claim_item(links: Links, claim: Claim, *, show_claimants: bool = True) -> str:
    """A claim as one line of a list: status, statement, who made it (no classes: nothing styles them)."""
    who = f" — {actor_links(links, claim.claimants)}" if show_claimants else ""
    return f"<li>{badge(claim.status)} {links.a(claim.id)}{who}</li>"


def claim_card(links: Links, claim: Claim, *, heading: str = "", rationale: bool = True) -> str:
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
        + f'<p class="card-meta">Claimed by {actor_links(links, claim.claimants)} · Said in {links.a(claim.made_in)} · {date_html(when)}</p>'
        + (f'<p class="card-rationale">{inline(claim.rationale)}</p>' if rationale else "")
        + "</div>"
    )


FIGURES_CHART_MAX = 12  # rows; beyond, a chart is no easier to read than its table (and weighs more)


def figure_table(links: Links, measure: str, *, highlight: str | None = None, name: str = "", prefix: str = "") -> str:
    """Every figure given for one measure, smallest first: who, how much, what, where, how sure.

    With two or more figures (and few enough to read) a chart comes first; the table stays its text
    equivalent. ``prefix`` keeps the chart's ids unique when one page shows a measure twice.
    ``name`` is the measure's reader-facing name ("Deaths in the protests"); on a phone the table
    scrolls inside its box (figure-table has overflow-x: auto), never the page."""
    model = links.model
    chart = ""
    if 2 <= len(model.figures[measure]) <= FIGURES_CHART_MAX:
        chart = figures_svg(
            model,
            measure,
            record_href=links.record,
            claim_date=lambda cid: claim_date(model, model.claims[cid])[0],
            highlight=highlight,
            prefix=f"fig-{prefix}{measure}",
        )
    rows = []
    for claim_id, q in sorted(model.figures[measure], key=lambda item: (item[1].value, item[0])):
        claim = model.claims[claim_id]
        current = ' class="current"' if claim_id == highlight else ""
        rows.append(
            # On a phone each cell shows its column's name before it: the stylesheet gives the five
            # names by position (tracker.css), rather than a data-label on every cell.
            f"<tr{current}><td>{actor_links(links, claim.claimants)}</td>"
            f'<td class="num">{esc(figure_text(q.value, q.qualifier, q.unit))}</td>'
            f"<td>{esc(q.counts)}</td><td>{links.a(claim.made_in)}</td>"
            f"<td>{badge(claim.status)} {links.a(claim_id, 'claim')}</td></tr>"
        )
    return chart + (
        f'<div class="figure-table"><table><caption>{esc(name or measure.replace("-", " ").capitalize())}: the figures given</caption>'
        # the column names again in tracker.css (the phone layout's labels): keep the two in step
        '<thead><tr><th scope="col">Who</th><th scope="col">Figure</th><th scope="col">What is counted</th>'
        '<th scope="col">Said in</th><th scope="col">Claim</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def edit_and_data(links: Links, record: Record) -> str:
    json_href = links.to(record_api_path(record.kind, record.id))
    return (
        f'<p class="record-meta"><span class="record-kind">{kinds.get(record.kind).singular_title}</span> · <code>{esc(record.id)}</code>'
        f' · from <code>{esc(record.path)}</code> · <a href="{esc(json_href)}" type="application/json">this record as JSON</a></p>'
    )
