"""Duplicate records: the same statement or title twice, one passage claimed twice, near-identical claims.

Each finding is reported on the newer record of a pair, the one being added (the record whose file
git first saw later; a file not committed yet is the newest), and names the older one. Nothing is
compared pairwise over the whole data set, and every step is bounded:

* the same text: one dictionary of records by their normalised text;
* the same passage: one dictionary of claims by (source, normalised excerpt), each citation of a
  claim counted once, and within it the first claim of each claimant;
* near-identical claims citing overlapping passages of an archived text: a sweep over the passages
  sorted by where they start, each compared with at most NEIGHBOURS of the passages still open
  before it (the nearest), so that a passage cited a thousand times costs a thousand comparisons,
  not half a million.

At 10,000 records with adversarial duplicates this stays within twice the time of parsing the files
(`make bench`). The order of records by age is read from git only when there is a finding.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from rapidfuzz import fuzz, utils

from tracker.check.rulebook import DatasetFinding, archived_sources, dataset_rule, normalise, occurrences
from tracker.core.filecache import per_run
from tracker.load.dataset import Dataset, RecordFile
from tracker.load.history import read_history_memo

# token_set_ratio (0-100, case and punctuation ignored) at or above which two statements are
# near-duplicates. On the seed data the most similar distinct pair citing overlapping passages
# scores 81 (HRANA's arrests and deaths); rewordings such as "said more than 3,000 people died
# during" / "said that over 3,000 people died in" score 91 or more.
SIMILAR = 85
NEIGHBOURS = 20  # open passages each passage is compared with in the sweep: real data has a handful at most
_NOT_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d[\d,.]*")
_TEXT_FIELD = {"claims": "statement", "events": "title"}
_HOW_TO_KEEP = {
    "claims": "merge them, or if both are meant, link one to the other (links: type and claim)",
    "events": "merge them, or give each a title that tells them apart",
}


@per_run  # a statement is compared with many others
def _key(text: str) -> str:
    """Text compared without case, punctuation or spacing."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


@per_run
def _figures(text: str) -> frozenset[str]:
    return frozenset(_NUMBER.findall(text))


def _linked(a: RecordFile, b: RecordFile) -> bool:
    """Whether one claim links to the other: the mark of a deliberate pair."""
    return any(link["claim"] == b.id for link in a.data.get("links", [])) or any(link["claim"] == a.id for link in b.data.get("links", []))


def similarity(this: str, that: str) -> str:
    """How alike two statements are, for a message, by the measure the near-duplicate rule uses (token_set_ratio:
    case, punctuation, word order and repeated words aside): "91% similar". It is 100 whenever every word of one
    statement is in the other, and "100% similar" was shown of statements that differ: that case is said in words."""
    if _key(this) == _key(that):
        return "100% similar"
    score = int(fuzz.token_set_ratio(this, that, processor=utils.default_process))
    return "every word of one is in the other" if score == 100 else f"{min(score, 99)}% similar"


def age_order(ds: Dataset) -> Callable[[RecordFile], tuple[Any, ...]]:
    """A sort key putting records oldest first: by the commit that added each (git's order, not its
    dates, which an author sets); files git has not seen after those, the one written last last; then
    by path. Reads the history only when called, that is when a rule has a finding."""
    history = read_history_memo(ds.root)
    position = {sha: index for index, sha in enumerate(reversed([c.sha for c in history.commits]))}  # oldest commit first
    newest = len(position)

    known: dict[str, tuple[Any, ...]] = {}

    def key(record: RecordFile) -> tuple[Any, ...]:
        if record.id not in known:
            known[record.id] = _age(record)
        return known[record.id]

    def _age(record: RecordFile) -> tuple[Any, ...]:
        found = history.of(f"{record.kind}/{record.id}.yaml")
        if found is not None and found.changes:
            return (position.get(found.changes[-1].sha, newest), 0, record.display)
        try:  # not committed: the file written last is the one being added
            written = record.path.stat().st_mtime_ns
        except OSError:
            written = 0
        return (newest, written, record.display)

    return key


