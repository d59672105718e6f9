"""Rules for data/story.yaml and data/vocabulary.yaml: dataset rules, registered with the rulebook."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from tracker.check import contradictions
from tracker.check.rulebook import dataset_rule, did_you_mean, insertion_point, normalise, values_at
from tracker.core import kinds
from tracker.load.dataset import Caution, Dataset, Hint, RecordFile, Snippet, display_path

DatasetFinding = tuple[RecordFile, tuple[Any, ...], str]
LEAD_KINDS = ("events", "claims")


def _document(ds: Dataset, name: str) -> RecordFile | None:
    document = ds.documents.get(name)
    return document if document is not None and document.schema_ok else None


@dataset_rule
def check_vocabulary(ds: Dataset) -> Iterator[DatasetFinding]:
    """Every measure and tag used in a record has a reader-facing name in data/vocabulary.yaml."""
    vocabulary = ds.documents.get("vocabulary")
    if vocabulary is not None and not vocabulary.schema_ok:
        return  # its schema problems are reported; names cannot be looked up
    where = vocabulary.display if vocabulary else display_path(ds.root / "vocabulary.yaml")
    named = {section: set((vocabulary.data if vocabulary else {}).get(section, {})) for section in ("measures", "tags")}
    used: dict[str, set[str]] = {"measures": set(), "tags": set()}
    for record in sorted(ds.files, key=lambda r: r.display):
        if not record.schema_ok:
            continue
        for section, pattern in (("measures", ("quantities", "*", "measure")), ("tags", ("tags", "*"))):
            for path, value in values_at(record.data, pattern):
                if value not in named[section] and value not in used[section]:
                    singular = section.removesuffix("s")
                    hint = did_you_mean(value, sorted(named[section]))  # a misspelt tag is one not named
                    if hint:
                        yield record, path, f"{singular} {value!r} has no name for readers{hint}"
                    else:
                        yield record, path, _name_it(vocabulary, where, section, value)
                used[section].add(value)


def _name_it(vocabulary: RecordFile | None, where: str, section: str, value: str) -> Hint:
    """The entry to add to the vocabulary, named from its slug for the contributor to check."""
    name = value.replace("-", " ").capitalize()
    entry: object = {"name": name} if section == "measures" else name
    present = vocabulary is not None and section in vocabulary.data
    place = f"under {section}: in {where}" if present else f"to {where}"
    if vocabulary is not None:
        place += f", {insertion_point(vocabulary, section)}"
    singular = section.removesuffix("s")
    return Hint(
        f"{singular} {value!r} has no name for readers: add {'it' if present else 'these lines'} {place}, with the words readers see:",
        Snippet("vocabulary", (section, value), entry, shown_from=1 if present else 0),
    )


def _groups(ds: Dataset) -> dict[str, tuple[str, ...]]:
    """The group of contradicting claims each claim in one belongs to."""
    claims = [r for r in ds.of_kind("claims") if r.schema_ok]
    links = [(r.id, link["type"], link["claim"]) for r in claims for link in r.data.get("links", [])]
    story = _document(ds, "story")
    questions = [q["claims"] for q in story.data.get("questions", [])] if story is not None and story.schema_ok else []
    return {claim: tuple(group) for group in contradictions.contradiction_groups(contradictions.dispute_links(links, questions)) for claim in group}


def _lead_references(ds: Dataset, story: RecordFile) -> Iterator[DatasetFinding]:
    for index, sentence in enumerate(story.data["lead"]):
        for position, rid in enumerate(sentence["rests_on"]):
            target = ds.by_id.get(rid)
            if target is None or target.kind not in LEAD_KINDS:
                found = (
                    (f"is an {kinds.get(target.kind).singular} ({target.display})" if target.kind == "actors" else f"is a source ({target.display})")
                    if target
                    else f"does not exist (no file events/{rid}.yaml or claims/{rid}.yaml)"
                )
                yield story, ("lead", index, "rests_on", position), f"a sentence rests on events and claims; {rid!r} {found}"


def _question_group(ds: Dataset, story: RecordFile, index: int, group_of: dict[str, tuple[str, ...]]) -> tuple[list[DatasetFinding], tuple[str, ...] | None]:
    """The problems of one question's claims, and the one group of contradicting claims it asks about (None when not one)."""
    problems: list[DatasetFinding] = []
    groups = set()
    for position, rid in enumerate(story.data["questions"][index]["claims"]):
        target = ds.by_id.get(rid)
        if target is None or target.kind != "claims":
            problems.append((story, ("questions", index, "claims", position), f"unknown claim {rid!r}: no file claims/{rid}.yaml"))
        elif rid not in group_of:
            problems.append((story, ("questions", index, "claims", position), f"claim {rid!r} contradicts no other claim, so there is no dispute to ask about"))
        else:
            groups.add(group_of[rid])
    if len(groups) > 1:
        problems.append((story, ("questions", index, "claims"), "these claims belong to different disputes; ask one question per dispute"))
    return problems, groups.pop() if len(groups) == 1 else None


