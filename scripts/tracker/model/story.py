"""The story and the vocabulary (data/story.yaml, data/vocabulary.yaml) as the page layer reads them.

Pure: built from the validated documents of a dataset; the validator has
already checked that every reference resolves and every measure and tag used
is named, so a missing name here only happens for data that was not validated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tracker.load.dataset import Dataset
from tracker.model import disputes as disputes_logic
from tracker.model.records import Model


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    rests_on: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    lead: tuple[Sentence, ...] = ()
    questions: tuple[Mapping[str, Any], ...] = ()
    measures: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    tags: Mapping[str, str] = field(default_factory=dict)

    @property
    def story_data(self) -> dict[str, Any]:
        return {"questions": list(self.questions)}

    @property
    def vocabulary_data(self) -> dict[str, Any]:
        return {"measures": dict(self.measures), "tags": dict(self.tags)}


def from_dataset(dataset: Dataset) -> Story:
    story = dataset.documents.get("story")
    vocabulary = dataset.documents.get("vocabulary")
    story_data = story.data if story is not None else {}
    vocabulary_data = vocabulary.data if vocabulary is not None else {}
    return Story(
        lead=tuple(Sentence(s["text"], tuple(s["rests_on"])) for s in story_data.get("lead", [])),
        questions=tuple(story_data.get("questions", [])),
        measures=dict(vocabulary_data.get("measures", {})),
        tags=dict(vocabulary_data.get("tags", {})),
    )


def _fallback(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def measure_name(story: Story, measure: str) -> str:
    """ "Deaths in the protests" for iran-protest-deaths."""
    entry = story.measures.get(measure)
    return entry["name"] if entry else _fallback(measure)


def tag_name(story: Story, tag: str) -> str:
    """ "U.S. politics" for us-politics."""
    return story.tags.get(tag) or _fallback(tag)


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    question: str
    answers: tuple[str, ...]  # one line per measure: "Iranian officials: more than 3,000 · …"; else the claims' statements
    dispute: disputes_logic.Dispute
    compatible_words: str  # "" unless the figures are strictly compatible: "An estimated 6,854 is also more than 3,000."


def open_questions(model: Model, story: Story) -> list[OpenQuestion]:
    """The "What is disputed" box: one question per dispute between accounts (not a source's own slips)."""
    between, _ = disputes_logic.disputes(model, story.story_data, story.vocabulary_data)
    found = []
    for dispute in between:
        question = dispute.question or "What is disputed?"
        answers = tuple(disputes_logic.figures_line(model, dispute, m) for m in dispute.measures)
        if not answers:
            answers = tuple(model.claims[c].statement for c in dispute.claims)
        compatible = [q for c in dispute.claims for q in model.claims[c].quantities if q.measure in dispute.compatible]
        words = disputes_logic.compatibility_words(compatible) if compatible else ""
        found.append(OpenQuestion(question, answers, dispute, words))
    return found
