"""Write deterministic synthetic data of our shape: `python scripts/synth.py --records N --out DIR [--seed S]`.

The output is a data directory (DIR/{events,claims,actors,sources}/<id>.yaml)
that passes `scripts/validate.py --data DIR` with no problem, for benchmarks
and scale tests. The same --records and --seed always give a byte-identical
tree.

Proportions of kinds. The curated data (17 events, 26 claims, 24 actors,
7 sources: 23/35/32/9 %) comes from one article, in which nearly every actor
is new. In a grown tracker actors and sources recur, so they grow more slowly
than events and claims. The generator keeps the curated ratio of claims to
events (about 1.5 to 1.7) and uses the shares of actors and sources the scale
issue (#6) assumes: 30 % events, 50 % claims, 12 % actors, 8 % sources.

What is exercised, in roughly the curated data's mix: one to three citations
per record (popular sources are cited far more often: a Zipf law), claims
linked by contradicts and corroborates (written on both sides, some in groups
of three) and updates, figures with shared measures and one unit per
measure, anonymous sources and unnamed groups with `described_as`, sources
known only `reported_via` other sources (chains of one to a few steps),
verbatim quotes inside the excerpts, events that are part of larger events, and
uncertain, approximate, month-, year- and interval dates with a `date_note`.
Sources have a `url` and no `seed`: seeds must be files in the repository's
seeds/, and excerpts are only checked against a seed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import NoReturn

from tracker import dates
from tracker.cli import exit_with
from tracker.cli.synth_history import write_history
from tracker.rules_dates import UNDATED, precision

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


class Synth:
    """Plans every record, then renders each one as an ordered mapping of its fields."""

    def __init__(self, total: int, seed: int):
        self.rng = Random(f"tracker-synth:{seed}:{total}")
        self.text = Text(self.rng)
        self.counts = kind_counts(total)
        self.plans = {kind: [Plan(kind, i) for i in range(n)] for kind, n in self.counts.items()}
        self.measures: list[tuple[str, str, str]] = []  # (measure, unit, counts)
        self.statements: dict[str, int] = {}  # statement -> how often it was written

    # ---- planning

    def plan(self) -> None:
        self.plan_actors()
        self.plan_sources()
        self.plan_events()
        self.plan_claims()
        self.actor_pick = Picker(self.rng, range(self.counts["actors"]))
        self.source_pick = Picker(self.rng, range(self.counts["sources"]))
        self.event_pick = Picker(self.rng, range(self.counts["events"]), exponent=0.8)
        self.outlets = [p.index for p in self.plans["actors"] if p.sub_kind == "news-outlet"]
        self.outlet_pick = Picker(self.rng, self.outlets)
        self.organisations = [p.index for p in self.plans["actors"] if p.sub_kind in ("government", "organisation")]
        self.groups = [p.index for p in self.plans["actors"] if p.sub_kind == "group"]
        measure_count = max(3, self.counts["claims"] // 40)
        for n in range(measure_count):
            counts = self.text.pick(COUNTS)
            self.measures.append((f"{slug(counts, 30)}-{n}", self.text.pick(UNITS), counts))

    def weighted(self, weights: dict[str, int]) -> str:
        return self.rng.choices(list(weights), weights=list(weights.values()), k=1)[0]

    def plan_actors(self) -> None:
        plans = self.plans["actors"]
        fixed = ["news-outlet", "government", "group", "organisation", "anonymous", "person"]  # every kind the rules need exists
        for plan in plans:
            plan.sub_kind = fixed[plan.index] if plan.index < len(fixed) else self.weighted(ACTOR_KIND_WEIGHTS)
            plan.name = self.actor_name(plan.sub_kind)
            plan.id = f"{slug(plan.name, 30)}-{ID_PREFIX['actors']}{plan.index}"

    def actor_name(self, kind: str) -> str:
        if kind == "person":
            return self.text.person()
        if kind == "government":
            return f"Republic of {title_case(self.text.word())}"
        if kind == "news-outlet":
            return f"The {title_case(self.text.word())} {self.text.pick(['Times', 'Herald', 'Post', 'Broadcasting', 'Wire'])}"
        if kind == "military":
            return f"{title_case(self.text.word())} {self.text.pick(['Fleet', 'Air Base', 'Brigade', 'Command'])}"
        if kind == "group":
            return f"{title_case(self.text.word())} {self.text.pick(GROUP_LABELS)}"
        if kind == "anonymous":
            return f"{self.text.pick(ANONYMOUS_LABELS)} familiar with the discussions"
        return f"{title_case(self.text.word())} {self.text.pick(['Agency', 'Institute', 'Council', 'Foundation'])}"

    def plan_sources(self) -> None:
        for plan in self.plans["sources"]:
            plan.sub_kind = self.weighted(SOURCE_KIND_WEIGHTS)
            plan.name = f"{title_case(self.text.word())} {plan.sub_kind.replace('-', ' ')}"
            plan.id = f"{slug(plan.name, 30)}-{ID_PREFIX['sources']}{plan.index}"
            plan.day = STORY_START + timedelta(days=self.rng.randrange(STORY_DAYS))
            plan.date_text = self.source_date(plan.day)
            # The first three always have a URL, so every "reported via" chain can end in one.
            # The fourth is always known only through others, so even the smallest tree has a chain.
            plan.has_url = plan.index < 3 or (plan.index > 3 and self.rng.random() < 0.7)
            if plan.index > 0 and (not plan.has_url or self.rng.random() < 0.05):
                earlier = sorted({self.rng.randrange(plan.index) for _ in range(self.rng.randint(1, 2))})
                plan.reported_via = earlier  # only earlier sources: chains have no cycle

    def source_date(self, day: date) -> str | None:
        roll = self.rng.random()
        if roll < 0.60:
            return day.isoformat()
        if roll < 0.75:
            return day.isoformat()[:7]
        if roll < 0.85:
            return day.isoformat() + "?"
        if roll < 0.90:
            return f"{day.year}?"
        return None

    def plan_events(self) -> None:
        plans = self.plans["events"]
        parents: list[int] = []
        used: dict[str, int] = {}  # titles are distinct, as the duplicate check requires
        for plan in plans:
            subject = self.text.pick(["Iran", "The United States", "Oman", "Qatar", "Israel", "NATO"])
            plan.name = f"{subject} {self.text.pick(EVENT_VERBS)} {self.text.pick(EVENT_OBJECTS)}"
            used[plan.name] = used.get(plan.name, 0) + 1
            if used[plan.name] > 1:
                plan.name += f", round {used[plan.name]}"
            plan.id = f"{slug(plan.name, 40)}-{ID_PREFIX['events']}{plan.index}"
            plan.day = STORY_START + timedelta(days=self.rng.randrange(STORY_DAYS))
            if plan.index == 0 or self.rng.random() < 0.05:  # a larger event spanning days or weeks
                plan.span = (plan.day, plan.day + timedelta(days=self.rng.randint(3, 40)))
                plan.date_text = f"{plan.span[0].isoformat()}/{plan.span[1].isoformat()}"
                parents.append(plan.index)
            elif parents and (plan.index == 1 or self.rng.random() < 0.15):  # one step within a larger event
                plan.parent = parents[self.rng.randrange(len(parents))]
                parent_span = plans[plan.parent].span
                assert parent_span is not None, "a parent event without a span"  # only events with a span become parents
                start, end = parent_span
                plan.day = start + timedelta(days=self.rng.randint(0, (end - start).days))
                plan.date_text = plan.day.isoformat()
            else:
                plan.date_text = self.event_date(plan.day)

    def event_date(self, day: date) -> str:
        iso = day.isoformat()
        roll = self.rng.random()
        if roll < 0.64:
            return iso
        if roll < 0.74:
            return iso[:7]
        if roll < 0.80:
            return iso + "~"
        if roll < 0.84:
            return iso + "?"
        if roll < 0.87:
            return iso[:7] + "-XX"
        if roll < 0.93:
            return f"{iso}/{(day + timedelta(days=self.rng.randint(1, 12))).isoformat()}"
        if roll < 0.95:
            return f"{iso[:7]}/.."
        if roll < 0.96:
            return f"/{iso}"
        return str(day.year)

    def plan_claims(self) -> None:
        plans = self.plans["claims"]
        for plan in plans:
            plan.id = f"{slug(self.text.word() + ' ' + self.text.pick(TOPICS), 40)}-{ID_PREFIX['claims']}{plan.index}"
        n = len(plans)
        self.link_pairs(n, "contradicts", 0.10, chain=0.3)
        self.link_pairs(n, "corroborates", 0.05, chain=0.0)
        for _ in range(max(1, int(n * 0.03))):  # a newer claim revises an older one: written in the newer only
            newer = self.rng.randrange(1, n)
            older = self.rng.randrange(newer)
            if older not in plans[newer].links and newer not in plans[older].links:
                plans[newer].links[older] = "updates"

    def link_pairs(self, n: int, kind: str, share: float, chain: float) -> None:
        """Symmetric links on both sides; with probability ``chain`` a third claim joins the group."""
        plans = self.plans["claims"]
        for _ in range(max(1, int(n * share / 2))):
            a, b = self.rng.randrange(n), self.rng.randrange(n)
            group = [a, b]
            if self.rng.random() < chain:
                group.append(self.rng.randrange(n))
            for x, y in itertools.pairwise(group):
                if x != y and y not in plans[x].links and x not in plans[y].links:
                    plans[x].links[y] = kind
                    plans[y].links[x] = kind

    # ---- helpers for rendering

    def ids(self, kind: str, indexes: Sequence[int]) -> list[str]:
        return [self.plans[kind][i].id for i in indexes]

    def citations(self, subject: str, first: int | None = None, low: int = 1, high: int = 3) -> list[dict]:
        """One to three citations of different sources, each with an excerpt."""
        wanted = self.rng.randint(low, high)
        chosen = [first] if first is not None else []
        chosen += self.source_pick.distinct(wanted - len(chosen), exclude=chosen)
        result = []
        for index in chosen:
            citation = {"source": self.plans["sources"][index].id, "excerpt": self.text.excerpt(subject)}
            if self.rng.random() < 0.05:
                citation["note"] = "The excerpt supports the record together with the preceding paragraph of the source."
            result.append(citation)
        return result

    def date_note(self) -> str:
        return self.text.pick(DATE_NOTES)

    def tags(self, high: int = 3) -> list[str]:
        return sorted({self.text.pick(TAGS) for _ in range(self.rng.randint(0, high))})

    # ---- records

    def actor(self, plan: Plan) -> dict:
        rec: dict = {"name": plan.name, "kind": plan.sub_kind}
        if plan.sub_kind == "anonymous":
            rec["described_as"] = plan.name.removesuffix(" familiar with the discussions").lower()
        elif plan.sub_kind == "group":
            rec["described_as"] = plan.name.split(" ", 1)[1]
        if plan.sub_kind == "person" and self.rng.random() < 0.7:
            rec["roles"] = [self.role(plan) for _ in range(self.rng.randint(1, 2))]
        if plan.sub_kind in ("government", "person") and self.rng.random() < 0.2:
            rec["aliases"] = sorted({self.text.word().title(), f"{plan.name.split()[-1]}’s office"})
        if self.rng.random() < 0.5:
            rec["country"] = self.text.pick(COUNTRIES)
        member_of = self.member_of(plan)
        if member_of:
            rec["member_of"] = member_of
        if self.rng.random() < 0.8:
            rec["description"] = self.text.sentences(plan.name, 1, 2)
        rec["citations"] = self.citations(plan.name, high=2)
        return rec

    def role(self, plan: Plan) -> dict:
        role: dict = {"title": self.text.pick(["Foreign Minister", "President", "Special Envoy", "Spokesperson", "Chief Negotiator"])}
        organisations = [i for i in self.organisations if i != plan.index]
        if organisations and self.rng.random() < 0.7:
            role["organisation"] = self.plans["actors"][organisations[self.rng.randrange(len(organisations))]].id
        if self.rng.random() < 0.3:
            role["date"] = self.text.pick(["2024/2026", "2025", "2025-01/..", "2023?"])
        return role

    def member_of(self, plan: Plan) -> list[str]:
        if plan.sub_kind == "anonymous" and self.groups and self.rng.random() < 0.6:
            pool = self.groups
        elif plan.sub_kind == "person" and self.organisations and self.rng.random() < 0.5:
            pool = self.organisations
        else:
            return []
        target = pool[self.rng.randrange(len(pool))]
        return [] if target == plan.index else [self.plans["actors"][target].id]

    def source(self, plan: Plan) -> dict:
        rec: dict = {"kind": plan.sub_kind}
        if (plan.sub_kind == "news-article" and self.rng.random() < 0.7) or self.rng.random() < 0.2:
            rec["title"] = f"{self.text.pick(['Iran', 'US', 'Talks', 'Envoy', 'Tehran'])} {self.text.pick(PREDICATES)}".replace("‘", "'").replace("’", "'")
        rec["description"] = f"{plan.name} about {self.text.pick(TOPICS)}"
        if plan.sub_kind in OUTLET_SOURCE_KINDS and self.rng.random() < 0.8:
            rec["outlet"] = self.plans["actors"][self.outlet_pick.one()].id
        if self.rng.random() < 0.6:
            rec["authors"] = self.ids("actors", self.actor_pick.distinct(self.rng.randint(1, 2)))
        if plan.date_text is not None:
            rec["published"] = plan.date_text
        if plan.date_text is None or plan.date_text.endswith("?"):
            rec["date_note"] = self.date_note()
        if plan.has_url:
            host = f"news-{plan.index % 97}.example.org"
            rec["url"] = f"https://{host}/{plan.day.year}/{plan.day.month:02d}/{plan.id}"
            if self.rng.random() < 0.2:
                rec["archived_url"] = f"https://web.archive.org/web/{plan.day.strftime('%Y%m%d')}000000/{rec['url']}"
        if self.rng.random() < 0.5:
            rec["language"] = self.text.pick(LANGUAGES)
        if plan.reported_via:
            rec["reported_via"] = [{"source": self.plans["sources"][i].id, "excerpt": self.text.excerpt("The report")} for i in plan.reported_via]
        if self.rng.random() < 0.05:
            rec["notes"] = self.text.paragraphs("The document")
        return rec

    def event(self, plan: Plan) -> dict:
        rec: dict = {"title": plan.name, "date": plan.date_text}
        if is_fuzzy(plan.date_text or "") or self.rng.random() < 0.05:
            rec["date_note"] = self.date_note()
        if self.rng.random() < 0.6:
            location = {"name": self.text.pick(PLACES)}
            if self.rng.random() < 0.7:
                location["country"] = self.text.pick(COUNTRIES)
            if self.rng.random() < 0.3:
                location["detail"] = f"about {self.rng.randint(2, 900)} miles from the coast"
            rec["location"] = location
        rec["actors"] = self.ids("actors", self.actor_pick.distinct(self.rng.randint(1, 4)))
        rec["summary"] = f"{plan.name}. {self.text.sentences('Officials', 0, 2)}".strip()
        tags = self.tags()
        if tags:
            rec["tags"] = tags
        if plan.parent is not None:
            rec["part_of"] = self.plans["events"][plan.parent].id
        if self.rng.random() < 0.04:
            rec["notes"] = self.text.paragraphs("The record")
        rec["citations"] = citations = self.citations("Officials")
        # Like real records, the first excerpt names the place and gives an exact day (the editorial rules check both).
        lead = ""
        days = [date.fromisoformat(d) for d in re.findall(r"\d{4}-\d{2}-\d{2}(?![?~%])", plan.date_text or "")]
        if "date_note" not in rec and days:
            spoken = " to ".join(f"{day:%B} {day.day}, {day.year}" for day in days)
            lead += f"On {spoken}, " if len(days) == 1 else f"From {spoken}, "
        if "location" in rec:
            lead += f"in {rec['location']['name']}, " if lead else f"In {rec['location']['name']}, "
        citations[0]["excerpt"] = lead + citations[0]["excerpt"]
        return rec

    def claim(self, plan: Plan) -> dict:
        claimants = self.actor_pick.distinct(self.rng.choices([1, 2, 3], weights=[85, 12, 3], k=1)[0])
        speaker = self.plans["actors"][claimants[0]].name
        venue = self.plans["sources"][self.source_pick.one()]
        citations = self.citations(speaker, first=venue.index if venue.has_url else None)
        rec: dict = {"claimants": self.ids("actors", claimants), "statement": self.text.sentences(speaker, 1, 2)}
        # Statements are distinct, as the duplicate check requires.
        self.statements[rec["statement"]] = repeats = self.statements.get(rec["statement"], 0) + 1
        if repeats > 1:
            rec["statement"] += f" It was said {repeats} times."
        if self.rng.random() < 0.2:
            words = citations[0]["excerpt"].split()
            start = self.rng.randrange(max(1, len(words) - 4))
            rec["quote"] = " ".join(words[start : start + self.rng.randint(3, 8)])
        rec["made_in"] = venue.id
        self.claim_date(rec, venue)
        about = self.event_pick.distinct(self.rng.choices([0, 1, 2], weights=[20, 65, 15], k=1)[0])
        if about:
            rec["about"] = self.ids("events", about)
        if self.rng.random() < 0.12:
            rec["quantities"] = [self.quantity() for _ in range(self.rng.randint(1, 2))]
            # A quantity restates a figure of its statement, in its unit (check_quantity_statement).
            rec["statement"] += "".join(f" The figure given is {q['value']:,} {q['unit']}." for q in rec["quantities"])
        links = [{"type": kind, "claim": self.plans["claims"][other].id} for other, kind in sorted(plan.links.items())]
        for link in links:
            if self.rng.random() < 0.3:
                link["note"] = f"{self.rng.randint(100, 9000):,} vs {self.rng.randint(100, 9000):,}"
        rec["assessment"] = {"status": self.status(plan, citations), "rationale": self.text.sentences("The assessment", 1, 2)}
        if links:
            rec["links"] = links
        tags = self.tags()
        if tags:
            rec["tags"] = tags
        if self.rng.random() < 0.05:
            rec["notes"] = self.text.paragraphs("The claim")
        rec["citations"] = citations
        return rec

    def claim_date(self, rec: dict, venue: Plan) -> None:
        """A claim's own date, never after its venue's publication (venues are published on their ``day``)."""
        if self.rng.random() >= 0.35:
            return
        day = venue.day - timedelta(days=self.rng.randint(0, 5))
        if self.rng.random() < 0.8:
            rec["date"] = day.isoformat()
        else:
            rec["date"] = day.isoformat() + self.text.pick(["~", "?"])
            rec["date_note"] = self.date_note()

    def quantity(self) -> dict:
        measure, unit, counts = self.measures[self.rng.randrange(len(self.measures))]
        return {"measure": measure, "counts": counts, "value": self.rng.randint(1, 60000), "qualifier": self.text.pick(QUALIFIERS), "unit": unit}

    def status(self, plan: Plan, citations: list[dict]) -> str:
        types = set(plan.links.values())
        if "contradicts" in types:
            return self.weighted({"disputed": 70, "contradicted": 20, "retracted": 10})
        if "corroborates" in types:
            return self.weighted({"corroborated": 80, "unverified": 20})
        if len({c["source"] for c in citations}) >= 2 and self.rng.random() < 0.3:
            return "corroborated"
        return self.weighted({"unverified": 90, "retracted": 5, "contradicted": 5})

    def records(self) -> list[tuple[str, str, dict]]:
        """(kind, id, record) for every record, in a fixed order."""
        self.plan()
        render = {"actors": self.actor, "sources": self.source, "events": self.event, "claims": self.claim}
        records = [(kind, plan.id, render[kind](plan)) for kind in ("actors", "sources", "events", "claims") for plan in self.plans[kind]]
        published = {rid: rec.get("published") for kind, rid, rec in records if kind == "sources"}
        for index, (kind, rid, rec) in enumerate(records):
            if kind in ("events", "claims") and "date" in rec and "date_note" not in rec and needs_precision_note(rec, published):
                keys = list(rec)
                at = keys.index("date") + 1
                records[index] = (kind, rid, {**{k: rec[k] for k in keys[:at]}, "date_note": PRECISION_NOTE, **{k: rec[k] for k in keys[at:]}})
        return records


PRECISION_NOTE = "The source reports the day itself, though it is dated less precisely."


def needs_precision_note(rec: dict, published: dict[str, str | None]) -> bool:
    """Whether a date is finer than that of every source reporting it (the rule check_date_precision)."""
    ids = ([rec["made_in"]] if "made_in" in rec else []) + [c["source"] for c in rec.get("citations", [])]
    best = max((precision(dates.parse(p)) if p else UNDATED for p in (published.get(i) for i in ids)), default=UNDATED)
    return precision(dates.parse(rec["date"])) > best


def is_fuzzy(text: str) -> bool:
    """Whether a date needs a date_note: qualified, with X digits, or an interval with an open or unknown end."""
    if text[-1:] in "?~%" or "X" in text:
        return True
    return "/" in text and (text.startswith("/") or text.endswith("/") or ".." in text)


# ---------------------------------------------------------------- YAML output

_PLAIN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def scalar(value: object) -> str:
    """A scalar in the curated files' style: slugs plain, numbers plain, other strings double-quoted."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"unexpected scalar {value!r}")
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text not in ("true", "false", "null"):
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON escapes are valid in YAML double-quoted scalars


