"""A record page's history: "First published … · Last changed …", its corrections at the top, a History section.

``decorate`` adds them to a record page made by its family (records.py), so that the families
stay as they are: the top part goes right after the page's head block, the History section at
the end. Every value from data/ or from commit messages is escaped.
"""

from __future__ import annotations

from tracker.core import dates
from tracker.core.html import esc
from tracker.model.paths import CORRECTION_POLICY_PAGE, page_path
from tracker.model.records import Model, Record
from tracker.render.pages.base import Links, Page, html_block, md_heading
from tracker.trust.gather import Trust, of_model

ACTIONS = {"added": "Published", "changed": "Changed", "renamed": "Moved to a new address", "withdrawn": "Withdrawn"}


def day_words(rfc3339: str) -> str:
    """29 November 2026, for a commit date (RFC 3339, UTC)."""
    return dates.humanize(rfc3339[:10])


def time_html(rfc3339: str) -> str:
    return f'<time datetime="{esc(rfc3339)}">{esc(day_words(rfc3339))}</time>'


def dates_line(trust: Trust, record: Record) -> str:
    """ "First published … · Last changed …", or nothing without history."""
    found = trust.history(record)
    if found is None:
        return ""
    return (
        f'<p class="record-dates">First published {time_html(found.published)} · Last changed {time_html(found.modified)} · <a href="#history">History</a></p>'
    )


def corrections_html(links: Links, trust: Trust, record: Record) -> str:
    found = trust.of(record)
    if not found:
        return ""
    items = "".join(
        f'<li><time datetime="{esc(c.date)}">{esc(dates.humanize(c.date))}</time>: <strong>What was wrong:</strong> {esc(c.wrong)} '
        f"<strong>What it says now:</strong> {esc(c.now)}</li>"
        for c in found
    )
    return (
        f'<section class="corrections" id="corrections"><h2>Corrections</h2><ul>{items}</ul>'
        f'<p><a href="{esc(links.to(CORRECTION_POLICY_PAGE))}">How we correct records</a></p></section>'
    )


def withdrawn_html(trust: Trust, record: Record) -> str:
    withdrawal = trust.withdrawn(record)
    if withdrawal is None:
        return ""
    return f'<p class="withdrawn-note"><strong>Withdrawn</strong> on {esc(dates.humanize(withdrawal.date[:10]))}: {esc(withdrawal.reason)}</p>'


def top_html(model: Model, trust: Trust, record: Record) -> str:
    links = Links(model, page_path(record))
    note = trust.status_notes.get(record.id) if record.kind == "claims" else None
    parts = [
        withdrawn_html(trust, record),
        dates_line(trust, record),
        f'<p class="status-history">{esc(note)}.</p>' if note else "",
        corrections_html(links, trust, record),
    ]
    parts = [p for p in parts if p]
    return html_block(*parts, cls="record-trust") if parts else ""


def history_section(trust: Trust, record: Record) -> str:
    found = trust.history(record)
    if found is None:
        if trust.notice is None:
            return ""
        return md_heading(2, "History") + html_block('<p class="empty">This build has no history of the records, so no dates are shown.</p>')
    items = []
    for change in found.changes:
        url = trust.diff_url(change.sha)
        what = esc(ACTIONS.get(change.action, change.action))
        summary = esc(change.subject)
        link = f' · <a href="{esc(url)}" rel="noopener">the change</a>' if url else ""
        items.append(f"<li>{time_html(change.date)}: {what}. <span class='edit-summary'>{summary}</span>{link}</li>")
    return md_heading(2, "History") + html_block(f'<ul class="history">{"".join(items)}</ul>')


def decorate(model: Model, page: Page) -> Page:
    """The record page with its dates, status history and corrections after the head block, and its History at the end."""
    record = page.record
    if record is None:
        return page
    trust = of_model(model)
    top = top_html(model, trust, record)
    end = history_section(trust, record)
    if not top and not end:
        return page
    markdown = page.markdown
    if top:
        head = markdown.find('<div class="record-head"')
        cut = markdown.find("\n", head) + 1 if head >= 0 else 0
        markdown = markdown[:cut] + top + markdown[cut:]
    return Page(page.path, page.title, page.description, markdown + end, record=record, searchable=page.searchable)
