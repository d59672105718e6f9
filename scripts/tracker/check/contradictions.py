"""Which claims contradict each other, and whether figures of one measure exclude each other.

Pure functions over claim ids and (value, qualifier) figures, so that the rules
(tracker.check.rules) and the disputes readers see (tracker.model.disputes) agree: claims
joined by ``contradicts`` links (and by ``differs`` links a question of the story names) form a group; figures are *strictly compatible* when one
number could satisfy all of them as written ("more than 3,000" and "an estimated 6,854").
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping


def contradiction_groups(links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of claims joined by (claim, other) contradicts links, each sorted, largest first."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for claim, other in links:
        neighbours[claim].add(other)
        neighbours[other].add(claim)
    seen: set[str] = set()
    groups = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        group, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node not in group:
                group.add(node)
                stack.extend(neighbours[node] - group)
        seen |= group
        groups.append(sorted(group))
    return sorted(groups, key=lambda g: (-len(g), g))


def dispute_links(links: Iterable[tuple[str, str, str]], questions: Iterable[Iterable[str]]) -> list[tuple[str, str]]:
    """The (claim, other) pairs that make disputes, from (claim, type, other) links: every ``contradicts``
    link, and a ``differs`` link only when one question of the story names both claims (their figures can
    both be true as stated, so they are shown as competing only where the story says why)."""
    asked = [set(question) for question in questions]
    return [(claim, other) for claim, kind, other in links if kind == "contradicts" or (kind == "differs" and any(claim in q and other in q for q in asked))]


def single_source(group: Iterable[str], made_in: Mapping[str, str]) -> str | None:
    """The one document every claim of the group was made in, or None when there are several."""
    venues = {made_in.get(claim) for claim in group}
    return venues.pop() if len(venues) == 1 and None not in venues else None


def bounds(value: float, qualifier: str) -> tuple[float, bool, float, bool]:
    """(low, low_open, high, high_open): the numbers a figure allows when read strictly.

    "about" and "an estimated" are read as the number itself: how far an
    estimate may be off is not stated, so it is never taken to widen the range
    (that would call figures compatible on the strength of our own reading).
    """
    if qualifier == "at-least":
        return value, False, math.inf, True
    if qualifier == "more-than":
        return value, True, math.inf, True
    if qualifier == "at-most":
        return -math.inf, True, value, False
    if qualifier == "fewer-than":
        return -math.inf, True, value, True
    return value, False, value, False


def strictly_compatible(figures: Iterable[tuple[float, str]]) -> bool:
    """True when at least one number satisfies every (value, qualifier) figure as written; needs two or more."""
    figures = list(figures)
    if len(figures) < 2:
        return False
    low, low_open, high, high_open = -math.inf, True, math.inf, True
    for value, qualifier in figures:
        lo, lo_open, hi, hi_open = bounds(value, qualifier)
        if lo > low or (lo == low and lo_open):
            low, low_open = lo, lo_open
        if hi < high or (hi == high and hi_open):
            high, high_open = hi, hi_open
    return low < high or (low == high and not low_open and not high_open)
