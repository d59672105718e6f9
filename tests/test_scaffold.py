"""The scaffolder (scripts/new_record.py, `make new`): skeletons that explain every field, fail until filled, and are canonical."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, STORY_DATA
from tracker.cli import new_record
from tracker.core import kinds
from tracker.load import yaml_emit
from tracker.load.loader import load_file, load_text
from tracker.load.schema_files import resolve, schema_documents

KINDS = list(kinds.FOLDERS)


def make(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", *args], cwd=REPO, capture_output=True, text=True, check=False, env={**os.environ, "GITHUB_ACTIONS": ""})


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the frozen story."""
    target = tmp_path / "data"
    shutil.copytree(STORY_DATA, target)
    return target


@pytest.mark.parametrize("kind", KINDS)
def test_skeleton_is_canonical_and_explains_every_field(kind: str):
    text = new_record.skeleton(kind)
    schema = schema_documents()[kinds.get(kind).schema]
    assert text.startswith(f"# yaml-language-server: $schema=../../schema/{kinds.get(kind).schema}.schema.json\n")
    assert yaml_emit.format_text(text, kind) == text, "the skeleton must already be in canonical format"
    for name, prop in schema["properties"].items():
        required = name in schema["required"]
        assert re.search(rf"^# {name} \({'required' if required else 'optional'}, ", text, re.M), f"no comment explains {name}"
        assert re.search(rf"^{'' if required else '# '}{name}:", text, re.M), f"{name} is missing or wrongly (un)commented"
        description = resolve(prop).get("description", "")
        first_words = " ".join(description.removeprefix("Optional: ").split()[1:4])
        assert first_words in " ".join(line.lstrip("# ") for line in text.splitlines()), f"{name}'s comment is not its schema description"
    assert all(len(line) <= new_record.COMMENT_WIDTH for line in text.splitlines()[1:])


@pytest.mark.parametrize("kind", KINDS)
def test_skeleton_fails_validation_only_at_its_placeholders(kind: str, data: Path):
    assert make("new", f"KIND={kind}", "ID=brand-new-record", f"DATA={data}").returncode == 0
    path = data / kind / "brand-new-record.yaml"
    lines = path.read_text("utf-8").splitlines()
    result = make("validate", f"DATA={data}")
    assert result.returncode != 0
    problems = [line for line in result.stdout.splitlines()[:-1] if ": warning: " not in line]  # the frozen story's lead has warnings
    assert problems
    for problem in problems:
        shown, line, col, _message = problem.split(":", 3)
        assert shown == str(path), problem
        assert lines[int(line) - 1][int(col) - 1 :].startswith('""'), f"{problem} does not point at a placeholder"


def test_kind_may_be_singular_or_plural(data: Path):
    assert new_record.create(data, "claim", "one-claim") == data / "claims" / "one-claim.yaml"
    assert new_record.create(data, "Sources", "one-source") == data / "sources" / "one-source.yaml"


@pytest.mark.parametrize(
    ("kind", "record_id", "message"),
    [
        ("claim", "Bad_Id", "error: 'Bad_Id' is not a valid id: use lowercase letters a-z, digits 0-9 and single hyphens"),
        ("claim", "double--hyphen", "error: 'double--hyphen' is not a valid id"),
        ("claim", "a" * 101, "is too long: an id has at most 100 characters"),
        ("event", "hrana", "error: id 'hrana' is already used by"),
        ("claim", "seed-article", "error: id 'seed-article' is already used by"),
        ("person", "someone", "error: unknown kind 'person': use one of event, claim, actor, source"),
    ],
)
def test_refusals_are_clear_and_write_nothing(data: Path, kind: str, record_id: str, message: str):
    before = sorted(p.relative_to(data) for p in data.rglob("*"))
    result = make("new", f"KIND={kind}", f"ID={record_id}", f"DATA={data}")
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == before


def test_missing_arguments_print_the_usage(data: Path):
    result = make("new", f"DATA={data}")
    assert result.returncode != 0
    assert "usage: make new KIND=event|claim|actor|source ID=some-id" in result.stderr


# --------------------------------------------------------------------------- a contributor's round trip


def field_blocks(text: str) -> dict[str, list[str]]:
    """The lines of each top-level field of a canonical record, by key."""
    blocks: dict[str, list[str]] = {}
    key = None
    for line in text.splitlines():
        match = re.match(r"([a-z_]+):", line)
        if match:
            key = match.group(1)
            blocks[key] = []
        if key and not line.startswith("#"):
            blocks[key].append(line)
    return blocks


def fill(skeleton: str, record: str) -> str:
    """What a contributor's edit does: each field's placeholder (live, or commented out) replaced by its value; comments kept."""
    values = field_blocks(record)
    out: list[str] = []
    lines = skeleton.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        live = re.match(r"([a-z_]+):", line)
        commented = re.match(r"# ([a-z_]+):", line)
        if live or (commented and commented.group(1) in values):
            key = (live or commented).group(1)  # type: ignore[union-attr]
            i += 1
            continuation = " " if live else "#   "
            while i < len(lines) and lines[i].startswith(continuation):
                i += 1
            out.extend(values[key])
            continue
        out.append(line)
        i += 1
    return "\n".join(out) + "\n"


def test_new_claim_with_new_source_takes_one_command_each_an_edit_and_make_validate(data: Path):
    """The worked example of CONTRIBUTING.md, replayed: the HRANA claim and its source, as if they were new."""
    records = {"sources": "hrana-estimate", "claims": "hrana-6854-protest-deaths"}
    originals = {kind: (data / kind / f"{rid}.yaml").read_text("utf-8") for kind, rid in records.items()}
    for kind, rid in records.items():
        (data / kind / f"{rid}.yaml").unlink()

    for kind, rid in records.items():
        result = make("new", f"KIND={kinds.get(kind).schema}", f"ID={rid}", f"DATA={data}")
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"created {data}/{kind}/{rid}.yaml\n")

    unfilled = make("validate", f"DATA={data}")
    assert unfilled.returncode != 0
    assert all(
        re.match(rf"{data}/(sources|claims)/[a-z0-9-]+\.yaml:\d+:\d+: ", line) for line in unfilled.stdout.splitlines()[:-1] if ": warning: " not in line
    )

    for kind, rid in records.items():
        path = data / kind / f"{rid}.yaml"
        path.write_text(fill(path.read_text("utf-8"), originals[kind]), "utf-8")

    filled = make("validate", f"DATA={data}")
    assert filled.returncode == 0, filled.stdout
    assert filled.stdout.splitlines()[-1].startswith("ok: ")  # after the frozen story's warnings
    check = make("check", f"DATA={data}")
    assert check.returncode == 0, check.stdout
    for kind, rid in records.items():
        path = data / kind / f"{rid}.yaml"
        assert load_file(path).data == load_text(originals[kind]).data
        assert re.search(r"^# [a-z_]+ \(required, ", path.read_text("utf-8"), re.M), "the skeleton's comments are kept"

    claim = data / "claims" / "hrana-6854-protest-deaths.yaml"
    text = claim.read_text("utf-8")
    claim.write_text(text.replace("status: disputed", "status: disputd"), "utf-8")
    line = next(n for n, content in enumerate(text.splitlines(), 1) if content == "  status: disputed")
    mistake = make("validate", f"DATA={data}")
    assert mistake.returncode != 0
    assert (
        mistake.stdout.splitlines()[0]
        == f"{claim}:{line}:11: 'disputd' is not one of: unverified, corroborated, disputed, contradicted, retracted; did you mean 'disputed'?"
    )
