"""Site pages: the home page, the data notes and the methodology (the Downloads page is its own family, downloads)."""

from __future__ import annotations

import re

from tracker.check import vocab
from tracker.check.docs_text import DATE_EXAMPLES
from tracker.check.rules import rule_docs
from tracker.core import dates
from tracker.core.date_words import plain
from tracker.load.schema_files import schema_documents
from tracker.model import disputes, provenance
from tracker.model.paths import DATA_NOTES_PAGE, HOME_PAGE, METHODOLOGY_PAGE
from tracker.model.records import Claim, Model
from tracker.model.story import Story, open_questions
from tracker.render import templating
from tracker.render.pages import home
from tracker.render.pages.base import Links, Page


def data_notes_page(model: Model) -> Page:
    """Contradictions inside one source, and editorial notes on records."""
    internal: list[tuple[list[str], Claim, Claim]] = []
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
    return templating.page(
        "data_notes.html",
        DATA_NOTES_PAGE,
        "Data notes",
        "Contradictions inside sources and editorial notes on the data.",
        links=Links(model, DATA_NOTES_PAGE),
        internal=internal,
        noted=[r for r in model.all_records() if getattr(r, "notes", None)],
    )


def home_page(model: Model, site_name: str, story: Story | None = None, entries: list | None = None) -> Page:
    """The story first: the lead, what is disputed, what the data rests on, the newest entries; then the scale and the ways in."""
    story = story or Story()
    status_counts = {s: 0 for s in vocab.statuses()}
    slips = 0  # claims whose only conflict is with their own source: not counted as disputed
    for claim in model.claims.values():
        if claim.status == "disputed" and disputes.contradicted_only_by_its_source(model, claim):
            slips += 1
            continue
        status_counts[claim.status] = status_counts.get(claim.status, 0) + 1
    return templating.page(
        "home.html",
        HOME_PAGE,
        site_name,
        "Events and claims of the collapse of the Iran–US talks, each traced to a verbatim excerpt of its source.",
        links=Links(model, HOME_PAGE),
        site_name=site_name,
        lead=home.lead(model, story),
        questions=open_questions(model, story),
        sources_sentence=provenance.summary_sentence(provenance.counts(model)),
        newest=home.newest(model, entries or []),
        statuses=list(status_counts.items()),
        slips=slips,
        counts=list(model.counts().items()),
        held=provenance.counts(model).held,
    )


# The field reference is for contributors: it lives in CONTRIBUTING.md, generated from the same schemas.
FIELD_REFERENCE_URL = "https://github.com/newstrace/iran-us-talks/blob/main/CONTRIBUTING.md#field-reference"


@templating.expose
def code_spans(text: str) -> list[str]:
    """A schema description's text and its `code` spans, alternately (the spans at the even places, counting from 1)."""
    return re.split(r"`([^`]+)`", text)


def date_examples() -> list[tuple[str, str, str | None, str | None]]:
    """(as written, in words, the earliest day, the latest day) of the date notation's examples."""
    rows = []
    for text in DATE_EXAMPLES:
        parsed = dates.parse(text)
        lo, hi = dates.iso_bounds(parsed)
        rows.append((text, plain(parsed), lo, hi))
    return rows


def methodology_page() -> Page:
    return templating.page(
        "methodology.html",
        METHODOLOGY_PAGE,
        "Methodology",
        "The assessment scale, the date notation, sources and the checks every record passes.",
        docs=schema_documents(),
        rules=[doc for _, doc in rule_docs()],
        date_examples=date_examples(),
        min_year=dates.MIN_YEAR,
        max_year=dates.MAX_YEAR,
        field_reference_url=FIELD_REFERENCE_URL,
    )
