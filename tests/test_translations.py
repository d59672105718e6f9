"""Translations as data: their schema, a translation only of fields that exist, stale and missing ones
as warnings, the helper that records the English a translation translates, and the report."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from conftest import edit, run_validator
from tracker.check.validate import validate
from tracker.cli import fmt as fmt_cli
from tracker.cli import translations as translations_cli
from tracker.load import translations
from tracker.load.report import github_report

STATEMENT = "Pezeshkian said he instructed his foreign minister to pursue fair negotiations, and that more than 3,000 people died."
ZWNJ = "\u200c"
FAIR_TALKS = f"""# yaml-language-server: $schema=../../../schema/translations/claim.schema.json
by: "tracker"
statement:
  translation: "پزشکیان گفت به وزیر امور خارجه‌اش دستور داده است مذاکراتی منصفانه را دنبال کند."
  translates: "{translations.english_hash(STATEMENT)}"
"""


def translate(data: Path, relative: str, text: str) -> Path:
    path = data / "fa" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def problems(lines: list[str]) -> list[str]:
    """The validator's problem lines: not its warnings, not its counts."""
    return [line for line in lines if line.startswith("data/") and ": warning: " not in line]


def cli(module, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = module.main(list(args))
    return code, out.getvalue()


def test_english_hash_is_ten_hex_digits_of_sha256():
    assert translations.english_hash("a") == "ca978112ca"
    assert translations.english_hash("a") != translations.english_hash("a ")


def test_without_a_translation_folder_nothing_is_missing(mini):
    assert run_validator(mini) == (0, ["ok: 1 events, 2 claims, 3 actors, 2 sources"])


def test_missing_translations_are_warnings_and_the_exit_code_stays_0(mini):
    translate(mini, "claims/fair-talks.yaml", FAIR_TALKS)
    code, lines = run_validator(mini)
    assert code == 0
    assert lines[-1] == "ok: 1 events, 2 claims, 3 actors, 2 sources; 10 warnings (they do not fail the check)"
    assert "data/claims/fair-talks.yaml:1:1: warning: no Persian translation of assessment.rationale (add it in data/fa/claims/fair-talks.yaml)" in lines
    assert "data/vocabulary.yaml:1:1: warning: no Persian translation of measures.deaths.name, tags.diplomacy (add it in data/fa/vocabulary.yaml)" in lines
    assert lines[0].startswith("data/actors/iran.yaml:1:1: warning: no Persian translation of name (add it in data/fa/actors/iran.yaml)")
    scales = [line for line in lines if line.startswith("data/fa/scales.yaml")]
    assert scales == [
        "data/fa/scales.yaml:1:1: warning: no Persian translation of 64 fields (status.unverified.title, status.unverified.description,"
        " status.corroborated.title, status.corroborated.description, status.disputed.title, status.disputed.description…)"
        " (add it in data/fa/scales.yaml)"
    ]


def test_a_changed_english_field_makes_its_translation_stale(mini):
    translate(mini, "claims/fair-talks.yaml", FAIR_TALKS)
    edit(mini / "claims" / "fair-talks.yaml", "Pezeshkian said", "Pezeshkian wrote")
    code, lines = run_validator(mini)
    assert code == 0
    assert (
        "data/fa/claims/fair-talks.yaml:5:15: warning: stale Persian translation: the English of statement has changed since it was translated;"
        " update the translation, then run `make translations FILES=data/fa/claims/fair-talks.yaml`"
    ) in lines


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (  # a field the claim does not have (fair-talks has no notes)
            FAIR_TALKS + 'notes:\n  translation: "یادداشت"\n  translates: "0123456789"\n',
            "data/fa/claims/fair-talks.yaml:6:1: the claim has no notes to translate; remove this translation",
        ),
        (  # a field that is never translated: a quote is the source's own words
            FAIR_TALKS + 'quote:\n  translation: "مذاکرات منصفانه"\n  translates: "0123456789"\n',
            "data/fa/claims/fair-talks.yaml:6:1: 'quote' is not a field that can be translated here; the fields here are by, statement, assessment, notes",
        ),
        (
            FAIR_TALKS + 'statment:\n  translation: "x"\n  translates: "0123456789"\n',
            "data/fa/claims/fair-talks.yaml:6:1: 'statment' is not a field that can be translated here; did you mean 'statement'?",
        ),
        (
            FAIR_TALKS.replace(f'  translates: "{translations.english_hash(STATEMENT)}"\n', ""),
            "data/fa/claims/fair-talks.yaml:4:3: this translation does not say which English it translates:"
            " run `make translations FILES=data/fa/claims/fair-talks.yaml` once it says what the English says",
        ),
        (
            FAIR_TALKS.replace(translations.english_hash(STATEMENT), "by hand"),
            "data/fa/claims/fair-talks.yaml:5:15: not a hash written by the helper:"
            " run `make translations FILES=data/fa/claims/fair-talks.yaml` once the translation says what the English says",
        ),
        (
            FAIR_TALKS.replace('by: "tracker"\n', ""),
            "data/fa/claims/fair-talks.yaml:2:1: missing required field 'by'",
        ),
        (
            FAIR_TALKS.replace("پزشکیان گفت", " پزشکیان گفت"),
            "data/fa/claims/fair-talks.yaml:4:16: a translation does not start or end with a space or a line break",
        ),
    ],
)
def test_a_wrong_translation_is_a_problem_at_its_position(mini, text, message):
    translate(mini, "claims/fair-talks.yaml", text)
    code, lines = run_validator(mini)
    assert code == 1
    assert problems(lines) == [message]


