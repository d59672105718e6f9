"""The story, the vocabulary, disputes and source counting: pure functions on the frozen story (tests/fixtures/story), and the rules on the mini data."""

from __future__ import annotations

import pytest

from case_table import STORY
from conftest import STORY_DATA, run_validator
from tracker.check import contradictions
from tracker.check.validate import validate
from tracker.model import disputes as disputes_logic
from tracker.model import provenance
from tracker.model import records as model_mod
from tracker.model import story as story_mod
from tracker.model.records import Quantity
from tracker.render.pages.disputes import dispute_claims as dispute_cards


@pytest.fixture(scope="module")
def seed():
    result = validate(STORY_DATA)
    assert result.ok, result.problems
    return model_mod.build(result.dataset), story_mod.from_dataset(result.dataset)


# ---------------------------------------------------------------- the story


def test_the_lead_has_at_most_five_sentences_each_resting_on_records(seed):
    model, story = seed
    assert 1 <= len(story.lead) <= 5
    for sentence in story.lead:
        assert sentence.rests_on
        assert all(rid in model.events or rid in model.claims for rid in sentence.rests_on)


def test_what_is_disputed_asks_the_question_with_the_figures_side_by_side(seed):
    model, story = seed
    (deaths,) = story_mod.open_questions(model, story)  # the swearing-in slip is not a dispute
    assert deaths.question == "How many died in the protests?"
    assert deaths.answers == ("Iranian officials: more than 3,000 · Human Rights Activists News Agency: an estimated 6,854",)
    assert deaths.compatible_words == "An estimated 6,854 is also more than 3,000."
    assert deaths.dispute.why_competing.startswith("The article presents")


def test_a_source_contradicting_itself_is_not_a_dispute_between_accounts(seed):
    model, story = seed
    between, within = disputes_logic.disputes(model, story.story_data, story.vocabulary_data)
    assert [d.claims for d in within] == [["trump-returned-to-office-january-2024", "trump-sworn-in-january-2025"]]
    assert within[0].within == "seed-article"
    assert within[0].question == "When did Trump return to office?"
    assert [d.claims for d in between] == [["hrana-6854-protest-deaths", "iranian-officials-over-3000-protest-deaths"]]
    assert between[0].within is None and between[0].compatible == ["iran-protest-deaths"]
    # the cards in the order of the figures line above them, smallest first
    assert [c.id for c in dispute_cards(model, between[0])] == ["iranian-officials-over-3000-protest-deaths", "hrana-6854-protest-deaths"]
    # a source's slip is neither badged nor counted as disputed: only the slip's two claims are
    slips = [c.id for c in model.claims.values() if disputes_logic.contradicted_only_by_its_source(model, c)]
    assert sorted(slips) == ["trump-returned-to-office-january-2024", "trump-sworn-in-january-2025"]


def test_names_for_readers(seed):
    _, story = seed
    assert story_mod.measure_name(story, "iran-protest-deaths") == "Deaths in the protests"
    assert story_mod.tag_name(story, "us-politics") == "U.S. politics"
    assert story_mod.tag_name(story_mod.Story(), "us-politics") == "Us politics"  # unvalidated data only


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("figures", "compatible"),
    [
        ([(3000, "more-than"), (6854, "estimated")], True),
        ([(3000, "more-than"), (3000, "exactly")], False),
        ([(3000, "at-least"), (3000, "exactly")], True),
        ([(3000, "at-most"), (3000, "more-than")], False),
        ([(3000, "fewer-than"), (2000, "more-than")], True),
        ([(3000, "about"), (3100, "about")], False),  # "about" is never widened by our own reading
        ([(6854, "estimated"), (6854, "exactly")], True),
        ([(6854, "estimated")], False),
    ],
)
def test_strictly_compatible(figures, compatible):
    assert contradictions.strictly_compatible(figures) is compatible


def test_compatibility_words_name_the_precise_figure_first():
    quantities = [Quantity("m", "deaths", 3000, "more-than", "people"), Quantity("m", "deaths", 6854, "estimated", "people")]
    assert disputes_logic.compatibility_words(quantities) == "An estimated 6,854 is also more than 3,000."


def test_contradiction_groups():
    assert contradictions.contradiction_groups([("a", "b"), ("c", "d"), ("d", "e"), ("b", "a")]) == [["c", "d", "e"], ["a", "b"]]


# ---------------------------------------------------------------- source counting


def test_one_document_held_and_the_rest_known_through_it(seed):
    model, _ = seed
    counts = provenance.counts(model)
    assert (counts.held, counts.archived, counts.linked, counts.via) == (1, 1, 0, 9)
    assert provenance.summary_sentence(counts) == "The data rests on 1 document we hold (1 archived); 9 more are known only through it."
    assert provenance.holding(model.sources["hrana-estimate"]) == provenance.VIA


def test_every_record_of_the_seed_rests_on_the_one_article(seed):
    model, _ = seed
    for record in model.all_records():
        if record.kind != "actors" or getattr(record, "citations", None):
            assert provenance.single_document(model, record) == "seed-article", record.id


def test_a_document_known_through_another_is_used_though_never_cited(seed):
    model, _ = seed
    assert model.cited_by.get("hrana-estimate", []) == []
    assert provenance.uses(model, "hrana-estimate") == ["hrana-50235-protest-arrests", "hrana-6854-protest-deaths"]


