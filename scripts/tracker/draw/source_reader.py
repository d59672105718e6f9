"""The archived source in context: its text with every cited excerpt highlighted in place.

Excerpts are found the way the excerpt rule checks them (``rules.normalise``: whitespace runs as
one space, typographic quotes as straight ones), but highlighted in the text as archived: a map
from each normalised character back to its raw position carries the match over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from ..html import esc
from ..model import Model, Source
from ..rulebook import normalise

_WHITESPACE = re.compile(r"\s")  # the same characters as the rule's \s+ runs
_LINE_BREAKS = re.compile(r"\n")


def normalised_with_map(raw: str) -> tuple[str, list[int]]:
    """``rules.normalise(raw)`` and, for each of its characters, the index of the raw character it came from."""
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


def _paragraph_spans(raw: str) -> list[tuple[int, int]]:
    """Each non-blank line of the archived text is a paragraph (the archive keeps one per line)."""
    spans, start = [], 0
    for match in [*_LINE_BREAKS.finditer(raw), None]:
        end = match.start() if match else len(raw)
        if raw[start:end].strip():
            spans.append((start, end))
        start = match.end() if match else end
    return spans


def reader_html(model: Model, source: Source, raw: str, record_href: Callable[[str], str], record_label: Callable[[str], str]) -> str:
    """The archived text as paragraphs, each cited excerpt a ``<mark id="excerpt-N">`` followed by links to its citers.

    ``record_href``/``record_label`` give each citing record's URL and name (the page layer knows both).
    """
    excerpts = locate(raw, citations_of(model, source))
    placed = [e for e in excerpts if e.start >= 0]
    starts: dict[int, list[Excerpt]] = {}
    ends: dict[int, list[Excerpt]] = {}
    for e in placed:
        starts.setdefault(e.start, []).append(e)
        ends.setdefault(e.end, []).append(e)

    def covering(i: int) -> list[int]:
        return [e.number for e in placed if e.start <= i < e.end]

    def citers(e: Excerpt) -> str:
        items = ", ".join(f'<a href="{esc(record_href(r))}">{esc(record_label(r))}</a>' for r in e.records)
        return f'<small class="excerpt-cites">[{e.number}] cited by {items}</small>'

    paragraphs = []
    for p_start, p_end in _paragraph_spans(raw):
        cuts = sorted({p_start, p_end, *(i for i in (*starts, *ends) if p_start < i < p_end)})
        parts, any_cited = [], False
        anchored: set[int] = set()
        for a, b in pairwise(cuts):
            numbers = covering(a)
            text = esc(raw[a:b])
            if numbers:
                any_cited = True
                new = [n for n in numbers if n not in anchored and placed[n - 1].start >= p_start]
                anchored.update(new)
                extra = "".join(f'<span id="excerpt-{n}"></span>' for n in new[1:])
                mark_id = f' id="excerpt-{new[0]}"' if new else ""
                parts.append(f'{extra}<mark class="excerpt"{mark_id} data-excerpts="{" ".join(map(str, numbers))}">{text}</mark>')
            else:
                parts.append(f'<span class="uncited">{text}</span>' if raw[a:b].strip() else text)
            parts.extend(citers(e) for e in sorted(ends.get(b, []), key=lambda e: e.number))
        cls = "reader-p" if any_cited else "reader-p reader-uncited"
        paragraphs.append(f'<p class="{cls}">{"".join(parts)}</p>')
    share = cited_share(raw, placed)
    summary = (
        f'<p class="reader-share">{len(placed)} passages of this text are cited by records, covering {share:.0%} of it. '
        "Cited passages are highlighted and followed by the records citing them; text no record cites is shown dimmed.</p>"
    )
    missing = [e for e in excerpts if e.start < 0]
    missing_html = ""
    if missing:
        items = "".join(f"<li>“{esc(e.text)}” — {', '.join(esc(record_label(r)) for r in e.records)}</li>" for e in missing)
        missing_html = f'<p class="reader-missing">Cited but not found in this text:</p><ul>{items}</ul>'
    return f'<div class="source-reader">{summary}<div class="reader-text">{"".join(paragraphs)}</div>{missing_html}</div>'
