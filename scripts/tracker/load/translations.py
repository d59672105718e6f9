"""Translations of the reader text: the files under data/<language>/, read strictly like records.

A translation is not a record: it lives in a parallel file, ``data/fa/claims/<id>.yaml`` beside
``data/claims/<id>.yaml`` (and ``data/fa/story.yaml``, ``data/fa/vocabulary.yaml``,
``data/fa/scales.yaml`` for the story, the vocabulary and the scales' words in schema/). Why
parallel files and not a block inside each record: a translator's pull request touches only
translation files, never a record, so it cannot change what a record says, and it does not
count as a change of the record in its published history (which reads only ``<kind>/<id>.yaml``);
the conservation of records is untouched (the exports never see these files); and each file has a
small schema of its own (schema/translations/), so `make fmt` writes it canonically and the
validator says which fields may be translated.

Each translated field is ``{translation: <Persian>, translates: <hash of the English>}``: `english_hash`
is the short hash written by `make translations FILES=<file>`; when the English changes the hash no
longer matches and the translation is stale.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.core import kinds
from tracker.core.filecache import per_run
from tracker.load.dataset import ID_PATTERN, LANGUAGES, Problem, RecordFile, display_path
from tracker.load.loader import ZWNJ, LoadFailed, load_file
from tracker.load.schema_files import SCHEMA_DIR
from tracker.load.yaml_emit import format_with_schema

TRANSLATION_SCHEMA_DIR = SCHEMA_DIR / "translations"
DOCUMENTS = ("story", "vocabulary", "scales")  # data/fa/<name>.yaml; "scales": the words of schema/'s scales
HASH_LENGTH = 10
LEAF = ("translation", "translates")  # a translated field; no record field is named so

FieldPath = tuple[str | int, ...]


def english_hash(english: str) -> str:
    """The short hash of an English field that a translation records (sha256, first 10 hex digits)."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(slots=True)
class TranslationFile:
    language: str  # "fa"
    target: str  # a kind's folder ("claims") or a document ("story", "vocabulary", "scales")
    file: RecordFile  # its kind is the schema's stem in schema/translations/ ("claim", "story")

    @property
    def id(self) -> str:
        return self.file.id


@per_run
def schemas() -> dict[str, dict[str, Any]]:
    """The translation schemas, by stem, as written."""
    return {p.name.removesuffix(".schema.json"): json.loads(p.read_text("utf-8")) for p in sorted(TRANSLATION_SCHEMA_DIR.glob("*.schema.json"))}


def _inline(node: object, docs: dict[str, dict[str, Any]], doc: str) -> object:
    """A schema with its `$ref`s (to common.schema.json or its own $defs) written out."""
    if isinstance(node, list):
        return [_inline(item, docs, doc) for item in node]
    if not isinstance(node, dict):
        return node
    own = {key: _inline(value, docs, doc) for key, value in node.items() if key != "$ref"}
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return own
    file_part, _, pointer = ref.partition("#")
    target_doc = file_part.removesuffix(".schema.json") or doc
    target: object = docs[target_doc]
    for step in pointer.strip("/").split("/") if pointer.strip("/") else []:
        assert isinstance(target, dict)
        target = target[step]
    inlined = _inline(target, docs, target_doc)
    assert isinstance(inlined, dict)
    return {**inlined, **own}


@per_run
def inlined(stem: str) -> dict[str, Any]:
    """The translation schema of `stem` with every reference written out (for the writer and the field list)."""
    found = _inline(schemas()[stem], schemas(), stem)
    assert isinstance(found, dict)
    return found


def schema_stem(target: str) -> str:
    return target if target in DOCUMENTS else kinds.get(target).singular


def modeline(target: str) -> str:
    up = "../../" if target in DOCUMENTS else "../../../"
    return f"# yaml-language-server: $schema={up}schema/translations/{schema_stem(target)}.schema.json"


def is_leaf(node: object) -> bool:
    return isinstance(node, dict) and LEAF[0] in node


def leaves(data: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, dict[str, Any]]]:
    """Every translated field of a translation file: its path (as in the English record) and its value."""
    if is_leaf(data):
        assert isinstance(data, dict)
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key != "by":
                yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, (*path, index))


