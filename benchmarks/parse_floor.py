#!/usr/bin/env python3
"""The parse floor: `python benchmarks/parse_floor.py DIR` reads and parses every DIR/<kind>/*.yaml with PyYAML's C loader.

Nothing is checked: this is the least any validator that reads YAML files
must spend (interpreter start, imports, reading and parsing), measured in a
process of its own like the validator it is compared with.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def parse_all(root: Path) -> int:
    """Parse every record file under ``root``; return how many were parsed."""
    count = 0
    for path in sorted(root.glob("*/*.yaml")):
        yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
        count += 1
    return count


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    print(f"parsed {parse_all(Path(argv[0]))} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
