"""A valid contribution to data/ passes every test: no test freezes today's data.

Tests that assert what the story says read the frozen copy (tests/fixtures/story); the live data/
is read only through conftest's LIVE_DATA (and the site built from it), by checks that hold for
any valid data set, which conftest marks `live_data`.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

TESTS = REPO / "tests"
# `REPO / "data"`, `REPO / "seeds"`: the live data named directly, not through LIVE_DATA or LIVE_SEEDS
LIVE_PATH = re.compile(r"""\bREPO\s*/\s*["'](?:data|seeds)\b""")


def test_no_test_reads_the_live_data_but_through_live_data():
    """So that conftest can mark every test that reads data/ and tests/test_contribution.py can run it on a contribution."""
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        if path.name == "conftest.py" or path == Path(__file__):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if LIVE_PATH.search(line):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == [], "read the live data through conftest.LIVE_DATA / LIVE_SEEDS (or the frozen story, STORY_DATA):\n" + "\n".join(found)


def test_the_guard_sees_a_direct_read():
    assert LIVE_PATH.search('validate(REPO / "data")') and LIVE_PATH.search("(REPO / 'seeds' / name)")
    assert not LIVE_PATH.search('REPO / "database"') and not LIVE_PATH.search('STORY / "data"')
