"""The fixed vocabulary of the synthetic data (scripts/synth.py): proportions of kinds, word lists, and the small helpers that pick from them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from random import Random

REPO_ROOT = Path(__file__).resolve().parents[3]
KINDS = ("events", "claims", "actors", "sources")
SCHEMA_NAME = {"events": "event", "claims": "claim", "actors": "actor", "sources": "source"}
PROPORTIONS = {"events": 0.30, "claims": 0.50, "actors": 0.12, "sources": 0.08}
MINIMUM = {"events": 3, "claims": 6, "actors": 6, "sources": 3}
ID_PREFIX = {"events": "e", "claims": "c", "actors": "a", "sources": "s"}

STORY_START = date(2024, 7, 1)
STORY_DAYS = 730

# ---------------------------------------------------------------- vocabulary

FIRST_NAMES = ["Abbas", "Masoud", "Donald", "Marco", "Steve", "Laila", "Kaveh", "Sara", "Omar", "Nadia", "James", "Hana", "Reza", "Elena", "Yusuf", "Mina"]
LAST_NAMES = ["Araghchi", "Rahimi", "Karimi", "Walker", "Haddad", "Novak", "Sadeghi", "Bennett", "Farahani", "Osei", "Lindqvist", "Moradi", "Tehrani"]
SYLLABLES = ["ka", "ra", "mi", "lo", "sa", "tan", "dor", "vel", "an", "is", "ur", "bel", "qa", "zen", "mar", "ost", "lin", "hel"]
PLACES = ["Istanbul", "Muscat", "Geneva", "Vienna", "Doha", "Arabian Sea", "Strait of Hormuz", "Tehran", "Washington", "Baghdad", "Brussels", "Oslo"]
COUNTRIES = ["Turkey", "Oman", "Switzerland", "Austria", "Qatar", "Iran", "United States", "Iraq", "Belgium", "Norway"]
TOPICS = [
    "the talks in Istanbul",
    "the nuclear programme",
    "sanctions relief",
    "the drone incident",
    "the naval deployment",
    "a prisoner exchange",
    "limits on enrichment",
    "the ceasefire",
    "regional security",
    "the missile programme",
    "the inspectors’ access",
    "the frozen assets",
    "the protests",
    "the oil exports",
]
VERBS = ["said", "warned", "announced", "denied", "confirmed", "reported", "insisted", "acknowledged", "claimed", "suggested", "stated", "argued"]
PREDICATES = [
    "would resume within weeks",
    "had stalled over the venue",
    "remained achievable if both sides negotiated in good faith",
    "was not on the table",
    "had been agreed in principle",
    "depended on guarantees from Washington",
    "would be discussed only after sanctions were lifted",
    "had strained the negotiations",
    "was a ‘take it or leave it’ offer",
    "could collapse without mediation",
    "had been exaggerated by officials",
    "was delayed by a dispute over the agenda",
]
EVENT_VERBS = ["met", "announced", "suspended", "resumed", "rejected", "proposed", "deployed", "shot down", "imposed", "lifted", "postponed", "hosted"]
EVENT_OBJECTS = [
    "talks on the nuclear programme",
    "a new round of sanctions",
    "an aircraft carrier group",
    "a surveillance drone",
    "a mediation offer",
    "a prisoner exchange",
    "a statement on enrichment",
    "a meeting of foreign ministers",
    "an inspection visit",
    "a ceasefire proposal",
]
TAGS = [
    "diplomacy", "nuclear-program", "sanctions", "military", "protests", "casualties", "economy", "mediation",
    "human-rights", "energy", "maritime", "cyber", "prisoners", "inspections", "regional-security", "domestic-politics",
]  # fmt: skip
SOURCE_KIND_WEIGHTS = {
    "news-article": 45,
    "social-media-post": 12,
    "broadcast-interview": 8,
    "ngo-report": 6,
    "official-statement": 12,
    "press-briefing": 8,
    "speech": 5,
    "other": 4,
}
ACTOR_KIND_WEIGHTS = {"person": 40, "government": 8, "organisation": 12, "military": 7, "news-outlet": 10, "group": 8, "anonymous": 15}
OUTLET_SOURCE_KINDS = {"news-article", "social-media-post", "broadcast-interview", "press-briefing"}
UNITS = ["people", "arrests", "miles", "days", "dollars", "centrifuges", "barrels per day", "kilograms"]
COUNTS = [
    "deaths during the protests",
    "arrests linked to the unrest",
    "distance from the coast",
    "days of talks",
    "value of frozen assets",
    "enriched uranium",
]
QUALIFIERS = ["exactly", "about", "at-least", "more-than", "at-most", "fewer-than", "estimated"]
LANGUAGES = ["en", "en", "en", "fa", "ar", "en-GB", "fr"]
GROUP_LABELS = ["officials", "analysts", "diplomats", "sources familiar with the discussions", "military officers", "activists"]
ANONYMOUS_LABELS = ["One source", "A senior official", "A person", "A diplomat", "A second source", "An aide"]
DATE_NOTES = [
    "The source does not give the day; dated to the month of its publication.",
    "The article says only ‘earlier this month’; the day is an inference from the surrounding reporting, hence approximate.",
    "Dated from the source’s publication date; the source does not say when this happened, so the date is uncertain.",
    "The sources disagree by a few days; the earliest reported day is given as approximate.",
    "Nothing in the source dates this precisely; the interval is the span the reporting allows.",
]


def title_case(word: str) -> str:
    """Capitalise the first letter only ("al-qadir" → "Al-qadir")."""
    return word[:1].upper() + word[1:]


def slug(text: str, limit: int = 40) -> str:
    """A lowercase ASCII slug of some words of ``text``, for readable ids."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or "record"


