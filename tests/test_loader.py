"""The strict YAML loader: one test per hazard, with the exact message and position."""

from __future__ import annotations

import pytest

from tracker.load.loader import MAX_FILE_BYTES, LoadFailed, decode, load_text


def problems(text: str | bytes) -> list[tuple[int, int, str]]:
    with pytest.raises(LoadFailed) as caught:
        load_text(decode(text if isinstance(text, bytes) else text.encode("utf-8")))
    return [(p.line, p.col, p.message) for p in caught.value.problems]


def test_plain_data_with_positions():
    doc = load_text('title: "A"\nactors:\n  - iran\n  - israel\nvalue: 12\n')
    assert doc.data == {"title": "A", "actors": ["iran", "israel"], "value": 12}
    assert doc.value_pos[("actors", 1)] == (4, 5)
    assert doc.key_pos[("value",)] == (5, 1)
    assert doc.position(("actors", 7)) == (3, 3)  # falls back to the nearest known ancestor


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("2025-01-20", "2025-01-20"),
        ("2025-01-20 10:00:00", "2025-01-20 10:00:00"),
        ("1:20", "1:20"),
        ("012", "012"),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        ("NaN", "NaN"),
        ("Null", "Null"),
        ("True", "True"),
        ("12", 12),
        ("-3", -3),
        ("2.5", 2.5),
        ("true", True),
        ("null", None),
    ],
)
def test_yaml_1_1_implicit_types_stay_as_written(written, kept):
    assert load_text(f"value: {written}\n").data == {"value": kept}


def test_quoted_scalars_are_always_strings():
    assert load_text("a: '12'\nb: \"true\"\nc: |\n  x\n").data == {"a": "12", "b": "true", "c": "x\n"}


def test_duplicate_keys():
    assert problems("a: 1\nb: 2\na: 3\n") == [(3, 1, "duplicate key 'a' (first at line 1, column 1)")]


def test_nested_duplicate_keys_all_reported():
    assert problems("a:\n  x: 1\n  x: 2\nb: 1\nb: 2\n") == [
        (3, 3, "duplicate key 'x' (first at line 2, column 3)"),
        (5, 1, "duplicate key 'b' (first at line 4, column 1)"),
    ]


def test_anchors_and_aliases():
    assert problems("a: &x 1\nb: *x\n") == [
        (1, 4, "anchor &x: anchors and aliases are not allowed"),
        (2, 4, "alias *x: anchors and aliases are not allowed"),
    ]


def test_merge_key():
    assert problems("a: 1\n<<: {b: 2}\n") == [(2, 1, "merge key '<<' is not allowed; write the fields out")]


def test_alias_bomb_is_rejected_without_expansion():
    # Nine levels of nine aliases: expanding it would build 9**9 (387 million) nodes and never
    # finish in a test run; the loader refuses the first anchor and never expands anything.
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    found = problems("\n".join(lines) + "\n")
    assert found[0] == (1, 5, "anchor &a0: anchors and aliases are not allowed")
    assert len(found) == 10 + 81


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object/apply:os.system ['id']\n", "tag:yaml.org,2002:python/object/apply:os.system"),
        ("a: !custom 3\n", "!custom"),
        ("a: !!str 3\n", "tag:yaml.org,2002:str"),
        ("a: !!binary aGk=\n", "tag:yaml.org,2002:binary"),
    ],
)
def test_tags(text, tag):
    assert problems(text) == [(1, 4, f"tag {tag}: YAML tags are not allowed")]


def test_several_documents():
    assert problems("a: 1\n---\nb: 2\n") == [(2, 1, "several YAML documents in one file; one record per file")]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(text):
    assert problems(text) == [(1, 1, "file is empty; a record is a mapping of fields")]


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "12\n", "null\n"])
def test_top_level_not_a_mapping(text):
    assert problems(text) == [(1, 1, "the top level must be a mapping of fields (key: value)")]


def test_invalid_utf8():
    assert problems(b"a: ok\nb: caf\xe9\n") == [(2, 7, "invalid UTF-8 (byte 0xe9)")]


def test_byte_order_mark():
    assert problems(b"\xef\xbb\xbfa: 1\n") == [(1, 1, "file starts with a byte order mark (BOM); save it as UTF-8 without BOM")]


def test_crlf_line_endings():
    assert problems(b"a: 1\r\nb: 2\r\n") == [
        (1, 5, "carriage return (save the file with LF line endings)"),
        (2, 5, "carriage return (save the file with LF line endings)"),
    ]


def test_tabs():
    assert problems("a:\n\tb: 1\n") == [(2, 1, "tab character (indent with spaces)")]


def test_deep_nesting():
    assert problems("a: " + "[" * 40 + "]" * 40 + "\n") == [(1, 36, "nesting deeper than 32 levels")]


def test_oversized_file():
    text = "a: " + "x" * MAX_FILE_BYTES + "\n"
    assert problems(text) == [(1, 1, f"file is larger than the limit of {MAX_FILE_BYTES:,} bytes")]


def test_complex_key():
    assert problems("? [a, b]\n: 1\n") == [(1, 3, "a key must be a plain string")]


def test_syntax_error_is_positioned():
    assert problems("a: [1, 2\nb: 3\n") == [(2, 2, "YAML syntax error: did not find expected ',' or ']'")]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "control or invisible character U+202E"),
        ("\u2066", "control or invisible character U+2066"),
        ("\u200b", "control or invisible character U+200B"),
        ("\u200d", "control or invisible character U+200D"),
        ("\u0007", "control or invisible character U+0007"),
        ("\ufeff", "byte order mark or zero-width no-break space"),
    ],
)
def test_invisible_and_bidi_characters_are_positioned(char, name):
    assert problems(f'a: 1\nb: "abc{char}def"\n') == [(2, 8, name)]


def test_forbidden_characters_cover_every_invisible_category():
    """The spelled-out class covers Unicode Cc (but newline), Cf, Zl, Zp, surrogates and noncharacters."""
    import sys
    import unicodedata

    from tracker.load.loader import FORBIDDEN_CHARACTERS

    missing = [
        f"U+{cp:04X}"
        for cp in range(sys.maxunicode + 1)
        if (unicodedata.category(chr(cp)) in {"Cc", "Cf", "Zl", "Zp", "Cs"} and cp != 0x0A) or (cp & 0xFFFE) == 0xFFFE or 0xFDD0 <= cp <= 0xFDEF
        if not FORBIDDEN_CHARACTERS.fullmatch(chr(cp))
    ]
    assert missing == []
    allowed = [ch for ch in "\n azAZ09é’—…€中ß" if FORBIDDEN_CHARACTERS.fullmatch(ch)]
    assert allowed == []


@pytest.mark.parametrize(
    ("escape", "col", "name"),
    [
        ("\\u202e", 8, "control or invisible character U+202E"),
        ("\\0", 8, "control or invisible character U+0000"),
        ("\\L", 8, "control or invisible character U+2028"),
    ],
)
def test_forbidden_characters_written_as_escapes(escape, col, name):
    assert problems(f'a: 1\nb: "abc{escape}def"\n') == [(2, col, name)]


@pytest.mark.parametrize("number", ["9" * 400, "1e400", "-1e400", str(2**53)])
def test_numbers_out_of_range(number):
    assert problems(f"a: 1\nb: {number}\n") == [(2, 4, "number out of range")]


def test_deep_nesting_stops_at_once():
    """The loader stops at the first too-deep node instead of parsing the rest (quadratic in libyaml)."""
    text = "a: " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert problems(text) == [(1, 36, "nesting deeper than 32 levels")]
