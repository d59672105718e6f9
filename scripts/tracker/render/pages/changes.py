"""Pages of the record's life over time: "What changed", Corrections, the correction policy, and withdrawn records' pages.

"What changed" lists, newest first, every commit that touched a record, with the records it
added, changed and withdrew (linked) and what it changed in each, in a reader's words (trust/wording.py). A withdrawn
record's page sits at its old address, so that no published link breaks; it is left out of
search and of every list (``searchable=False``, no record).
"""

from __future__ import annotations

from tracker.core import kinds
from tracker.model.paths import CORRECTION_POLICY_PAGE, CORRECTIONS_PAGE, changes_page_path, record_md_path
from tracker.model.records import Model
from tracker.render import templating
from tracker.render.pages.base import Links, Page, paginate
from tracker.trust import wording
from tracker.trust.gather import of_model
from tracker.trust.withdrawals import WithdrawnRecord

PER_PAGE = 50
ISSUE_FORM = "issues/new?template=request-correction.yml"


@templating.expose
def changed_record(model: Model, withdrawn_ids: set[str], path: str) -> tuple[str, str, str]:
    """(kind, id, state) of the record at a path a commit touched; state: "present", "withdrawn" or "gone"."""
    kind, _, name = path.partition("/")
    rid = name.removesuffix(".yaml")
    if kind in kinds.FOLDERS and rid in model.table(kind):
        return kind, rid, "present"
    return kind, rid, "withdrawn" if f"{kind}/{rid}" in withdrawn_ids else "gone"


templating.expose(wording.commit_summary)


def changes_pages(model: Model) -> list[Page]:
    """ "What changed", newest first, PER_PAGE commits a page."""
    trust = of_model(model)
    withdrawn_ids = {f"{w.kind}/{w.id}" for w in trust.removed}
    chunks = paginate(trust.commits, PER_PAGE)
    pages = []
    for number, chunk in enumerate(chunks, 1):
        here = changes_page_path(number)
        page = templating.page(
            "changes.html",
            here,
            "What changed" if number == 1 else f"What changed (page {number})",
            "Every change to the records, newest first.",
            searchable=False,
            links=Links(model, here),
            available=trust.available,
            commits=chunk,
            withdrawn_ids=withdrawn_ids,
            diff_url=trust.diff_url,
            what_changed=trust.what_changed,
            number=number,
            newer=number > 1,
            older=number < len(chunks),
        )
        pages.append(page)
    return pages


def corrections_page(model: Model) -> Page:
    return templating.page(
        "corrections.html",
        CORRECTIONS_PAGE,
        "Corrections",
        "Every correction of a record, newest first.",
        searchable=False,
        links=Links(model, CORRECTIONS_PAGE),
        corrections=of_model(model).all_corrections,
    )


def correction_policy_page(model: Model) -> Page:
    repo_url = of_model(model).repo_url
    return templating.page(
        "correction_policy.html",
        CORRECTION_POLICY_PAGE,
        "How we correct records",
        "What counts as a correction, how it is shown, and how to ask for one.",
        links=Links(model, CORRECTION_POLICY_PAGE),
        form=f"{repo_url.rstrip('/')}/{ISSUE_FORM}" if repo_url else "",
    )


def withdrawn_page(model: Model, record: WithdrawnRecord) -> Page:
    """The page at a withdrawn record's old address: its last title, when and why, and its last version."""
    here = record_md_path(record.kind, record.id)
    kind_title = kinds.get(record.kind).singular
    title = record.title or f"A withdrawn {kind_title}"
    return templating.page(
        "withdrawn.html",
        here,
        f"Withdrawn: {title}",
        f"This {kind_title} was withdrawn.",
        searchable=False,
        links=Links(model, here),
        withdrawn=record,
        last_title=title,
        kind_title=kind_title,
    )


def withdrawn_pages(model: Model) -> list[Page]:
    return [withdrawn_page(model, record) for record in of_model(model).removed]