# ---------------------------------------------------------------- plans


@dataclass(slots=True)
class Plan:
    """The identity and the facts other records depend on, decided before any record is written."""

    kind: str
    index: int
    id: str = ""
    sub_kind: str = ""  # actor kind or source kind
    name: str = ""
    day: date = STORY_START  # events and sources: the day it happened or was published
    date_text: str | None = None
    has_url: bool = True
    reported_via: list[int] = field(default_factory=list)
    parent: int | None = None  # events: index of the larger event
    span: tuple[date, date] | None = None  # events with children: the interval
    links: dict[int, str] = field(default_factory=dict)  # claims: other claim index → link type


class Picker:
    """Deterministic skewed choices: a few items are chosen often, most rarely (a Zipf law)."""

    def __init__(self, rng: Random, items: Sequence, exponent: float = 1.0):
        order = list(items)
        rng.shuffle(order)  # popularity independent of the position in the list
        self.items = order
        self.rng = rng
        self.cum_weights = list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(len(order))))

    def one(self):
        return self.rng.choices(self.items, cum_weights=self.cum_weights, k=1)[0]

    def distinct(self, k: int, exclude: Sequence = ()) -> list:
        """Up to ``k`` different items, none of them in ``exclude``."""
        chosen: list = []
        for _ in range(k * 6):
            if len(chosen) >= min(k, len(self.items) - len(exclude)):
                break
            item = self.one()
            if item not in chosen and item not in exclude:
                chosen.append(item)
        return chosen


def kind_counts(total: int) -> dict[str, int]:
    """How many records of each kind: the proportions, at least MINIMUM each, summing to ``total``."""
    if total < sum(MINIMUM.values()):
        raise ValueError(f"--records must be at least {sum(MINIMUM.values())}")
    counts = {kind: max(MINIMUM[kind], int(total * share)) for kind, share in PROPORTIONS.items()}
    counts["claims"] += max(0, total - sum(counts.values()))
    while sum(counts.values()) > total:  # small totals: take back from the kind furthest above its minimum
        counts[max(KINDS, key=lambda kind: counts[kind] - MINIMUM[kind])] -= 1
    return counts


# ---------------------------------------------------------------- text


class Text:
    """Pseudo-English sentences and names from fixed vocabularies."""

    def __init__(self, rng: Random):
        self.rng = rng

    def pick(self, items: Sequence[str]) -> str:
        return items[self.rng.randrange(len(items))]

    def word(self) -> str:
        return "".join(self.pick(SYLLABLES) for _ in range(self.rng.randint(2, 3)))

    def person(self) -> str:
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"

    def sentence(self, subject: str) -> str:
        return f"{subject} {self.pick(VERBS)} that {self.pick(TOPICS)} {self.pick(PREDICATES)}."

    def sentences(self, subject: str, low: int, high: int) -> str:
        return " ".join(self.sentence(subject) for _ in range(self.rng.randint(low, high)))

    def excerpt(self, subject: str) -> str:
        """A verbatim-looking excerpt of 60 to 400 characters, sometimes with typographic quotes."""
        text = self.sentences(subject, 1, 3)
        if self.rng.random() < 0.2:
            text = f"{text} “We will not negotiate under pressure,” a spokesman told reporters."
        return text

    def paragraphs(self, subject: str) -> str:
        """Text of one or two paragraphs."""
        parts = [self.sentences(subject, 1, 3) for _ in range(self.rng.randint(1, 2))]
        return "\n\n".join(parts)


# ---------------------------------------------------------------- the generator
