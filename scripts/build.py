#!/usr/bin/env python3
"""Build the site: `python scripts/build.py [--data DIR] [--site-dir DIR]`.

Runs `mkdocs build --strict` (whose hooks validate the data first and refuse to
build on any problem) into a fresh directory beside the target, and only when
that succeeds swaps it into place: a failed or interrupted build leaves the
previous site untouched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def build(data: Path, site_dir: Path, config: Path = REPO_ROOT / "mkdocs.yml") -> int:
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building")
    retired = site_dir.with_name(f".{site_dir.name}.old")
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    env = {**os.environ, "TRACKER_DATA": str(data.resolve()), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(staging)]
    completed = subprocess.run(command, env=env, check=False)
    if completed.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed; {site_dir} was left as it was", file=sys.stderr)
        return 1
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("DATA", "data")))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    return build(args.data, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