def test_summary_sentence_in_the_plural():
    assert (
        provenance.summary_sentence(provenance.Counts(2, 1, 3, 0))
        == "The data rests on 3 documents we hold (2 archived and 1 linked); 3 more are known only through them."
    )
    assert provenance.summary_sentence(provenance.Counts(0, 1, 0, 0)) == "The data rests on 1 document we hold (1 linked)."


# ---------------------------------------------------------------- rules


def test_the_mini_story_is_valid(mini):
    (mini / "story.yaml").write_text(STORY, "utf-8")
    assert run_validator(mini) == (0, ["ok: 1 events, 2 claims, 3 actors, 2 sources"])


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "      - statement",
            "      - president",
            "story.yaml:4:9: a sentence rests on events and claims; 'president' is an actor (data/actors/president.yaml)",
        ),
        (
            "      - statement",
            "      - nothing",
            "story.yaml:4:9: a sentence rests on events and claims; 'nothing' does not exist (no file events/nothing.yaml or claims/nothing.yaml)",
        ),
        ("      - fair-talks", "      - gone", "story.yaml:8:9: unknown claim 'gone': no file claims/gone.yaml"),
        ("How fair are the talks?", "How fair are the talks", "story.yaml:6:15: a question ends with a question mark"),
        ("lead:\n", "leads:\n", "story.yaml:1:1: unknown field 'leads'; did you mean 'lead'?"),
        (
            "      - fair-talks",
            '      - fair-talks\n  - question: "Again?"\n    claims:\n      - other-talks',
            "story.yaml:9:15: this dispute already has a question (question 1); keep one",
        ),
    ],
)
def test_story_rules(mini, old, new, expected):
    (mini / "story.yaml").write_text(STORY.replace(old, new, 1), "utf-8")
    code, lines = run_validator(mini)
    assert code == 1
    assert f"data/{expected}" in lines


def test_every_measure_and_tag_needs_a_name(mini):
    (mini / "vocabulary.yaml").unlink()
    code, lines = run_validator(mini)
    assert (code, lines[:-1]) == (
        1,
        [
            "data/claims/fair-talks.yaml:10:14: measure 'deaths' has no name for readers: add these lines to data/vocabulary.yaml, with the words readers see:",
            "measures:",
            "  deaths:",
            '    name: "Deaths"',
            "data/events/statement.yaml:7:5: tag 'diplomacy' has no name for readers: add these lines to data/vocabulary.yaml, with the words readers see:",
            "tags:",
            '  diplomacy: "Diplomacy"',
        ],
    )


def test_bad_names_in_the_vocabulary(mini):
    path = mini / "vocabulary.yaml"
    path.write_text(path.read_text("utf-8") + '  Not A Slug: "Unused"\n', "utf-8")
    assert run_validator(mini)[1][:-1] == [
        "data/vocabulary.yaml:6:3: 'Not A Slug' is not a valid name: use lowercase letters a-z, digits 0-9 and single hyphens"
    ]


def test_a_question_needs_a_dispute(mini):
    path = mini / "claims" / "other-talks.yaml"
    fair = mini / "claims" / "fair-talks.yaml"
    for claim in (path, fair):
        text = claim.read_text("utf-8")
        start = text.index("links:")
        end = text.index("citations:")
        claim.write_text(text[:start] + text[end:], "utf-8")
    (mini / "story.yaml").write_text(STORY, "utf-8")
    code, lines = run_validator(mini)
    assert code == 1
    assert "data/story.yaml:8:9: claim 'fair-talks' contradicts no other claim, so there is no dispute to ask about" in lines


def test_compatible_figures_must_say_why_they_compete(mini):
    other = mini / "claims" / "other-talks.yaml"
    text = other.read_text("utf-8")
    at = text.index("assessment:")
    figure = 'quantities:\n  - measure: deaths\n    counts: "deaths"\n    value: 6854\n    qualifier: estimated\n    unit: people\n'
    text = text[:at] + figure + text[at:]
    text = text.replace("Iran said something else.", "Iran said an estimated 6,854 people died.")
    other.write_text(text.replace("type: contradicts", "type: differs"), "utf-8")
    fair = mini / "claims" / "fair-talks.yaml"
    fair.write_text(fair.read_text("utf-8").replace("type: contradicts", "type: differs"), "utf-8")
    both = STORY + "      - other-talks\n"  # figures that can both be true are a dispute only where a question names both
    (mini / "story.yaml").write_text(both, "utf-8")
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == ["data/story.yaml:6:15: the figures of these claims are strictly compatible; add why_competing saying why they are shown as competing"]
    (mini / "story.yaml").write_text(both + '    why_competing: "The source calls one far higher."\n', "utf-8")
    assert run_validator(mini)[0] == 0


def test_a_broken_story_file_is_reported_at_its_line_like_any_record(mini):
    (mini / "story.yaml").write_text('lead:\n  - text: "A"\n    rests_on: [statement\n', "utf-8")
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[0].startswith("data/story.yaml:4:1: YAML syntax error")
    (mini / "story.yaml").write_text("lead: []\n", "utf-8")
    assert run_validator(mini)[1][:-1] == ["data/story.yaml:1:7: must not be empty: at least one item is required"]
