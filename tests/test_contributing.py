"""CONTRIBUTING.md and the site's Contributing page cannot drift from the schemas, the data or the tools.

The field reference and the assessment scale in CONTRIBUTING.md are generated
from schema/*.json: run `.venv/bin/python tests/test_contributing.py` to
regenerate them after a schema change. The worked example must be the records
of the story as curated (the frozen copy, tests/fixtures/story), every command
and file it names must exist, and docs/contributing.md must agree with it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from conftest import STORY, STORY_DATA
from tracker.check.docs_text import FIELD_ORDER_KINDS, field_reference
from tracker.load.schema_files import schema_documents

REPO = Path(__file__).resolve().parents[1]

CONTRIBUTING = REPO / "CONTRIBUTING.md"
SITE_PAGE = REPO / "docs" / "contributing.md"
GITHUB_BLOB = "https://github.com/newstrace/iran-us-talks/blob/main/"
REGENERATE = ".venv/bin/python tests/test_contributing.py"
BEGIN = re.compile(r"<!-- BEGIN GENERATED ([a-z-]+)[^>]*-->\n")


def md_cell(text: str) -> str:
    """Text for one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def scale_markdown() -> str:
    """The assessment scale, from the claim schema's `assessment.status` options."""
    status = schema_documents()["claim"]["properties"]["assessment"]["properties"]["status"]
    rows = [f"| `{o['const']}` | {md_cell(o['title'])} | {md_cell(o['description'])} |" for o in status["oneOf"]]
    return "\n".join(["| status | name | meaning |", "|---|---|---|", *rows])


def field_reference_markdown() -> str:
    """One table per kind of record, from the schemas' titles and descriptions (nested fields as a.b and a[].b)."""
    parts = []
    for kind in FIELD_ORDER_KINDS:
        rows = [
            f"| `{name}` | {'required' if required else 'optional'} | {md_cell(type_)} | **{md_cell(title)}.** {md_cell(description)} |"
            for name, required, type_, title, description in field_reference(kind)
        ]
        parts.append("\n".join([f"### {kind.capitalize()} fields (`data/{kind}s/`)", "", "| field | | type | meaning |", "|---|---|---|---|", *rows]))
    return "\n\n".join(parts)


GENERATED: dict[str, Callable[[], str]] = {"assessment-scale": scale_markdown, "field-reference": field_reference_markdown}


def regenerate(text: str) -> str:
    """The text with every generated section replaced by what the schemas say now."""

    def section(match: re.Match) -> str:
        name = match.group(1)
        end = f"<!-- END GENERATED {name} -->"
        return f"{match.group(0)}{GENERATED[name]()}\n{end}"

    pattern = re.compile(r"(<!-- BEGIN GENERATED ([a-z-]+)[^>]*-->\n)(.*?)<!-- END GENERATED \2 -->", re.S)
    return pattern.sub(lambda m: section(BEGIN.match(m.group(1))), text)


def new_record_example(text: str) -> tuple[str, str]:
    """(path, code) of the record the worked example adds: `<!-- new record: path -->`."""
    [found] = re.findall(r"<!-- new record: (\S+) -->\n+```yaml\n(.*?)```", text, re.S)
    return found


def worked_example(text: str) -> str:
    start = text.index("## Worked example")
    return text[start : text.index("\n## ", start + 1)]


def fenced_examples(text: str) -> list[tuple[str, str]]:
    """(path, code) for every fenced block announced by `<!-- example: path -->`."""
    return re.findall(r"<!-- example: (\S+) -->\n+```yaml\n(.*?)```", text, re.S)


def makefile_targets() -> set[str]:
    """The targets the Makefile defines."""
    return set(re.findall(r"^([a-z][a-z-]*):", (REPO / "Makefile").read_text("utf-8"), re.M))


def make_commands(text: str) -> set[str]:
    """The `make X` commands a document tells the reader to run (in code spans and code blocks)."""
    return set(re.findall(r"(?:`|^)make ([a-z][a-z-]*)\b", text, re.M))


def test_generated_sections_match_the_schemas():
    text = CONTRIBUTING.read_text("utf-8")
    names = [m.group(1) for m in BEGIN.finditer(text)]
    assert sorted(names) == sorted(GENERATED), f"CONTRIBUTING.md must hold exactly these generated sections: {sorted(GENERATED)}"
    assert text == regenerate(text), f"the generated sections of CONTRIBUTING.md are out of date: run `{REGENERATE}`"


def test_regeneration_notices_a_schema_change(monkeypatch):
    """The drift check is real: a changed schema description changes the expected text."""
    text = CONTRIBUTING.read_text("utf-8")
    monkeypatch.setitem(GENERATED, "field-reference", lambda: field_reference_markdown().replace("verbatim", "VERBATIM"))
    changed = regenerate(text)
    assert changed != text and "VERBATIM" in changed
    assert regenerate(changed) == changed


def test_field_reference_covers_every_field_of_every_schema():
    text = CONTRIBUTING.read_text("utf-8")
    for kind in FIELD_ORDER_KINDS:
        for name, *_ in field_reference(kind):
            assert f"| `{name}` |" in text, f"{kind} field {name} missing from the field reference"


def story_file(path: str) -> Path:
    """A path the worked example names (data/…), in the frozen story that the example was written from."""
    return STORY_DATA / path.removeprefix("data/")


def test_worked_example_is_the_curated_story():
    examples = fenced_examples(CONTRIBUTING.read_text("utf-8"))
    assert len(examples) >= 2, "the worked example shows the claim and its new source"
    paths = [path for path, _ in examples]
    assert any(p.startswith("data/claims/") for p in paths) and any(p.startswith("data/sources/") for p in paths)
    for path, code in examples:
        assert story_file(path).read_text("utf-8") == code, f"the worked example of {path} differs from the file"


