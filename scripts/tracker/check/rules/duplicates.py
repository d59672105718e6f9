"""Duplicate records: the same statement or title twice, and near-identical claims on one passage.

Only candidate groups are compared, never all pairs: records with the same
normalised text (one dictionary), and claims that share a claimant and cite
overlapping spans of one archived source (a sweep over the spans sorted by
start) or the same excerpt of a source that is not archived. At 10,000 records
this adds a few tens of milliseconds to validation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz, utils

from tracker.check.rulebook import DatasetFinding, dataset_rule, normalise, seed_text, target
from tracker.load.dataset import Dataset, RecordFile

# token_set_ratio (0-100, case and punctuation ignored) at or above which two statements are
# near-duplicates. On the seed data the most similar distinct pair citing overlapping passages
# scores 77 (HRANA's arrests and deaths); rewordings such as "said more than 3,000 people died
# during" / "said that over 3,000 people died in" score 91 or more.
SIMILAR = 85
_NOT_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d[\d,.]*")
_TEXT_FIELD = {"claims": "statement", "events": "title"}
_HOW_TO_KEEP = {
    "claims": "merge them, or if both are meant, link one to the other (links: type and claim)",
    "events": "merge them, or give each a title that tells them apart",
}


def _key(text: str) -> str:
    """Text compared without case, punctuation or spacing."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _linked(a: RecordFile, b: RecordFile) -> bool:
    """Whether one claim links to the other: the mark of a deliberate pair."""
    return any(link["claim"] == b.id for link in a.data.get("links", [])) or any(link["claim"] == a.id for link in b.data.get("links", []))


@dataset_rule
def check_duplicate_text(ds: Dataset) -> Iterator[DatasetFinding]:
    """Two claims do not make the same statement, nor two events have the same title (compared without case, punctuation or spacing), unless the claims are linked to each other."""
    for kind, field in _TEXT_FIELD.items():
        first: dict[str, list[RecordFile]] = defaultdict(list)
        for record in ds.of_kind(kind):
            if record.schema_ok:
                first[_key(record.data[field])].append(record)
        for group in first.values():
            for index, record in enumerate(group):
                original = next((o for o in group[:index] if not _linked(o, record)), None)
                if original is not None:
                    yield record, (field,), f"the same {field} as {original.display}: {_HOW_TO_KEEP[kind]}"


def _candidate_pairs(ds: Dataset) -> Iterator[tuple[RecordFile, RecordFile, str]]:
    """(claim, claim, source id) for claims citing overlapping spans of one source."""
    spans: dict[str, list[tuple[int, int, RecordFile]]] = defaultdict(list)
    same_excerpt: dict[tuple[str, str], list[RecordFile]] = defaultdict(list)
    for record in ds.of_kind("claims"):
        if not record.schema_ok:
            continue
        for citation in record.data["citations"]:
            source = target(ds, citation["source"], "sources")
            if source is None:
                continue
            text = seed_text(source.data["seed"]) if "seed" in source.data else None
            if text is None:  # not archived: only the very same excerpt can be seen to overlap
                same_excerpt[(source.id, citation["excerpt"])].append(record)
                continue
            excerpt = normalise(citation["excerpt"])
            start = text.find(excerpt)
            if start >= 0:
                spans[source.id].append((start, start + len(excerpt), record))
    for source_id, found in spans.items():
        found.sort(key=lambda span: span[0])
        active: list[tuple[int, RecordFile]] = []
        for start, end, record in found:
            active = [(e, r) for e, r in active if e > start]
            for _, other in active:
                yield other, record, source_id
            active.append((end, record))
    for (source_id, _), group in same_excerpt.items():
        for index, record in enumerate(group):
            for other in group[:index]:
                yield other, record, source_id


@dataset_rule
def check_near_duplicate_claims(ds: Dataset) -> Iterator[DatasetFinding]:
    """Two claims of one claimant that cite overlapping passages of one source do not make nearly the same statement (85 out of 100 or more in word similarity, ignoring case, punctuation and word order, with the same figures), unless they are linked to each other."""
    seen: set[tuple[str, str]] = set()
    for a, b, source_id in _candidate_pairs(ds):
        first, second = sorted((a, b), key=lambda r: r.id)
        if first is second or (first.id, second.id) in seen:
            continue
        seen.add((first.id, second.id))
        if not set(first.data["claimants"]) & set(second.data["claimants"]) or _linked(first, second):
            continue
        this, that = first.data["statement"], second.data["statement"]
        if _key(this) == _key(that) or set(_NUMBER.findall(this)) != set(_NUMBER.findall(that)):
            continue  # identical ones are check_duplicate_text's; other figures make another claim
        score = fuzz.token_set_ratio(this, that, processor=utils.default_process)
        if score >= SIMILAR:
            yield (
                second,
                ("statement",),
                f"nearly the same statement ({score:.0f}% similar) as {first.display}, citing an overlapping passage of {source_id!r}: {_HOW_TO_KEEP['claims']}",
            )