def translatable(english: object, schema: dict[str, Any], path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every field of an English record (or document) that its translation schema lets one translate."""
    if set(schema.get("properties", {})) >= set(LEAF) and schema.get("required") == list(LEAF):
        if isinstance(english, str):
            yield path, english
        return
    if isinstance(english, dict):
        props, extra = schema.get("properties", {}), schema.get("additionalProperties")
        for key, value in english.items():
            sub = props.get(key, extra if isinstance(extra, dict) else None)
            if isinstance(sub, dict) and key != "by":
                yield from translatable(value, sub, (*path, key))
    elif isinstance(english, list) and isinstance(schema.get("items"), dict):
        for index, value in enumerate(english):
            yield from translatable(value, schema["items"], (*path, index))


def field_name(path: FieldPath) -> str:
    """A field's path as a contributor reads it: "assessment.rationale", "lead[2].text"."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def editions(root: Path) -> list[str]:
    """The languages the data is translated into: those with a folder data/<language>/. Without one
    there is no edition in that language, so nothing in it is missing."""
    return [language for language in LANGUAGES if (root / language).is_dir() and not (root / language).is_symlink()]


def discover(root: Path) -> tuple[list[TranslationFile], list[Problem]]:
    """The translation files under data/<language>/; anything else there is a problem."""
    found: list[TranslationFile] = []
    problems: list[Problem] = []
    for language in LANGUAGES:
        base = root / language
        if not base.is_dir() or base.is_symlink():
            continue  # none, or not a folder: the data directory's own listing reports that
        for entry in sorted(os.scandir(base), key=lambda e: e.name):
            path, shown = Path(entry.path), display_path(Path(entry.path))
            if entry.is_symlink():
                problems.append(Problem(shown, 1, 1, "symlinks are not allowed under the data directory"))
            elif entry.is_file() and entry.name.removesuffix(".yaml") in DOCUMENTS and entry.name.endswith(".yaml"):
                name = entry.name.removesuffix(".yaml")
                found.append(TranslationFile(language, name, RecordFile(name, name, path, shown, f"data/{language}/{entry.name}")))
            elif entry.is_dir() and entry.name in kinds.FOLDERS:
                found.extend(_kind_folder(language, entry.name, path, problems))
            else:
                wanted = ", ".join([*kinds.FOLDERS, *(f"{d}.yaml" for d in DOCUMENTS)])
                problems.append(Problem(shown, 1, 1, f"unexpected entry; data/{language}/ holds only {wanted}"))
    return found, problems


def _kind_folder(language: str, folder: str, path: Path, problems: list[Problem]) -> Iterator[TranslationFile]:
    singular = kinds.get(folder).singular
    for item in sorted(os.scandir(path), key=lambda e: e.name):
        shown = display_path(Path(item.path))
        stem = item.name.removesuffix(".yaml")
        if item.is_symlink() or not item.is_file() or not item.name.endswith(".yaml") or not ID_PATTERN.fullmatch(stem):
            problems.append(Problem(shown, 1, 1, f"unexpected entry; data/{language}/{folder}/ holds only <id>.yaml files, one per record of data/{folder}/"))
            continue
        yield TranslationFile(language, folder, RecordFile(singular, stem, Path(item.path), shown, f"data/{language}/{folder}/{item.name}"))


def load(files: list[TranslationFile]) -> list[Problem]:
    """Read every translation file strictly (a ZWNJ allowed: Persian spelling needs it)."""
    problems: list[Problem] = []
    for translation in files:
        try:
            translation.file.doc = load_file(translation.file.path, allow=ZWNJ)
        except LoadFailed as failure:
            problems.extend(Problem(translation.file.display, p.line, p.col, p.message) for p in failure.problems)
    return problems


def target_of(path: Path) -> str | None:
    """What a file under data/<language>/ translates ("claims", "story"…), from where it is; None for any other file."""
    if path.parent.name in kinds.FOLDERS and path.parent.parent.name in LANGUAGES:
        return path.parent.name
    if path.parent.name in LANGUAGES and path.name.removesuffix(".yaml") in DOCUMENTS:
        return path.name.removesuffix(".yaml")
    return None


def files_of(root: Path) -> list[Path]:
    """Every translation file of a data directory, in a stable order (for `make fmt`)."""
    found, _ = discover(root)
    return [t.file.path for t in found]


def format_translation(text: str, target: str) -> str:
    """The canonical text of a translation file: keys in the order of its schema, as `make fmt` writes records."""
    return format_with_schema(text, inlined(schema_stem(target)), modeline(target), ZWNJ)
