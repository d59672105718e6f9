"""`make mutation`: mutation testing of the core modules with the quick suite, and the score per module.

The tool is mutmut 3 (well kept, the reference the issue names). It mutates a copy of the code in
``mutants/`` and runs the tests there with each mutant switched on in turn, the tests chosen by which
functions they reach. Two things of this project it cannot do on its own, so it runs in a staging copy
of the checkout (``.venv/mutation/``, out of git's and the tools' way, kept between runs because mutmut
resumes where it stopped):

* mutmut finds the mutated package on ``mutants/`` or ``mutants/src/`` only, and names modules from their
  path under ``src/``: in the copy the package folder ``scripts/`` is ``src/``, and ``scripts`` is a link to
  it (in ``mutants/`` too), so the tests' ``REPO / "scripts" / ...`` still finds the command files;
* the editable install would import the checkout's own, unmutated package: mutmut puts ``mutants/src``
  first on the import path, and a test's subprocess (``python <copy>/scripts/validate.py``) imports the
  package beside its script, the mutated one. The installed ``tracker-*`` commands still run the
  checkout's code: tests that go through them cannot kill a mutant (they still pass).

The tests are the quick suite as it is (``-m "not slow"``), in one process (mutmut runs each mutant's
tests in a forked process of its own).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STAGE = REPO / ".venv" / "mutation"
MODULES = ["src/tracker/core/dates.py", "src/tracker/load/loader.py", "src/tracker/check/rules/*"]
CONFIG = f"""
[tool.mutmut]
source_paths = ["src/"]
only_mutate = {json.dumps(MODULES)}
pytest_add_cli_args = ["-m", "not slow", "-p", "no:xdist", "-p", "no:cacheprovider", "-q"]
pytest_add_cli_args_test_selection = ["tests/"]
also_copy = {{also_copy}}
"""


def stage() -> None:
    """The checkout's tracked files (as in the work tree) in STAGE, with scripts/ as src/."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source, target = REPO / name, STAGE / name.replace("scripts/", "src/", 1) if name.startswith("scripts/") else STAGE / name
        if source.is_file() and (not target.exists() or target.read_bytes() != source.read_bytes()):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    link = STAGE / "scripts"
    if not link.is_symlink():
        link.symlink_to("src")
    tops = sorted({name.split("/", 1)[0] for name in files if name and not name.startswith(("scripts/", "tests/", "pyproject.toml"))})
    text = (REPO / "pyproject.toml").read_text("utf-8") + CONFIG.replace("{also_copy}", json.dumps(tops))
    (STAGE / "pyproject.toml").write_text(text, "utf-8")
    (STAGE / "mutants").mkdir(exist_ok=True)
    links = {"scripts": "src", ".venv": REPO / ".venv"}  # tests run the checkout's .venv/bin/python and tools
    for name, target in links.items():
        if not (STAGE / "mutants" / name).is_symlink():
            (STAGE / "mutants" / name).symlink_to(target)


def scores() -> dict[str, Counter]:
    """Outcome counts per module, from mutmut's results."""
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=STAGE, capture_output=True, text=True, check=False).stdout
    per_module: dict[str, Counter] = {}
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if "__mutmut_" not in name:
            continue
        module = name.split(".x_")[0].split(".xǁ")[0]
        per_module.setdefault(module, Counter())[status.strip()] += 1
    return per_module


def main() -> int:
    STAGE.mkdir(parents=True, exist_ok=True)
    stage()
    env = {**os.environ, "PYTHONPATH": ""}
    run = subprocess.run([sys.executable, "-m", "mutmut", "run", *sys.argv[1:]], cwd=STAGE, env=env, check=False)
    print(f"\nmutation score per module (mutmut; survivors: `cd {STAGE.relative_to(REPO)} && ../bin/mutmut browse`):")
    total = Counter()
    for module, counts in sorted(scores().items()):
        total += counts
        tested = counts["killed"] + counts["survived"] + counts["timeout"]
        score = (counts["killed"] + counts["timeout"]) / tested if tested else 0.0
        print(f"  {module:45} {score:6.1%} killed {counts['killed'] + counts['timeout']} of {tested}; no test {counts['no tests']}; {dict(counts)}")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
