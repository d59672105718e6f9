"""Pages of the record's life over time: "What changed", Corrections, the correction policy, and withdrawn records' pages.

"What changed" lists, newest first, every commit that touched a record, with the records it
added, changed and withdrew (linked) and its message's subject as the edit summary. A withdrawn
record's page sits at its old address, so that no published link breaks; it is left out of
search and of every list (``searchable=False``, no record).
"""

from __future__ import annotations

from tracker.core import dates, kinds
from tracker.core.html import esc
from tracker.model.paths import CHANGES_FEED_PATH, CORRECTION_POLICY_PAGE, CORRECTIONS_FEED_PATH, CORRECTIONS_PAGE, changes_page_path, record_md_path
from tracker.model.records import Model
from tracker.render.pages.base import Links, Page, html_block, md_heading, paginate
from tracker.render.pages.history import time_html
from tracker.trust.gather import Trust, of_model
from tracker.trust.withdrawals import WithdrawnRecord

PER_PAGE = 50
ISSUE_FORM = "issues/new?template=request-correction.yml"


def _record_link(model: Model, trust: Trust, links: Links, path: str, withdrawn_ids: set[str]) -> str:
    kind, _, name = path.partition("/")
    rid = name.removesuffix(".yaml")
    if kind in kinds.FOLDERS and rid in model.table(kind):
        return links.a(rid)
    if f"{kind}/{rid}" in withdrawn_ids:
        return f'<a href="{esc(links.to(record_md_path(kind, rid)))}">{esc(rid.replace("-", " "))}</a> (withdrawn)'
    return esc(rid.replace("-", " "))


def changes_pages(model: Model) -> list[Page]:
    """ "What changed", newest first, PER_PAGE commits a page."""
    trust = of_model(model)
    withdrawn_ids = {f"{w.kind}/{w.id}" for w in trust.removed}
    chunks = paginate(trust.commits, PER_PAGE)
    pages = []
    for number, chunk in enumerate(chunks, 1):
        here = changes_page_path(number)
        links = Links(model, here)
        items = []
        for commit in chunk:
            parts = []
            for label, paths in (("Added", commit.added), ("Changed", commit.changed), ("Withdrawn", commit.withdrawn)):
                if paths:
                    parts.append(f"<dd>{label}: " + ", ".join(_record_link(model, trust, links, p, withdrawn_ids) for p in paths) + "</dd>")
            url = trust.diff_url(commit.sha)
            link = f' · <a href="{esc(url)}" rel="noopener">the change</a>' if url else ""
            items.append(f'<dt>{time_html(commit.date)}: <span class="edit-summary">{esc(commit.subject)}</span>{link}</dt>{"".join(parts)}')
        if trust.available:
            intro = "Every change to the records, newest first, with what each change says about itself."
        else:
            intro = "This build has no history of the records (a copy without its repository's history), so no change can be listed."
        nav = []
        if number > 1:
            nav.append(f'<a href="{esc(links.to(changes_page_path(number - 1)))}">Newer changes</a>')
        if number < len(chunks):
            nav.append(f'<a href="{esc(links.to(changes_page_path(number + 1)))}">Older changes</a>')
        md = [
            html_block(
                '<h1 id="title">What changed</h1>',
                f'<p>{esc(intro)} <a href="{esc(links.to(CHANGES_FEED_PATH))}">Follow the changes in a feed reader</a> · '
                f'<a href="{esc(links.to(CORRECTIONS_PAGE))}">Corrections</a></p>',
            ),
            html_block(f'<dl class="changes">{"".join(items)}</dl>' if items else '<p class="empty">No change to list.</p>'),
        ]
        if nav:
            md.append(html_block('<nav class="pages">' + " · ".join(nav) + "</nav>"))
        title = "What changed" if number == 1 else f"What changed (page {number})"
        pages.append(Page(here, title, "Every change to the records, newest first.", "".join(md), searchable=False))
    return pages


