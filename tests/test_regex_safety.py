"""No regular expression backtracks badly on untrusted input: data, file names, archived texts, git output.

Each expression that could hang on a crafted input has a test here with that input at the size
untrusted input can reach (a 256 KiB data file, a 5,000-character statement, a past version of a
claim file), run in a child process under a generous time limit: a guard against a hang, not a
timing assertion (the linear code takes milliseconds). Where an expression was rewritten, a
hypothesis test checks that the new code answers exactly as the old expression did.

`make lint` also runs dlint's DUO138 (nested or overlapping repeats) over scripts/; the patterns of
the JSON schemas, which no Python linter reads, are each listed here with the input that would make
them backtrack most.
"""

from __future__ import annotations

import json
import multiprocessing
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema_rs
import pytest
from dlint.redos.detect import catastrophic
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import REPO
from tracker.cli import fmt
from tracker.core import html
from tracker.load import history, loader, yaml_emit
from tracker.render.pages import fragments

GUARD_SECONDS = 60  # far above the milliseconds the linear code takes, far below the hours the old code took
FILE_LIMIT = loader.MAX_FILE_BYTES


def _run(queue, function, args) -> None:
    queue.put(function(*args))


def finishes(function: Callable, *args: object) -> object:
    """function(*args) in a forked child; its result, or a test failure if it runs past GUARD_SECONDS."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_run, args=(queue, function, args))
    child.start()
    child.join(GUARD_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"{function.__name__} did not finish within {GUARD_SECONDS} s: it backtracks on this input")
    assert child.exitcode == 0, f"{function.__name__} failed in the child process"
    return queue.get(timeout=5)


# ---------------------------------------------------------------- a claim's status in a past version (history.py)

# The expression history.status_of used before: exponential in the comment lines of an assessment block.
OLD_STATUS = re.compile(r"^assessment:[ \t]*(?:#.*)?\n(?:(?:[ ]{2,}.*|[ \t]*#.*|[ \t]*)\n)*?[ ]{2}status:[ \t]*[\"']?([a-z-]+)[\"']?[ \t]*(?:#.*)?$", re.M)


def test_a_status_behind_many_comment_lines_is_read_at_once() -> None:
    """A version a pull request added and removed again: comment lines in the assessment block, no valid status."""
    version = ("claimants:\n  - iran\nassessment:\n" + "  # reviewed\n" * 2000 + "  status: Disputed\nrationale: x\n").encode()
    assert finishes(history.status_of, version) is None
    assert finishes(history.status_of, version.replace(b"Disputed", b"disputed")) == "disputed"


LINES = st.sampled_from(
    ["assessment:", "assessment: # c", "  status: disputed", '  status: "retracted"  # c', "  status: Disputed", "status: x", "  # c", "  ", "", " \t",
     "\t# c", "   status: x", "  rationale: x", "citations:", "  - source: x", "assessment:\r", "  status: corroborated\r", "#", "x"]
)  # fmt: skip


@given(st.lists(LINES, max_size=8), st.booleans())
@settings(max_examples=400, deadline=None)
def test_the_status_reader_answers_as_the_expression_it_replaced(lines: list[str], final_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_newline else "")
    old = OLD_STATUS.search(text)
    assert history.status_of(text.encode()) == (old.group(1) if old else None)


# ---------------------------------------------------------------- a title's first sentence (html.py)

OLD_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.)*\b[A-Z]$|\b(?:Mr|Mrs|Ms|Dr|St|No|vs|etc|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr)$")


def old_sentence_end(text: str) -> int | None:
    for match in re.finditer(r"[.!?](?=\s+[\"'‘“(]?[A-Z0-9])", text):
        if not OLD_ABBREVIATION.search(text[: match.start()]):
            return match.end()
    return None


def test_a_statement_of_initials_is_cut_at_once() -> None:
    """5,000 characters (the longest statement that validates): a run of initials, then full stops after initials."""
    statement = ("A." * 1250 + " x" + " A." * 1250)[:5000]
    assert len(finishes(html.first_sentence, statement, 120)) <= 120


@given(st.text(alphabet='AZaMrsStcvN. !?"(1x', max_size=30))
@settings(max_examples=1000, deadline=None)
def test_the_sentence_end_is_where_the_old_expression_put_it(text: str) -> None:
    assert html.sentence_end(text) == old_sentence_end(text)


# ---------------------------------------------------------------- the hint for a misplaced ": " (loader.py)


def _load_problems(text: str) -> list[tuple[int, int, str]]:
    try:
        loader.load_text(text)
    except loader.LoadFailed as failure:
        return [(p.line, p.col, p.message) for p in failure.problems]
    return []


def test_a_key_followed_by_a_line_of_spaces_is_reported_at_once() -> None:
    text = "a: b\n  c:" + " " * (FILE_LIMIT - 20) + "\n"
    assert finishes(_load_problems, text) == [(2, 4, "YAML syntax error: mapping values are not allowed in this context")]


OLD_KEY_VALUE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s#'\"][^:]*):\s+(?P<value>.*\S)\s*$")


@given(st.text(alphabet=" -:#'\"ab\u00a0\x0c", max_size=16))
@example("- : : ")  # a blank value after the first split must not hide the second (found by CI)
@settings(max_examples=1000, deadline=None)
def test_the_key_value_hint_reads_a_line_as_the_old_expression_did(line: str) -> None:
    old = OLD_KEY_VALUE.match(line)
    new = loader._KEY_VALUE.fullmatch(line)
    new = new if new and new["value"].strip() else None
    assert (old is None) == (new is None)
    if old and new:
        assert (old["key"], old["value"]) == (new["key"], new["value"].strip())


@pytest.mark.parametrize(
    "line",
    [
        "- " + " " * 100_000 + "-" * 100_000,  # a list marker and a key that never reaches its colon
        "k:" + " " * 200_000 + "x",  # white space after the colon, then no quote
        '"' + "\\" * 200_000,  # a double quote, then escapes that never close it
        'k: "' + "\\\\" * 100_000,
        "'" + "''" * 100_000,
    ],
    ids=["list marker", "spaces after a colon", "backslashes", "escaped backslashes", "doubled single quotes"],
)
def test_the_unclosed_quote_check_is_linear(line: str) -> None:
    """Every line before a syntax error is tried for an unclosed quote: lines built to make that check backtrack."""
    assert finishes(loader._unclosed_quote, line) in (True, False)


# ---------------------------------------------------------------- the kind a modeline names (yaml_emit.py, fmt.py)

OLD_MODELINE_KIND = re.compile(r"\$schema=\S*?(event|claim|actor|source)\.schema\.json")


def test_a_modeline_of_many_schema_words_is_read_at_once(tmp_path: Path) -> None:
    record = tmp_path / "record.yaml"
    first = "# yaml-language-server: " + "$schema=" * (FILE_LIMIT // 8 - 10)
    assert finishes(yaml_emit.modeline_kind, first) is None
    record.write_text(first + "claim.schema.json\n", "utf-8")
    assert finishes(fmt.kind_of, record, record.read_text("utf-8")) == "claims"


@given(st.text(alphabet="$schema= eventclaim.json/x", max_size=40))
@settings(max_examples=1000, deadline=None)
def test_the_modeline_kind_is_the_old_expressions(rest: str) -> None:
    line = "# yaml-language-server: " + rest
    old = OLD_MODELINE_KIND.search(line)
    assert yaml_emit.modeline_kind(line) == (old.group(1) if old else None)


# ---------------------------------------------------------------- record ids in editorial notes (pages/fragments.py)


def _ids_in(text: str) -> list[str]:
    return fragments._RECORD_ID.findall(text)


@pytest.mark.parametrize("ending", ["/", "-", "x/", ""])
def test_ids_in_a_note_are_found_in_one_pass(ending: str) -> None:
    """A note of 5,000 characters (the longest text) that is one hyphenated word, ending so that the match fails or not."""
    word = ("a-" * 2500)[: 5000 - len(ending) - 1] + ending
    found = finishes(_ids_in, " " + word)
    assert found == ([] if ending in ("/", "-", "x/") else [word.strip()])


# ---------------------------------------------------------------- the patterns of the JSON schemas

# Every `pattern` in schema/ with the input that makes it try hardest: a long run of what it repeats,
# then a character that makes it fail at the end. A pattern added to a schema must be added here.
N = 100_000
SCHEMA_PATTERNS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "a-" * N + "!",
    "^[^\\n\\r]+$": "x" * N + "\ny",  # not "x…x\n": Python's $ also matches before a final newline, ECMA's does not
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "2026-01-01" * N,
    "\\?$": "?" * N + "x",
    "^seeds/[A-Za-z0-9_.-]+\\.txt$": "seeds/" + ".txt" * N + "!",
    "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$": "en" + "-ab" * N + "!",
    "^[0-9a-f]{40}$": "0" * N,
    "^1\\.[0-9]+\\.[0-9]+$": "1." + "1" * N + ".",
    "^2\\.[0-9]+\\.[0-9]+$": "2." + "1" * N + ".",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$": "2026-01-01T00:00:00" * N,
    "^data/(events|claims|actors|sources)/[a-z0-9]+(-[a-z0-9]+)*\\.yaml$": "data/events/" + "a-" * N + ".yaml!",
    "^https?://.*\\{id\\}\\.json$": "https://" + "{id}.json" * N + "x",
    "^https?://.*\\{id\\}/$": "https://" + "{id}/" * N + "x",
    "^\\S([\\s\\S]*\\S)?$": "x" + " x" * N + " ",  # a translation: no space or line break at either end
    "^[0-9a-f]{10}$": "0" * N,  # the hash of the English a translation translates
    "^[a-z0-9_-]+$": "a_-" * N + "!",  # a value of a scale, in data/fa/scales.yaml
}
# Reviewed by hand: dlint flags any repeat inside a repeat, but in these the inner repeat cannot
# match the separator ('-') that starts each outer one, so every string splits one way only.
SEPARATED_REPEATS = {"^[a-z0-9]+(-[a-z0-9]+)*$", "^data/(events|claims|actors|sources)/[a-z0-9]+(-[a-z0-9]+)*\\.yaml$"}


def _patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_patterns(v) for v in node))
    return set()


def schema_patterns() -> set[str]:
    return set().union(*(_patterns(json.loads(p.read_text("utf-8"))) for p in sorted((REPO / "schema").rglob("*.json"))))


def test_every_schema_pattern_is_listed_with_its_worst_input() -> None:
    assert schema_patterns() == set(SCHEMA_PATTERNS)


def test_no_schema_pattern_nests_repeats_unless_reviewed() -> None:
    assert sorted(p for p in SCHEMA_PATTERNS if catastrophic(p) and p not in SEPARATED_REPEATS) == []


def _both_validators(pattern: str, text: str) -> tuple[bool, bool]:
    schema = {"type": "string", "pattern": pattern}
    return re.search(pattern, text) is not None, jsonschema_rs.validator_for(schema).is_valid(text)


@pytest.mark.parametrize("pattern", sorted(SCHEMA_PATTERNS))
def test_a_schema_pattern_fails_its_worst_input_at_once(pattern: str) -> None:
    """Python's re (jsonschema, the tests) and jsonschema-rs (make validate) both refuse it without backtracking."""
    assert finishes(_both_validators, pattern, SCHEMA_PATTERNS[pattern]) == (False, False)
