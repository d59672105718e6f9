"""How big a built site is, and what it is made of (issue #14): bytes and files by part, bytes per record.

Sizes are sums of file sizes (what GitHub Pages counts against its 1 GB), not disk blocks.
Run on its own: `.venv/bin/python benchmarks/site_size.py SITE_DIR`.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KINDS = ("events", "claims", "actors", "sources")
KB = 1000
MB = 1000 * 1000
OPEN_DATA = {"api": "API (JSON)", "feeds": "feeds (Atom)", "csv": "CSV", "calendar": "calendar"}
ASSETS = {"assets", "javascripts", "stylesheets", "images"}


def part_of(relative: Path) -> str:
    """The part a file belongs to: record pages by kind, lists and prose, open data, search, assets."""
    top = relative.parts[0]
    if top in KINDS and len(relative.parts) == 3 and relative.name == "index.html":
        return f"{top} pages"
    if relative.parts[:2] == ("api", "v1"):
        return "API v1 notes (replaced by v2)"  # apart, so the API's own size reads as v2's
    if top in OPEN_DATA:
        return OPEN_DATA[top]
    if top == "pagefind":
        return "search index (pagefind)"
    if top in ASSETS or relative.suffix not in {".html"}:
        return "assets and other files"
    return "lists and prose pages"


def measure(site: Path) -> dict:
    """Bytes and files by part, the total, and bytes per record (records = the record pages)."""
    sizes: Counter[str] = Counter()
    files: Counter[str] = Counter()
    for path in site.rglob("*"):
        if path.is_file():
            part = part_of(path.relative_to(site))
            sizes[part] += path.stat().st_size
            files[part] += 1
    records = sum(files[f"{kind} pages"] for kind in KINDS)
    total = sum(sizes.values())
    return {
        "total_mb": round(total / MB, 1),
        "files": sum(files.values()),
        "records": records,
        "kb_per_record": round(total / records / KB, 1) if records else None,
        "parts": {part: {"mb": round(sizes[part] / MB, 1), "files": files[part]} for part in sorted(sizes, key=lambda p: -sizes[p])},
    }


def markdown(facts: dict, size: int) -> list[str]:
    """The table `make bench` prints for one site."""
    lines = [
        "",
        f"Site at {size:,} records: {facts['total_mb']} MB in {facts['files']:,} files, {facts['kb_per_record']} KB per record (target ≤ 25)",
        "",
        "| part | MB | files |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {part} | {row['mb']} | {row['files']:,} |" for part, row in facts["parts"].items()]
    return lines


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1])), indent=2))
