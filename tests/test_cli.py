"""The validator and the build as a user runs them: exit codes, output shape, no tracebacks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import REPO

VALIDATE = [sys.executable, str(REPO / "scripts" / "validate.py")]


def run(args, cwd=REPO, env=None):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False)


def break_mini(mini):
    (mini / "events" / "statement.yaml").write_text('title: "x"\ntitle: "y"\n')
    (mini / "claims" / "fair-talks.yaml").write_bytes(b"\xef\xbb\xbfclaimants: []\n")
    (mini / "actors" / "bomb.yaml").write_text('a: &a ["x"]\nb: [*a, *a]\n')


def test_broken_data_exits_1_with_positions_and_no_traceback(mini):
    break_mini(mini)
    result = run([*VALIDATE, "--data", str(mini)], env={"GITHUB_ACTIONS": ""})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith(f"{len(lines) - 1} problems found")
    for line in lines[:-1]:
        path, line_no, col, message = line.split(":", 3)
        assert path.startswith(str(mini)) and line_no.isdigit() and col.isdigit() and message.strip()


def test_a_reader_that_stops_early_ends_the_command_quietly(mini):
    """`tracker-validate | head -1` on broken data: the problems after the first are not wanted."""
    for n in range(1000):  # more output than a pipe holds (64 KiB), so the command writes after the reader has gone
        (mini / "events" / f"broken-{n:04}.yaml").write_text('title: "x"\ntitle: "y"\n')
    reader = subprocess.Popen(["head", "-n", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    command = subprocess.run([*VALIDATE, "--data", str(mini)], cwd=REPO, stdout=reader.stdin, stderr=subprocess.PIPE, check=False)
    reader.stdin.close()
    first = reader.stdout.read().decode()
    reader.wait()
    assert first.startswith(str(mini)) and first.count("\n") == 1
    assert (command.returncode, command.stderr) == (141, b"")


def test_paths_are_relative_to_the_repository_root():
    result = run([*VALIDATE, "--data", "tests/fixtures/mini", "tests/fixtures/mini/events/statement.yaml"])
    assert (result.returncode, result.stdout) == (0, "ok: 1 events, 2 claims, 3 actors, 2 sources\n")
    broken = REPO / "tests" / "fixtures" / "mini-broken-tmp"
    shutil.copytree(REPO / "tests" / "fixtures" / "mini", broken)
    try:
        (broken / "actors" / "iran.yaml").write_text("kind: government\n")
        result = run([*VALIDATE, "--data", str(broken)], cwd="/")
        assert result.stdout.splitlines()[0] == "tests/fixtures/mini-broken-tmp/actors/iran.yaml:1:1: missing required field 'citations'"
    finally:
        shutil.rmtree(broken)


def test_github_annotations(mini):
    break_mini(mini)
    result = run([*VALIDATE, "--data", str(mini)], env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"::error file={mini}/actors/bomb.yaml,line=1,col=4,title=data validation::anchor &a")
    explicit = run([*VALIDATE, "--data", str(mini), "--format", "text"], env={"GITHUB_ACTIONS": "true"})
    assert not explicit.stdout.startswith("::")


def test_make_validate_on_another_directory(mini):
    ok = run(["make", "-s", "validate", "DATA=tests/fixtures/mini"])
    assert ok.returncode == 0 and ok.stdout.strip() == "ok: 1 events, 2 claims, 3 actors, 2 sources"
    break_mini(mini)
    bad = run(["make", "-s", "validate", f"DATA={mini}"])
    assert bad.returncode != 0
    assert "duplicate key 'title'" in bad.stdout


def test_missing_data_directory(tmp_path):
    result = run([*VALIDATE, "--data", str(tmp_path / "nothing")])
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"{tmp_path}/nothing:1:1: data directory not found"
