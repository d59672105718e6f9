"""Gathering corrections (scripts/tracker/trust/corrections.py) and their CorrectionComment JSON-LD, read back by pyld offline."""

from __future__ import annotations

from pyld import jsonld

from test_jsonld import OfflineLoader
from tracker.trust import corrections as c

S = "https://schema.org/"
A = {
    "corrections": [{"date": "2026-11-20", "wrong": "It said 3,000.", "now": "It says more than 3,000."}, {"date": "2026-11-22", "wrong": "W2.", "now": "N2."}]
}
B = {"corrections": [{"date": "2026-11-20", "wrong": "Wb.", "now": "Nb."}]}


def test_corrections_of_records_newest_first_in_a_stable_order():
    gathered = c.of_record("claims", "a", A) + c.of_record("events", "b", B) + c.of_record("claims", "none", {})
    assert [(x.date, x.kind, x.id, x.wrong) for x in c.newest_first(gathered)] == [
        ("2026-11-22", "claims", "a", "W2."),
        ("2026-11-20", "claims", "a", "It said 3,000."),
        ("2026-11-20", "events", "b", "Wb."),
    ]


def test_a_correction_is_a_correction_comment():
    [first, _] = c.of_record("claims", "a", A)
    node = c.correction_comment(first, "https://example.org/claims/a/")
    document = {"@context": "https://schema.org", "@type": "Claim", "@id": "https://example.org/claims/a/", "correction": [node]}
    [expanded] = jsonld.expand(document, {"documentLoader": OfflineLoader()})
    [comment] = expanded[f"{S}correction"]
    assert comment["@type"] == [f"{S}CorrectionComment"]
    assert comment[f"{S}datePublished"] == [{"@value": "2026-11-20"}]
    assert comment[f"{S}text"] == [{"@value": "What was wrong: It said 3,000. What it says now: It says more than 3,000."}]
