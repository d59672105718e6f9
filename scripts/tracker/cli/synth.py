"""Write deterministic synthetic data of our shape: `python scripts/synth.py --records N --out DIR [--seed S]`.

The output is a data directory (DIR/{events,claims,actors,sources}/<id>.yaml)
that passes `scripts/validate.py --data DIR` with no problem, for benchmarks
and scale tests. The same --records and --seed always give a byte-identical
tree.

Proportions of kinds. The curated data (17 events, 26 claims, 24 actors,
7 sources: 23/35/32/9 %) comes from one article, in which nearly every actor
is new. In a grown tracker actors and sources recur, so they grow more slowly
than events and claims. The generator keeps the curated ratio of claims to
events (about 1.5 to 1.7) and uses the shares of actors and sources the scale
issue (#6) assumes: 30 % events, 50 % claims, 12 % actors, 8 % sources.

What is exercised, in roughly the curated data's mix: one to three citations
per record (popular sources are cited far more often: a Zipf law), claims
linked by contradicts and corroborates (written on both sides, some in groups
of three) and updates, figures with shared measures and one unit per
measure, anonymous sources and unnamed groups with `described_as`, sources
known only `reported_via` other sources (chains of one to a few steps),
verbatim quotes inside the excerpts, events that are part of larger events, and
uncertain, approximate, month-, year- and interval dates with a `date_note`.
Sources have a `url` and no `seed`: seeds must be files in the repository's
seeds/, and excerpts are only checked against a seed.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path
from typing import NoReturn

from tracker.cli import exit_with
from tracker.cli.synth_history import write_history
from tracker.cli.synth_plan import Synth
from tracker.cli.synth_words import KINDS, MINIMUM, REPO_ROOT, SCHEMA_NAME

# ---------------------------------------------------------------- YAML output

_PLAIN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def scalar(value: object) -> str:
    """A scalar in the curated files' style: slugs plain, numbers plain, other strings double-quoted."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"unexpected scalar {value!r}")
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text not in ("true", "false", "null"):
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON escapes are valid in YAML double-quoted scalars


def emit(value: object, indent: int = 0) -> list[str]:
    """Block-style YAML lines for a mapping (the caller places the first line of a list item)."""
    pad = " " * indent
    lines: list[str] = []
    assert isinstance(value, dict)
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{pad}{key}:")
            lines += emit(item, indent + 2)
        elif isinstance(item, list):
            lines.append(f"{pad}{key}:")
            for element in item:
                if isinstance(element, dict):
                    inner = emit(element, indent + 4)
                    lines.append(f"{pad}  - {inner[0].lstrip()}")
                    lines += inner[1:]
                else:
                    lines.append(f"{pad}  - {scalar(element)}")
        else:
            lines.append(f"{pad}{key}: {scalar(item)}")
    return lines


def to_yaml(kind: str, record: dict) -> str:
    header = f"# yaml-language-server: $schema=../../schema/{SCHEMA_NAME[kind]}.schema.json"
    return "\n".join([header, *emit(record)]) + "\n"


# ---------------------------------------------------------------- command line


def prepare_out(out: Path) -> None:
    """Create ``out``, or empty it when it only holds a previous data tree; refuse anything else."""
    resolved = out.resolve()
    if resolved == REPO_ROOT or REPO_ROOT in resolved.parents:
        raise SystemExit(f"refusing to write synthetic data inside the repository ({out}); use a directory under /tmp")
    if out.exists():
        vocabulary = out / "vocabulary.yaml"
        if vocabulary.is_file() and not vocabulary.is_symlink():
            vocabulary.unlink()
        # .git is a previous --history run's repository; write() replaces or removes it
        unexpected = sorted(p.name for p in out.iterdir() if p.name not in (*KINDS, ".git") or not p.is_dir() or p.is_symlink())
        if unexpected:
            raise SystemExit(f"{out} holds other files ({', '.join(unexpected[:5])}); give an empty or new directory")
        for kind in KINDS:
            shutil.rmtree(out / kind, ignore_errors=True)
    for kind in KINDS:
        (out / kind).mkdir(parents=True, exist_ok=True)


def write(total: int, out: Path, seed: int = 0, history: int = 0) -> dict[str, int]:
    """Generate ``total`` records into ``out``; return the count per kind.

    With ``history`` > 0, ``out`` also becomes a git repository of that many commits ending in the
    tree written (see synth_history.py); without, a repository left there by an earlier run is removed.
    """
    synth = Synth(total, seed)
    prepare_out(out)
    tags: set[str] = set()
    measures: dict[str, str] = {}
    files = []
    for kind, rid, record in synth.records():
        files.append((f"{kind}/{rid}.yaml", to_yaml(kind, record).encode("utf-8")))
        (out / files[-1][0]).write_bytes(files[-1][1])
        tags.update(record.get("tags", []))
        measures.update((q["measure"], q["counts"]) for q in record.get("quantities", []))
    # every measure and tag used needs a reader-facing name (data/vocabulary.yaml)
    vocabulary = {
        "measures": {m: {"name": measures[m].capitalize()} for m in sorted(measures)},
        "tags": {t: t.replace("-", " ").capitalize() for t in sorted(tags)},
    }
    header = "# yaml-language-server: $schema=../schema/vocabulary.schema.json"
    vocabulary_text = ("\n".join([header, *emit({k: v for k, v in vocabulary.items() if v})]) + "\n").encode("utf-8")
    (out / "vocabulary.yaml").write_bytes(vocabulary_text)
    if history:
        write_history(out, files, history, seed, extra=[("vocabulary.yaml", vocabulary_text)])
    else:
        shutil.rmtree(out / ".git", ignore_errors=True)
    return synth.counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000, help="total number of records (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="data directory to write (created; a previous data tree there is replaced)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0); the same seed gives the same tree")
    parser.add_argument("--history", type=int, default=0, metavar="COMMITS", help="also make DIR a git repository of COMMITS commits")
    args = parser.parse_args(argv)
    if args.history < 0:
        parser.error("--history must be 0 or more")
    if args.records < sum(MINIMUM.values()):
        parser.error(f"--records must be at least {sum(MINIMUM.values())}")
    counts = write(args.records, args.out, args.seed, args.history)
    commits = f" with a history of {args.history} commits" if args.history else ""
    print(f"wrote {', '.join(f'{n} {k}' for k, n in counts.items())} to {args.out}{commits}")
    return 0


def console() -> NoReturn:
    """The `tracker-synth` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
