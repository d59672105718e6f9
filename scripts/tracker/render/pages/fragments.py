"""What the templates of several page families call (``templating.expose``): plain values from the model, never HTML."""

from __future__ import annotations

import re
from collections.abc import Mapping

from tracker.core import dates
from tracker.model.records import Claim, Model, Quantity, Record
from tracker.render import templating


@templating.expose
def record_published(model: Model, record: Record) -> dates.EdtfDate | None:
    """The publication date of the document a record is first cited from (for "Date not given; …")."""
    for citation in getattr(record, "citations", []):
        source = model.sources.get(citation.source)
        if source is not None and source.published is not None:
            return source.published
    return None


_RECORD_ID = re.compile(r"(?<![\w/.-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w/-])")


@templating.expose
def note_paragraphs(model: Model, text: str) -> list[list[list[tuple[str, str | None]]]]:
    """Editorial notes as paragraphs of lines of (text, the id of the record it names, or None): a word that
    is the id of a record in the data is shown as a link named like the record ("no ids in prose")."""

    def segments(line: str) -> list[tuple[str, str | None]]:
        found: list[tuple[str, str | None]] = []
        last = 0
        for match in _RECORD_ID.finditer(line):
            if model.get(match.group(0)) is None:
                continue
            found += [(line[last : match.start()], None), ("", match.group(0))]
            last = match.end()
        return [*found, (line[last:], None)]

    parts = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return [[segments(line) for line in part.split("\n")] for part in parts]


@templating.expose
def reporting_paths(model: Model, source_id: str) -> list[list[str]]:
    """The 'reported via' chains of a source that go through at least one other document."""
    return [path for path in model.chain(source_id) if len(path) > 1]


@templating.expose
def tag_name(tag: str, names: Mapping[str, str] | None = None) -> str:
    """A tag's name from data/vocabulary.yaml, else made from its slug."""
    return (names or {}).get(tag) or tag.replace("-", " ").capitalize()


@templating.expose
def figure_rows(model: Model, measure: str) -> list[tuple[Claim, Quantity]]:
    """Every figure given for one measure with its claim, smallest first."""
    return [(model.claims[claim_id], q) for claim_id, q in sorted(model.figures[measure], key=lambda item: (item[1].value, item[0]))]
