"""Canonical formatting (scripts/fmt.py): lossless, idempotent, comment-keeping, and what `make check` reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import LIVE_DATA, REPO, STORY_DATA
from tracker.cli import fmt
from tracker.load import yaml_emit
from tracker.load.loader import FORBIDDEN_CHARACTERS, LoadFailed, load_file, load_text

STORY_FILES = sorted(STORY_DATA.glob("*/*.yaml"))  # the frozen story: records as curated, without comments
FMT = [sys.executable, str(REPO / "scripts" / "fmt.py")]


def typed(value: object) -> object:
    """A comparable form of loaded data that keeps types (1, 1.0 and True differ) and ignores key order."""
    if isinstance(value, dict):
        return ("dict", tuple(sorted((k, typed(v)) for k, v in value.items())))
    if isinstance(value, list):
        return ("list", tuple(typed(v) for v in value))
    return (type(value).__name__, value)


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, check=False, env={**os.environ, "GITHUB_ACTIONS": ""}, **kwargs)


# --------------------------------------------------------------------------- a scrambler


def _scalar(value: object) -> str:
    """Another valid spelling of a scalar: single quotes where possible, JSON escapes otherwise."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if text.isprintable() and "'" not in text[:1]:
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text)


def scramble(data: dict, indent: int = 0, *, comments: bool) -> list[str]:
    """The same data written differently: keys reversed at every level, 4-space indents, flow lists, comments."""
    pad = " " * indent
    lines: list[str] = []
    for key in reversed(list(data)):
        value = data[key]
        if comments and indent == 0:
            lines.append(f"{pad}# before {key}")
        if isinstance(value, dict):
            lines += [f"{pad}{key}:", *scramble(value, indent + 4, comments=comments)]
        elif isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
            lines.append(f"{pad}{key}: [{', '.join(_scalar(v) for v in value)}]")
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                inner = scramble(item, indent + 2, comments=False)
                lines.append(f"{pad}- {inner[0].strip()}")
                lines += inner[1:]
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}" + (f"  # eol {key}" if comments and indent == 0 else ""))
    return lines


def without_added_comments(text: str) -> str:
    """Drop the comments the scrambler added."""
    kept = [line.split("  # eol ")[0] for line in text.splitlines() if not line.startswith("# before ")]
    return "\n".join(kept) + "\n"


# --------------------------------------------------------------------------- the data set


