"""A record page's JSON-LD with what history adds: datePublished/dateModified, corrections, and ClaimReview.

An assessed claim's JSON-LD is a ClaimReview of the Claim (claimreview.py); an unverified one
stays a plain Claim. Dates come from history only: without it there are none. A source's node
describes the source itself (its `datePublished` is the source's own, jsonld.source_node), not
our record of it, so it gets no history dates; its record's dates are in its API document.
"""

from __future__ import annotations

from tracker.exports import jsonld
from tracker.exports.claimreview import claim_review, publisher_node, review_date
from tracker.exports.common import SITE_NAME
from tracker.model.records import Claim, Model, Record
from tracker.trust.corrections import correction_comment
from tracker.trust.gather import of_model


def for_record(model: Model, site_url: str, record: Record) -> dict:
    """The JSON-LD of a record's page, each node described once (the graph of ``full_document``, in fewer bytes)."""
    return jsonld.describe_once(full_document(model, site_url, record))


def full_document(model: Model, site_url: str, record: Record) -> dict:
    """The JSON-LD of a record's page with every node described in full wherever it appears."""
    trust = of_model(model)
    found = trust.history(record)
    published, modified = (found.published, found.modified) if found is not None else (None, None)
    node = None
    if isinstance(record, Claim):
        publisher = publisher_node({"publisher": trust.publisher}) if trust.publisher else {"@type": "Organization", "name": SITE_NAME}
        node = claim_review(
            model,
            site_url,
            record,
            publisher=publisher,
            date_published=review_date(published, trust.status_since.get(record.id)),
            date_modified=modified,
        )
    if node is None:
        node = jsonld.for_record(model, site_url, record)
        if found is not None and record.kind != "sources":
            node["datePublished"], node["dateModified"] = published, modified
    comments = [correction_comment(c, jsonld.page_url(site_url, record)) for c in trust.of(record)]
    if comments:
        node["correction"] = comments
    return node