@dataset_rule
def check_story_references(ds: Dataset) -> Iterator[DatasetFinding]:
    """The lead's sentences rest on existing events or claims; a disputed question names claims of one group of contradicting claims, at most one question per group."""
    story = _document(ds, "story")
    if story is None:
        return
    yield from _lead_references(ds, story)
    group_of = _groups(ds)
    asked: dict[tuple[str, ...], int] = {}
    for index in range(len(story.data.get("questions", []))):
        problems, group = _question_group(ds, story, index, group_of)
        yield from problems
        if group is not None and group in asked:
            yield story, ("questions", index, "question"), f"this dispute already has a question (question {asked[group] + 1}); keep one"
        elif group is not None:
            asked[group] = index


@dataset_rule
def check_dispute_questions(ds: Dataset) -> Iterator[DatasetFinding]:
    """In a data set with a story (data/story.yaml), every dispute between accounts (contradicting claims made in more than one document) has a question for readers: under questions in data/story.yaml, or, when all its figures measure one thing, that measure's question in data/vocabulary.yaml. Without one, the home page and the disputes page head it "What is disputed?"."""
    story = _document(ds, "story")
    vocabulary = ds.documents.get("vocabulary")
    if story is None or (vocabulary is not None and not vocabulary.schema_ok):
        return
    measure_questions = {m for m, entry in (vocabulary.data if vocabulary else {}).get("measures", {}).items() if "question" in entry}
    asked = {rid for question in story.data.get("questions", []) for rid in question["claims"]}
    claims = {r.id: r for r in ds.of_kind("claims") if r.schema_ok}
    for group in dict.fromkeys(_groups(ds).values()):
        members = [claims[rid] for rid in group if rid in claims]
        if len(members) < len(group) or asked & set(group) or len({m.data["made_in"] for m in members}) < 2:
            continue  # a broken claim (reported), a question asked, or a source contradicting itself
        measures = {q["measure"] for m in members for q in m.data.get("quantities", [])}
        if len(measures) == 1 and measures <= measure_questions:
            continue
        # reported at the first link that makes the dispute (a contradiction may be written on one side only so far)
        first, link = next(
            (m, i) for m in members for i, l in enumerate(m.data.get("links", [])) if l["type"] in ("contradicts", "differs") and l["claim"] in group
        )
        questions = story.data.get("questions", [])
        place = f"under questions: in {story.display}" if questions else f"to {story.display}"
        snippet = Snippet("story", ("questions", len(questions)), {"question": "", "claims": list(group)}, shown_from=1 if questions else 0)
        names = ", ".join(repr(rid) for rid in group[:-1]) + f" and {group[-1]!r}"
        yield (
            first,
            ("links", link, "claim"),
            Hint(
                f"claims {names} dispute each other, but no question for readers names them (the pages would head the dispute "
                f'"What is disputed?"): add {"this item" if questions else "these lines"} {place}, {insertion_point(story, "questions")}, with the question they answer:',
                snippet,
            ),
        )


@dataset_rule
def check_compatible_figures(ds: Dataset) -> Iterator[DatasetFinding]:
    """A disputed question whose dispute's figures are strictly compatible (6,854 is also 'more than 3,000') says why they are shown as competing (why_competing)."""
    story = _document(ds, "story")
    if story is None:
        return
    group_of = _groups(ds)
    for index, question in enumerate(story.data.get("questions", [])):
        if "why_competing" in question:
            continue
        group = sorted({member for rid in question["claims"] for member in group_of.get(rid, (rid,))})
        claims = [ds.by_id.get(rid) for rid in group]
        figures: dict[str, list[tuple[float, str]]] = {}
        for claim in claims:
            if claim is None or claim.kind != "claims" or not claim.schema_ok:
                continue
            for quantity in claim.data.get("quantities", []):
                figures.setdefault(quantity["measure"], []).append((quantity["value"], quantity["qualifier"]))
        if any(contradictions.strictly_compatible(values) for values in figures.values()):
            yield (
                story,
                ("questions", index, "question"),
                "the figures of these claims are strictly compatible; add why_competing saying why they are shown as competing",
            )


# A quoted phrase: an opening quote at the start or after a space or bracket, a closing one before the end,
# a space or punctuation (so the apostrophes of "Iran's" and "sources'" open nothing).
_QUOTED = re.compile(r"""(?:^|(?<=[\s(\[]))['"‘“]([^\s'"‘’“”][^'"‘’“”]*?)['"’”](?=$|[\s.,;:!?)\]])""")
# Who a clause attributes to: "X said", "X told …", "X reports", "according to X".
_SAID = re.compile(r"\b(?:said|says|told|tells|reported|reports|stated|states)\b")
_ACCORDING = re.compile(r"\baccording to ([^,;:.]+)", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:.()]|\b(?:that|and|while|but)\b")
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
CONDITIONS = ("provided", "if", "unless", "while")  # words that limit what a statement says


