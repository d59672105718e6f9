"""The disputes pages: each dispute between accounts as the question it asks, figures first; a source's own inconsistencies apart."""

from __future__ import annotations

import math

from tracker.check import contradictions
from tracker.model import disputes as disputes_logic
from tracker.model.paths import disputes_page_path
from tracker.model.records import Claim, Model
from tracker.model.story import Story, measure_name
from tracker.render import templating
from tracker.render.pages.base import Links, Page, paginate


def contradiction_groups(model: Model, story: Story | None = None) -> list[list[str]]:
    """Connected groups of claims that dispute each other (see disputes_logic.model_links), each sorted, largest first."""
    return contradictions.contradiction_groups(disputes_logic.model_links(model, (story or Story()).story_data))


DISPUTES_PAGE_SIZE = 100  # groups per page: about 500 kB of side-by-side cards at most


@templating.expose
def dispute_claims(model: Model, dispute: disputes_logic.Dispute) -> list[Claim]:
    """The claims of a dispute in the order of the figures above them (smallest first, as figures_line reads), else in group order."""
    claims = [model.claims[c] for c in dispute.claims]
    if not dispute.measures:
        return claims
    measure = dispute.measures[0]

    def smallest(claim: Claim) -> float:
        values = [float(q.value) for q in claim.quantities if q.measure == measure]
        return min(values) if values else math.inf

    return sorted(claims, key=smallest)  # stable: claims without a figure keep their group order


@templating.expose
def dispute_about(claims: list[Claim]) -> list[str]:
    """The events the claims of a dispute are about."""
    return sorted({e for c in claims for e in c.about})


@templating.expose
def compatibility(model: Model, dispute: disputes_logic.Dispute) -> str:
    """Why the figures of a dispute's compatible measures do not strictly contradict, in words."""
    return disputes_logic.compatibility_words([q for c in dispute_claims(model, dispute) for q in c.quantities if q.measure in dispute.compatible])


templating.expose(disputes_logic.figures_line)
templating.expose(measure_name)


def disputes_pages(model: Model, story: Story | None = None) -> list[Page]:
    """Every dispute between accounts, largest first, numbered across pages of DISPUTES_PAGE_SIZE; a source's own inconsistencies on the first page."""
    story = story or Story()
    between, within = disputes_logic.disputes(model, story.story_data, story.vocabulary_data)
    chunks = paginate(between, DISPUTES_PAGE_SIZE)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        here = disputes_page_path(number)
        noun = "question" if len(between) == 1 else "questions"
        page = templating.page(
            "disputes.html",
            here,
            "Disputes" if len(chunks) == 1 else f"Disputes ({number}/{len(chunks)})",
            f"{len(between)} {noun} on which accounts disagree, side by side.",
            links=Links(model, here),
            total=len(between),
            number=number,
            pages=len(chunks),
            first=(number - 1) * DISPUTES_PAGE_SIZE + 1,
            disputes=chunk,
            within=within if number == 1 else None,
            story=story,
        )
        pages.append(page)
    return pages
