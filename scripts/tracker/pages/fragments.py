"""Pieces shared by several page families: badges, dates, citations, claim cards, figure tables."""

from __future__ import annotations

from collections.abc import Iterable

from .. import dates, kinds, vocab
from ..draw.datetime_attr import date_element
from ..draw.figures import figures_svg
from ..html import esc, inline, paragraphs
from ..model import Citation, Claim, Record, Source, claim_date
from ..paths import record_api_path
from ..words import figure_text
from .base import Links, html_block
from .reader import readable, reader_href


def badge(status: str) -> str:
    return f'<span class="status status-{esc(status)}" title="Assessment: {esc(status)}">{esc(status)}</span>'


def date_html(value: dates.EdtfDate | None, *, unknown: str = "date not known") -> str:
    if value is None:
        return f'<span class="date date-unknown">{esc(unknown)}</span>'
    words = dates.humanize(value)
    marker = ' <span class="fuzzy" title="This date is not exact">not exact</span>' if value.is_fuzzy else ""
    return date_element(value, words) + marker


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


FIGURES_CHART_MAX = 12  # rows; beyond, a chart is no easier to read than its table (and weighs more)


def figure_table(links: Links, measure: str, *, highlight: str | None = None, prefix: str = "") -> str:
    """Every figure given for one measure, smallest first: who, how much, what, where, how sure.

    With two or more figures (and few enough to read) a chart comes first; the table stays its text
    equivalent. ``prefix`` keeps the chart's ids unique when one page shows a measure twice.
    """
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
            f"<tr{current}><td>{actor_links(links, claim.claimants)}</td>"
            f'<td class="num" data-value="{esc(repr(q.value))}">{esc(figure_text(q.value, q.qualifier, q.unit))}</td>'
            f"<td>{esc(q.counts)}</td><td>{links.a(claim.made_in)}</td><td>{badge(claim.status)} {links.a(claim_id, 'claim')}</td></tr>"
        )
    return chart + (
        f'<div class="figure-table"><table><caption>Figures for <code>{esc(measure)}</code></caption>'
        '<thead><tr><th scope="col">Who</th><th scope="col">Figure</th><th scope="col">What is counted</th>'
        '<th scope="col">Venue</th><th scope="col">Claim</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def edit_and_data(links: Links, record: Record) -> str:
    json_href = links.to(record_api_path(record.kind, record.id))
    return (
        f'<p class="record-meta"><span class="record-kind">{kinds.get(record.kind).singular_title}</span> · <code>{esc(record.id)}</code>'
        f' · from <code>{esc(record.path)}</code> · <a href="{esc(json_href)}" type="application/json">this record as JSON</a></p>'
    )
