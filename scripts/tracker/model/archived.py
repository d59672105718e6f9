"""The archived texts in seeds/, as archived (not normalised), and where each cited excerpt sits in them.

Excerpts are found the way the excerpt rule checks them (``rulebook.normalise``: whitespace runs as
one space, typographic quotes as straight ones), but placed in the text as archived: a map
from each normalised character back to its raw position carries the match over.

The page layer reads no files: it asks here. A text is read again only when its file changed
(the live preview), and the excerpt anchors are worked out once per model and source, because
every footnote citing an archived text links to its highlighted excerpt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tracker.check.rulebook import normalise
from tracker.load.dataset import REPO_ROOT
from tracker.model.records import Model, Source

_TEXTS: dict[str, tuple[tuple[int, int], str]] = {}
_ANCHORS: list[Any] = [None, {}]  # [the model they were worked out for, {source id: {excerpt: anchor}}]


def raw_text(relative: str) -> str | None:
    """The archived text at a seeds/ path as archived, or None when it is not a plain file in seeds/."""
    path = REPO_ROOT / relative
    try:
        resolved = path.resolve(strict=True)
        stat = resolved.stat()
    except OSError:
        return None
    if path.is_symlink() or not resolved.is_relative_to(REPO_ROOT / "seeds") or not resolved.is_file():
        return None
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _TEXTS.get(relative)
    if cached is None or cached[0] != key:
        cached = _TEXTS[relative] = (key, resolved.read_text("utf-8", errors="replace"))
    return cached[1]


def anchors(model: Model, source: Source) -> dict[str, str]:
    """Excerpt as cited → ``excerpt-N`` on the source's reader page ({} when it has no archived text)."""
    if _ANCHORS[0] is not model:
        _ANCHORS[0], _ANCHORS[1] = model, {}
    found: dict[str, str] | None = _ANCHORS[1].get(source.id)
    if found is None:
        raw = raw_text(source.seed) if source.seed else None
        found = _ANCHORS[1][source.id] = excerpt_anchors(model, source, raw) if raw is not None else {}
    return found


_WHITESPACE = re.compile(r"\s")  # the same characters as the rule's \s+ runs


def normalised_with_map(raw: str) -> tuple[str, list[int]]:
    """``rulebook.normalise(raw)`` and, for each of its characters, the index of the raw character it came from."""
    chars: list[str] = []
    where: list[int] = []
    in_space = False
    for index, char in enumerate(raw):
        if _WHITESPACE.match(char):
            if not in_space and chars:
                chars.append(" ")
                where.append(index)
            in_space = True
            continue
        in_space = False
        chars.append(normalise(char))
        where.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


@dataclass(slots=True)
class Excerpt:
    number: int  # 1-based, in the order the excerpts occur in the text
    text: str  # as cited
    start: int  # raw offsets, end exclusive; -1 when not found
    end: int
    records: list[str] = field(default_factory=list)  # ids of the records citing it

    @property
    def anchor(self) -> str:
        return f"excerpt-{self.number}"


def citations_of(model: Model, source: Source) -> dict[str, list[str]]:
    """Every excerpt cited from a source (by events, claims, actors, and sources reported via it), with its citers."""
    cited: dict[str, list[str]] = {}
    for rid in [*model.cited_by.get(source.id, []), *model.reports.get(source.id, [])]:
        record = model.get(rid)
        citations = getattr(record, "citations", None) or getattr(record, "reported_via", [])
        for citation in citations:
            if citation.source == source.id:
                citers = cited.setdefault(citation.excerpt, [])
                if rid not in citers:
                    citers.append(rid)
    return cited


def locate(raw: str, cited: dict[str, list[str]]) -> list[Excerpt]:
    """Excerpts placed in the raw text (first occurrence), numbered by position; ones not found come last."""
    flat, where = normalised_with_map(raw)
    found, missing = [], []
    for text, records in sorted(cited.items()):
        needle = normalise(text)
        at = flat.find(needle) if needle else -1
        if at < 0:
            missing.append(Excerpt(0, text, -1, -1, sorted(records)))
        else:
            found.append(Excerpt(0, text, where[at], where[at + len(needle) - 1] + 1, sorted(records)))
    found.sort(key=lambda e: (e.start, e.end, e.text))
    ordered = found + missing
    for number, excerpt in enumerate(ordered, start=1):
        excerpt.number = number
    return ordered


def excerpt_anchors(model: Model, source: Source, raw: str) -> dict[str, str]:
    """Excerpt as cited → ``excerpt-N`` on the source's reader page, for links ``…#excerpt-N`` from record pages."""
    return {e.text: e.anchor for e in locate(raw, citations_of(model, source)) if e.start >= 0}


def cited_share(raw: str, excerpts: list[Excerpt]) -> float:
    """The share of the text's non-space characters inside at least one cited excerpt (0 to 1)."""
    covered = [False] * len(raw)
    for excerpt in excerpts:
        for i in range(max(excerpt.start, 0), max(excerpt.end, 0)):
            covered[i] = True
    total = sum(1 for c in raw if not c.isspace())
    inside = sum(1 for i, c in enumerate(raw) if covered[i] and not c.isspace())
    return inside / total if total else 0.0
