"""Finding and loading the record files of a data directory.

Every entry under data/ is either a record that is loaded or a reported
problem: files of another extension, unknown folders, symlinks and hidden
files are errors, never silently skipped.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.core.kinds import FOLDERS as KINDS
from tracker.load.loader import Document, LoadFailed, keep_cached, load_file, load_file_cached

REPO_ROOT = Path(__file__).resolve().parents[3]
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 100  # as schema/common.schema.json#/$defs/id
RESERVED_IDS = frozenset({"index"})  # events/index.md is the events index page
# Files beside the kind folders: not records, but checked like them (schema/<name>.schema.json).
DOCUMENT_FILES = {"story.yaml": "story", "vocabulary.yaml": "vocabulary"}
# Folders of translations beside them (tracker.load.translations reads them): not records.
LANGUAGES = {"fa": "Persian"}


@dataclass(frozen=True, slots=True)
class Problem:
    path: str  # as shown to the user: relative to the repository root where possible
    line: int
    col: int
    message: str
    snippet: str = ""  # YAML to paste, printed below the message exactly as it is to be written
    warning: bool = False  # printed and reported apart, never fails the run (a Caution)

    def __str__(self) -> str:
        level = "warning: " if self.warning else ""
        head = f"{printable(self.path)}:{self.line}:{self.col}: {level}{printable(self.message)}"
        return "\n".join([head, *map(printable, self.snippet.splitlines())])


@dataclass(frozen=True, slots=True)
class Snippet:
    """The YAML a message suggests, as values: ``value`` at ``path`` (keys and list indexes) of a file
    checked by schema/<schema>.schema.json. It is printed as `make fmt` would write it, from the key
    at ``path[shown_from]`` on: the keys above it are already in the file."""

    schema: str
    path: tuple[Any, ...]
    value: object
    shown_from: int = 0


class Hint(str):
    """A rule's message that comes with YAML to paste (its ``snippet``); the validator prints both."""

    snippet: Snippet

    def __new__(cls, message: str, snippet: Snippet) -> Hint:
        hint = super().__new__(cls, message)
        hint.snippet = snippet
        return hint


class Caution(str):
    """A rule's message that warns: what an editor should look at, which may be right as it is (a
    condition a sentence leaves out on purpose, a translation older than its original). The validator
    prints it apart from the problems, and it never fails the run."""


def printable(text: str) -> str:
    """Text safe for one terminal line: control, invisible and bidi characters escaped as repr does."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


@dataclass(slots=True)
class RecordFile:
    kind: str
    id: str
    path: Path
    display: str  # for messages: relative to the repository (or working directory) when inside it
    published_path: str = ""  # shown on the site: as `display` inside the repository, else <data dir name>/<kind>/<file>
    doc: Document | None = None
    schema_ok: bool = False

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data if self.doc else {}

    def problem(self, path: tuple[Any, ...] = (), message: str = "", *, key: bool = False) -> Problem:
        line, col = self.doc.position(path, key=key) if self.doc else (1, 1)
        return Problem(self.display, line, col, message)


@dataclass(slots=True)
class Dataset:
    root: Path
    files: list[RecordFile] = field(default_factory=list)
    by_id: dict[str, RecordFile] = field(default_factory=dict)
    documents: dict[str, RecordFile] = field(default_factory=dict)  # "story", "vocabulary": present ones only

    def of_kind(self, kind: str) -> list[RecordFile]:
        return [f for f in self.files if f.kind == kind]


def display_path(path: Path) -> str:
    """The path relative to the repository root (or the working directory) when inside it."""
    absolute = Path(os.path.abspath(path))
    for base in (REPO_ROOT, Path.cwd()):
        try:
            return absolute.relative_to(base).as_posix()
        except ValueError:
            continue
    return absolute.as_posix()


def published_path(root: Path, kind: str, name: str) -> str:
    """Where a record file is, as the site shows it: never an absolute path of the build machine."""
    absolute = Path(os.path.abspath(root))
    try:
        return f"{absolute.relative_to(REPO_ROOT).as_posix()}/{kind}/{name}"
    except ValueError:
        return f"{absolute.name}/{kind}/{name}"


def _is_symlink(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def _not_a_record(item: os.DirEntry[str], folder: str) -> str | None:
    """Why an entry of a kind's folder is not a record file, or None when it is one (<id>.yaml)."""
    stem = item.name.removesuffix(".yaml")
    if item.is_symlink():
        return "symlinks are not allowed under the data directory"
    if item.is_dir():
        return f"unexpected folder; {folder}/ holds only <id>.yaml files"
    if not item.is_file():
        return "not a regular file"
    if not item.name.endswith(".yaml"):
        return "unexpected file; records are <id>.yaml files (extension .yaml)"
    if stem in RESERVED_IDS:
        return f"{stem!r} is reserved for the site's own pages; choose another id"
    if not ID_PATTERN.fullmatch(stem):
        return f"file name {stem!r} is not a valid id: use lowercase letters a-z, digits 0-9 and single hyphens"
    if len(stem) > MAX_ID_LENGTH:
        return f"file name {stem!r} is too long: an id has at most {MAX_ID_LENGTH} characters"
    return None