def test_worked_example_adds_a_record_that_does_not_exist_yet():
    path, _code = new_record_example(CONTRIBUTING.read_text("utf-8"))
    assert not story_file(path).exists(), f"{path} exists: the worked example must add a new record (choose another one)"


def test_worked_example_runs_as_written_in_a_scratch_copy(tmp_path: Path):
    """Every command of the worked example, in order, in a copy of the repository, with the outcome the text promises."""
    text = worked_example(CONTRIBUTING.read_text("utf-8"))
    path, code = new_record_example(text)
    [commands] = re.findall(r"```sh\n(.*?)```", text, re.S)
    outputs = re.findall(r"```text\n(.*?)\n```", text, re.S)
    ok_line = re.search(r"The second `make validate` prints `([^`]+)`", text).group(1)
    placeholders = int(re.search(r"one line for each of the skeleton's (\d+) placeholders", text).group(1))
    created = re.search(r"`make new` answers `([^`]+)`", text).group(1)

    scratch = tmp_path / "repo"
    scratch.mkdir()
    for name in ("scripts", "schema"):
        shutil.copytree(REPO / name, scratch / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("data", "seeds"):  # the story as the example was written from it, whatever data/ holds today
        shutil.copytree(STORY / name, scratch / name)
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(REPO / name, scratch / name)  # keeps the time, so that the venv counts as up to date
    (scratch / ".venv").symlink_to(REPO / ".venv")
    env = {**os.environ, "GITHUB_ACTIONS": ""}
    steps = [line.strip() for line in commands.splitlines() if line.strip()]
    assert steps[0] == "make uncited SOURCE=seed-article" and steps.count("make validate") == 2
    results = []
    for step in steps:
        if step.startswith("# fill in"):
            assert (scratch / path).read_text("utf-8") != code
            (scratch / path).write_text(code, "utf-8")
            continue
        result = subprocess.run(["make", "-s", *step.split()[1:]], cwd=scratch, capture_output=True, text=True, check=False, env=env)
        results.append((step, result))
    (uncited, new, invalid, valid, fmt, check) = (r for _step, r in results)
    assert uncited.returncode == 0 and outputs[0] in uncited.stdout.splitlines()
    assert (new.returncode, new.stdout.splitlines()[0]) == (0, created)
    assert invalid.returncode == 2  # the validator's 1, reported by make as its own 2
    # the frozen story's lead predates the check of its conditions: its warnings (the audit's finding 1) are not the example's
    problems = [line for line in invalid.stdout.splitlines()[:-1] if ": warning: " not in line]
    assert len(problems) == placeholders and all(": fill in " in line for line in problems)
    assert problems[0] == outputs[1]
    valid_lines = [line for line in valid.stdout.splitlines() if ": warning: " not in line]
    assert (valid.returncode, valid_lines) == (0, [ok_line + "; 3 warnings (they do not fail the check)"])
    assert fmt.returncode == 0 and (scratch / path).read_text("utf-8") == code, "make fmt changed the example: it is not canonical"
    assert check.returncode == 0, check.stdout + check.stderr


def test_commands_and_files_named_in_contributing_exist():
    text = CONTRIBUTING.read_text("utf-8")
    missing = make_commands(text) - makefile_targets()
    assert not missing, f"CONTRIBUTING.md names make targets that do not exist: {missing}"
    for link in re.findall(r"\]\((?!https?://|#|mailto:)([^)#\s]+)", text):
        assert (REPO / link).exists(), f"CONTRIBUTING.md links to a missing file: {link}"
    for script in set(re.findall(r"\b(scripts/[a-z_/]+\.py)\b", text)):
        assert (REPO / script).is_file(), script


def test_anchors_linked_within_contributing_exist():
    text = CONTRIBUTING.read_text("utf-8")

    def slug(heading: str) -> str:
        heading = re.sub(r"[`*_]", "", heading.strip().lower())
        return re.sub(r"[^a-z0-9 -]", "", heading).replace(" ", "-")

    anchors = {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.M)}
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in anchors, f"CONTRIBUTING.md links to #{anchor}, which no heading makes"


def test_site_page_points_to_contributing_and_agrees_with_it():
    page = SITE_PAGE.read_text("utf-8")
    guide = CONTRIBUTING.read_text("utf-8")
    assert f"{GITHUB_BLOB}CONTRIBUTING.md" in page
    for url in re.findall(r"\((https://github\.com/newstrace/iran-us-talks/blob/main/[^)#\s]+)", page):
        assert (REPO / url.removeprefix(GITHUB_BLOB)).exists(), f"docs/contributing.md links to a missing file: {url}"
    relative = [link for link in re.findall(r"\]\(([^)]+)\)", page) if not link.startswith(("https://", "#"))]
    for link in relative:
        assert not link.startswith(("../", "/")), f"links out of docs/ must be absolute GitHub URLs: {link}"
    commands = make_commands(page)
    assert commands, "the site page summarises the commands"
    assert commands <= make_commands(guide), f"commands on the site page but not in CONTRIBUTING.md: {commands - make_commands(guide)}"
    for code in set(re.findall(r"`([^`]+)`", page)):
        if code.startswith(("make ", "data/", ".venv/", "scripts/")):
            assert code in guide, f"docs/contributing.md says `{code}`, which CONTRIBUTING.md does not"


if __name__ == "__main__":
    CONTRIBUTING.write_text(regenerate(CONTRIBUTING.read_text("utf-8")), "utf-8")
    print(f"regenerated the generated sections of {CONTRIBUTING.relative_to(REPO)}")