def _oldest_first(ds: Dataset, groups: list[list[RecordFile]]) -> Iterator[tuple[RecordFile, RecordFile]]:
    """(oldest, newer) for every other record of each group of duplicates, each newer record once (with
    the oldest record it duplicates), in a stable order; the history is read only when there is a group."""
    groups = [group for group in groups if len({r.id for r in group}) > 1]
    if not groups:
        return
    key = age_order(ds)
    found: dict[str, tuple[RecordFile, RecordFile]] = {}
    for group in groups:
        ordered = sorted({r.id: r for r in group}.values(), key=key)
        for newer in ordered[1:]:
            if newer.id not in found or key(ordered[0]) < key(found[newer.id][0]):
                found[newer.id] = (ordered[0], newer)
    yield from sorted(found.values(), key=lambda pair: pair[1].display)


@dataset_rule
def check_duplicate_text(ds: Dataset) -> Iterator[DatasetFinding]:
    """Two claims do not make the same statement, nor two events have the same title (compared without case, punctuation or spacing), unless the claims are linked to each other."""
    for kind, field in _TEXT_FIELD.items():
        first: dict[str, list[RecordFile]] = defaultdict(list)
        for record in ds.of_kind(kind):
            if record.schema_ok:
                first[_key(record.data[field])].append(record)
        for older, newer in _oldest_first(ds, list(first.values())):
            if not _linked(older, newer):
                yield newer, (field,), f"the same {field} as {older.display}: {_HOW_TO_KEEP[kind]}"


class _Cited(NamedTuple):  # a tuple: tens of thousands are made per validation, and a frozen dataclass is slow to make
    """One passage a claim cites: the claim, which citation, the source, the excerpt as compared, and its span in the archived text."""

    record: RecordFile
    citation: int  # its position in the claim's citations
    source: str
    excerpt: str
    span: tuple[int, int] | None  # None when the source's text is not archived


_LAST: list[tuple[Dataset, list[_Cited]]] = []  # the passages of the dataset validated last: two rules read them


def _passages(ds: Dataset) -> list[_Cited]:
    """Every distinct passage each valid claim cites (a passage cited twice by one claim counts once)."""
    if _LAST and _LAST[0][0] is ds:
        return _LAST[0][1]
    found = _find_passages(ds)
    _LAST[:] = [(ds, found)]
    return found


def _find_passages(ds: Dataset) -> list[_Cited]:
    found = []
    seeds = archived_sources(ds)
    valid = {s.id for s in ds.of_kind("sources") if s.schema_ok}
    for record in ds.of_kind("claims"):
        if not record.schema_ok:
            continue
        seen: set[tuple[str, str]] = set()
        for index, citation in enumerate(record.data["citations"]):
            source_id, excerpt = citation["source"], normalise(citation["excerpt"])
            if not excerpt or source_id not in valid or (source_id, excerpt) in seen:
                continue
            seen.add((source_id, excerpt))
            seed = seeds.get(source_id)
            if seed is None:
                found.append(_Cited(record, index, source_id, excerpt, None))
                continue
            starts = occurrences(seed, excerpt)
            if starts:  # else not in its archived text: check_excerpts reports it
                found.append(_Cited(record, index, source_id, excerpt, (starts[0], starts[0] + len(excerpt))))
    return found


def _shares_claimant(a: RecordFile, b: RecordFile) -> str | None:
    common = set(a.data["claimants"]).intersection(b.data["claimants"])
    return min(common) if common else None


def _same_passage_groups(passages: list[_Cited]) -> dict[tuple[str, str, str], list[_Cited]]:
    """(claimant, source, excerpt) -> the claims of that claimant citing that very passage, where there are several."""
    first: dict[tuple[str, str], _Cited] = {}
    again: dict[tuple[str, str], list[_Cited]] = {}  # most passages are cited once: only the others are split by claimant
    for cited in passages:
        key = (cited.source, cited.excerpt)
        if key in first:
            again.setdefault(key, [first[key]]).append(cited)
        else:
            first[key] = cited
    groups: dict[tuple[str, str, str], list[_Cited]] = defaultdict(list)
    for (source, excerpt), citing in again.items():
        if len(citing) > 1:
            for cited in citing:
                for claimant in cited.record.data["claimants"]:
                    groups[(claimant, source, excerpt)].append(cited)
    return {key: group for key, group in groups.items() if len(group) > 1}


