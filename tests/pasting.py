"""Reading the validator's output as a contributor does, and pasting the YAML it prints where it says.

Used by tests/test_snippets.py (each kind of suggested YAML) and tests/test_contribution.py (a whole
contribution completed by following the messages).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conftest import run_validator

HEAD = re.compile(r"^data/(?P<file>\S+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.*)$")
WHERE = re.compile(
    r"add (?:these lines|this item|it) (?:to the links of |under \S+ in |to )data/(?P<file>\S+?), (?:above its line (?P<line>\d+) \(\S+\)|at its end)"
)


@dataclass
class Printed:
    file: str
    line: int
    message: str
    snippet: list[str]


def problems(data: Path, validator: Callable[[Path], tuple[int, list[str]]] = run_validator) -> list[Printed]:
    """The validator's problems, each with the YAML lines printed below it (paths shown as data/…)."""
    code, lines = validator(data)
    lines = [line for line in lines if ": warning: " not in line]  # warnings suggest no YAML (the frozen story's lead has some)
    if code == 0:
        assert len(lines) == 1 and lines[0].startswith("ok: "), lines
        return []
    assert code == 1, lines
    found: list[Printed] = []
    for line in lines[:-1]:
        head = HEAD.match(line)
        if head:
            found.append(Printed(head["file"], int(head["line"]), head["message"], []))
        else:
            found[-1].snippet.append(line)
    return found


def paste(data: Path, problem: Printed, **filled: str) -> None:
    """Paste the YAML where the message says; ``filled`` fills in its empty fields ("" placeholders) by name."""
    snippet = problem.snippet
    for name, value in filled.items():
        snippet = [re.sub(rf'^(\s*(?:- )?{name}): ""$', rf'\1: "{value}"', line) for line in snippet]
    where = WHERE.search(problem.message)
    if where:  # lines to add: above a line, or at the end
        path = data / where["file"]
        lines = path.read_text("utf-8").splitlines()
        at = int(where["line"]) - 1 if where["line"] else len(lines)
        path.write_text("\n".join([*lines[:at], *snippet, *lines[at:]]) + "\n", "utf-8")
    else:  # a value to write in place of the one the problem points at
        path = data / problem.file
        lines = path.read_text("utf-8").splitlines()
        lines[problem.line - 1 : problem.line] = snippet
        path.write_text("\n".join(lines) + "\n", "utf-8")
