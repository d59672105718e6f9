"""Excerpts that mean what they cite, and archived texts that are what was archived.

"Verified verbatim" only means something if the verified excerpt carries the meaning the record
takes from it. An excerpt of spaces is empty once white space is collapsed, and the empty string
occurs in every text; an excerpt cut inside a word ("ran insists") or right after a "not" ("ruled
out diplomacy entirely", from "has not ruled out diplomacy entirely") occurs verbatim and says
something else. And the check is only as good as the archived text: `make archive` writes each
text with a provenance file holding its SHA-256, so a text changed or added by hand is noticed.

Every excerpt field is checked: citations, a source's reported_via, an event's order relations.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from tracker.check.rulebook import Finding, archived_sources, normalise, occurrences, rule, seed_text
from tracker.core.filecache import per_run
from tracker.load.dataset import REPO_ROOT, Dataset, RecordFile

# The fewest words that can say who did what ("Iran attacked Israel"). One or two words ("Iran
# insists") support nothing on their own and occur in many places of a text; the shortest excerpt
# of the data set when this rule was made had three ("Trump's recent warnings").
MIN_WORDS = 3
EXCERPT_FIELDS = ("citations", "reported_via", "chronology")
# Words that turn what follows into its opposite, a doubt or a condition. An excerpt that starts
# right after one leaves it out. A plain negation is looked for one word further back too ("has not
# yet commented", "no longer"); the pairs are two-word forms whose second word alone is harmless.
NEGATIONS = frozenset({"not", "never", "no", "nor", "neither", "cannot"})
QUALIFIERS = frozenset(
    {"without", "hardly", "barely", "scarcely", "denied", "denies", "deny", "denying", "allegedly", "reportedly", "supposedly", "purportedly",
     "falsely", "unless", "if", "whether"}
)  # fmt: skip
NEGATION_PAIRS = frozenset(
    {("denied", "that"), ("denies", "that"), ("deny", "that"), ("doubted", "that"), ("doubts", "that"), ("disputed", "that"), ("rejected", "that"),
     ("refused", "to"), ("refuses", "to"), ("failed", "to"), ("fails", "to"), ("claimed", "that"), ("claims", "that"), ("unlikely", "to")}
)  # fmt: skip
_LOOK_BACK = 40  # characters before an excerpt searched for the two words that precede it
_OPENERS = "\"'([“‘"


def _excerpts(record: RecordFile) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    for name in EXCERPT_FIELDS:
        for index, item in enumerate(record.data.get(name, [])):
            yield (name, index, "excerpt"), item


def _archived(ds: Dataset, item: dict[str, Any]) -> str | None:
    """The seed path of the item's source, when the site keeps its text."""
    return archived_sources(ds).get(item["source"])


def _word_around(text: str, at: int) -> str:
    """The whole word of `text` that the position `at` falls in (or just after)."""
    start, end = at, at
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def _cut_word(text: str, start: int, excerpt: str) -> tuple[str, str] | None:
    """("starts", word) or ("ends", word) when the excerpt at `start` cuts a word of the text; None at word boundaries."""
    end = start + len(excerpt)
    if start > 0 and text[start - 1].isalnum() and excerpt[0].isalnum():
        return "starts", _word_around(text, start)
    if end < len(text) and text[end].isalnum() and excerpt[-1].isalnum():
        return "ends", _word_around(text, end - 1)
    return None


def _words_before(text: str, start: int) -> list[str]:
    """The (at most two) words right before position `start`, lowercase, opening quotes and brackets skipped."""
    tail = text[max(0, start - _LOOK_BACK) : start].rstrip().rstrip(_OPENERS).rstrip()
    words = tail.split(" ")[-2:] if tail else []
    return [word.lower().strip(",;:") for word in words]


def _is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


def _negation(words: list[str]) -> str | None:
    """The negation or qualifier these preceding words end with (a negation may be followed by one more word), or None."""
    if len(words) == 2 and (tuple(words) in NEGATION_PAIRS or _is_negation(words[0])):
        return " ".join(words)
    last = words[-1] if words else ""
    if _is_negation(last) or last in QUALIFIERS:
        return last
    return None


