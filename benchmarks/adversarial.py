#!/usr/bin/env python3
"""Adversarial duplicates: `python benchmarks/adversarial.py SRC DST` copies synthetic data and plants duplicates built to be slow.

Two claims in five of SRC become claims of one claimant citing one archived source (the seed
article, from seeds/) up to 49 times each, in four shapes: the very same passage 50 times (what took
49 s for 200 claims before the duplicate check was bounded), 50 different passages that all
overlap, a near-copy of the claim before it on an overlapping passage, and a claim left as it was
but for its citations. Every passage is whole words of the text with no negation before it, so
the only problems the validator finds are the planted duplicates (it exits 1, as the benchmark
expects). Nothing here is random: the same SRC gives the same DST.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SEED = "seeds/000_339a995688291f73.txt"
SHARE = 5  # every SHARE-th claim and the one after it are rewritten
WINDOW = 12  # words in a passage


def passages() -> list[str]:
    """Passages of the seed's opening paragraph (which has no negation): every window of WINDOW words and more."""
    words = " ".join((REPO / SEED).read_text("utf-8").split()).split(" ")[:70]
    return [" ".join(words[start : start + WINDOW + extra]) for extra in range(40) for start in range(10)]


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def plant(src: Path, dst: Path) -> int:
    """Copy src to dst and rewrite claims into duplicates; return how many claims were rewritten."""
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
    source_id = "adversarial-seed-article"
    archived = {"kind": "news-article", "description": "The seed article, cited by the planted duplicates", "published": "2026", "seed": SEED}
    (dst / "sources" / f"{source_id}.yaml").write_text(dump(archived), "utf-8")
    windows = passages()
    claims = sorted((dst / "claims").glob("*.yaml"))
    claimant = yaml.safe_load(claims[0].read_text("utf-8"))["claimants"][0]
    rewritten, previous = 0, None
    for number, path in enumerate(claims):
        if number % SHARE > 1:
            continue
        data = yaml.safe_load(path.read_text("utf-8"))
        data.pop("quote", None)  # a quote must be in its excerpts, which change
        kept = data["citations"][:1]  # a corroborated claim needs a second source
        data["claimants"] = [claimant]
        shape = (number // SHARE) % 4 if number % SHARE == 0 else 3
        if shape == 0:  # the very same passage, 50 times
            cited = [windows[0]] * 49
        elif shape == 1:  # 50 different passages, all overlapping
            cited = windows[number % 7 : number % 7 + 49]
        elif shape == 2 and previous is not None:  # a near-copy of the claim before it, on an overlapping passage
            data["statement"] = previous.replace(" the ", " that ", 1) if " the " in previous else previous + " Again."
            data.pop("quantities", None)  # the figures of the statement copied are not this claim's
            cited = [windows[(number % 10) + 10]]
        else:
            cited = [windows[number % len(windows)]]
        data["citations"] = [*kept, *({"source": source_id, "excerpt": excerpt} for excerpt in cited)]
        previous = data["statement"]
        path.write_text(dump(data), "utf-8")
        rewritten += 1
    return rewritten


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    print(f"rewrote {plant(Path(argv[0]), Path(argv[1]))} claims into adversarial duplicates")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