def test_a_translation_of_a_record_that_does_not_exist(mini):
    translate(mini, "claims/no-such-claim.yaml", FAIR_TALKS)
    translate(mini, "events/fair-talks.yaml", FAIR_TALKS.replace("claim.schema", "event.schema").replace("statement:", "title:"))
    translate(mini, "notes.txt", "x")
    code, lines = run_validator(mini)
    assert code == 1
    assert problems(lines) == [
        "data/fa/claims/no-such-claim.yaml:1:1: no record data/claims/no-such-claim.yaml to translate; name the file after what it translates",
        "data/fa/events/fair-talks.yaml:1:1: no record data/events/fair-talks.yaml to translate; name the file after what it translates",
        "data/fa/notes.txt:1:1: unexpected entry; data/fa/ holds only events, claims, actors, sources, story.yaml, vocabulary.yaml, scales.yaml",
    ]


def test_a_zwnj_is_part_of_persian_spelling_but_no_record_may_hold_one(mini):
    translate(mini, "claims/fair-talks.yaml", FAIR_TALKS)
    assert ZWNJ in FAIR_TALKS
    edit(mini / "claims" / "fair-talks.yaml", "Pezeshkian said", f"Pezeshkian{ZWNJ} said")
    code, lines = run_validator(mini)
    assert code == 1
    assert problems(lines) == ["data/claims/fair-talks.yaml:3:23: control or invisible character U+200C"]


def test_other_invisible_characters_stay_forbidden_in_translations(mini):
    translate(mini, "claims/fair-talks.yaml", FAIR_TALKS.replace("پزشکیان گفت", "پزشکیان\u202eگفت"))
    code, lines = run_validator(mini)
    assert code == 1
    assert "data/fa/claims/fair-talks.yaml:4:24: control or invisible character U+202E" in lines


def test_scales_story_and_vocabulary_translate_only_what_exists(mini):
    translate(
        mini,
        "scales.yaml",
        'by: "tracker"\nstatus:\n  disputed:\n    title:\n      translation: "مورد اختلاف"\n      translates: "0123456789"\n'
        '  settled:\n    title:\n      translation: "قطعی"\n      translates: "0123456789"\n',
    )
    translate(
        mini,
        "vocabulary.yaml",
        'by: "tracker"\ntags:\n  diplomacy:\n    translation: "دیپلماسی"\n    translates: "0123456789"\n  war:\n    translation: "جنگ"\n    translates: "0123456789"\n',
    )
    translate(mini, "story.yaml", 'by: "tracker"\nlead:\n  - text:\n      translation: "پیشگفتار"\n      translates: "0123456789"\n')
    code, lines = run_validator(mini)
    assert code == 1
    assert problems(lines) == [
        "data/fa/scales.yaml:8:5: the scales of schema/ has no status.settled.title to translate; remove this translation",
        "data/fa/story.yaml:1:1: no data/story.yaml to translate; name the file after what it translates",
        "data/fa/vocabulary.yaml:6:3: data/vocabulary.yaml has no tags.war to translate; remove this translation",
    ]
    assert (
        "data/fa/scales.yaml:6:19: warning: stale Persian translation: the English of status.disputed.title has changed since it was translated;"
        in "\n".join(lines)
    )


