"""What changed in a record, in a reader's words (tracker.trust.wording): its versions compared field by field."""

from __future__ import annotations

import pytest

from tracker.trust import wording

OLD = {
    "statement": "Iran said it would talk.",
    "date": "2026-01",
    "assessment": {"status": "unverified", "rationale": "One source."},
    "citations": [{"source": "a", "excerpt": "talk"}],
    "tags": ["talks", "oman"],
}


@pytest.mark.parametrize(
    ("new", "words"),
    [
        ({**OLD, "statement": "Iran said it would talk again."}, "The statement was reworded."),
        ({**OLD, "assessment": {"status": "disputed", "rationale": "One source."}}, "Assessment: unverified → disputed."),
        ({**OLD, "assessment": {"status": "unverified", "rationale": "Two sources."}}, "The explanation of the assessment was revised."),
        ({**OLD, "citations": [*OLD["citations"], {"source": "b", "excerpt": "x"}]}, "A citation was added."),
        ({**OLD, "tags": []}, "2 tags were removed."),
        ({**OLD, "tags": ["talks", "qatar"]}, "The tags were revised."),
        ({**OLD, "date": "2026"}, "The date was made less precise: 2026."),
        ({**OLD, "date": "2026-01-04"}, "The date was made more precise: 4 January 2026."),
        ({**OLD, "notes": "Said twice."}, "The editorial notes were added."),
        ({k: v for k, v in OLD.items() if k != "tags"}, "2 tags were removed."),
        (dict(OLD), ""),  # only reformatted: nothing a reader sees changed
    ],
)
def test_each_change_is_said_in_words(new: dict, words: str) -> None:
    assert wording.describe(OLD, new) == words


def test_several_changes_are_said_in_the_record_s_order() -> None:
    new = {**OLD, "statement": "Iran said no.", "assessment": {"status": "false", "rationale": "Denied."}}
    assert wording.describe(OLD, new) == "The statement was reworded. Assessment: unverified → false. The explanation of the assessment was revised."


def test_an_unreadable_version_says_nothing_rather_than_something_wrong() -> None:
    assert wording.parse(b"statement: [unclosed") is None and wording.parse(b"- a list\n") is None and wording.parse(None) is None
    assert wording.describe(None, OLD) == "" and wording.describe(OLD, None) == ""
    assert wording.parse(b"statement: Iran said it would talk.\n") == {"statement": "Iran said it would talk."}


def test_a_commit_is_counted_in_words() -> None:
    assert [wording.commit_words(*counts) for counts in [(2, 1, 0), (0, 1, 0), (0, 0, 3), (1, 0, 2), (0, 0, 0)]] == [
        "2 records added, 1 changed.",
        "1 record changed.",
        "3 records withdrawn.",
        "1 record added, 2 withdrawn.",
        "No record changed.",
    ]
