"""The order of the timeline: by date, then as the sources say, then in the order reported.

Most records of an undated article share one imprecise date ("2026?"), so the
date alone cannot order them; sorting the rest by id put Trump's warning before
the drone shootdown it followed. The order here is, in turn:

1. the date bucket: the month of the earliest possible day, or the year when
   the month is not known; within a year, the entries whose month is not
   known come after the months (as a "date not given" section closes a
   Wikipedia timeline year), and entries with an unknown start come first;
2. within a bucket, the date itself (earliest, then latest possible day);
3. the order relations of events (``chronology`` in the data: "after the drone
   was shot down"), which win over everything but the dates themselves: the
   validator refuses a relation that contradicts the dates, so an entry is only
   ever held back past entries whose dates do not rule that out;
4. where each entry is first reported in its source's archived text ("in the
   order reported"); entries from other documents or without an archived text
   after those, by document and id.

Claims are placed by the date they were made (their own date, else their
venue's publication date), like events. Everything here is pure: the caller
supplies the entries, the relations and the archived texts.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from tracker.check.rulebook import normalise, seed_text
from tracker.core import dates

NOT_REPORTED = 2**62  # sorts after every offset in an archived text


class _Citation(Protocol):
    source: str
    excerpt: str


class _Record(Protocol):
    id: str
    citations: list[Any]


class Entry(Protocol):
    """What the timeline lists: pages.timeline.TimelineEntry satisfies this."""

    # Read-only (properties), so that a list of timeline entries whose record is an Event or Claim satisfies it.
    @property
    def kind(self) -> str: ...  # "event" or "claim"
    @property
    def record(self) -> _Record: ...
    @property
    def date(self) -> dates.EdtfDate: ...


@dataclass(frozen=True, slots=True)
class Placed:
    entry: Entry
    bucket: tuple[Any, ...]
    by: str  # what decided its place: "date" (alone at its date), "relation", "reported" (the order reported) or "id"


def bucket_key(value: dates.EdtfDate) -> tuple[Any, ...]:
    """The section an entry is listed in, as a sort key (see the module docstring)."""
    start = value.start
    if start is None:
        return (0, 0, 0)
    if start.precision in ("decade", "century"):
        return (1, start.earliest.year, 0)  # before the years inside it
    if start.precision == "year":
        return (2, start.earliest.year, 13)  # after the months of its year
    return (2, start.earliest.year, start.earliest.month)


def bucket_label(value: dates.EdtfDate) -> str:
    """Words for a bucket: "January 2025", "2026, month not given", "Start not known"."""
    start = value.start
    if start is None:
        return "Start not known"
    if start.precision == "century":
        return f"The {start.text[:2]}00s, year not given"
    if start.precision == "decade":
        return f"The {start.text[:3]}0s, year not given"
    year = start.earliest.year
    if start.precision == "year":
        return f"{year}, month not given"
    return f"{dates.MONTHS[start.earliest.month - 1]} {year}"


def first_reported(record: _Record, text_of: Callable[[str], str | None]) -> tuple[str, int]:
    """(source, offset) of the record's earliest cited excerpt in an archived text.

    ``text_of`` gives the normalised archived text of a source (None when it has
    none); records with no archived citation get ("", NOT_REPORTED).
    """
    best: tuple[str, int] | None = None
    for citation in record.citations:
        text = text_of(citation.source)
        if text is None:
            continue
        offset = text.find(normalise(citation.excerpt))
        if offset >= 0 and (best is None or (citation.source, offset) < best):
            best = (citation.source, offset)
    return best or ("", NOT_REPORTED)


def order(entries: Iterable[Entry], pairs: Iterable[tuple[str, str]], text_of: Callable[[str], str | None]) -> list[Placed]:  # noqa: C901  (one topological sort with its heap; the timeline helper is changing it now)
    """The entries in timeline order (see the module docstring).

    A topological order of the relations that, among the entries free to come
    next, always takes the one with the smallest (bucket, date, position) key,
    an entry counting as early as the earliest entry it must precede.
    Relations naming records that are not among the entries are ignored; so is
    a cycle (which the validator refuses): its entries fall back to the key.
    """
    entries = list(entries)
    keys: dict[int, tuple[Any, ...]] = {}
    reported: dict[int, bool] = {}
    node_of: dict[str, int] = {}
    for index, entry in enumerate(entries):
        source, offset = first_reported(entry.record, text_of)
        reported[index] = offset != NOT_REPORTED
        # one record may be listed once only; events come first on a tie, as before
        keys[index] = (bucket_key(entry.date), entry.date.sort_key(), source == "", source, offset, entry.kind != "event", entry.record.id)
        if entry.kind == "event":
            node_of[entry.record.id] = index
    after: dict[int, list[int]] = defaultdict(list)
    waiting: dict[int, int] = defaultdict(int)
    for earlier, later in set(pairs):
        if earlier in node_of and later in node_of and earlier != later:
            after[node_of[earlier]].append(node_of[later])
            waiting[node_of[later]] += 1
    held = {i for i in range(len(entries)) if waiting[i]}
    shared = Counter(key[:2] for key in keys.values())
    # An entry that must come before another is pulled forward to that one's place: it takes
    # the smallest key of everything it precedes (else "A before January" would wait until June).
    pulled = dict(keys)
    for index in sorted(range(len(entries)), key=keys.__getitem__):
        stack, seen = [index], {index}
        while stack:
            for nxt in after[stack.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
                    pulled[index] = min(pulled[index], keys[nxt])
    heap = [(pulled[i], keys[i], i) for i in range(len(entries)) if not waiting[i]]
    heapq.heapify(heap)
    result: list[Placed] = []
    placed: set[int] = set()
    while heap or len(placed) < len(entries):
        if not heap:  # a cycle: release its smallest entry
            stuck = min((i for i in range(len(entries)) if i not in placed), key=keys.__getitem__)
            waiting[stuck] = 0
            heapq.heappush(heap, (pulled[stuck], keys[stuck], stuck))
        _, _, index = heapq.heappop(heap)
        if index in placed:
            continue
        placed.add(index)
        entry = entries[index]
        if index in held:
            by = "relation"
        elif shared[keys[index][:2]] == 1:
            by = "date"  # nothing else at this date: the order reported decided nothing
        else:
            by = "reported" if reported[index] else "id"
        result.append(Placed(entry, keys[index][0], by))
        for nxt in after[index]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0 and nxt not in placed:
                heapq.heappush(heap, (pulled[nxt], keys[nxt], nxt))
    return result


def archived_texts(sources: Mapping[str, object]) -> Callable[[str], str | None]:
    """``text_of`` for ``order``: the normalised archived text of a source (model.sources), if any."""

    def text_of(source_id: str) -> str | None:
        seed = getattr(sources.get(source_id), "seed", None)
        return seed_text(seed) if seed else None

    return text_of


def newest(placed: list[Placed], count: int) -> list[Placed]:
    """The ``count`` newest entries for the home page: latest date section first, and within one
    date in the order reported (a reader follows a story forwards), never by id."""
    runs: list[list[Placed]] = []
    for item in placed:
        key = (item.bucket, item.entry.date.sort_key())
        if runs and (runs[-1][0].bucket, runs[-1][0].entry.date.sort_key()) == key:
            runs[-1].append(item)
        else:
            runs.append([item])
    return [item for run in reversed(runs) for item in run][:count]