def emit(value: object, indent: int = 0) -> list[str]:
    """Block-style YAML lines for a mapping (the caller places the first line of a list item)."""
    pad = " " * indent
    lines: list[str] = []
    assert isinstance(value, dict)
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{pad}{key}:")
            lines += emit(item, indent + 2)
        elif isinstance(item, list):
            lines.append(f"{pad}{key}:")
            for element in item:
                if isinstance(element, dict):
                    inner = emit(element, indent + 4)
                    lines.append(f"{pad}  - {inner[0].lstrip()}")
                    lines += inner[1:]
                else:
                    lines.append(f"{pad}  - {scalar(element)}")
        else:
            lines.append(f"{pad}{key}: {scalar(item)}")
    return lines


def to_yaml(kind: str, record: dict) -> str:
    header = f"# yaml-language-server: $schema=../../schema/{SCHEMA_NAME[kind]}.schema.json"
    return "\n".join([header, *emit(record)]) + "\n"


# ---------------------------------------------------------------- command line


def prepare_out(out: Path) -> None:
    """Create ``out``, or empty it when it only holds a previous data tree; refuse anything else."""
    resolved = out.resolve()
    if resolved == REPO_ROOT or REPO_ROOT in resolved.parents:
        raise SystemExit(f"refusing to write synthetic data inside the repository ({out}); use a directory under /tmp")
    if out.exists():
        vocabulary = out / "vocabulary.yaml"
        if vocabulary.is_file() and not vocabulary.is_symlink():
            vocabulary.unlink()
        # .git is a previous --history run's repository; write() replaces or removes it
        unexpected = sorted(p.name for p in out.iterdir() if p.name not in (*KINDS, ".git") or not p.is_dir() or p.is_symlink())
        if unexpected:
            raise SystemExit(f"{out} holds other files ({', '.join(unexpected[:5])}); give an empty or new directory")
        for kind in KINDS:
            shutil.rmtree(out / kind, ignore_errors=True)
    for kind in KINDS:
        (out / kind).mkdir(parents=True, exist_ok=True)


