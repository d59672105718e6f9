"""Disputes as readers need them: the question, the figures side by side, and what kind of dispute it is.

Claims joined by ``contradicts`` links form a group, and so do claims joined by
``differs`` links when a question of the story names both (figures that can both be
true as stated are a dispute only where the story says why they compete). A group whose claims were
all made in one document is not a dispute between accounts but an
inconsistency inside that source (the seed article's "January 2024" against
"January 20, 2025"); pages list those under "Where a source contradicts
itself". Figures of one measure are *strictly compatible* when one number
could satisfy all of them as written ("more than 3,000" and "an estimated
6,854"): pages say so first, then why the figures are still shown as competing.

Everything here is pure: it reads the model and the story/vocabulary data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tracker.check import contradictions
from tracker.model.records import Claim, Model, Quantity
from tracker.model.words import QUALIFIER_WORDS, number_for_reading


def contradicted_only_by_its_source(model: Model, claim: Claim) -> bool:
    """True when every claim this one contradicts, or is contradicted by, was made in the same document:
    a source's slip (the article's "January 2024" beside its "January 20, 2025"), not a dispute between
    accounts, so that pages neither badge nor count it as one."""
    others = [link.claim for link in claim.links if link.type == "contradicts"]
    others += [source for source, link in model.links_to.get(claim.id, []) if link.type == "contradicts"]
    return bool(others) and all(model.claims[o].made_in == claim.made_in for o in others if o in model.claims)


def model_links(model: Model, story: Mapping[str, Any] | None = None) -> list[tuple[str, str]]:
    """The links that make disputes: contradicts, and differs where a question of the story names both claims."""
    links = [(c.id, link.type, link.claim) for c in model.claims.values() for link in c.links]
    return contradictions.dispute_links(links, (q["claims"] for q in _story_questions(story)))


def figure_words(quantity: Quantity, *, unit: bool = False) -> str:
    """ "more than 3,000", "an estimated 6,854" (with the unit: "… people")."""
    words = f"{QUALIFIER_WORDS.get(quantity.qualifier, '')}{number_for_reading(quantity.value)}"
    return f"{words} {quantity.unit}" if unit else words


def compatibility_words(quantities: list[Quantity]) -> str:
    """Why figures are strictly compatible, in one sentence: "An estimated 6,854 is also more than 3,000."

    The most precise figure (an exact or estimated number) is said to satisfy the others.
    """
    points = [q for q in quantities if q.qualifier in ("exactly", "about", "estimated")]
    anchor = points[0] if points else quantities[0]
    others = [q for q in quantities if q is not anchor]
    said = " and ".join(figure_words(q) for q in others)
    text = f"{figure_words(anchor)} is also {said}."
    return text[0].upper() + text[1:]


# ---------------------------------------------------------------- disputes


@dataclass(frozen=True, slots=True)
class Dispute:
    claims: list[str]
    within: str | None  # the one source the claims were all made in, when they were
    measures: list[str]  # measures of the group's figures, sorted
    compatible: list[str]  # those measures whose figures are strictly compatible
    question: str | None  # from data/story.yaml, else the measure's question, else None
    why_competing: str | None  # from data/story.yaml


def _story_questions(story: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    return list((story or {}).get("questions", []))


def disputes(model: Model, story: Mapping[str, Any] | None = None, vocabulary: Mapping[str, Any] | None = None) -> tuple[list[Dispute], list[Dispute]]:
    """(between accounts, within one source): every contradiction group, classified, in group order."""
    made_in = {c.id: c.made_in for c in model.claims.values()}
    measures_vocabulary = (vocabulary or {}).get("measures", {})
    between: list[Dispute] = []
    within: list[Dispute] = []
    questions = _story_questions(story)
    for group in contradictions.contradiction_groups(model_links(model, story)):
        members = set(group)
        asked = next((q for q in questions if members & set(q["claims"])), None)
        by_measure: dict[str, list[Quantity]] = defaultdict(list)
        for claim in group:
            for quantity in model.claims[claim].quantities:
                by_measure[quantity.measure].append(quantity)
        measures = sorted(by_measure)
        compatible = [m for m in measures if contradictions.strictly_compatible((q.value, q.qualifier) for q in by_measure[m])]
        question = asked["question"] if asked else None
        if question is None and len(measures) == 1:
            question = measures_vocabulary.get(measures[0], {}).get("question")
        dispute = Dispute(group, contradictions.single_source(group, made_in), measures, compatible, question, asked.get("why_competing") if asked else None)
        (within if dispute.within else between).append(dispute)
    return between, within


def figures_line(model: Model, dispute: Dispute, measure: str) -> str:
    """The figures of one measure side by side, smallest first: "Iranian officials: more than 3,000 · Human Rights Activists News Agency: an estimated 6,854"."""
    parts = []
    for claim_id in dispute.claims:
        claim = model.claims[claim_id]
        who = ", ".join(model.actors[a].name if a in model.actors else a for a in claim.claimants)
        for quantity in claim.quantities:
            if quantity.measure == measure:
                parts.append((quantity.value, claim_id, f"{who}: {figure_words(quantity)}"))
    return " · ".join(text for _, _, text in sorted(parts))  # smallest figure first, as a scale reads
