"""`make serve` (mkdocs serve --dirty) says what `make validate` says, after any edit it watches.

The live preview keeps the tracker package imported between rebuilds (only the hooks file is read
again), so whatever it caches from schema/ or seeds/ must not outlive an edit of those files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

SEED = "seeds/000_339a995688291f73.txt"

# Two builds in one process, as `mkdocs serve` runs them: the config (and the hooks file) is read
# again for each, the tracker package stays imported. Between them one word of the archived
# article changes in a passage that four records cite.
REBUILD = r"""
import sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

def build(first):
    config = load_config(config_file="mkdocs.yml")
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    try:
        config.plugins.on_config(config)
    except PluginError as error:
        print(f"stopped: {error}", file=sys.stderr)
        return
    print("built", file=sys.stderr)

build(True)
seed = Path(sys.argv[1])
seed.write_text(seed.read_text("utf-8").replace("estimating 6,854 deaths", "estimating 6,854 killed"), "utf-8")
build(False)
"""


def copy_of_the_repository(target: Path) -> Path:
    for name in ("scripts", "schema", "seeds", "data", "docs", "overrides"):
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_a_rebuild_after_an_edit_of_an_archived_text_reports_what_validate_reports(tmp_path: Path) -> None:
    repo = copy_of_the_repository(tmp_path / "repo")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TRACKER_DATA": "data"}
    served = subprocess.run([sys.executable, "-c", REBUILD, SEED], cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert served.returncode == 0, served.stderr
    validated = subprocess.run([sys.executable, "scripts/validate.py", "--data", "data"], cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert validated.returncode == 1
    problems = [line for line in validated.stdout.splitlines() if ": excerpt not found verbatim" in line]
    assert len(problems) == 4
    lines = served.stderr.splitlines()
    assert lines[0] == "built"
    assert [line for line in lines if line in problems] == problems
    assert lines[-1] == f"stopped: 4 data problem(s) in {repo / 'data'}; nothing was built"
