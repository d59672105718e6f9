"""Cross-record vocabulary rules: free-form values that should repeat the ones already in use.

Same shape as the dataset rules in rules.py: a function of the whole dataset
yielding ``(record, path, message)``; its docstring is the published rule.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator

from .dataset import Dataset, RecordFile

TAG_CUTOFF = 0.85  # difflib ratio: 'protest' and 'protests' (0.93) are close, 'economy' and 'energy' (0.62) are not


def check_tag_typos(ds: Dataset) -> Iterator[tuple[RecordFile, tuple, str]]:
    """A tag that no other record uses is not a near-spelling of a tag that others use
    (a misspelt tag would file the record under a topic of its own)."""
    uses: Counter[str] = Counter()
    tagged = [r for r in ds.files if r.schema_ok and r.kind in ("events", "claims")]
    for record in tagged:
        uses.update(set(record.data.get("tags", [])))
    common = [tag for tag, count in uses.items() if count > 1]
    for record in tagged:
        for index, tag in enumerate(record.data.get("tags", [])):
            if uses[tag] != 1:
                continue
            close = difflib.get_close_matches(tag, common, n=1, cutoff=TAG_CUTOFF)
            if close:
                yield record, ("tags", index), f"tag {tag!r} is used by no other record; did you mean {close[0]!r}?"
