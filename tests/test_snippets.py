"""YAML a message suggests is printed as `make fmt` writes it: pasted where the message says, it passes `make check`.

Each test breaks a copy of the frozen story (its records are in the canonical format), runs the
validator, pastes the YAML it prints where its message says (above the line it names, at the end
of the file, or in place of the value it points at), fills in what only a person can write (a
question, a description), and checks that validation and the formatting check both pass.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import STORY_DATA, edit, run_validator
from pasting import paste, problems
from tracker.cli import fmt


def passes_make_check(data: Path, capsys) -> None:
    code, lines = run_validator(data)
    assert code == 0, lines
    capsys.readouterr()
    assert fmt.main(["--check", "--data", str(data)]) == 0, capsys.readouterr().out


@pytest.fixture
def story(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(STORY_DATA, target)
    return target


def test_a_new_contradiction_is_completed_by_pasting_what_the_validator_prints(story: Path, capsys):
    """A link written on one side, between claims of two documents: the other side's link, its status
    and the question for readers, each printed as it is to be written."""
    analysts, pezeshkian = story / "claims" / "analysts-iran-shift-avoids-missile-scrutiny.yaml", "pezeshkian-talks-only-on-nuclear-issue"
    edit(analysts, "  status: unverified", "  status: disputed")
    edit(analysts, "tags:\n", f"links:\n  - type: contradicts\n    claim: {pezeshkian}\ntags:\n")
    first = problems(story)
    assert [(p.file, p.line) for p in first] == [("claims/analysts-iran-shift-avoids-missile-scrutiny.yaml", 13)] * 2
    both_ways, question = sorted(first, key=lambda p: "question" in p.message)
    assert both_ways.message == f"contradicts goes both ways: add these lines to data/claims/{pezeshkian}.yaml, above its line 11 (tags:):"
    assert both_ways.snippet == ["links:", "  - type: contradicts", "    claim: analysts-iran-shift-avoids-missile-scrutiny"]
    assert question.message.endswith("add this item under questions: in data/story.yaml, at its end, with the question they answer:")
    assert question.snippet == ['  - question: ""', "    claims:", "      - analysts-iran-shift-avoids-missile-scrutiny", f"      - {pezeshkian}"]
    paste(story, both_ways)
    paste(story, question, question="Why did Iran insist on talks about its nuclear program alone?")
    [status] = problems(story)
    assert status.message.startswith("a claim that contradicts another must be assessed")
    edit(story / "claims" / f"{pezeshkian}.yaml", "  status: unverified", "  status: disputed")
    passes_make_check(story, capsys)


def test_a_link_back_to_a_claim_without_links_brings_the_key(story: Path, capsys):
    hrana = story / "claims" / "hrana-6854-protest-deaths.yaml"
    text = hrana.read_text("utf-8")
    hrana.write_text(re.sub(r"links:\n(  .*\n|    .*\n)+", "", text), "utf-8")  # only the officials' side links them now
    [problem] = problems(story)
    assert problem.message == "differs goes both ways: add these lines to data/claims/hrana-6854-protest-deaths.yaml, above its line 17 (tags:):"
    paste(story, problem)
    assert hrana.read_text("utf-8") == re.sub(r'    note: ".*"\n', "", text)  # the link as it was, but for its note
    passes_make_check(story, capsys)


def test_a_link_back_to_a_claim_with_links_is_an_item_under_them(story: Path, capsys):
    terror = story / "claims" / "iranian-officials-deaths-due-to-terrorist-acts.yaml"
    edit(terror, "tags:\n", "links:\n  - type: corroborates\n    claim: hrana-6854-protest-deaths\ntags:\n")
    [problem] = problems(story)
    assert (
        problem.message == "corroborates goes both ways: add this item to the links of data/claims/hrana-6854-protest-deaths.yaml, above its line 21 (tags:):"
    )
    assert problem.snippet == ["  - type: corroborates", "    claim: iranian-officials-deaths-due-to-terrorist-acts"]
    paste(story, problem)
    passes_make_check(story, capsys)


def test_a_tag_and_a_measure_without_names(story: Path, capsys):
    edit(story / "events" / "iran-protests.yaml", "tags:\n", "tags:\n  - unrest\n")
    edit(story / "claims" / "hrana-50235-protest-arrests.yaml", "measure: iran-protest-arrests", "measure: arrests-in-the-unrest")
    tag, measure = sorted(problems(story), key=lambda p: p.file)[::-1]
    assert tag.message == "tag 'unrest' has no name for readers: add it under tags: in data/vocabulary.yaml, at its end, with the words readers see:"
    assert tag.snippet == ['  unrest: "Unrest"']
    assert measure.snippet == ["  arrests-in-the-unrest:", '    name: "Arrests in the unrest"']
    assert "above its line 10 (tags:)" in measure.message
    paste(story, tag)
    paste(story, measure)
    passes_make_check(story, capsys)


def test_a_place_and_a_measure_written_as_text_get_their_fields(story: Path, capsys):
    event = story / "events" / "us-jet-shoots-down-iranian-drone.yaml"
    edit(event, 'location:\n  name: "Arabian Sea"\n  detail: "about 500 miles from Iran’s shores"\n', 'location: "Arabian Sea"\n')
    vocabulary = story / "vocabulary.yaml"
    vocabulary.write_text(
        re.sub(r'  iran-protest-arrests:\n    name: (".*")\n    question: .*\n', r"  iran-protest-arrests: \1\n", vocabulary.read_text("utf-8")), "utf-8"
    )
    place, measure = problems(story)
    assert place.message == "'Arabian Sea' is a text, but a location is written as fields (name, country, detail); write:"
    assert place.snippet == ["location:", '  name: "Arabian Sea"']
    assert measure.message == "'Arrests linked to the unrest in Iran' is a text, but a measure is written as fields (name, question); write:"
    assert measure.snippet == ["  iran-protest-arrests:", '    name: "Arrests linked to the unrest in Iran"']
    paste(story, place)
    paste(story, measure)
    passes_make_check(story, capsys)


def test_a_day_the_excerpts_do_not_give_becomes_the_month_they_do(story: Path, capsys):
    event = story / "events" / "israel-bombing-campaign-june-2025.yaml"
    edit(event, 'date: "2025-06?"', 'date: "2025-06-13"')
    event.write_text(re.sub(r"date_note: .*", 'date_note: "Mid-June."', event.read_text("utf-8")), "utf-8")
    [problem] = problems(story)
    assert problem.message.startswith("the date_note does not say where the day 2025-06-13 comes from: quote in it")
    assert problem.message.endswith("; the excerpts give only its month: date it to the month:")
    assert problem.snippet == ['date: "2025-06"']
    paste(story, problem)
    passes_make_check(story, capsys)


def test_a_venue_that_is_not_the_claimants_becomes_a_source_of_its_own(story: Path, capsys):
    claim = story / "claims" / "hrana-6854-protest-deaths.yaml"
    edit(claim, "made_in: hrana-estimate", "made_in: seed-article")
    [problem] = problems(story)
    assert problem.message.startswith("'seed-article' is not a document of hrana (its authors and outlet are seed-article-author).")
    new = story / "sources" / "hrana-toll.yaml"
    new.write_text("# yaml-language-server: $schema=../../schema/source.schema.json\n", "utf-8")
    problem.file, problem.message = "sources/hrana-toll.yaml", "add these lines to data/sources/hrana-toll.yaml, at its end"
    excerpt = "A U.S.-based NGO, the Human Rights Activists News Agency, reports a far higher toll"
    paste(story, problem, description="The toll as the Human Rights Activists News Agency published it", excerpt=excerpt)
    edit(claim, "made_in: seed-article", "made_in: hrana-toll")
    passes_make_check(story, capsys)