def corrections_page(model: Model) -> Page:
    trust = of_model(model)
    links = Links(model, CORRECTIONS_PAGE)
    items = []
    for c in trust.all_corrections:
        items.append(
            f'<li><time datetime="{esc(c.date)}">{esc(dates.humanize(c.date))}</time> · {links.a(c.id)}: '
            f"<strong>What was wrong:</strong> {esc(c.wrong)} <strong>What it says now:</strong> {esc(c.now)}</li>"
        )
    md = [
        html_block(
            '<h1 id="title">Corrections</h1>',
            "<p>Every correction of an error of substance in a record, newest first. Each corrected record says so at the top of its page. "
            f'<a href="{esc(links.to(CORRECTION_POLICY_PAGE))}">What counts as a correction, and how to ask for one</a> · '
            f'<a href="{esc(links.to(CORRECTIONS_FEED_PATH))}">Follow corrections in a feed reader</a></p>',
        ),
        html_block(f'<ul class="corrections-list">{"".join(items)}</ul>' if items else '<p class="empty">No record has been corrected yet.</p>'),
    ]
    return Page(CORRECTIONS_PAGE, "Corrections", "Every correction of a record, newest first.", "".join(md), searchable=False)


def correction_policy_page(model: Model) -> Page:
    repo_url = of_model(model).repo_url
    links = Links(model, CORRECTION_POLICY_PAGE)
    form = f"{repo_url.rstrip('/')}/{ISSUE_FORM}" if repo_url else ""
    ask = f'<a href="{esc(form)}" rel="noopener">the correction request form</a>' if form else "the correction request form of the repository"
    md = [
        html_block('<h1 id="title">How we correct records</h1>'),
        md_heading(2, "What counts as a correction"),
        html_block(
            "<p>A correction fixes an error of substance in a record: a wrong figure, date, place, name or attribution, "
            "a statement that says more than its source, or a source cited for what it does not say. "
            "Rewording, a spelling fix, or an added source that changes nothing a record states is an edit, not a correction; "
            "it is still listed, with its reason, on the page of changes and in the record's history.</p>"
        ),
        md_heading(2, "How a correction is shown"),
        html_block(
            "<p>A corrected record says so at the top of its page: the day of the correction, what was wrong and what it says now. "
            f'Every correction is also on the <a href="{esc(links.to(CORRECTIONS_PAGE))}">Corrections page</a> and in its feed. '
            "A record is never silently rewritten: every change has a dated entry in the record's history with the reason given for it. "
            "A record that should not have been published is withdrawn, not deleted: its address keeps working and says when and why it was withdrawn.</p>"
        ),
        md_heading(2, "How to ask for a correction"),
        html_block(
            f"<p>Use {ask}. Say which record is wrong, what it should say, and quote the source passage that shows it. "
            "A correction is made only when the archived source supports it: the source is the only authority.</p>"
        ),
    ]
    return Page(CORRECTION_POLICY_PAGE, "How we correct records", "What counts as a correction, how it is shown, and how to ask for one.", "".join(md))


def withdrawn_page(model: Model, record: WithdrawnRecord) -> Page:
    """The page at a withdrawn record's old address: its last title, when and why, and its last version."""
    here = record_md_path(record.kind, record.id)
    links = Links(model, here)
    kind_title = kinds.get(record.kind).singular
    title = record.title or f"A withdrawn {kind_title}"
    last = f'<p><a href="{esc(record.last_version_url)}" rel="noopener">Its last version</a></p>' if record.last_version_url else ""
    diff = f' (<a href="{esc(record.diff_url)}" rel="noopener">the change</a>)' if record.diff_url else ""
    md = [
        html_block(
            f'<h1 id="title">Withdrawn: {esc(title)}</h1>',
            f'<p class="withdrawn-note">This {esc(kind_title)} was withdrawn on {time_html(record.date)}. '
            f'Reason given: <span class="edit-summary">{esc(record.reason)}</span>{diff}.</p>',
            last,
            f'<p><a href="{esc(links.to(changes_page_path(1)))}">What changed</a> · <a href="{esc(links.to(CORRECTION_POLICY_PAGE))}">How we correct records</a></p>',
            cls="record-head withdrawn",
        ),
    ]
    return Page(here, f"Withdrawn: {title}", f"This {kind_title} was withdrawn.", "".join(md), searchable=False)


def withdrawn_pages(model: Model) -> list[Page]:
    return [withdrawn_page(model, record) for record in of_model(model).removed]
