"""What the evidence card at the top of a claim page needs besides the claim (templates/records/claim.html).

A reader checking a claim needs, on the first screen, what was claimed, how sure we are, who said
it, where, and the words themselves with a way to read them in context (as PolitiFact and Full
Fact lead with claim, verdict and evidence). The rationale is given once, in the card.
"""

from __future__ import annotations

from tracker.model.records import Actor, Claim, Model, Source
from tracker.render import templating
from tracker.render.pages.base import Links
from tracker.render.pages.reader import readable, reader_href


@templating.expose
def claimed_by(model: Model, claim: Claim) -> list[Actor]:
    """Who made the claim, each once (a name listed twice is shown once)."""
    return [model.actors[actor_id] for actor_id in dict.fromkeys(claim.claimants)]


@templating.expose
def archived_text_link(links: Links, source: Source, excerpt: str) -> str:
    """Where to read an excerpt in context: its highlight in the archived text's reader page, else the source's page."""
    return reader_href(links, source, excerpt) if readable(source) else links.record(source.id)