def test_the_helper_records_the_english_and_writes_the_file_canonically(mini):
    path = translate(
        mini,
        "claims/fair-talks.yaml",
        'assessment:\n  rationale:\n    translation: "دلیل آزمایشی."\nstatement:\n  translation: "پزشکیان گفت به وزیر امور خارجه‌اش دستور داده است."\n',
    )
    code, out = cli(translations_cli, "--data", str(mini), "--stamp", str(path))
    assert (code, out) == (0, "stamped 1 of 1 files\n")
    assert path.read_text("utf-8") == (
        "# yaml-language-server: $schema=../../../schema/translations/claim.schema.json\n"
        'by: "tracker"\n'
        "statement:\n"
        f'  translation: "پزشکیان گفت به وزیر امور خارجه{ZWNJ}اش دستور داده است."\n'
        f'  translates: "{translations.english_hash(STATEMENT)}"\n'
        "assessment:\n"
        "  rationale:\n"
        '    translation: "دلیل آزمایشی."\n'
        f'    translates: "{translations.english_hash("Test rationale.")}"\n'
    )
    result = validate(mini)
    assert result.ok
    assert not [w for w in result.warnings if "fair-talks" in w.path]
    assert cli(fmt_cli, "--check", str(path)) == (0, "fmt: 1 of 1 files canonical\n")


def test_fmt_orders_a_translation_by_its_schema_and_keeps_its_comments(mini):
    path = translate(mini, "claims/fair-talks.yaml", FAIR_TALKS.replace('by: "tracker"\n', "") + "# checked by a second reader\nby: tracker\n")
    code, out = cli(fmt_cli, "--data", str(mini))
    assert code == 0 and f"formatted {path}" in out.splitlines()
    text = path.read_text("utf-8")
    assert text.splitlines()[1:3] == ["# checked by a second reader", 'by: "tracker"']
    assert ZWNJ in text and "\\u200c" not in text


def test_the_report_counts_each_field_by_kind(mini):
    translate(mini, "claims/fair-talks.yaml", FAIR_TALKS)
    code, out = cli(translations_cli, "--data", str(mini))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["field", "translated", "stale", "missing"]
    rows = {" ".join(line.split()[:-3]): line.split()[-3:] for line in lines[1:-1]}
    assert rows["claims statement"] == ["1", "0", "1"]
    assert rows["claims assessment.rationale"] == ["0", "0", "2"]
    assert rows["scales status.<value>.title"] == ["0", "0", "5"]
    assert rows["vocabulary tags.<id>"] == ["0", "0", "1"]
    assert lines[-1] == "Persian: 1 fields translated, 0 stale, 78 missing, of 79"
    edit(mini / "claims" / "fair-talks.yaml", "Pezeshkian said", "Pezeshkian wrote")
    assert cli(translations_cli, "--data", str(mini))[1].splitlines()[-1] == "Persian: 0 fields translated, 1 stale, 78 missing, of 79"


def test_github_annotations_mark_warnings_as_warnings(mini):
    translate(mini, "claims/fair-talks.yaml", FAIR_TALKS)
    result = validate(mini)
    lines = github_report(result.problems, result.counts(), result.warnings).splitlines()
    assert len(lines) == 11 and all(line.startswith("::warning file=") for line in lines[:-1])
    assert lines[-1] == "ok: 1 events, 2 claims, 3 actors, 2 sources; 10 warnings (they do not fail the check)"


def test_translation_schemas_are_valid_and_describe_every_field():
    for path in sorted(translations.TRANSLATION_SCHEMA_DIR.glob("*.schema.json")):
        schema = json.loads(path.read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"].endswith(f"/schema/translations/{path.name}")
        assert schema.get("description"), path.name
    for stem in ("event", "claim", "actor", "source", "story", "vocabulary", "scales"):
        fields = list(translations.translatable({}, translations.inlined(stem)))
        assert fields == []  # nothing to translate in an empty record
        assert "by" in translations.inlined(stem)["required"]


def test_a_hash_that_reads_as_a_number_stays_a_text(mini):
    """A hash such as 1234e56789 is a number in YAML unquoted: the helper must write it quoted."""
    english = next(f"Test rationale {n}." for n in range(10_000) if re.fullmatch(r"[0-9]+e[0-9]+", translations.english_hash(f"Test rationale {n}.")))
    edit(mini / "claims" / "fair-talks.yaml", "Test rationale.", english)
    path = translate(mini, "claims/fair-talks.yaml", 'assessment:\n  rationale:\n    translation: "دلیل آزمایشی."\n')
    assert cli(translations_cli, "--data", str(mini), "--stamp", str(path)) == (0, "stamped 1 of 1 files\n")
    assert f'translates: "{translations.english_hash(english)}"' in path.read_text("utf-8")
    assert validate(mini).ok
