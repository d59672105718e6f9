"""The archived source in context: its text with every cited excerpt highlighted in place
(where each excerpt sits is found by tracker.model.archived)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from tracker.core.html import esc
from tracker.model.archived import Excerpt, citations_of, cited_share, locate
from tracker.model.records import Model, Source

_LINE_BREAKS = re.compile(r"\n")


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
