"""The files of the checkout that the build reads or copies: plain files inside it, nothing else.

A pull request can add a symlink anywhere, not only under data/ (which dataset.py refuses): MkDocs
copies every file of docs/ into the site, and the theme reads every template of overrides/. A link
to /proc/self/environ or .git/config there would be published, and a template linked to a system
file would print it on every page. So before anything is read, every entry of the folders the build
reads (docs/ with its stylesheets and scripts, overrides/, seeds/, schema/, scripts/) must be a
regular file or folder, not a symlink, a pipe or a device, and each folder must lie inside the
checkout. Untracked files are checked too: the build cannot tell them from tracked ones.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from tracker.load.dataset import Problem, display_path

# What the build reads besides the data directory and the folders MkDocs is configured with.
READ_FOLDERS = ("seeds", "schema", "scripts")
SYMLINK = "symlinks are not allowed among the files the build reads or publishes; put the file itself here"
SPECIAL = "not a regular file (a pipe, socket or device); the build reads only plain files"
OUTSIDE = "is outside the checkout; the build reads nothing outside it"


def _problem(path: Path, message: str) -> Problem:
    return Problem(display_path(path), 1, 1, message)


def _entry_problem(path: Path) -> Problem | None:
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None  # gone meanwhile: nothing to read
    if stat.S_ISLNK(mode):
        return _problem(path, SYMLINK)
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return _problem(path, SPECIAL)
    return None


def unsafe_files(root: Path, folders: Iterable[Path]) -> list[Problem]:
    """Every symlink, special file or folder outside `root` among `folders` (each walked whole, links not followed)."""
    problems: list[Problem] = []
    inside = Path(os.path.realpath(root))
    for folder in sorted(set(folders)):
        if not os.path.lexists(folder):
            continue
        found = _entry_problem(folder)
        if found is not None:
            problems.append(found)
            continue
        if not Path(os.path.realpath(folder)).is_relative_to(inside):
            problems.append(_problem(folder, f"folder {display_path(folder)} {OUTSIDE}"))
            continue
        for current, dirs, files in os.walk(folder, followlinks=False):
            base = Path(current)
            for name in sorted([*dirs, *files]):
                found = _entry_problem(base / name)
                if found is not None:
                    problems.append(found)
            dirs[:] = [d for d in dirs if not (base / d).is_symlink()]
    return sorted(problems, key=lambda p: p.path)


def build_folders(root: Path, docs_dir: Path, theme_dir: Path | None) -> list[Path]:
    """The folders a build of the checkout at `root` reads: MkDocs' docs and theme folders, and READ_FOLDERS."""
    return [docs_dir, *([theme_dir] if theme_dir is not None else []), *(root / name for name in READ_FOLDERS)]
