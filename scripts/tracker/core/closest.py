"""Where a mismatched excerpt went wrong: the closest passage of the archived text.

rapidfuzz's partial_ratio_alignment finds the best-matching window of the text
in one bit-parallel pass (no per-position scan in Python); difflib then finds
the first difference inside that short window only.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from rapidfuzz import fuzz

# Below this similarity (0-100) the passage found is not shown: it would only mislead.
CLOSE_ENOUGH = 75
CONTEXT = 24  # characters of context on each side of the first difference


def _window(text: str, at: int) -> str:
    """About CONTEXT characters either side of ``at``, cut at word boundaries, with a caret at ``at``."""
    start = max(0, at - CONTEXT)
    if start > 0:
        space = text.find(" ", start, at)
        start = space + 1 if space != -1 else start
    end = min(len(text), at + CONTEXT)
    if end < len(text):
        space = text.rfind(" ", at, end)
        end = space if space > at else end
    return f"{'…' if start > 0 else ''}{text[start:at]}^{text[at:end]}{'…' if end < len(text) else ''}"


def mismatch_hint(excerpt: str, text: str) -> str:
    """One line that says where the closest passage of ``text`` differs from ``excerpt``."""
    found = fuzz.partial_ratio_alignment(excerpt, text, score_cutoff=CLOSE_ENOUGH)
    if found is None:
        return "nothing in the archived text is close to it: check the source, or copy the passage again"
    # Widen the window so that an excerpt running past the aligned passage is still compared in full.
    low = max(0, found.dest_start - len(excerpt))
    window = text[low : found.dest_end + len(excerpt)]
    # Anchor the excerpt's start by the first long run both share, then walk to the first difference.
    blocks = SequenceMatcher(None, excerpt, window, autojunk=False).get_matching_blocks()
    anchor = next((b for b in blocks if b.size >= 8), blocks[0])
    start = max(0, anchor.b - anchor.a)
    at = 0
    while at < len(excerpt) and start + at < len(window) and excerpt[at] == window[start + at]:
        at += 1
    # Mark the difference from the beginning of its word (the text before it is equal in both).
    while at > 0 and excerpt[at - 1] != " ":
        at -= 1
    return f"the archived text has {_window(text, low + start + at)!r} where the excerpt has {_window(excerpt, at)!r}"
