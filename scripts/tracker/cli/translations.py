"""The translations: `tracker-translations [--data DIR] [--stamp FILE ...]` (`make translations`).

Without --stamp, reports how much of the data's reader text is translated, per kind of record
and field: translated (up to date), stale (the English changed since) and missing. With --stamp,
records in each translation file given the hash of the English each field now translates, so
that contributors never compute a hash by hand: run it once the Persian says what the English
says. A file the validator would reject is reported as `path:line:col: message` and left alone.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import NoReturn

from tracker.check import translations as check_translations
from tracker.check.validate import validate
from tracker.cli import exit_with
from tracker.load import translations
from tracker.load.dataset import LANGUAGES, Dataset, Problem, display_path
from tracker.load.loader import ZWNJ, LoadFailed, load_file
from tracker.load.yaml_tree import FormatError

_INDEX = re.compile(r"\[[0-9]+\]")  # "lead[2].text" counts as "lead[].text"
STATUSES = (check_translations.TRANSLATED, check_translations.STALE, check_translations.MISSING)


def report(fields: list[check_translations.FieldStatus]) -> str:
    """A table of counts: one line per language, target and field, then the totals."""
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for f in fields:
        counts[(f.language, f.target, _INDEX.sub("[]", f.field), f.status)] += 1
    rows = sorted({key[:3] for key in counts})
    width = max([len(f"{t} {n}") for _, t, n in rows] + [len("field")])
    lines = [f"{'field':<{width}}  {'translated':>10}  {'stale':>5}  {'missing':>7}"]
    for language, target, name in rows:
        cells = [counts[(language, target, name, s)] for s in STATUSES]
        lines.append(f"{f'{target} {name}':<{width}}  {cells[0]:>10}  {cells[1]:>5}  {cells[2]:>7}")
    totals = Counter(f.status for f in fields)
    languages = ", ".join(LANGUAGES[lang] for lang in sorted({f.language for f in fields})) or "none"
    lines.append(f"{languages}: {totals[STATUSES[0]]} fields translated, {totals[STATUSES[1]]} stale, {totals[STATUSES[2]]} missing, of {len(fields)}")
    return "\n".join(lines)


def _generic_keys(target: str, name: str) -> str:
    """Map keys (a measure's id, a scale's value) read as <id> in the report."""
    parts = name.split(".")
    if target == "vocabulary" and len(parts) >= 2:
        parts[1] = "<id>"
    if target == "scales" and len(parts) >= 2:
        parts[1] = "<value>"
    return ".".join(parts)


def stamp(dataset: Dataset, path: Path) -> list[Problem]:
    """Write into one translation file the hash of the English each of its fields translates."""
    shown = display_path(path)
    target = translations.target_of(path)
    if target is None:
        return [Problem(shown, 1, 1, "not a translation file: translations are data/fa/<kind>/<id>.yaml, data/fa/story.yaml, vocabulary.yaml or scales.yaml")]
    try:
        data = load_file(path, allow=ZWNJ).data
    except LoadFailed as failure:
        return [Problem(shown, p.line, p.col, p.message) for p in failure.problems]
    english = check_translations.english_of(dataset, target, path.name.removesuffix(".yaml"))
    if english is None:
        return [Problem(shown, 1, 1, f"no record data/{target}/{path.name} to translate")]
    for field_path, leaf in translations.leaves(data):
        text = check_translations.value_at(english, field_path)
        if isinstance(text, str):
            leaf["translates"] = translations.english_hash(text)
    data.setdefault("by", "tracker")
    dumped = json.dumps(data, ensure_ascii=False)  # JSON is YAML with every text quoted: a hash such as 1234e56789 stays a text
    try:
        path.write_text(translations.format_translation(dumped, target), "utf-8")
    except (FormatError, LoadFailed) as error:
        return [Problem(shown, 1, 1, str(error))]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("DATA", "data")), help="data directory (default: data)")
    parser.add_argument("--stamp", nargs="+", type=Path, metavar="FILE", help="record the English each field of these translation files translates")
    args = parser.parse_args(argv)
    result = validate(args.data)
    if args.stamp:
        problems = [p for path in args.stamp for p in stamp(result.dataset, path)]
        for found in problems:
            print(found)
        print(f"stamped {len(args.stamp) - len({p.path for p in problems})} of {len(args.stamp)} files")
        return 1 if problems else 0
    for found in result.problems:
        print(found)
    fields = [check_translations.FieldStatus(f.language, f.target, f.id, _generic_keys(f.target, f.field), f.status) for f in result.translations.fields]
    print(report(fields))
    return 1 if result.problems else 0


def console() -> NoReturn:
    """The `tracker-translations` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
