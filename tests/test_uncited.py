"""`make uncited SOURCE=<id>`: the passages of an archived source that no record cites, and the share cited."""

from __future__ import annotations

import os
import subprocess

from conftest import REPO, STORY_DATA, edit
from tracker.cli import uncited

SEED = "seeds/000_339a995688291f73.txt"


def test_the_story_leaves_the_three_closing_sentences_uncited():
    code, lines = uncited.report(STORY_DATA, "seed-article")
    assert code == 0
    assert lines == [
        f"{SEED}:12: As the situation in the Middle East grows more volatile, the world watches closely.",
        f"{SEED}:12: Whether the two sides can find common ground — or whether the region is headed for another conflict — remains uncertain.",
        f"{SEED}:12: For now, the only certainty is that the stakes have never been higher.",
        "25 of 28 passages cited (94% of the text); 3 not cited",
    ]


def test_a_new_excerpt_takes_its_passage_off_the_list(mini):
    before = uncited.report(mini, "seed")[1]
    passage = "A second source added that Iran had failed to agree on a location for a scheduled meeting in Istanbul, further complicating diplomatic efforts."
    assert f"{SEED}:3: {passage}" in before and before[-1] == "4 of 28 passages cited (17% of the text); 24 not cited"
    # an excerpt with other whitespace still counts, as in the validator
    edit(
        mini / "claims" / "other-talks.yaml",
        '"Iran insists on limiting',
        '"Iran had   failed to agree on a location"\n  - source: seed\n    excerpt: "Iran insists on limiting',
    )
    after = uncited.report(mini, "seed")[1]
    assert f"{SEED}:3: {passage}" not in after and after[-1] == "5 of 28 passages cited (21% of the text); 23 not cited"


def test_sentences_do_not_end_at_abbreviations():
    assert uncited.passages("The U.S. said no. Mr. Smith agreed! ‘Yes.’ Then 24/7 ops.\n\nNext line") == [
        (1, "The U.S. said no."),
        (1, "Mr. Smith agreed!"),
        (1, "‘Yes.’"),
        (1, "Then 24/7 ops."),
        (3, "Next line"),
    ]


def test_make_uncited_refuses_a_source_without_a_seed_and_an_unknown_one():
    def make(source: str) -> subprocess.CompletedProcess:
        command = ["make", "-s", "uncited", f"SOURCE={source}", f"DATA={STORY_DATA}"]
        return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False, env={**os.environ})

    no_seed = make("hrana-estimate")
    assert no_seed.returncode == 2  # make's own code when the command exits 1
    assert no_seed.stderr.splitlines()[0] == "error: source 'hrana-estimate' has no archived text in seeds/ (its seed field); archive it with `make archive`"
    unknown = make("nope")
    assert unknown.stderr.splitlines()[0] == "error: no source 'nope': no file tests/fixtures/story/data/sources/nope.yaml"
