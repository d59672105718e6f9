"""The rule registry and what rules share: finding values, normalising text, reading seeds.

A rule is a small function whose docstring states the rule (the methodology
page prints it). ``@rule("claims")`` registers it for the kinds it applies to;
the validator calls it once per record of those kinds that passed its schema.
``@dataset_rule`` registers a rule that looks at the whole dataset at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rapidfuzz import fuzz, process

from tracker.core.filecache import per_run
from tracker.core.kinds import FOLDERS as KINDS
from tracker.load import schema_files
from tracker.load.dataset import REPO_ROOT, Dataset, RecordFile

Finding = tuple[tuple[Any, ...], str]
Rule = Callable[[RecordFile, Dataset], Iterator[Finding]]
DatasetFinding = tuple[RecordFile, tuple[Any, ...], str]
DatasetRule = Callable[[Dataset], Iterator[DatasetFinding]]
# The decorators return the rule unchanged, with its own type, so mypy checks each rule where it is called.
RecordRuleT = TypeVar("RecordRuleT", bound=Rule)
DatasetRuleT = TypeVar("DatasetRuleT", bound=DatasetRule)


Check = TypeVar("Check", Rule, DatasetRule)


@dataclass(frozen=True, slots=True)
class Registered(Generic[Check]):
    check: Check
    kinds: tuple[str, ...]  # empty for a dataset rule

    @property
    def name(self) -> str:
        return self.check.__name__

    @property
    def text(self) -> str:
        return (self.check.__doc__ or "").strip()


RECORD_RULES: list[Registered[Rule]] = []
DATASET_RULES: list[Registered[DatasetRule]] = []


def rule(*kinds: str) -> Callable[[RecordRuleT], RecordRuleT]:
    """Register a record rule for the given kinds (folder names); none means every kind."""
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}")

    def register(check: RecordRuleT) -> RecordRuleT:
        if not (check.__doc__ or "").strip():
            raise ValueError(f"rule {check.__name__} has no docstring: the docstring is the published rule")
        RECORD_RULES.append(Registered(check, kinds or tuple(KINDS)))
        return check

    return register


def dataset_rule(check: DatasetRuleT) -> DatasetRuleT:
    """Register a rule over the whole dataset."""
    if not (check.__doc__ or "").strip():
        raise ValueError(f"rule {check.__name__} has no docstring: the docstring is the published rule")
    DATASET_RULES.append(Registered(check, ()))
    return check


def rules_for(kind: str) -> list[Rule]:
    return [r.check for r in RECORD_RULES if kind in r.kinds]


def all_rules() -> list[Registered[Rule] | Registered[DatasetRule]]:
    return [*RECORD_RULES, *DATASET_RULES]


def target(ds: Dataset, ref: object, kind: str) -> RecordFile | None:
    """The record ``ref`` names when it exists, is of ``kind`` and passed its schema; else None.

    Rules that read another record use this, so that a broken reference is
    reported once (by check_references or the schema) and not again by them.
    """
    other = ds.by_id.get(ref) if isinstance(ref, str) else None
    if other is None or other.kind != kind or not other.schema_ok:
        return None
    return other


def insertion_point(record: RecordFile, key: str) -> str:
    """Where the lines of a top-level ``key`` go in a record's file, keys being in schema order:
    "above its line 14 (tags:)", or "at its end"."""
    order = list(schema_files.schema_documents()[schema_files.schema_name(record.kind)].get("properties", {}))
    later = order[order.index(key) + 1 :] if key in order else []
    found = [(record.doc.position((name,), key=True)[0], name) for name in later if name in record.data and record.doc is not None]
    if not found:
        return "at its end"
    line, name = min(found)
    return f"above its line {line} ({name}:)"


def did_you_mean(word: object, choices: Iterable[str], *, cutoff: float = 70) -> str:
    """'; did you mean 'x'?' for the choice closest to a misspelt name (a field, a scale's value, a tag, an
    id), or '' when none scores ``cutoff`` (of 100) or more. rapidfuzz's ratio, as difflib's but fast
    enough for the thousands of ids a reference may name."""
    if not isinstance(word, str):
        return ""
    # of equally close choices, the last in sorted order, as difflib.get_close_matches gave before it was this
    match = process.extractOne(word, sorted(choices, reverse=True), scorer=fuzz.ratio, score_cutoff=cutoff)
    return f"; did you mean {match[0]!r}?" if match else ""


def values_at(data: object, pattern: tuple[Any, ...], prefix: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Yield (path, value) for every value matching a path pattern where '*' is any list index.

    The values are Any: loaded data, whose shape the rules know from the schema check they run after."""
    if not pattern:
        yield prefix, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from values_at(item, rest, (*prefix, index))
    elif isinstance(data, dict) and head in data:
        yield from values_at(data[head], rest, (*prefix, head))


_QUOTE_PAIRS = (("‘", "'"), ("’", "'"), ("‚", "'"), ("‛", "'"), ("“", '"'), ("”", '"'), ("„", '"'), ("‟", '"'))


_TYPOGRAPHIC = re.compile("[‘’‚‛“”„‟]")


@per_run  # several rules normalise each excerpt, and one excerpt may be cited thousands of times
def normalise(text: str) -> str:
    """Whitespace runs to one space and typographic quotes to straight ones; nothing else."""
    if _TYPOGRAPHIC.search(text):  # most texts have none; str.translate with a table is the slow part
        for typographic, straight in _QUOTE_PAIRS:
            text = text.replace(typographic, straight)
    return " ".join(text.split())  # str.split and the pattern \s agree on what white space is (str.isspace)


@per_run  # forgotten at each validation: `make serve` sees an edited schema or seed
def seed_text(relative: str) -> str | None:
    """The normalised text of an archived seed, or None when it is missing or not a plain file."""
    path = REPO_ROOT / relative
    try:
        resolved = path.resolve(strict=True)
    except OSError:
        return None
    if path.is_symlink() or not resolved.is_relative_to(REPO_ROOT / "seeds") or not resolved.is_file():
        return None
    return normalise(resolved.read_text("utf-8", errors="replace"))


_SEEDS: list[tuple[Dataset, dict[str, str]]] = []  # for the dataset validated last


def archived_sources(ds: Dataset) -> dict[str, str]:
    """Source id -> the path of its archived text, for every valid source whose text the site keeps.

    Rules that place excerpts ask for every citation; this is worked out once per dataset."""
    if not (_SEEDS and _SEEDS[0][0] is ds):
        found = {s.id: s.data["seed"] for s in ds.of_kind("sources") if s.schema_ok and "seed" in s.data and seed_text(s.data["seed"]) is not None}
        _SEEDS[:] = [(ds, found)]
    return _SEEDS[0][1]


@per_run  # each rule that places an excerpt asks; a passage cited many times is looked for once
def occurrences(relative: str, excerpt: str) -> tuple[int, ...]:
    """Where a normalised excerpt starts in the archived text `relative` (normalised), every time; () when it is not there or there is no text."""
    text = seed_text(relative)
    if text is None or not excerpt:
        return ()
    found = []
    start = text.find(excerpt)
    while start >= 0:
        found.append(start)
        start = text.find(excerpt, start + 1)
    return tuple(found)


def cited_texts(record: RecordFile, ds: Dataset) -> Iterator[tuple[str, str | None]]:
    """(excerpt, archived text of its source or None) for every citation of a record."""
    for citation in record.data.get("citations", []):
        source = target(ds, citation["source"], "sources")
        seed = source.data.get("seed") if source is not None else None
        yield normalise(citation["excerpt"]), seed_text(seed) if seed else None