def _not_a_folder(entry: os.DirEntry[str]) -> str | None:
    """Why an entry of the data directory is neither a kind's folder nor a document, or None."""
    if entry.is_symlink():
        return "symlinks are not allowed under the data directory"
    if not entry.is_dir():
        return f"unexpected file; records go in one of the folders {', '.join(KINDS)}"
    if entry.name not in KINDS:
        return f"unknown folder; the data directory holds only {', '.join(KINDS)}"
    return None


def discover(root: Path) -> tuple[Dataset, list[Problem]]:
    """List the record files under ``root``; everything else there is a problem."""
    dataset = Dataset(root)
    problems: list[Problem] = []
    if _is_symlink(root):
        return dataset, [Problem(display_path(root), 1, 1, "the data directory is a symlink")]
    if not root.is_dir():
        return dataset, [Problem(display_path(root), 1, 1, "data directory not found")]
    seen_ids: dict[str, RecordFile] = {}
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        path = Path(entry.path)
        shown = display_path(path)
        if entry.name in DOCUMENT_FILES and entry.is_file() and not entry.is_symlink():
            name = DOCUMENT_FILES[entry.name]
            dataset.documents[name] = RecordFile(name, name, path, shown, published_path(root, "", entry.name).replace("//", "/", 1))
            continue
        if entry.name in LANGUAGES and entry.is_dir() and not entry.is_symlink():
            continue  # translations: tracker.load.translations reads them
        wrong = _not_a_folder(entry)
        if wrong:
            problems.append(Problem(shown, 1, 1, wrong))
            continue
        shown_dir = display_path(path)  # computed once per folder, not per file
        published_dir = published_path(root, entry.name, "")
        for item in sorted(os.scandir(path), key=lambda e: e.name):
            item_shown = f"{shown_dir}/{item.name}"
            wrong = _not_a_record(item, entry.name)
            stem = item.name.removesuffix(".yaml")
            if wrong is None and stem in seen_ids:
                wrong = f"id {stem!r} is also used by {seen_ids[stem].display}; ids must be unique across kinds"
            if wrong:
                problems.append(Problem(item_shown, 1, 1, wrong))
                continue
            seen_ids[stem] = RecordFile(entry.name, stem, Path(item.path), item_shown, published_dir + item.name)
            dataset.files.append(seen_ids[stem])
    dataset.by_id = seen_ids
    return dataset, problems


def load(dataset: Dataset, *, cache: bool = False) -> list[Problem]:
    """Load every record file; return the load problems. ``cache`` reuses unchanged files (live preview)."""
    read = load_file_cached if cache else load_file
    problems: list[Problem] = []
    # Loading makes millions of small objects and no cycles: the cyclic garbage collector
    # would only rescan them (about a tenth of the time), so it is paused meanwhile; and they
    # are frozen after, so that a full collection during the rules (which the checks' own
    # objects can set off) does not scan them all again (half a second at 10,000 records).
    # Freezing does not keep them alive: without cycles, they are freed as soon as unused.
    gc.disable()
    try:
        for record in [*dataset.files, *dataset.documents.values()]:
            try:
                record.doc = read(record.path)
            except LoadFailed as failure:
                problems.extend(Problem(record.display, p.line, p.col, p.message) for p in failure.problems)
    finally:
        gc.freeze()
        gc.enable()
    if cache:
        keep_cached({str(record.path) for record in [*dataset.files, *dataset.documents.values()]})
    return problems