def write(total: int, out: Path, seed: int = 0, history: int = 0) -> dict[str, int]:
    """Generate ``total`` records into ``out``; return the count per kind.

    With ``history`` > 0, ``out`` also becomes a git repository of that many commits ending in the
    tree written (see synth_history.py); without, a repository left there by an earlier run is removed.
    """
    synth = Synth(total, seed)
    prepare_out(out)
    tags: set[str] = set()
    measures: dict[str, str] = {}
    files = []
    for kind, rid, record in synth.records():
        files.append((f"{kind}/{rid}.yaml", to_yaml(kind, record).encode("utf-8")))
        (out / files[-1][0]).write_bytes(files[-1][1])
        tags.update(record.get("tags", []))
        measures.update((q["measure"], q["counts"]) for q in record.get("quantities", []))
    # every measure and tag used needs a reader-facing name (data/vocabulary.yaml)
    vocabulary = {
        "measures": {m: {"name": measures[m].capitalize()} for m in sorted(measures)},
        "tags": {t: t.replace("-", " ").capitalize() for t in sorted(tags)},
    }
    header = "# yaml-language-server: $schema=../schema/vocabulary.schema.json"
    vocabulary_text = ("\n".join([header, *emit({k: v for k, v in vocabulary.items() if v})]) + "\n").encode("utf-8")
    (out / "vocabulary.yaml").write_bytes(vocabulary_text)
    if history:
        write_history(out, files, history, seed, extra=[("vocabulary.yaml", vocabulary_text)])
    else:
        shutil.rmtree(out / ".git", ignore_errors=True)
    return synth.counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000, help="total number of records (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="data directory to write (created; a previous data tree there is replaced)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0); the same seed gives the same tree")
    parser.add_argument("--history", type=int, default=0, metavar="COMMITS", help="also make DIR a git repository of COMMITS commits")
    args = parser.parse_args(argv)
    if args.history < 0:
        parser.error("--history must be 0 or more")
    if args.records < sum(MINIMUM.values()):
        parser.error(f"--records must be at least {sum(MINIMUM.values())}")
    counts = write(args.records, args.out, args.seed, args.history)
    commits = f" with a history of {args.history} commits" if args.history else ""
    print(f"wrote {', '.join(f'{n} {k}' for k, n in counts.items())} to {args.out}{commits}")
    return 0


def console() -> NoReturn:
    """The `tracker-synth` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
