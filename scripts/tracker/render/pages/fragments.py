"""What the templates of several page families call (``templating.expose``), and pieces shared by the families not yet templated."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from tracker.core import date_words, dates
from tracker.core.html import esc, inline, paragraphs
from tracker.model.records import Claim, Model, Quantity, Record, claim_date
from tracker.model.words import figure_text
from tracker.render import templating
from tracker.render.draw.datetime_attr import date_element
from tracker.render.draw.figures import figures_svg
from tracker.render.pages.base import Links


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


@templating.expose
def record_published(model: Model, record: Record) -> dates.EdtfDate | None:
    """The publication date of the document a record is first cited from (for "Date not given; …")."""
    for citation in getattr(record, "citations", []):
        source = model.sources.get(citation.source)
        if source is not None and source.published is not None:
            return source.published
    return None


_RECORD_ID = re.compile(r"(?<![\w/.-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w/-])")


@templating.expose
def note_paragraphs(model: Model, text: str) -> list[list[list[tuple[str, str | None]]]]:
    """Editorial notes as paragraphs of lines of (text, the id of the record it names, or None): a word that
    is the id of a record in the data is shown as a link named like the record ("no ids in prose")."""

    def segments(line: str) -> list[tuple[str, str | None]]:
        found: list[tuple[str, str | None]] = []
        last = 0
        for match in _RECORD_ID.finditer(line):
            if model.get(match.group(0)) is None:
                continue
            found += [(line[last : match.start()], None), ("", match.group(0))]
            last = match.end()
        return [*found, (line[last:], None)]

    parts = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return [[segments(line) for line in part.split("\n")] for part in parts]


@templating.expose
def reporting_paths(model: Model, source_id: str) -> list[list[str]]:
    """The 'reported via' chains of a source that go through at least one other document."""
    return [path for path in model.chain(source_id) if len(path) > 1]


@templating.expose
def tag_name(tag: str, names: Mapping[str, str] | None = None) -> str:
    """A tag's name from data/vocabulary.yaml, else made from its slug."""
    return (names or {}).get(tag) or tag.replace("-", " ").capitalize()


@templating.expose
def figure_rows(model: Model, measure: str) -> list[tuple[Claim, Quantity]]:
    """Every figure given for one measure with its claim, smallest first."""
    return [(model.claims[claim_id], q) for claim_id, q in sorted(model.figures[measure], key=lambda item: (item[1].value, item[0]))]


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
