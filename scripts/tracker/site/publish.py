"""How a site build runs: `mkdocs build --strict` (whose hooks validate the data first and refuse to
build on any problem) into a fresh directory beside the target, swapped into place only when it
succeeds, so that a failed or interrupted build leaves the previous site untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tracker.site import lifetime

REPO_ROOT = Path(__file__).resolve().parents[3]


def source_date_epoch() -> str:
    """SOURCE_DATE_EPOCH as given, else the time of the last commit, so that builds are reproducible."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    except OSError:
        return "0"
    return result.stdout.strip() or "0"


def recover(site_dir: Path, staging: Path, retired: Path) -> None:
    """Undo what an interrupted swap left: the old site back in place if the new one never arrived."""
    shutil.rmtree(staging, ignore_errors=True)
    if retired.exists():
        if site_dir.exists():
            shutil.rmtree(retired)  # the swap completed; only the clean-up was interrupted
        else:
            retired.rename(site_dir)


def run_mkdocs(command: list[str], env: dict[str, str]) -> int:
    """Run MkDocs in its own session, ending with this script; interrupted, end it and all it started.

    Its own session: Ctrl-C reaches only this script, which stops the build quietly instead of
    MkDocs printing a traceback. Then its whole process group is killed (Pagefind and the forked
    helpers too), so that nothing keeps writing into the staging folder after it is deleted.
    """
    process = subprocess.Popen(command, env=env, start_new_session=True, preexec_fn=lifetime.end_with(os.getpid()))
    try:
        return process.wait()
    except BaseException:
        lifetime.kill_group(process)
        raise


def build(data: Path, site_dir: Path, config: Path = REPO_ROOT / "mkdocs.yml") -> int:
    site_dir = Path(os.path.abspath(site_dir))
    staging = site_dir.with_name(f".{site_dir.name}.building")
    retired = site_dir.with_name(f".{site_dir.name}.old")
    recover(site_dir, staging, retired)
    # abspath, not resolve(): a symlinked data directory must reach the validator, which refuses it
    env = {**os.environ, "TRACKER_DATA": os.path.abspath(data), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch()}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(staging)]
    try:
        returncode = run_mkdocs(command, env)
    except BaseException:  # Ctrl-C, or SIGTERM (see console): MkDocs and its children are gone
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build interrupted; {site_dir} was left as it was", file=sys.stderr)
        raise
    if returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed; {site_dir} was left as it was", file=sys.stderr)
        return 1
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return 0
