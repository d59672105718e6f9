"""A record page's history, as plain values: "First published … · Last changed …", its status history,
corrections and withdrawal at the top, a History section at the end (templates/records/record.html).

``record_trust`` reads them from ``model.trust`` once per build; the page functions take the result as
an argument, so that the live preview's memo renders a page again when its history changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.core import dates
from tracker.model.records import Model, Record
from tracker.render import templating
from tracker.trust.corrections import Correction
from tracker.trust.gather import of_model

ACTIONS = {"added": "Published", "changed": "Changed", "renamed": "Moved to a new address", "withdrawn": "Withdrawn"}


@dataclass(frozen=True, slots=True)
class RecordTrust:
    """What a record's page says of its life. Empty without history: no date rather than a wrong one."""

    published: str = ""  # the first commit of its file (RFC 3339, UTC), "" without history
    modified: str = ""  # the last one
    status_note: str = ""  # a claim's "Disputed since 4 January 2026; previously unverified"
    corrections: tuple[Correction, ...] = ()
    withdrawn: tuple[str, str] | None = None  # (the day, "YYYY-MM-DD", the reason) of a record withdrawn by its field
    changes: tuple[tuple[str, str, str, str | None], ...] = ()  # (when, what, what changed in words, the change's URL), newest first
    no_history: bool = False  # the build had no history of the records: the History section says so
    site_url: str = ""  # the site's address, for the record's address in its ready citation ("": a path from the site's root)
    publisher: str = ""  # who publishes the site, named in the citation when it is not the site's own name


def record_trust(model: Model, record: Record) -> RecordTrust:
    trust = of_model(model)
    found = trust.history(record)
    withdrawal = trust.withdrawn(record)
    return RecordTrust(
        published=found.published if found is not None else "",
        modified=found.modified if found is not None else "",
        status_note=trust.status_notes.get(record.id, "") if record.kind == "claims" else "",
        corrections=tuple(trust.of(record)),
        withdrawn=(withdrawal.date[:10], withdrawal.reason) if withdrawal is not None else None,
        changes=tuple((c.date, ACTIONS.get(c.action, c.action), trust.what_changed(c.sha, found.path), trust.diff_url(c.sha)) for c in found.changes)
        if found is not None
        else (),
        no_history=found is None and trust.notice is not None,
        site_url=trust.site_url,
        publisher=(trust.publisher or {}).get("name", ""),
    )


@templating.expose
def day_words(rfc3339: str) -> str:
    """29 November 2026, for a commit date (RFC 3339, UTC)."""
    return dates.humanize(rfc3339[:10])


templating.expose(dates.humanize)  # a day ("YYYY-MM-DD") in words
