"""Re-render only what an edit changed: the live preview's memo of pages (`make serve`).

Every record page is a pure function of the model. To know which pages an edit touches, each
one is rendered against a TrackedModel that notes every entry of the model's tables it reads
(a record, an index entry such as the claims about an event) and every table it reads whole.
On the next rebuild the old and new models are compared table by table; a page is rendered
again when anything it read changed, when its other arguments changed, or when it is new.
The rest are taken from the memo. Record pages, their overflow lists and the indexes of each
kind go through it; the timeline, disputes and home page are rendered every time. `make site`
never uses this: it renders everything.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterator
from typing import Any

from tracker.model.records import Model, Record

TABLES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Model) if f.name != "trust")  # trust: set per build, not read through the memo


class _Whole:
    def __repr__(self) -> str:
        return "<whole table>"


WHOLE = _Whole()  # the key of a read that saw a whole table (iteration, len, values, ...)

Read = tuple[str, Hashable]


class TrackedTable:
    """A read-only view of one of the model's dicts that records what is read of it."""

    __slots__ = ("_data", "_name", "_reads")

    def __init__(self, data: dict, name: str, reads: set[Read]):
        self._data = data
        self._name = name
        self._reads = reads

    def __getitem__(self, key):
        self._reads.add((self._name, key))
        return self._data[key]

    def get(self, key, default=None):
        self._reads.add((self._name, key))
        return self._data.get(key, default)

    def __contains__(self, key) -> bool:
        self._reads.add((self._name, key))
        return key in self._data

    def _whole(self) -> dict:
        self._reads.add((self._name, WHOLE))
        return self._data

    def __iter__(self) -> Iterator:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def __bool__(self) -> bool:
        return bool(self._whole())

    def keys(self):
        return self._whole().keys()

    def values(self):
        return self._whole().values()

    def items(self):
        return self._whole().items()


class TrackedModel:
    """The model as one page sees it: its tables are TrackedTables, and its methods run against them."""

    def __init__(self, model: Model, reads: set[Read]):
        self._model = model
        self._reads = reads
        self._tables: dict[str, TrackedTable] = {}

    def __getattr__(self, name: str) -> Any:
        if name == "trust":  # per build, not a table: what it adds to a page is not memoized (pages/history.py)
            return self._model.trust
        if name in TABLES:
            if name not in self._tables:
                self._tables[name] = TrackedTable(getattr(self._model, name), name, self._reads)
            return self._tables[name]
        method = getattr(type(self._model), name)  # model methods read the tables through this view
        return method.__get__(self)


def _same(old: Any, new: Any) -> bool:
    """Whether a table entry is unchanged; a missing entry and an empty index entry are the same."""
    if old is new:
        return True
    # The live preview's loader returns the same parsed data for an unchanged file.
    if isinstance(old, Record) and type(old) is type(new) and old.data is new.data and old.path == new.path:
        return True
    return (old or None) == (new or None)


def changed_entries(old: Model, new: Model) -> set[Read]:
    """Every (table, key) whose value differs between two models, plus (table, WHOLE) for each table that differs at all."""
    changed: set[Read] = set()
    for name in TABLES:
        before, after = getattr(old, name), getattr(new, name)
        keys = [k for k in before.keys() | after.keys() if not _same(before.get(k), after.get(k))]
        if keys:
            changed.update((name, k) for k in keys)
            changed.add((name, WHOLE))
    return changed


@dataclasses.dataclass(slots=True)
class _Entry:
    args: tuple
    reads: frozenset[Read]
    result: Any


class RenderMemo:
    """Results of record-page renders, with what each read, kept from one live-preview rebuild to the next."""

    def __init__(self) -> None:
        self.model: Model | None = None
        self.changed: set[Read] = set()
        self.entries: dict[Hashable, _Entry] = {}
        self.rendered = 0  # how many calls in the current rebuild were computed, not reused
        self.used: set[Hashable] = set()  # the keys called in the current rebuild

    def begin(self, model: Model) -> None:
        """Start a rebuild from ``model``: work out what changed since the last one."""
        if self.model is not None and self.model is not model:
            self.changed = changed_entries(self.model, model)
        self.model = model
        self.rendered = 0
        self.used = set()

    def _stale(self, entry: _Entry, args: tuple) -> bool:
        if entry.args != args:
            return True
        changed = self.changed
        return any(read in changed for read in entry.reads)

    def call(self, key: Hashable, fn: Callable[..., Any], record: Record | None, *args: Any) -> Any:
        """``fn(model, record, *args)`` (``fn(model, *args)`` without a record), or the remembered
        result when nothing it read has changed."""
        assert self.model is not None, "begin() first"
        self.used.add(key)
        entry = self.entries.get(key)
        if entry is not None and not self._stale(entry, args):
            return entry.result
        reads: set[Read] = set()
        tracked = TrackedModel(self.model, reads)
        if record is None:
            result = fn(tracked, *args)
        else:
            reads.add((record.kind, record.id))
            result = fn(tracked, record, *args)
        self.entries[key] = _Entry(args, frozenset(reads), result)
        self.rendered += 1
        return result

    def forget_unused(self) -> None:
        """Drop the entries this rebuild did not ask for (pages of records that are gone)."""
        for key in self.entries.keys() - self.used:
            del self.entries[key]
