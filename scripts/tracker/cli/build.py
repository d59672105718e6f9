"""Build the site: `python scripts/build.py [--data DIR] [--site-dir DIR]`.

The build itself is tracker.site.publish: validated data rendered into a fresh directory, swapped
into place only when it succeeds, so that a failed or interrupted build leaves the previous site untouched.
"""

from __future__ import annotations

import argparse
import os
import signal
from pathlib import Path
from types import FrameType
from typing import NoReturn

from tracker.cli import exit_with
from tracker.site.publish import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("DATA", "data")))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    return build(args.data, args.site_dir)


def _terminated(signum: int, frame: FrameType | None) -> NoReturn:
    raise SystemExit(128 + signum)


def console() -> NoReturn:
    """The `tracker-build` command. SIGTERM ends it as Ctrl-C does: the build stopped, the staging folder deleted."""
    signal.signal(signal.SIGTERM, _terminated)
    exit_with(main)


if __name__ == "__main__":
    console()
