"""The order relations written in the data: an event's ``chronology`` (it came before or after
another event), as (earlier, later) pairs, against the two events' dates, and their cycles.

Pure functions over (id, data) pairs, so that the rules checking the relations
(tracker.check.rules.order) and the timeline ordering by them (tracker.model.chronology)
read them the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from tracker.core import dates


def relations(events: Iterable[tuple[str, Mapping[str, Any]]]) -> list[tuple[str, str]]:
    """(earlier, later) pairs from the events' ``chronology`` lists, given (id, data) pairs."""
    pairs: set[tuple[str, str]] = set()
    for rid, data in events:
        for relation in data.get("chronology", []):
            other = relation["event"]
            pairs.add((other, rid) if relation["type"] == "after" else (rid, other))
    return sorted(pairs)


def contradicts_dates(relation: str, this: dates.EdtfDate, other: dates.EdtfDate) -> bool:
    """True when "this came <relation> other" cannot hold for any days the two dates allow."""
    if relation == "after":
        return this.latest < other.earliest
    return this.earliest > other.latest


def find_cycle(pairs: Iterable[tuple[str, str]]) -> list[str] | None:
    """One cycle of (earlier, later) pairs as [a, b, ..., a], or None. Deterministic."""
    graph: dict[str, list[str]] = defaultdict(list)
    for earlier, later in sorted(set(pairs)):
        graph[earlier].append(later)
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in sorted(graph):
        if state.get(start):
            continue
        path = [start]
        stack = [iter(graph[start])]
        state[start] = 1
        while stack:
            node = next(stack[-1], None)
            if node is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(node) == 1:
                return [*path[path.index(node) :], node]
            elif not state.get(node):
                state[node] = 1
                path.append(node)
                stack.append(iter(graph[node]))
    return None
