"""schema.org ClaimReview for an assessed claim: what fact-checking tools (Google's Fact Check Explorer) read.

A claim whose status is anything but `unverified` was assessed, so its JSON-LD is a ClaimReview by
the site's publisher (the site configuration's `extra.publisher`, handed over by tracker.site) of the Claim, which keeps its
author, appearances and first appearance from jsonld.claim_node. An unverified claim was not
assessed: it stays a plain Claim (None here).

The rating. ClaimReview rates on a numeric scale from worstRating to bestRating, with the words of
the verdict in alternateName. Our scale is not a truth scale in the schema's order (unverified,
corroborated, disputed, contradicted, retracted), so its assessed statuses are ranked here from
best supported to least: corroborated 4, disputed 3, contradicted 2, retracted 1. The words are
the schema's titles, so they cannot drift from the methodology page.
"""

from __future__ import annotations

from tracker.exports.jsonld import claim_node, page_url
from tracker.load.schema_files import schema_documents
from tracker.model.records import Claim, Model

NOT_ASSESSED = "unverified"
RATING_ORDER = ("corroborated", "disputed", "contradicted", "retracted")  # best supported first


def status_titles() -> dict[str, str]:
    """Each assessment status's title, from the claim schema."""
    status = schema_documents()["claim"]["properties"]["assessment"]["properties"]["status"]
    return {option["const"]: option["title"] for option in status["oneOf"]}


def rating(status: str) -> dict:
    """The reviewRating of a status: its place on the scale (best = len(RATING_ORDER), worst = 1) and its title."""
    return {
        "@type": "Rating",
        "ratingValue": len(RATING_ORDER) - RATING_ORDER.index(status),
        "bestRating": len(RATING_ORDER),
        "worstRating": 1,
        "alternateName": status_titles()[status],
    }


def publisher_node(extra: dict) -> dict:
    """The site's publisher (the configuration's `extra.publisher`: {name, url}) as a schema.org Organization."""
    publisher = extra["publisher"]
    return {"@type": "Organization", "name": publisher["name"], "url": publisher["url"]}


def review_date(published: str | None, status_since: str | None = None) -> str | None:
    """When the current assessment was published: since when the claim has had its status (history.status_histories),
    else when the claim was first published; None without history (no date rather than a wrong one)."""
    return status_since or published


def claim_review(model: Model, site_url: str, claim: Claim, *, publisher: dict, date_published: str | None, date_modified: str | None = None) -> dict | None:
    """The ClaimReview JSON-LD (with its @context) of an assessed claim; None for an unverified one."""
    if claim.status == NOT_ASSESSED:
        return None
    url = page_url(site_url, claim)
    item = claim_node(model, site_url, claim)
    venue = model.sources[claim.made_in]
    made = claim.date or venue.published
    # When the claim was made public, at the precision known; an uncertain or approximate date is left
    # out rather than stated as fact to machines that drop the qualifier.
    if made is not None and not made.is_interval and not made.is_fuzzy:
        item["datePublished"] = made.text
    review: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": f"{url}#review",
        "url": url,
        "claimReviewed": claim.statement,
        "reviewRating": rating(claim.status),
        "reviewBody": claim.rationale,
        "itemReviewed": item,
        "author": publisher,
    }
    if date_published:
        review["datePublished"] = date_published
    if date_modified:
        review["dateModified"] = date_modified
    return review
