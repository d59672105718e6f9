"""The home page's story pieces, as values: the lead, the newest entries (what is disputed is story.open_questions).

Everything here is from data/: the lead's sentences and questions from data/story.yaml (each
sentence linked to the records it rests on, which the validator checks), the figures from the
claims, the count of documents from provenance, the order of entries from chronology.
"""

from __future__ import annotations

from tracker.core import dates
from tracker.model import chronology
from tracker.model.records import Claim, Event, Model, Record
from tracker.model.story import Sentence, Story
from tracker.render.pages.fragments import record_published
from tracker.render.templating import date_in_words


def lead(model: Model, story: Story) -> list[tuple[Sentence, list[tuple[int, Record]]]]:
    """At most five sentences, each with the records it rests on, numbered (a record not in the data keeps its number, unlinked)."""
    found = []
    for sentence in story.lead[:5]:
        refs = [(n, model.get(rid)) for n, rid in enumerate(sentence.rests_on, start=1)]
        found.append((sentence, [(n, record) for n, record in refs if record is not None]))
    return found


def newest(model: Model, entries: list, count: int = 5) -> list[tuple[dates.EdtfDate, dates.EdtfDate | None, list[Event | Claim]]]:
    """The newest entries: latest date section first, within it in the order reported (never by id); a date shared by several is said once.

    ``entries`` are the timeline's, already in chronology.order (TimelineEntry, with ``by``). Each group is
    (its date, the date of the document first reporting its first entry, the entries)."""
    placed = [chronology.Placed(e, chronology.bucket_key(e.date), e.by) for e in entries]
    groups: list[tuple[dates.EdtfDate, dates.EdtfDate | None, list[Event | Claim]]] = []
    shown: list[tuple[str, str]] = []  # the date of each group as it is shown: (notation, words)
    for item in chronology.newest(placed, count):
        record = model.get(item.entry.record.id)
        assert isinstance(record, Event | Claim), item.entry.record.id  # the timeline lists events and claims
        published = record_published(model, record)
        words = (item.entry.date.text, date_in_words(item.entry.date, published))
        if not shown or shown[-1] != words:
            groups.append((item.entry.date, published, []))
            shown.append(words)
        groups[-1][2].append(record)
    return groups
