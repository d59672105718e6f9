"""The validation pipeline: discover → load → schema → cross-record rules → result."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.check import (
    rulebook,
    rules,  # noqa: F401  (importing it registers every rule)
    schemas,
)
from tracker.check import translations as check_translations
from tracker.core import filecache, kinds
from tracker.load import dataset as ds_mod
from tracker.load import translations, yaml_emit
from tracker.load.dataset import Caution, Dataset, Hint, Problem, RecordFile, Snippet


@dataclass(slots=True)
class Result:
    dataset: Dataset
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # printed apart; they never make the data invalid
    translations: check_translations.Outcome = field(default_factory=check_translations.Outcome)  # what is translated

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        return {kind: len(self.dataset.of_kind(kind)) for kind in kinds.FOLDERS}


def snippet_text(snippet: Snippet) -> str:
    """The YAML of a message's snippet, as `make fmt` writes it, from the key the contributor adds on."""
    data = snippet.value
    for step in reversed(snippet.path):
        data = [data] if isinstance(step, int) else {step: data}
    assert isinstance(data, dict) and all(isinstance(step, str) for step in snippet.path[: snippet.shown_from]), snippet
    lines = yaml_emit.snippet_lines(data, snippet.schema)
    return "\n".join(lines[snippet.shown_from :])  # each key above the value it holds is one line


def problem(record: RecordFile, path: tuple[Any, ...], message: str, *, key: bool = False) -> Problem:
    """The problem at a path of a record, with the YAML to paste when the message comes with some."""
    found = record.problem(path, str(message), key=key)
    if isinstance(message, Caution):
        return dataclasses.replace(found, warning=True)
    return dataclasses.replace(found, snippet=snippet_text(message.snippet)) if isinstance(message, Hint) else found


def check_schemas(dataset: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    for record in [*dataset.files, *dataset.documents.values()]:
        if record.doc is None:
            continue
        found = [problem(record, path, message, key=at_key) for path, message, at_key in schemas.check(record.kind, record.data)]
        record.schema_ok = not found
        problems.extend(found)
    return problems


def check_rules(dataset: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    by_kind = {kind: rulebook.rules_for(kind) for kind in kinds.FOLDERS}
    for record in dataset.files:
        if not record.schema_ok:
            continue
        for rule in by_kind[record.kind]:
            problems.extend(problem(record, path, message) for path, message in rule(record, dataset))
    for dataset_rule in rulebook.DATASET_RULES:
        problems.extend(problem(record, path, message) for record, path, message in dataset_rule.check(dataset))
    return problems


def validate(root: Path, only: list[Path] | None = None, *, cache: bool = False) -> Result:
    """Check every file under ``root``; with ``only``, report just the problems of those files.

    References are always resolved against the whole data directory, so a
    changed file that points at a record in an unchanged one is still checked.
    """
    filecache.forget()  # schemas and archived texts as they are now (`make serve` stays running)
    dataset, problems = ds_mod.discover(root)
    problems += ds_mod.load(dataset, cache=cache)
    problems += check_schemas(dataset)
    problems += check_rules(dataset)
    translated, found = translations.discover(root)
    problems += found + translations.load(translated)
    outcome = check_translations.check(dataset, translated)
    problems += outcome.problems
    warnings = outcome.warnings
    if only is not None:
        wanted = {ds_mod.display_path(p) for p in only}
        problems = [p for p in problems if p.path in wanted]
        warnings = [w for w in warnings if w.path in wanted]
    problems.sort(key=lambda p: (p.path, p.line, p.col, p.message))
    warnings.sort(key=lambda p: (p.path, p.line, p.col, p.message))
    return Result(dataset, [p for p in problems if not p.warning], [p for p in problems if p.warning] + warnings, outcome)
