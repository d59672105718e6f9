"""Canonical formatting of data files: `python scripts/fmt.py [--check] [--data DIR] [FILE ...]`.

Rewrites record files in one canonical style without changing any value or
losing any comment; with --check, changes nothing, prints a unified diff per
file that is not canonical and exits 1. A file the strict loader rejects is
reported as `path:line:col: message` (exit 1) and left alone.

The canonical style (documented in CONTRIBUTING.md):

- line 1 is the editor modeline `# yaml-language-server: $schema=../../schema/<kind>.schema.json`;
- keys in the order of the schema's `properties`, at every level (unknown keys
  last, in their original order); two-space indentation; lists in block style
  with the dash indented two spaces under their key; no blank lines;
- identifiers (ids, tags, enumerated values such as `status`, the language tag)
  are written plain when they are slugs; every other string, dates included, is
  double-quoted; numbers stay as written; null, true and false are spelled so;
- no line-width limit: a value is never wrapped, so a change to it is a one-line
  diff. Text with line breaks is a literal block (`|`), when that reads back
  exactly, else a double-quoted string with `\\n` escapes;
- a comment on its own line belongs to the key or list item below it and moves
  with it; a comment indented deeper than the next key stays at the end of the
  block above it; a comment at the end of a line stays at the end of that line.

ruamel.yaml's round-trip mode was not used: it attaches a comment to the key
*before* it, so reordering keys moves comments onto the wrong field, and its
quoting follows each scalar's original style rather than the field's type. The
emitter here is small, and every file it writes is read back with the strict
loader and compared value for value before it is written.
"""

from __future__ import annotations

import argparse
import difflib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from tracker.cli import exit_with
from tracker.core import kinds
from tracker.load import translations
from tracker.load.dataset import display_path
from tracker.load.loader import ZWNJ, LoadFailed, LoadProblem, decode
from tracker.load.yaml_emit import format_text, modeline_kind
from tracker.load.yaml_tree import FormatError


def kind_of(path: Path, text: str) -> str:
    """A record's kind from its folder (data/<kind>/), else from its modeline."""
    if path.parent.name in kinds.FOLDERS:
        return path.parent.name
    first = text.split("\n", 1)[0]
    singular = modeline_kind(first)
    if singular:
        return kinds.by_singular(singular).folder
    raise FormatError(1, 1, f"cannot tell the kind of record: put the file in a folder named {', '.join(kinds.FOLDERS)}")


def record_files(data: Path) -> list[Path]:
    """Every <id>.yaml under the kind folders of a data directory, then the translations, in a stable order."""
    records = [p for kind in kinds.FOLDERS for p in sorted((data / kind).glob("*.yaml")) if p.is_file() and not p.is_symlink()]
    return records + translations.files_of(data)


@dataclass
class Outcome:
    """What formatting one file gave: its text before and after, or its problems."""

    path: Path
    original: str = ""
    formatted: str = ""
    problems: list[LoadProblem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether formatting would rewrite the file."""
        return not self.problems and self.original != self.formatted


def format_file(path: Path) -> Outcome:
    """Read and format one file, collecting its problems instead of raising."""
    outcome = Outcome(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        outcome.problems = [LoadProblem(1, 1, f"cannot read file: {exc.strerror}")]
        return outcome
    target = translations.target_of(path)
    try:
        outcome.original = decode(raw, ZWNJ if target else "")
        if target:
            outcome.formatted = translations.format_translation(outcome.original, target)
        else:
            outcome.formatted = format_text(outcome.original, kind_of(path, outcome.original))
    except LoadFailed as failure:
        outcome.problems = failure.problems
    except FormatError as error:
        outcome.problems = [LoadProblem(error.line, error.col, error.message)]
    return outcome


def unified_diff(outcome: Outcome, shown: str) -> str:
    """The change formatting would make, as a unified diff."""
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True), outcome.formatted.splitlines(keepends=True), fromfile=shown, tofile=f"{shown} (canonical)"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def write_atomically(path: Path, text: str) -> None:
    """Replace a file's content in one step, keeping its permissions."""
    mode = path.stat().st_mode & 0o7777
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@dataclass
class Tally:
    """Counts for the closing line."""

    files: int = 0
    unreadable: int = 0
    not_canonical: int = 0
    rewritten: int = 0


def run(paths: list[Path], check: bool, tally: Tally) -> Iterator[str]:
    """Format (or check) each path; yield what to print and count what happened."""
    for path in paths:
        tally.files += 1
        outcome = format_file(path)
        shown = display_path(path)
        if outcome.problems:
            tally.unreadable += 1
            for problem in outcome.problems:
                yield f"{shown}:{problem.line}:{problem.col}: {problem.message}"
        elif outcome.changed and check:
            tally.not_canonical += 1
            yield unified_diff(outcome, shown).rstrip("\n")
        elif outcome.changed:
            write_atomically(path, outcome.formatted)
            tally.rewritten += 1
            yield f"formatted {shown}"


def summary(tally: Tally, check: bool) -> str:
    """The closing line."""
    unreadable = f"; {tally.unreadable} could not be read (fix the problems above first)" if tally.unreadable else ""
    if check and tally.not_canonical:
        return f"{tally.not_canonical} of {tally.files} files are not in canonical format: run `make fmt` to rewrite them (values and comments are kept){unreadable}"
    if check:
        return f"fmt: {tally.files - tally.unreadable} of {tally.files} files canonical{unreadable}"
    return f"fmt: {tally.rewritten} of {tally.files} files reformatted{unreadable}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; print a diff per non-canonical file and exit 1")
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("DATA", "data")), help="data directory (default: data)")
    parser.add_argument("files", nargs="*", type=Path, help="only these files")
    args = parser.parse_args(argv)
    if not args.files and not args.data.is_dir():
        print(f"{display_path(args.data)}:1:1: data directory not found")
        return 1
    tally = Tally()
    for text in run(args.files or record_files(args.data), args.check, tally):
        print(text)
    print(summary(tally, args.check))
    return 1 if tally.unreadable or tally.not_canonical else 0


def console() -> NoReturn:
    """The `tracker-fmt` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