@rule()
def check_excerpt_words(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An excerpt has at least 3 words once white space is collapsed: the fewest that can say who did what. One or two words support nothing on their own, and an excerpt of spaces is empty, which any text contains."""
    for path, item in _excerpts(record):
        count = len(item["excerpt"].split(None, MIN_WORDS))  # as many as once normalised, which changes only quotes and white space
        if count < MIN_WORDS:
            words = "no words" if count == 0 else ("1 word" if count == 1 else f"{count} words")
            yield path, f"excerpt has {words} once white space is collapsed; quote at least {MIN_WORDS}, enough to support the record on its own"


@per_run  # once per passage, however often it is cited
def _cut(relative: str, excerpt: str) -> tuple[str, str] | None:
    """How the excerpt cuts a word, when it does wherever it occurs in the archived text; None when it does not, or is not there."""
    text = seed_text(relative) or ""
    cuts = [_cut_word(text, start, excerpt) for start in occurrences(relative, excerpt)]
    return cuts[0] if cuts and all(cuts) else None


@per_run
def _left_out(relative: str, excerpt: str) -> str | None:
    """The negation or qualifier right before the excerpt, when there is one wherever it occurs; None otherwise."""
    text = seed_text(relative) or ""
    negations = [_negation(_words_before(text, start)) for start in occurrences(relative, excerpt)]
    return negations[0] if negations and all(negations) else None


@rule()
def check_excerpt_boundaries(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An excerpt of an archived text starts and ends at word boundaries: it does not begin or end inside a word of the text."""
    for path, item in _excerpts(record):
        seed = _archived(ds, item)
        if seed is None:
            continue  # not archived: nothing to place the excerpt in
        excerpt = normalise(item["excerpt"])
        if len(excerpt.split(None, MIN_WORDS)) < MIN_WORDS:
            continue  # too short: check_excerpt_words
        cut = _cut(seed, excerpt)  # not found at all is check_excerpts'
        if cut is not None:
            where, word = cut
            yield path, f"excerpt {where} inside the word {word!r} of {seed}; quote whole words"


@rule()
def check_excerpt_negation(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An excerpt of an archived text does not begin right after a negation or a qualifier it leaves out ("not", "never", "no", "denied that", "did not", "allegedly", "if"…), unless its note says why: cut there, it can say the opposite of the text."""
    for path, item in _excerpts(record):
        seed = _archived(ds, item)
        if seed is None or item.get("note"):
            continue
        excerpt = normalise(item["excerpt"])
        if len(excerpt.split(None, MIN_WORDS)) < MIN_WORDS:
            continue
        negation = _left_out(seed, excerpt)
        if negation is not None:
            yield (
                path,
                f"excerpt begins right after {negation!r} in {seed}, which it leaves out: start the excerpt with it, "
                "or add a note saying why the words before it do not change its meaning",
            )


@per_run  # forgotten at each validation, like the texts themselves
def provenance_problem(relative: str) -> str | None:
    """Why an archived text is not the one its provenance file records (None when it is)."""
    seed = REPO_ROOT / relative
    provenance = seed.with_suffix(".provenance.json")
    if not provenance.is_file() or provenance.is_symlink():
        return f"{relative} has no provenance file ({provenance.relative_to(REPO_ROOT).as_posix()}): archive texts with `make archive`, which writes it"
    try:
        recorded = json.loads(provenance.read_text("utf-8"))
        expected = recorded["text_sha256"]
        named = recorded["file"]
    except (ValueError, KeyError, TypeError):
        return f"the provenance file of {relative} is not the JSON `make archive` writes (with file and text_sha256)"
    actual = hashlib.sha256(seed.read_bytes()).hexdigest()
    if named != seed.name:
        return f"the provenance file of {relative} is about another file ({named!r})"
    if actual != expected:
        return f"{relative} is not the text its provenance file records (sha256 {str(expected)[:16]}…, found {actual[:16]}…): an archived text is never edited; archive it again"
    return None


@rule("sources")
def check_seed_provenance(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A source's archived text has the provenance file `make archive` writes beside it, and is byte for byte the text whose SHA-256 that file records."""
    relative = record.data.get("seed")
    if relative is not None and seed_text(relative) is not None:  # a missing text is check_seed's
        problem = provenance_problem(relative)
        if problem:
            yield ("seed",), problem
