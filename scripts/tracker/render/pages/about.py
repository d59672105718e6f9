"""The About page: who curates, how records are made, what each archived document covers, corrections, licence, how to cite.

Written for the researcher judging the data. The coverage of each archived document is measured
from the data (the share of its archived text that some excerpt quotes), the licence words come
from ``licences`` so that they say what the footer and the Downloads page say.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.check.rulebook import normalise, seed_text
from tracker.core import licences
from tracker.core.html import esc
from tracker.model import provenance
from tracker.model.paths import (
    ABOUT_PAGE,
    CONTRIBUTING_PAGE,
    CORRECTION_POLICY_PAGE,
    CORRECTIONS_PAGE,
    DATA_NOTES_PAGE,
    DOWNLOADS_PAGE,
    METHODOLOGY_PAGE,
    index_path,
)
from tracker.model.records import Model
from tracker.render.pages.base import Links, Page, html_block, md_heading
from tracker.render.pages.fragments import date_html

REPOSITORY = "https://github.com/newstrace/iran-us-talks"


def coverage(model: Model, source_id: str) -> tuple[int, int, float] | None:
    """(records citing it, excerpts found in its text, share of its archived text quoted), or None without an archived text."""
    source = model.sources[source_id]
    text = seed_text(source.seed) if source.seed else None
    if not text:
        return None
    covered = [False] * len(text)
    found = 0
    citing = model.cited_by.get(source_id, [])
    for rid in citing:
        record = model.get(rid)
        for citation in getattr(record, "citations", []):
            if citation.source != source_id:
                continue
            excerpt = normalise(citation.excerpt)
            at = text.find(excerpt)
            if at >= 0:
                found += 1
                covered[at : at + len(excerpt)] = [True] * len(excerpt)
    return len(citing), found, sum(covered) / len(text)


def _made_with(tools: Sequence[tuple[str, str]]) -> str:
    """' The site is made from those files with A and B, and searched with C.' from (name, URL) pairs, the
    last one the search; the build names them (tracker.site), so that this page knows no tool."""
    if not tools:
        return ""
    named = [f'<a href="{esc(url)}">{esc(name)}</a>' for name, url in tools]
    *makers, search = named
    return f" The site is made from those files with {' and '.join(makers)}, and searched with {search}." if makers else ""


def about_page(model: Model, made_with: Sequence[tuple[str, str]] = ()) -> Page:
    here = ABOUT_PAGE
    links = Links(model, here)
    rows = []
    for source in sorted(model.sources.values(), key=lambda s: (s.title.lower(), s.id)):
        measured = coverage(model, source.id)
        if measured is None:
            continue
        citing, excerpts, share = measured
        rows.append(
            f'<tr><td>{links.a(source.id)}</td><td>{date_html(source.published)}</td><td class="num">{citing:,}</td>'
            f'<td class="num">{excerpts:,}</td><td class="num">{share:.0%}</td></tr>'
        )
    held = provenance.counts(model)
    table = (
        '<div class="table-scroll"><table><caption>Archived documents and how much of each the records quote</caption>'
        '<thead><tr><th scope="col">Document</th><th scope="col">Published</th><th scope="col">Records citing it</th>'
        '<th scope="col">Excerpts</th><th scope="col">Share of its text quoted</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        if rows
        else '<p class="empty">No archived document yet.</p>'
    )
    md = "".join(
        [
            html_block(
                '<h1 id="title">About this tracker</h1>',
                "<p>A record of the events and claims of the collapse of the Iran–US talks, in which every statement is traced to a verbatim excerpt of "
                "a source we hold, and every claim carries an assessment of how sure anyone can be, with the reasons.</p>",
            ),
            md_heading(2, "Who curates it {#who}"),
            html_block(
                f'<p>The tracker is curated by its contributors, in the open: the data is a set of small files in a <a href="{esc(REPOSITORY)}">public repository</a>, '
                "and every change, by anyone, arrives as a pull request, which the build checks before it can be published. "
                "The history of every record (who changed what, and when) is the repository's history."
                f"{_made_with(made_with)}</p>"
            ),
            md_heading(2, "How records are made {#how}"),
            html_block(
                "<p>A curator archives a source's text, then writes records from it: events (what happened), claims (what someone said), the actors and the sources. "
                "Every record cites at least one source with an excerpt copied verbatim; the build refuses any excerpt that is not found in the archived text. "
                "What a source only reports is attributed to it (“the article says…”), and a claim is assessed only on the evidence in the data. "
                f'The assessment scale and the checks are on the <a href="{esc(links.to(METHODOLOGY_PAGE))}">methodology</a> page; '
                f'the step-by-step guide is <a href="{esc(links.to(CONTRIBUTING_PAGE))}">how to contribute</a>.</p>'
            ),
            md_heading(2, "Coverage {#coverage}"),
            html_block(
                f"<p>{esc(provenance.summary_sentence(held))} "
                f'Documents known only through another are listed on the <a href="{esc(links.to(index_path("sources")))}">sources</a> page. '
                "A low share of text quoted means that much of a document is not yet in the data, not that it was checked and found empty.</p>",
                table,
            ),
            md_heading(2, "Corrections {#corrections}"),
            html_block(
                "<p>Nothing is corrected silently. An error of substance (a wrong figure, date, name or attribution) is fixed in the record, "
                "and the record then says, at the top of its page, on what day it was corrected, what was wrong and what it says now. "
                "Rewordings and added sources are not corrections; the record's history shows them. A record that should not have been published is withdrawn, "
                "and its page says so. Where a source contradicts itself, both statements stay in the data, linked "
                f'(<a href="{esc(links.to(DATA_NOTES_PAGE))}">data notes</a>). '
                f'To ask for a correction, <a href="{esc(REPOSITORY)}/issues/new/choose">open an issue</a> or a pull request. '
                f'The <a href="{esc(links.to(CORRECTION_POLICY_PAGE))}">correction policy</a> says what counts as a correction; '
                f'every correction made is listed on the <a href="{esc(links.to(CORRECTIONS_PAGE))}">corrections</a> page.</p>'
            ),
            md_heading(2, "Licence {#licence}"),
            html_block(
                "".join(f"<p>{esc(p)}</p>" for p in licences.downloads_paragraphs()),
                f'<p><a href="{esc(licences.DATA_LICENCE["path"])}">{esc(licences.DATA_LICENCE["title"])}</a> · '
                f'<a href="{esc(licences.repository_file(REPOSITORY, "LICENSE-DATA.md"))}">the data licence in full</a> · '
                f'<a href="{esc(licences.repository_file(REPOSITORY, "LICENSE"))}">the code licence</a> · '
                f'<a href="{esc(links.to(DOWNLOADS_PAGE))}">downloads</a></p>',
            ),
            md_heading(2, "How to cite {#cite}"),
            html_block(
                "<p>Cite the data set as “The Iran–US Talks Tracker contributors, <em>Iran–US Talks Tracker: events and claims, each traced to a verbatim excerpt of its source</em>”, "
                "with the address of the page or file you used and the day you read it; cite a single record by its page. "
                f'The citation metadata is in <a href="{esc(licences.repository_file(REPOSITORY, "CITATION.cff"))}">CITATION.cff</a>.</p>'
            ),
        ]
    )
    return Page(here, "About", "Who curates the tracker, how records are made, what the archived documents cover, corrections, licence and how to cite.", md)
