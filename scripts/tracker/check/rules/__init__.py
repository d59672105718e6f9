"""Every cross-record rule, one module per family; importing this package registers them all.

A rule is a small function whose docstring states the rule: the methodology page lists the
docstrings (``rule_docs``), so what is checked and what is published cannot drift apart.
"""

from __future__ import annotations

from tracker.check.rulebook import all_rules

# Importing a family registers its rules (tracker.check.rulebook); the order of registration is
# the order of this line, which rule_docs keeps within the basic rules and within the others.
from tracker.check.rules import basics, duplicates, editorial, order, precision, story_files  # noqa: F401


def rule_docs() -> list[tuple[str, str]]:
    """(name, rule) for the documentation: the basic rules first, then the editorial and duplicate checks."""
    ordered = sorted(all_rules(), key=lambda r: (r.check.__module__ != basics.__name__, not r.kinds))
    return [(r.name, r.text) for r in ordered]