def _rested_on(ds: Dataset, sentence: dict[str, Any]) -> list[RecordFile]:
    """The valid events and claims a lead sentence rests on (unknown ones are reported by check_story_references)."""
    found = (ds.by_id.get(rid) for rid in sentence["rests_on"])
    return [r for r in found if r is not None and r.kind in LEAD_KINDS and r.schema_ok]


def _excerpts(records: list[RecordFile]) -> list[str]:
    return [normalise(c["excerpt"]) for r in records for c in r.data.get("citations", [])]


def attributed(text: str) -> list[str]:
    """Who the clauses of a sentence attribute words to: the few words before "said", "told", "reports"…
    in their clause, and the words after "according to"."""
    found = [m.group(1).strip() for m in _ACCORDING.finditer(text)]
    for match in _SAID.finditer(text):
        clause = _CLAUSE.split(text[: match.start()])[-1].split()
        if clause:
            found.append(" ".join(clause[-6:]))
    return found


def _words(name: str) -> list[str]:
    return _DETERMINER.sub("", " ".join(name.split())).casefold().split()


def _names(actor: RecordFile) -> list[str]:
    return [n for n in (actor.data.get("name"), actor.data.get("described_as"), *actor.data.get("aliases", [])) if isinstance(n, str)]


def named_actor(subject: str, actors: list[RecordFile]) -> RecordFile | None:
    """The actor a subject names, or None: one of its names (name, described_as, aliases) in the subject, or the
    subject the first words of a name ("two sources") or a surname ("Pezeshkian"); of several, the one named
    last, nearest the verb ("Iran's President Masoud Pezeshkian" is Pezeshkian, not Iran)."""
    said = _words(subject)
    best: tuple[int, int, RecordFile] | None = None
    for actor in actors:
        for name in _names(actor):
            words = _words(name)
            if not words or not said:
                continue
            ends = [i + len(words) for i in range(len(said) - len(words) + 1) if [w.removesuffix("'s") for w in said[i : i + len(words)]] == words]
            if not ends and ((said == words[: len(said)] and len(said) > 1) or said == words[-1:]):
                ends = [len(said)]
            if ends and (best is None or (ends[-1], len(words)) > best[:2]):
                best = (ends[-1], len(words), actor)
    return best[2] if best else None


@dataset_rule
def check_lead_quotes(ds: Dataset) -> Iterator[DatasetFinding]:
    """Every phrase the lead quotes (data/story.yaml) is found word for word in an excerpt of a record its sentence rests on."""
    story = _document(ds, "story")
    if story is None:
        return
    for index, sentence in enumerate(story.data["lead"]):
        excerpts = _excerpts(_rested_on(ds, sentence))
        for match in _QUOTED.finditer(sentence["text"]):
            phrase = normalise(match.group(1)).rstrip(".,;:!?")
            if not any(phrase in excerpt for excerpt in excerpts):
                yield (
                    story,
                    ("lead", index, "text"),
                    f"lead sentence {index + 1} quotes {phrase!r}, which no excerpt of the records it rests on contains; "
                    "quote the excerpt's words exactly, or rest the sentence on the record that has them",
                )


@dataset_rule
def check_lead_attributions(ds: Dataset) -> Iterator[DatasetFinding]:
    """A lead sentence that attributes words to an actor ("X said", "X told", "X reports", "according to X") rests on a claim whose claimants include that actor."""
    story = _document(ds, "story")
    if story is None:
        return
    actors = [a for a in ds.of_kind("actors") if a.schema_ok]
    for index, sentence in enumerate(story.data["lead"]):
        claimants = {c for r in _rested_on(ds, sentence) if r.kind == "claims" for c in r.data["claimants"]}
        for subject in attributed(sentence["text"]):
            actor = named_actor(subject, actors)
            if actor is not None and actor.id not in claimants:
                yield (
                    story,
                    ("lead", index, "text"),
                    f"lead sentence {index + 1} attributes words to {actor.data['name']} ({subject!r}), but rests on no claim of theirs; "
                    f"add to rests_on a claim whose claimants include {actor.id!r}, or attribute the words to whoever the records say said them",
                )


@dataset_rule
def check_lead_conditions(ds: Dataset) -> Iterator[DatasetFinding]:
    """A warning: a lead sentence keeps the conditions of the excerpts it rests on; when an excerpt says "provided", "if", "unless" or "while" and the sentence does not, an editor checks that no condition was dropped."""
    story = _document(ds, "story")
    if story is None:
        return
    for index, sentence in enumerate(story.data["lead"]):
        said = set(re.findall(r"\w+", sentence["text"].casefold()))
        for excerpt in dict.fromkeys(_excerpts(_rested_on(ds, sentence))):
            words = set(re.findall(r"\w+", excerpt.casefold()))
            for condition in CONDITIONS:
                if condition in words and condition not in said:
                    yield (
                        story,
                        ("lead", index, "text"),
                        Caution(
                            f"lead sentence {index + 1} leaves out {condition!r}, which an excerpt it rests on says ({excerpt!r}); "
                            "keep the condition, or check that leaving it out does not change what the sentence says"
                        ),
                    )