@dataset_rule
def check_same_passage_claims(ds: Dataset) -> Iterator[DatasetFinding]:
    """Two claims of one claimant that cite the very same passage of a source are one claim, whatever their wording: one passage says one thing of its speaker. Unless the claims are linked to each other."""
    groups = _same_passage_groups(_passages(ds))
    where: dict[str, tuple[str, _Cited]] = {}  # claim id -> (claimant, its citation) of the first group it is in
    for (claimant, _, _), group in groups.items():
        for cited in group:
            where.setdefault(cited.record.id, (claimant, cited))
    for older, newer in _oldest_first(ds, [[c.record for c in group] for group in groups.values()]):
        this, that = newer.data["statement"], older.data["statement"]
        if _linked(older, newer) or _key(this) == _key(that):  # a deliberate pair; or the same text, check_duplicate_text's
            continue
        claimant, cited = where[newer.id]
        yield (
            newer,
            ("citations", cited.citation, "excerpt"),
            f"the same passage of {cited.source!r}, by the same claimant {claimant!r}, as {older.display} (statements {similarity(this, that)}): "
            f"{_HOW_TO_KEEP['claims']}",
        )


def _overlapping(passages: list[_Cited]) -> Iterator[tuple[_Cited, _Cited]]:
    """Pairs of passages of one archived text that overlap, each compared with at most NEIGHBOURS open before it."""
    by_source: dict[str, list[tuple[int, int, str, _Cited]]] = defaultdict(list)
    for cited in passages:
        if cited.span is not None:
            by_source[cited.source].append((*cited.span, cited.record.display, cited))
    for group in by_source.values():
        group.sort(key=lambda span: span[:3])
        open_: list[tuple[int, _Cited]] = []  # (end, passage) of the passages begun before, nearest last
        for start, end, _, cited in group:
            # Only the nearest are compared, so only they are kept: the list never holds more than NEIGHBOURS.
            open_ = [(e, o) for e, o in open_ if e > start]
            for _, other in open_:
                yield other, cited
            open_ = [*open_[1 - NEIGHBOURS :], (end, cited)]


@dataset_rule
def check_near_duplicate_claims(ds: Dataset) -> Iterator[DatasetFinding]:
    """Two claims of one claimant that cite overlapping passages of an archived text do not make nearly the same statement (85 out of 100 or more in word similarity, ignoring case, punctuation and word order, with the same figures), unless they are linked to each other. Each passage is compared with the 20 nearest that overlap it."""
    seen: set[tuple[str, str]] = set()
    pairs = []
    claimants: dict[str, frozenset[str]] = {}
    for a, b in _overlapping(_passages(ds)):
        first, second = a.record, b.record
        if first is second or a.excerpt == b.excerpt:  # the very same passage: check_same_passage_claims'
            continue
        if first.id > second.id:
            first, second = second, first
        if (first.id, second.id) in seen:
            continue
        seen.add((first.id, second.id))
        mine = claimants.get(first.id) or claimants.setdefault(first.id, frozenset(first.data["claimants"]))
        if mine.isdisjoint(second.data["claimants"]) or _linked(first, second):
            continue
        this, that = first.data["statement"], second.data["statement"]
        if _key(this) == _key(that) or _figures(this) != _figures(that):
            continue  # identical ones are check_duplicate_text's; other figures make another claim
        if fuzz.token_set_ratio(this, that, processor=utils.default_process, score_cutoff=SIMILAR):
            pairs.append((first, second, a.source))
    sources = {(a.id, b.id): source for a, b, source in pairs} | {(b.id, a.id): source for a, b, source in pairs}
    for older, newer in _oldest_first(ds, [[a, b] for a, b, _ in pairs]):
        statements = similarity(newer.data["statement"], older.data["statement"])
        yield (
            newer,
            ("statement",),
            f"nearly the same statement ({statements}) as {older.display}, citing an overlapping passage of {sources[(newer.id, older.id)]!r}: {_HOW_TO_KEEP['claims']}",
        )
