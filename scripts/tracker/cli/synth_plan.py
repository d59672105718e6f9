"""The synthetic records' planner (scripts/synth.py): `Synth` decides every record's identity and links, then renders each as an ordered mapping."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date, timedelta
from random import Random

from tracker.check.rules.precision import UNDATED, precision
from tracker.cli.synth_words import (
    ACTOR_KIND_WEIGHTS,
    ANONYMOUS_LABELS,
    COUNTRIES,
    COUNTS,
    DATE_NOTES,
    EVENT_OBJECTS,
    EVENT_VERBS,
    GROUP_LABELS,
    ID_PREFIX,
    LANGUAGES,
    OUTLET_SOURCE_KINDS,
    PLACES,
    PREDICATES,
    QUALIFIERS,
    SOURCE_KIND_WEIGHTS,
    STORY_DAYS,
    STORY_START,
    TAGS,
    TOPICS,
    UNITS,
    Picker,
    Plan,
    Text,
    kind_counts,
    slug,
    title_case,
)
from tracker.core import dates


class Synth:
    """Plans every record, then renders each one as an ordered mapping of its fields."""

    def __init__(self, total: int, seed: int):
        self.rng = Random(f"tracker-synth:{seed}:{total}")
        self.text = Text(self.rng)
        self.counts = kind_counts(total)
        self.plans = {kind: [Plan(kind, i) for i in range(n)] for kind, n in self.counts.items()}
        self.measures: list[tuple[str, str, str]] = []  # (measure, unit, counts)
        self.statements: dict[str, int] = {}  # statement -> how often it was written
        self.cited: dict[tuple[str, str], set[str]] = {}  # (source, excerpt) -> claimants of claims citing it

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

    def source(self, plan: Plan) -> dict:  # noqa: C901  (one branch per optional field, each drawn in turn: split, a record's shape and its random draws would be scattered)
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
        if days:  # a date_note does not stand in for the day (check_exact_day wants it quoted from the source)
            spoken = " to ".join(f"{day:%B} {day.day}, {day.year}" for day in days)
            lead += f"On {spoken}, " if len(days) == 1 else f"From {spoken}, "
        if "location" in rec:
            lead += f"in {rec['location']['name']}, " if lead else f"In {rec['location']['name']}, "
        citations[0]["excerpt"] = lead + citations[0]["excerpt"]
        return rec

    def claim(self, plan: Plan) -> dict:  # noqa: C901  (one branch per optional field, each drawn in turn: split, a record's shape and its random draws would be scattered)
        claimants = self.actor_pick.distinct(self.rng.choices([1, 2, 3], weights=[85, 12, 3], k=1)[0])
        speaker = self.plans["actors"][claimants[0]].name
        venue = self.plans["sources"][self.source_pick.one()]
        citations = self.citations(speaker, first=venue.index if venue.has_url else None)
        rec: dict = {"claimants": self.ids("actors", claimants), "statement": self.text.sentences(speaker, 1, 2)}
        # Statements are distinct, as the duplicate check requires.
        self.statements[rec["statement"]] = repeats = self.statements.get(rec["statement"], 0) + 1
        if repeats > 1:
            rec["statement"] += f" It was said {repeats} times."
        # Nor do two claims of one claimant cite the very same excerpt of a source (at 100,000
        # records a small vocabulary repeats some, and check_near_duplicate_claims would then
        # compare their statements): a repeat gets a sentence of its own.
        for citation in citations:
            excerpt, times = citation["excerpt"], 1
            while self.cited.get((citation["source"], citation["excerpt"]), set()) & set(rec["claimants"]):
                times += 1
                citation["excerpt"] = f"{excerpt} It was heard {times} times."
            self.cited.setdefault((citation["source"], citation["excerpt"]), set()).update(rec["claimants"])
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
        speakers = {rid: {*rec.get("authors", []), rec.get("outlet")} for kind, rid, rec in records if kind == "sources"}
        for index, (kind, rid, rec) in enumerate(records):
            if kind in ("events", "claims") and "date" in rec and "date_note" not in rec and needs_precision_note(rec, published):
                keys = list(rec)
                at = keys.index("date") + 1
                rec = {**{k: rec[k] for k in keys[:at]}, "date_note": PRECISION_NOTE, **{k: rec[k] for k in keys[at:]}}
            if kind == "claims" and not speakers[rec["made_in"]] & set(rec["claimants"]):  # the venue is a document of others (check_venue)
                notes = f"{rec['notes']}\n\n{VENUE_NOTE}" if "notes" in rec else VENUE_NOTE
                rest = {k: v for k, v in rec.items() if k not in ("notes", "citations")}
                rec = {**rest, "notes": notes, "citations": rec["citations"]}  # notes come last but for the citations
            records[index] = (kind, rid, rec)
        return records


PRECISION_NOTE = "The source reports the day itself, though it is dated less precisely."
VENUE_NOTE = "The venue is the document in which the claimant's words were published."


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
