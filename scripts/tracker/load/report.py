"""Reporters: how problems are printed. They never decide anything."""

from __future__ import annotations

from collections.abc import Iterable

from tracker.load.dataset import Problem, printable


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _message(problem: Problem) -> str:
    """The message with its snippet below it (an annotation keeps the line breaks)."""
    return "\n".join([printable(problem.message), *map(printable, problem.snippet.splitlines())])


def _warned(warnings: list[Problem]) -> str:
    """The count of warnings for the last line, or ''."""
    if not warnings:
        return ""
    return f"; {len(warnings)} warning{'s' if len(warnings) != 1 else ''} (they do not fail the check)"


def text_report(problems: Iterable[Problem], counts: dict[str, int], warnings: Iterable[Problem] = ()) -> str:
    """The problems, then the warnings apart (each line says "warning:"), then a count of both."""
    problems, warnings = list(problems), list(warnings)
    lines = [str(p) for p in [*problems, *warnings]]
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    if problems:
        lines.append(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found ({summary} checked){_warned(warnings)}")
    else:
        lines.append(f"ok: {summary}{_warned(warnings)}")
    return "\n".join(lines)


def github_report(problems: Iterable[Problem], counts: dict[str, int], warnings: Iterable[Problem] = ()) -> str:
    """GitHub Actions workflow commands, one annotation per problem (an error) or warning."""
    problems, warnings = list(problems), list(warnings)
    lines = [
        f"::{'warning' if p.warning else 'error'} file={_github_escape(printable(p.path), property_value=True)},line={p.line},col={p.col},"
        f"title=data validation::{_github_escape(_message(p))}"
        for p in [*problems, *warnings]
    ]
    lines.append(text_report([], counts, warnings).splitlines()[-1] if not problems else f"{len(problems)} problems found{_warned(warnings)}")
    return "\n".join(lines)
