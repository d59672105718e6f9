"""The About page: who curates, how records are made, what each archived document covers, corrections, licence, how to cite.

Written for the researcher judging the data. The coverage of each archived document is measured
from the data (the share of its archived text that some excerpt quotes), the licence words come
from ``licences`` so that they say what the footer and the Downloads page say.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.check.rulebook import normalise, seed_text
from tracker.core import licences
from tracker.model import provenance
from tracker.model.paths import ABOUT_PAGE
from tracker.model.records import Model
from tracker.render import templating
from tracker.render.pages.base import Links, Page

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


def about_page(model: Model, made_with: Sequence[tuple[str, str]] = ()) -> Page:
    """``made_with``: (name, URL) of the tools that make and search the site, the last one the search; the
    build names them (tracker.site), so that this page knows no tool."""
    coverage_rows = []
    for source in sorted(model.sources.values(), key=lambda s: (s.title.lower(), s.id)):
        measured = coverage(model, source.id)
        if measured is not None:
            coverage_rows.append((source, *measured))
    return templating.page(
        "about.html",
        ABOUT_PAGE,
        "About",
        "Who curates the tracker, how records are made, what the archived documents cover, corrections, licence and how to cite.",
        links=Links(model, ABOUT_PAGE),
        made_with=list(made_with),
        coverage=coverage_rows,
        held_sentence=provenance.summary_sentence(provenance.counts(model)),
        licence_paragraphs=licences.downloads_paragraphs(),
        licence=licences.DATA_LICENCE,
        repository=REPOSITORY,
        repository_file=licences.repository_file,
    )
