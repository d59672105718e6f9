"""Checking translations like data: their schema, that each translates a field that exists, and
which are stale or missing.

Problems (exit 1, nothing built): a file its schema rejects; a translation of a record that does
not exist; a translation of a field the record does not have. Warnings (printed, exit code
unchanged): a translation whose English has changed since (stale) and a field with no translation
(missing): the English is shown meanwhile, with a note.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import jsonschema_rs

from tracker.check import vocab
from tracker.check.rulebook import did_you_mean
from tracker.core import kinds
from tracker.core.filecache import per_run
from tracker.load import translations as tr
from tracker.load.dataset import LANGUAGES, Dataset, Problem, display_path
from tracker.load.translations import FieldPath, TranslationFile

TRANSLATED, STALE, MISSING = "translated", "stale", "missing"
LISTED = 6  # a warning names at most this many missing fields, then counts them
STAMP = "run `make translations FILES={path}`"


@dataclass(frozen=True, slots=True)
class FieldStatus:
    """One translatable field of one record or document, in one language."""

    language: str
    target: str  # "claims", "story", "scales"…
    id: str
    field: str  # "assessment.rationale", "lead[0].text"
    status: str  # TRANSLATED, STALE or MISSING


@dataclass(slots=True)
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    fields: list[FieldStatus] = field(default_factory=list)


@per_run
def _validator(stem: str) -> jsonschema_rs.Draft202012Validator:
    docs = tr.schemas()
    registry = jsonschema_rs.Registry([(doc["$id"], doc) for doc in docs.values()])
    return jsonschema_rs.Draft202012Validator(docs[stem], registry=registry, offline=True)


def _schema_messages(stem: str, data: object, shown: str) -> Iterator[tuple[FieldPath, str, bool]]:
    for error in _validator(stem).iter_errors(data):
        kind: Any = error.kind  # one class per keyword, each with its own attributes
        path, name = tuple(error.instance_path), type(kind).__name__
        if name == "AdditionalProperties":
            for key in kind.unexpected:
                known = _known(stem, path)
                hint = did_you_mean(key, known) or (f"; the fields here are {', '.join(known)}" if known else "")
                yield (*path, key), f"{key!r} is not a field that can be translated here{hint}", True
        elif name == "Required" and kind.property == "translates":
            yield path, f"this translation does not say which English it translates: {STAMP.format(path=shown)} once it says what the English says", False
        elif name == "Required":
            yield path, f"missing required field {kind.property!r}", False
        elif name == "Pattern" and path[-1:] == ("translates",):
            yield path, f"not a hash written by the helper: {STAMP.format(path=shown)} once the translation says what the English says", False
        elif name == "Pattern" and path[-1:] == ("translation",):
            yield path, "a translation does not start or end with a space or a line break", False
        else:
            yield path, error.message, False


def _known(stem: str, path: FieldPath) -> list[str]:
    node: object = tr.inlined(stem)
    for step in path:
        if not isinstance(node, dict):
            return []
        node = node.get("items") if isinstance(step, int) else node.get("properties", {}).get(step, node.get("additionalProperties"))
    return list(node.get("properties", {})) if isinstance(node, dict) else []


def english_of(dataset: Dataset, target: str, id_: str) -> object | None:
    """The English a translation file translates: a record's data, a document's, or the scales' words."""
    if target == "scales":
        return {scale: {o["const"]: {"title": o["title"], "description": o["description"]} for o in options} for scale, options in vocab.scales().items()}
    if target in tr.DOCUMENTS:
        document = dataset.documents.get(target)
        return document.data if document and document.doc else None
    record = dataset.by_id.get(id_)
    return record.data if record and record.kind == target and record.doc else None


def value_at(data: Any, path: FieldPath) -> object:  # Any: loaded data of any shape, a wrong step is caught
    """The value at a path of loaded data, None where there is none."""
    for step in path:
        index = isinstance(step, int) and isinstance(data, list) and 0 <= step < len(data)
        if not (index or (isinstance(step, str) and isinstance(data, dict) and step in data)):
            return None  # a key into a list, an index into a map, a step into a text, or nothing there
        data = data[step]
    return data


def _what(target: str) -> str:
    if target in tr.DOCUMENTS:
        return f"data/{target}.yaml" if target != "scales" else "the scales of schema/"
    return f"the {kinds.get(target).singular}"