def test_every_data_file_is_canonical(capsys):
    assert fmt.main(["--check", "--data", str(LIVE_DATA)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("path", STORY_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_scrambled_data_file_formats_back_to_itself_keeping_comments(path: Path, tmp_path: Path):
    """Scramble a curated record (key order, quoting, flow style, comments), format it, and get the original back.

    Records of the frozen story, not of data/: a contributor may keep the scaffold's comments, which the
    scrambler (writing from the values) would drop."""
    original = path.read_text("utf-8")
    data = load_file(path).data
    target = tmp_path / path.parent.name / path.name
    target.parent.mkdir()
    target.write_text("\n".join(scramble(data, comments=True)) + "\n", "utf-8")
    assert typed(load_file(target).data) == typed(data), "the scrambler must not change values"

    assert fmt.main([str(target)]) == 0
    formatted = target.read_text("utf-8")
    assert typed(load_file(target).data) == typed(data), "formatting changed a value"
    for key in data:
        assert f"# before {key}\n{key}:" in formatted, f"comment above {key} did not move with it"
        if not isinstance(data[key], (dict, list)):
            assert f"  # eol {key}\n" in formatted, f"end-of-line comment of {key} lost"
    assert without_added_comments(formatted) == original

    assert fmt.main([str(target)]) == 0
    assert target.read_text("utf-8") == formatted, "a second run changed the file"


def test_formatting_all_of_data_changes_nothing(tmp_path: Path):
    copy = tmp_path / "data"
    shutil.copytree(LIVE_DATA, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*.yaml")}
    assert fmt.main(["--data", str(copy)]) == 0
    assert {p: p.read_bytes() for p in copy.rglob("*.yaml")} == before


# --------------------------------------------------------------------------- the rules


def canonical(text: str, kind: str = "claims") -> str:
    return yaml_emit.format_text(text, kind)


def test_keys_follow_the_schema_at_every_level():
    text = """citations:
  - note: "n"
    excerpt: "an excerpt, verbatim"
    source: seed-article
assessment:
  rationale: "why"
  status: unverified
claimants: [hrana]
quantities:
  - unit: "people"
    qualifier: about
    value: 3
    counts: "deaths"
    measure: deaths
statement: "s"
"""
    out = canonical(text).splitlines()
    top = [line.split(":")[0] for line in out if line[:1].isalpha()]
    assert top == ["claimants", "statement", "quantities", "assessment", "citations"]
    assert out[out.index("assessment:") + 1 : out.index("assessment:") + 3] == ["  status: unverified", '  rationale: "why"']
    citation = out[out.index("citations:") + 1 :]
    assert citation == ["  - source: seed-article", '    excerpt: "an excerpt, verbatim"', '    note: "n"']
    quantity = out[out.index("quantities:") + 1 : out.index("quantities:") + 6]
    assert [q.strip().removeprefix("- ").split(":")[0] for q in quantity] == ["measure", "counts", "value", "qualifier", "unit"]


def test_identifiers_are_plain_and_other_strings_double_quoted():
    text = """claimants: ['hrana', "iran"]
statement: plain text here
made_in: "seed-article"
date: '2026'
tags: [protests, "123", "yes", "null", "1e5", "2025-01-20", Not-A-Slug]
"""
    out = canonical(text)
    assert "claimants:\n  - hrana\n  - iran\n" in out
    assert 'statement: "plain text here"\n' in out
    assert "made_in: seed-article\n" in out
    assert 'date: "2026"\n' in out, "dates are always quoted"
    assert 'tags:\n  - protests\n  - "123"\n  - "yes"\n  - "null"\n  - "1e5"\n  - "2025-01-20"\n  - "Not-A-Slug"\n' in out
    assert load_text(out).data["tags"] == ["protests", "123", "yes", "null", "1e5", "2025-01-20", "Not-A-Slug"]


def test_numbers_null_and_booleans():
    out = canonical("quantities:\n  - value: 6854.50\n  - value: 7\nnotes: ~\nstatement: true\n")
    assert "value: 6854.50\n" in out and "value: 7\n" in out, "numbers stay as written"
    assert "notes: null\n" in out and "statement: true\n" in out


def test_escapes_keep_special_characters_visible():
    out = canonical('notes: "no-break\\_space, quote \\" and backslash \\\\"\n')
    assert load_text(out).data["notes"] == 'no-break\u00a0space, quote " and backslash \\'
    assert canonical(out) == out


def test_forbidden_characters_written_as_escapes_are_refused():
    """Tabs, bidi overrides, zero-width characters and line separators are refused even as escapes."""
    with pytest.raises(LoadFailed):
        canonical('notes: "bidi \\u202e"\n')


def test_multiline_text_is_a_literal_block_unless_that_would_change_it():
    out = canonical('notes: "Para one.\\n\\nPara two."\nstatement: "ends with a newline\\n"\nquote: "trailing space \\nnext"\n')
    assert "notes: |-\n  Para one.\n\n  Para two.\n" in out
    assert "statement: |\n  ends with a newline\n" in out
    assert 'quote: "trailing space \\nnext"\n' in out, "a line ending in a space stays escaped"
    data = load_text(out).data
    assert (data["notes"], data["statement"], data["quote"]) == ("Para one.\n\nPara two.", "ends with a newline\n", "trailing space \nnext")


def test_modeline_is_added_moved_and_corrected():
    assert canonical('statement: "s"\n').startswith("# yaml-language-server: $schema=../../schema/claim.schema.json\nstatement")
    moved = canonical('# about s\nstatement: "s"\n# yaml-language-server: $schema=../../schema/claim.schema.json\n')
    assert moved == '# yaml-language-server: $schema=../../schema/claim.schema.json\n# about s\nstatement: "s"\n'
    wrong = canonical('# yaml-language-server: $schema=../../schema/event.schema.json\nname: "x"\n', "actors")
    assert wrong.startswith("# yaml-language-server: $schema=../../schema/actor.schema.json\n")


def test_comments_stay_with_their_field_or_block():
    text = """# about the citations
citations:
  - source: seed-article  # the archived article
    excerpt: "an excerpt, verbatim"
    # note: "maybe later"
# about the claimants
claimants:
  - hrana
  # more claimants to come
statement: "s"
"""
    out = canonical(text)
    assert out.index("# about the claimants\nclaimants:") < out.index('statement: "s"') < out.index("# about the citations\ncitations:")
    assert "  - source: seed-article  # the archived article\n" in out
    assert 'excerpt: "an excerpt, verbatim"\n    # note: "maybe later"\n' in out, "a comment deeper than the next key stays in its block"
    assert "  - hrana\n  # more claimants to come\n" in out
    assert canonical(out) == out


def test_unknown_keys_are_kept_after_the_known_ones():
    out = canonical('zzz: "extra"\nstatement: "s"\naaa: 1\n')
    assert out.splitlines()[1:] == ['statement: "s"', 'zzz: "extra"', "aaa: 1"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40).filter(lambda s: not FORBIDDEN_CHARACTERS.search(s)))
def test_any_string_survives_formatting(value: str):
    escaped = "".join(ch if " " <= ch <= "~" and ch not in '"\\' else f"\\U{ord(ch):08X}" for ch in value)
    text = f'notes: "{escaped}"\n'
    out = canonical(text)
    assert load_text(out).data["notes"] == value
    assert canonical(out) == out


def test_a_formatting_bug_is_caught_before_anything_is_written(tmp_path: Path, monkeypatch):
    """The safety net: a canonical form that would change a value is refused and the file left alone."""
    target = tmp_path / "claims" / "x.yaml"
    target.parent.mkdir()
    target.write_text("statement: 'something'\n", "utf-8")
    monkeypatch.setattr(yaml_emit, "double_quoted", lambda value: '"' + value[:-1] + '"')
    outcome = fmt.format_file(target)
    assert [p.message for p in outcome.problems] == ["internal error: the canonical form would change a value; file left unchanged"]
    assert fmt.main([str(target)]) == 1
    assert target.read_text("utf-8") == "statement: 'something'\n"


# --------------------------------------------------------------------------- the command


def test_check_prints_a_diff_and_exits_1_without_changing_the_file(tmp_path: Path):
    target = tmp_path / "claims" / "x.yaml"
    target.parent.mkdir()
    target.write_text("statement: 'reworded'\nclaimants: [hrana]\n", "utf-8")
    result = run([*FMT, "--check", str(target)])
    assert result.returncode == 1 and not result.stderr
    assert result.stdout.startswith(f"--- {target}\n+++ {target} (canonical)\n@@")
    assert "-statement: 'reworded'\n" in result.stdout and '+statement: "reworded"\n' in result.stdout
    assert result.stdout.splitlines()[-1].startswith("1 of 1 files are not in canonical format: run `make fmt`")
    assert target.read_text("utf-8") == "statement: 'reworded'\nclaimants: [hrana]\n"


def test_a_file_the_loader_rejects_is_reported_with_its_position(tmp_path: Path):
    broken = tmp_path / "events" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text('title: "a"\ntitle: "b"\n', "utf-8")
    bom = tmp_path / "events" / "bom.yaml"
    bom.write_bytes(b'\xef\xbb\xbftitle: "a"\n')
    for args in (["--check"], []):
        result = run([*FMT, *args, str(broken), str(bom)])
        assert result.returncode == 1
        assert "Traceback" not in result.stdout + result.stderr
        lines = result.stdout.splitlines()
        assert f"{broken}:2:1: duplicate key 'title' (first at line 1, column 1)" in lines
        assert f"{bom}:1:1: file starts with a byte order mark (BOM); save it as UTF-8 without BOM" in lines
    assert broken.read_text("utf-8") == 'title: "a"\ntitle: "b"\n'


def test_a_file_outside_a_kind_folder_needs_a_modeline(tmp_path: Path):
    loose = tmp_path / "x.yaml"
    loose.write_text('name: "x"\nkind: person\n', "utf-8")
    result = run([*FMT, "--check", str(loose)])
    assert result.returncode == 1 and result.stdout.startswith(f"{loose}:1:1: cannot tell the kind of record")
    loose.write_text('# yaml-language-server: $schema=../../schema/actor.schema.json\nkind: person\nname: "x"\n', "utf-8")
    assert run([*FMT, str(loose)]).returncode == 0
    assert loose.read_text("utf-8").splitlines()[1:] == ['name: "x"', "kind: person"]


def test_missing_data_directory(tmp_path: Path):
    result = run([*FMT, "--check", "--data", str(tmp_path / "nothing")])
    assert (result.returncode, result.stdout) == (1, f"{tmp_path}/nothing:1:1: data directory not found\n")


def test_make_fmt_then_make_check(mini: Path):
    claim = mini / "claims" / "fair-talks.yaml"
    original = claim.read_text("utf-8")
    claim.write_text(original.replace("claimants:\n  - president\n", "claimants: [president]\n"), "utf-8")
    check = run(["make", "-s", "check", f"DATA={mini}"])
    assert check.returncode != 0
    assert "-claimants: [president]" in check.stdout and "+claimants:" in check.stdout
    fix = run(["make", "-s", "fmt", f"DATA={mini}"])
    assert fix.returncode == 0, fix.stdout + fix.stderr
    assert run(["make", "-s", "check", f"DATA={mini}"]).returncode == 0
    assert run(["make", "-s", "fmt", f"DATA={mini}"]).stdout.endswith(" 0 of 8 files reformatted\n"), "a second run changes nothing"


def test_loader_rejects_what_fmt_rejects():
    """fmt relies on the strict loader: what it cannot load, fmt does not touch."""
    with pytest.raises(LoadFailed):
        yaml_emit.format_text("a: &x 1\nb: *x\n", "claims")
