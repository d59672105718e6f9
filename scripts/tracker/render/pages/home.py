"""The home page's story pieces: the lead, "What is disputed", what the data rests on, the newest entries.

Everything here is from data/: the lead's sentences and questions from data/story.yaml (each
sentence linked to the records it rests on, which the validator checks), the figures from the
claims, the count of documents from provenance, the order of entries from chronology.
"""

from __future__ import annotations

from tracker.core.html import esc
from tracker.model import chronology, provenance
from tracker.model.paths import disputes_page_path, index_path
from tracker.model.records import Claim, Event, Model
from tracker.model.story import Story, open_questions
from tracker.model.words import record_label
from tracker.render.pages.base import Links
from tracker.render.pages.fragments import badge, date_html, record_published


def lead_html(links: Links, story: Story) -> str:
    """At most five sentences, each followed by numbered links to the records it rests on."""
    items = []
    for sentence in story.lead[:5]:
        found = [(n, links.model.get(rid)) for n, rid in enumerate(sentence.rests_on, start=1)]
        refs = " ".join(
            f'<a href="{esc(links.record(r.id))}" class="lead-ref" title="{esc(record_label(r))}" aria-label="Record {n}: {esc(record_label(r))}">[{n}]</a>'
            for n, r in found
            if r is not None
        )
        items.append(f'<p>{esc(sentence.text)} <span class="lead-refs">{refs}</span></p>')
    return f'<div class="story-lead">{"".join(items)}</div>' if items else ""


def disputed_box(links: Links, model: Model, story: Story) -> str:
    """Each open question with its answers side by side, linked to the disputes page."""
    found = open_questions(model, story)
    if not found:
        return ""
    items = []
    for n, q in enumerate(found, start=1):
        answers = "".join(f"<li>{esc(a)}</li>" for a in q.answers)
        items.append(
            f'<li><a href="{esc(links.to(disputes_page_path(1), f"dispute-{n}"))}" class="question">{esc(q.question)}</a>'
            f'<ul class="answers">{answers}</ul></li>'
        )
    return (
        f'<section class="disputed-box" aria-labelledby="what-is-disputed"><h2 id="what-is-disputed">What is disputed</h2><ul>{"".join(items)}</ul></section>'
    )


def sources_sentence(links: Links, model: Model) -> str:
    """How many documents the data rests on, honestly: those we hold apart from those known only through them."""
    sentence = provenance.summary_sentence(provenance.counts(model))
    return f'<p class="rests-on">{esc(sentence)} <a href="{esc(links.to(index_path("sources")))}">The sources</a>.</p>'


def newest_html(links: Links, model: Model, entries: list, count: int = 5) -> str:
    """The newest entries: latest date section first, within it in the order reported (never by id).

    ``entries`` are the timeline's, already in chronology.order (TimelineEntry, with ``by``)."""
    placed = [chronology.Placed(e, chronology.bucket_key(e.date), e.by) for e in entries]
    model = links.model
    groups: list[tuple[str, list[str]]] = []  # (date, entries): a date shared by several is said once
    for item in chronology.newest(placed, count):
        record = model.get(item.entry.record.id)
        assert isinstance(record, Event | Claim), item.entry.record.id  # the timeline lists events and claims
        when = date_html(item.entry.date, published=record_published(model, record))
        status = f"{badge(record.status)} " if isinstance(record, Claim) else ""
        if not groups or groups[-1][0] != when:
            groups.append((when, []))
        groups[-1][1].append(f"<li>{status}{links.a(record.id)}</li>")
    if not groups:
        return '<p class="empty">No events yet.</p>'
    return "".join(f'<p class="newest-date">{when}</p><ul class="event-list newest">{"".join(items)}</ul>' for when, items in groups)
