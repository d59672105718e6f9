"""A synthetic git history for a synthetic data tree (`scripts/synth.py --history N`), written with `git fast-import`.

The data directory becomes the root of a git repository whose N commits build it up: the first
half add the records (a few per commit), the second half revise two records each; every record's
last version is exactly the file synth.py wrote, so the work tree is clean and still validates.
Along the way a record in fifty is added under a draft name and renamed at its first revision, and
every hundredth commit adds a record that a later commit removes (a withdrawn record), so that
renames and withdrawals are exercised at scale.

Deterministic: the same records, commit count and seed give the same commits (fixed author,
dates one hour apart from 2026-01-01T00:00:00Z), hence the same commit ids.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from random import Random

START = 1_767_225_600  # 2026-01-01T00:00:00Z
STEP = 3_600
IDENTITY = "Synth <synth@example.org>"
RENAME_EVERY = 50  # one record in this many is added under a draft name, renamed at its first revision
WITHDRAW_EVERY = 100  # every this many commits a throwaway record is added, and removed WITHDRAW_AFTER commits later
WITHDRAW_AFTER = 10


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", LC_ALL="C")
    return env


def _draft(path: str) -> str:
    return path.removesuffix(".yaml") + "-draft.yaml"


def plan(files: list[tuple[str, bytes]], commits: int, seed: int = 0) -> list[list[tuple[str, str, bytes | None]]]:
    """Per commit, its operations: ("M", path, content) or ("D", path, None). The last version of each file is its given content."""
    total = len(files)
    adding = max(1, min(total, commits // 2 if commits > 1 else 1))
    rng = Random(seed)
    touches: dict[int, list[int]] = {}  # file index -> the commits that write it, in order
    for c in range(adding):
        for f in range(c * total // adding, (c + 1) * total // adding):
            touches[f] = [c]
    revising = list(range(adding, commits))
    for c in revising:
        for f in rng.sample(range(total), min(2, total)):
            touches[f].append(c)
    ops: list[list[tuple[str, str, bytes | None]]] = [[] for _ in range(commits)]
    for f, (path, content) in enumerate(files):
        at = touches[f]
        renamed = f % RENAME_EVERY == 0 and len(at) > 1
        for n, c in enumerate(at):
            text = content if n == len(at) - 1 else content + f"# revision {c}\n".encode()
            if renamed and n == 0:
                ops[c].append(("M", _draft(path), text))
            else:
                if renamed and n == 1:
                    ops[c].append(("D", _draft(path), None))
                ops[c].append(("M", path, text))
    for c in range(0, commits - WITHDRAW_AFTER, WITHDRAW_EVERY):
        path, content = files[c % total]
        folder = path.split("/")[0]
        throwaway = f"{folder}/withdrawn-{c}.yaml"
        ops[c].append(("M", throwaway, content))
        ops[c + WITHDRAW_AFTER].append(("D", throwaway, None))
    return ops


def stream(ops: list[list[tuple[str, str, bytes | None]]]) -> bytes:
    """The `git fast-import` input for the planned commits on refs/heads/main."""
    out = bytearray()
    for c, changes in enumerate(ops):
        message = f"Synthetic change {c + 1}: {len(changes)} file(s)\n".encode()
        out += f"commit refs/heads/main\nmark :{c + 1}\ncommitter {IDENTITY} {START + c * STEP} +0000\n".encode()
        out += b"data %d\n%s" % (len(message), message)
        if c:
            out += f"from :{c}\n".encode()
        for op, path, content in changes:
            if op == "D":
                out += f"D {path}\n".encode()
            else:
                assert content is not None, "a change without content"  # plan() gives every "M" its content
                out += b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(content), content)
    return bytes(out)


def _with_extra(ops: list[list[tuple[str, str, bytes | None]]], extra) -> list[list[tuple[str, str, bytes | None]]]:
    if ops:
        ops[0] += [("M", path, content) for path, content in extra]
    return ops


def write_history(
    out: Path, files: list[tuple[str, bytes]], commits: int, seed: int = 0, extra: tuple[tuple[str, bytes], ...] | list[tuple[str, bytes]] = ()
) -> None:
    """Make `out` (a data tree holding `files`) a git repository with `commits` commits that end in that tree.

    `extra` files (the vocabulary) are added by the first commit and never changed."""
    shutil.rmtree(out / ".git", ignore_errors=True)
    env = _environment()
    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True, env=env)
    subprocess.run(
        ["git", "fast-import", "--quiet", "--done"], cwd=out, input=stream(_with_extra(plan(files, commits, seed), extra)) + b"done\n", check=True, env=env
    )
    subprocess.run(["git", "reset", "-q"], cwd=out, check=True, env=env)  # the index follows HEAD: the work tree is clean