def check_file(dataset: Dataset, translation: TranslationFile, outcome: Outcome) -> None:
    """A translation only of fields that exist, each of the English it says; the fields left are missing."""
    record, target = translation.file, translation.target
    stem = tr.schema_stem(target)
    found = [record.problem(path, message, key=at_key) for path, message, at_key in _schema_messages(stem, record.data, record.display)]
    outcome.problems.extend(found)
    if found:
        return
    english = english_of(dataset, target, translation.id)
    if english is None:
        original = dataset.documents.get(target) if target in tr.DOCUMENTS else dataset.by_id.get(translation.id)
        if original is not None and original.kind == target:
            return  # there, but it did not load: its own problem says why
        name = f"data/{target}.yaml" if target in tr.DOCUMENTS else f"record data/{target}/{translation.id}.yaml"
        outcome.problems.append(Problem(record.display, 1, 1, f"no {name} to translate; name the file after what it translates"))
        return
    done: dict[FieldPath, dict[str, Any]] = {}
    for path, leaf in tr.leaves(record.data):
        text = value_at(english, path)
        if not isinstance(text, str):
            outcome.problems.append(record.problem(path, f"{_what(target)} has no {tr.field_name(path)} to translate; remove this translation", key=True))
            continue
        done[path] = leaf
    for path, text in tr.translatable(english, tr.inlined(stem)):
        found_leaf = done.get(path)
        status = MISSING if found_leaf is None else (TRANSLATED if found_leaf["translates"] == tr.english_hash(text) else STALE)
        outcome.fields.append(FieldStatus(translation.language, target, translation.id, tr.field_name(path), status))
        if status == STALE:
            message = (
                f"stale {dataset_language(translation)} translation: the English of {tr.field_name(path)} has changed since it was translated;"
                f" update the translation, then {STAMP.format(path=record.display)}"
            )
            outcome.warnings.append(dataclasses.replace(record.problem((*path, "translates"), message), warning=True))


def dataset_language(translation: TranslationFile) -> str:
    return LANGUAGES[translation.language]


def _untranslated(dataset: Dataset, files: list[TranslationFile], outcome: Outcome) -> None:
    """The records and documents with no translation file at all: every field of them is missing
    (in the languages the data has an edition in: a data directory without data/fa/ has no Persian)."""
    have = {(t.language, t.target, t.id) for t in files}
    for language in tr.editions(dataset.root):
        for record in dataset.files:
            if record.schema_ok and (language, record.kind, record.id) not in have:
                _all_missing(language, record.kind, record.id, record.data, outcome)
        for name in tr.DOCUMENTS:
            english = english_of(dataset, name, name)
            if english is not None and (language, name, name) not in have:
                _all_missing(language, name, name, english, outcome)


def _all_missing(language: str, target: str, id_: str, english: object, outcome: Outcome) -> None:
    for path, _ in tr.translatable(english, tr.inlined(tr.schema_stem(target))):
        outcome.fields.append(FieldStatus(language, target, id_, tr.field_name(path), MISSING))


def _missing_warnings(dataset: Dataset, outcome: Outcome) -> None:
    """One warning per record or document with fields not translated, at its English file."""
    by_record: dict[tuple[str, str, str], list[str]] = {}
    for status in outcome.fields:
        if status.status == MISSING:
            by_record.setdefault((status.language, status.target, status.id), []).append(status.field)
    for (language, target, id_), names in by_record.items():
        if target in tr.DOCUMENTS:
            translation = dataset.root / language / f"{target}.yaml"
            shown = dataset.documents[target].display if target in dataset.documents else display_path(translation)
        else:
            translation = dataset.root / language / target / f"{id_}.yaml"
            shown = dataset.by_id[id_].display
        listed = ", ".join(names) if len(names) <= LISTED else f"{len(names)} fields ({', '.join(names[:LISTED])}…)"
        message = f"no {LANGUAGES[language]} translation of {listed} (add it in {display_path(translation)})"
        outcome.warnings.append(Problem(shown, 1, 1, message, warning=True))


def check(dataset: Dataset, files: list[TranslationFile]) -> Outcome:
    """Every translation file checked; the status of every translatable field of the data."""
    outcome = Outcome()
    for translation in files:
        if translation.file.doc is not None:
            check_file(dataset, translation, outcome)
    _untranslated(dataset, files, outcome)
    _missing_warnings(dataset, outcome)
    outcome.warnings.sort(key=lambda p: (p.path, p.line, p.col, p.message))
    return outcome
