"""Messages that show the fix: "did you mean" for fields and enum values, "fill in" for placeholders."""

from __future__ import annotations

from conftest import edit, run_validator
from tracker.cli import new_record


def test_misspelt_field_is_reported_once_at_its_own_line(mini):
    edit(mini / "claims" / "other-talks.yaml", "statement:", "statment:")
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == ["data/claims/other-talks.yaml:3:1: unknown field 'statment'; did you mean 'statement'?"]


def test_misspelt_optional_field_suggests_it(mini):
    edit(mini / "claims" / "other-talks.yaml", "links:", "linsk:")
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[0] == "data/claims/other-talks.yaml:8:1: unknown field 'linsk'; did you mean 'links'?"


def test_unknown_field_far_from_any_has_no_suggestion(mini):
    edit(mini / "claims" / "other-talks.yaml", "links:", "colour: red\nlinks:")
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[0] == "data/claims/other-talks.yaml:8:1: unknown field 'colour'"


def test_misspelt_enum_value_suggests_the_closest(mini):
    edit(mini / "claims" / "other-talks.yaml", "status: disputed", "status: disptued")
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[0] == (
        "data/claims/other-talks.yaml:6:11: 'disptued' is not one of: unverified, corroborated, disputed, contradicted, retracted; did you mean 'disputed'?"
    )


def test_fresh_scaffold_gives_one_fill_in_message_per_placeholder(mini):
    new_record.create(mini, "claim", "new-claim")
    code, lines = run_validator(mini)
    assert code == 1
    text = (mini / "claims" / "new-claim.yaml").read_text("utf-8")
    placeholders = text.count('""') - sum(line.lstrip().startswith("#") for line in text.splitlines() if '""' in line)
    assert len(lines) - 1 == placeholders == 7
    assert [line.split(": fill in ")[1].split(":")[0] for line in lines[:-1]] == [
        "claimants",
        "statement",
        "made_in",
        "assessment.status",
        "assessment.rationale",
        "citations.source",
        "citations.excerpt",
    ]
    assert lines[0].startswith("data/claims/new-claim.yaml:10:5: fill in claimants: Ids of the actors who made the claim.")
    assert lines[3].endswith(
        "fill in assessment.status: Where the claim stands on the assessment scale. One of: unverified, corroborated, disputed, contradicted, retracted."
    )


def test_a_us_date_gets_the_edtf_to_write(mini):
    edit(mini / "sources" / "x-post.yaml", 'published: "2026-02"', 'published: "02/20/2026"')
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == ["data/sources/x-post.yaml:6:12: invalid date: '02/20/2026' is not written in the date notation (EDTF); did you mean '2026-02-20'?"]


def test_claim_dated_more_precisely_than_its_venue_needs_a_date_note(mini):
    edit(mini / "sources" / "seed.yaml", 'published: "2026"\n', 'published: "2026?"\ndate_note: "Test: inferred."\n')
    edit(mini / "claims" / "other-talks.yaml", "made_in: seed\n", 'made_in: seed\ndate: "2026-01"\n')
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == [
        "data/claims/other-talks.yaml:5:7: date '2026-01' is more precise than the source that reports it ('seed', published 2026?); "
        "add a date_note saying where the precision comes from, such as the day the source gives"
    ]
    edit(mini / "claims" / "other-talks.yaml", 'date: "2026-01"\n', 'date: "2026-01"\ndate_note: "The article names the month."\n')
    assert run_validator(mini) == (0, ["ok: 1 events, 2 claims, 3 actors, 2 sources"])


def test_event_as_precise_as_one_of_its_sources_needs_no_note(mini):
    edit(mini / "events" / "statement.yaml", 'date: "2026-02-01"', 'date: "2026-02"')
    edit(mini / "events" / "statement.yaml", "date_note:", "# date_note:")
    edit(mini / "events" / "statement.yaml", "citations:\n", 'citations:\n  - source: x-post\n    excerpt: "In a statement on X, Pezeshkian said"\n')
    assert run_validator(mini) == (0, ["ok: 1 events, 2 claims, 3 actors, 2 sources"])
    edit(mini / "events" / "statement.yaml", '  - source: x-post\n    excerpt: "In a statement on X, Pezeshkian said"\n', "")
    code, lines = run_validator(mini)
    assert lines[:-1] == [
        "data/events/statement.yaml:2:7: date '2026-02' is more precise than the source that reports it ('seed', published 2026); "
        "add a date_note saying where the precision comes from, such as the day the source gives"
    ]
    assert code == 1


def test_an_event_dated_to_the_day_is_left_to_the_exact_day_rule(mini):
    """An excerpt that gives the day is enough for an event (check_exact_day); no second message about precision."""
    edit(mini / "events" / "statement.yaml", "date_note:", "# date_note:")
    code, lines = run_validator(mini)
    assert (code, lines[:-1]) == (
        1,
        [
            "data/events/statement.yaml:2:7: no excerpt gives the day 2026-02-01; cite the passage that does, or add a date_note quoting (in quotation marks) the words the day is read from"
        ],
    )


def test_unclosed_quote_is_reported_where_it_opens(mini):
    """The quote opened on line 3 is closed by the next quote in the file, and libyaml fails lines later."""
    edit(mini / "claims" / "other-talks.yaml", 'statement: "Iran said something else."', 'statement: "Iran said something else.')
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == [
        "data/claims/other-talks.yaml:3:12: YAML syntax error: the quote opened here is not closed on this line (the parser stopped at line 7: did not find expected key)"
    ]


def test_quote_never_closed_before_the_end_of_the_file(mini):
    path = mini / "claims" / "other-talks.yaml"
    path.write_text(path.read_text("utf-8").split("notes:")[0], "utf-8")  # the excerpt's line last
    edit(path, 'excerpt: "Iran insists on limiting conversations solely to its nuclear program"', 'excerpt: "Iran insists')
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == ['data/claims/other-talks.yaml:13:14: YAML syntax error: the quote opened here is never closed; end the value with a matching "']


def test_unquoted_colon_in_a_value_suggests_quoting(mini):
    edit(mini / "claims" / "other-talks.yaml", 'statement: "Iran said something else."', "statement: Iran said: something else.")
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == [
        'data/claims/other-talks.yaml:3:21: YAML syntax error: ": " inside a value must be quoted; write statement: "Iran said: something else."'
    ]


def test_misspelt_nested_field_is_reported_once(mini):
    edit(mini / "claims" / "other-talks.yaml", "    excerpt:", "    excrept:")
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == ["data/claims/other-talks.yaml:13:5: unknown field 'excrept'; did you mean 'excerpt'?"]
