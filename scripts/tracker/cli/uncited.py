"""What is not cited yet: `make uncited SOURCE=some-id` (or `python scripts/uncited.py [--data DIR] SOURCE`).

Lists the passages (sentences) of a source's archived text in seeds/ that no
excerpt cites, each as `seeds/<file>:<line>: <passage>`, then the share of the
text that is cited. An excerpt counts wherever it cites this source: in the
citations of events, claims and actors, and in the reported_via of sources.
Matching is the validator's: whitespace and typographic quotes are normalised.
A passage counts as cited when any part of it is.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

from tracker.check.rulebook import normalise, values_at
from tracker.cli import exit_with
from tracker.load import dataset as ds_mod
from tracker.load.dataset import REPO_ROOT

USAGE = "usage: make uncited SOURCE=some-id"
# A sentence ends at . ! or ? (possibly followed by a closing quote or bracket) before a space
# and a capital, a digit or an opening quote; not after an abbreviation such as "U.S." or "Mr.".
_SENTENCE_END = re.compile(r"(?<!\bU\.S\.)(?<!\bU\.N\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<=[.!?])[\"'’”)\]]*\s+(?=[A-Z0-9‘“\"'(\[])")
_CITING = {"events": ("citations", "*"), "claims": ("citations", "*"), "actors": ("citations", "*"), "sources": ("reported_via", "*")}


def passages(text: str) -> list[tuple[int, str]]:
    """(line number, sentence) for every sentence of every non-empty line."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            found.append((number, line[start : match.end()].strip()))
            start = match.end()
        if line[start:].strip():
            found.append((number, line[start:].strip()))
    return found


def excerpts_citing(dataset: ds_mod.Dataset, source_id: str) -> list[str]:
    found = []
    for record in dataset.files:
        for _path, item in values_at(record.data, _CITING[record.kind]):
            if isinstance(item, dict) and item.get("source") == source_id and isinstance(item.get("excerpt"), str):
                found.append(item["excerpt"])
    return found


def coverage(items: list[tuple[int, str]], excerpts: list[str]) -> list[bool]:
    """Whether each passage overlaps an occurrence of some excerpt, in the normalised text."""
    pieces = [normalise(p) for _line, p in items]
    joined = " ".join(pieces)
    covered = bytearray(len(joined))
    for excerpt in {normalise(e) for e in excerpts if normalise(e)}:
        start = joined.find(excerpt)
        while start != -1:
            covered[start : start + len(excerpt)] = b"\1" * len(excerpt)
            start = joined.find(excerpt, start + 1)
    result, offset = [], 0
    for piece in pieces:
        result.append(any(covered[offset : offset + len(piece)]))
        offset += len(piece) + 1
    return result


def report(data: Path, source_id: str, repo: Path = REPO_ROOT) -> tuple[int, list[str]]:
    dataset, problems = ds_mod.discover(data)
    problems += ds_mod.load(dataset)
    source = dataset.by_id.get(source_id)
    if source is None or source.kind != "sources":
        return 1, [f"error: no source {source_id!r}: no file {ds_mod.display_path(data / 'sources' / f'{source_id}.yaml')}"]
    seed = source.data.get("seed")
    seed_path = repo / seed if isinstance(seed, str) else None
    if seed_path is None or not seed_path.is_file() or not seed_path.resolve().is_relative_to(repo / "seeds"):
        return 1, [f"error: source {source_id!r} has no archived text in seeds/ (its seed field); archive it with `make archive`"]
    items = passages(seed_path.read_text("utf-8"))
    cited = coverage(items, excerpts_citing(dataset, source_id))
    lines = [f"{seed}:{number}: {text}" for (number, text), done in zip(items, cited, strict=True) if not done]
    total = sum(len(t) for _n, t in items) or 1
    share = sum(len(t) for (_n, t), done in zip(items, cited, strict=True) if done) / total
    lines.append(f"{sum(cited)} of {len(items)} passages cited ({share:.0%} of the text); {len(items) - sum(cited)} not cited")
    if problems:
        lines.append(f"note: {len(problems)} files could not be read; run `make validate`")
    return 0, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], usage=USAGE.removeprefix("usage: "))
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("DATA", "data")), help="data directory (default: data)")
    parser.add_argument("--from-make", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("source", nargs="?", default="", help="the id of a source archived in seeds/")
    args = parser.parse_args(argv)
    source_id = os.environ.get("SOURCE", "") if args.from_make else args.source
    if not source_id:
        print(f"error: give a source id\n{USAGE}", file=sys.stderr)
        return 2
    code, lines = report(args.data, source_id)
    print("\n".join(lines), file=sys.stderr if code else sys.stdout)
    return code


def console() -> NoReturn:
    """The `tracker-uncited` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
