"""The hostile-input catalogue: one tiny change to a copy of tests/fixtures/mini per case.

Every case states its documented outcome exactly:

* ``expected`` lines: the validator exits 1 and prints exactly these ``path:line:col: message``
  lines (paths relative to the data directory, shown here as ``data/``), then the count;
* ``accepted``: the validator exits 0 and the loader returns the value as written, for
  ``(file, field path, value)``.

``bug`` names a product bug: the case states the correct outcome and is expected to fail
(``xfail(strict=True)``) until the product is fixed; then the marker goes.

Rendering payloads (text shown literally, no element or attribute added) are a catalogue of
their own, in payloads.py.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from case_table import Case, provenance_of
from tracker.check.rules.duplicates import similarity
from tracker.core.closest import HINT_BUDGET, NO_BUDGET
from tracker.load.loader import MAX_DEPTH, MAX_FILE_BYTES

E = "events/statement.yaml"
C = "claims/fair-talks.yaml"
O = "claims/other-talks.yaml"
A = "actors/president.yaml"
S = "sources/x-post.yaml"

NOT_AN_ID = "is not a valid id: use lowercase letters a-z, digits 0-9 and single hyphens"
NOT_A_URL = "is not an absolute http:// or https:// URL with a host"
SYMLINK = "symlinks are not allowed under the data directory"
BAD_EXTENSION = "unexpected file; records are <id>.yaml files (extension .yaml)"
UNKNOWN_FOLDER = "unknown folder; the data directory holds only events, claims, actors, sources"
TOP_LEVEL_FILE = "unexpected file; records go in one of the folders events, claims, actors, sources"
KINDS_OF_ACTOR = "person, government, organisation, military, news-outlet, group, anonymous, unnamed-author"
STATUSES = "unverified, corroborated, disputed, contradicted, retracted"


@dataclass
class HostileCase(Case):
    """A catalogue entry: a Case (edits, writes, custom) with its category and outcome."""

    category: str = ""
    accepted: tuple[str, tuple, object] | None = None  # (file, field path, value as written)
    bug: str | None = None
    check: Callable[[Path], None] | None = None  # an extra assertion after the validator ran
    seconds: float = 10.0  # the validator must finish within this time


def reject(category: str, name: str, expected: list[str], **kwargs) -> HostileCase:
    """A case whose outcome is exactly the ``expected`` lines and exit status 1."""
    return HostileCase(name=name, expected=expected, category=category, **kwargs)


def accept(category: str, name: str, accepted: tuple[str, tuple, object], **kwargs) -> HostileCase:
    """A case whose outcome is exit status 0 and a value kept exactly as written."""
    return HostileCase(name=name, expected=[], category=category, accepted=accepted, **kwargs)


# ---------------------------------------------------------------- helpers for custom changes


def _symlink(target: str, link: str) -> Callable[[Path], None]:
    def make(data: Path) -> None:
        os.symlink(target, data / link)

    return make


def _symlink_kind_folder(data: Path) -> None:
    """events/ moved out and replaced by a symlink to it."""
    outside = data.parent / "events-elsewhere"
    shutil.move(data / "events", outside)
    os.symlink(outside, data / "events")


def _fifo(data: Path) -> None:
    os.mkfifo(data / "events" / "pipe.yaml")


def _empty_folder(data: Path) -> None:
    (data / "misc").mkdir()


def _append(file: str, text: str) -> Callable[[Path], None]:
    def change(data: Path) -> None:
        with (data / file).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return change


def _crlf(data: Path) -> None:
    (data / "actors" / "crlf.yaml").write_bytes(b'name: "A"\r\nkind: person\r\n')


def _python_tag_marker(data: Path) -> Path:
    return data.parent / "python-tag-ran"


def _python_tag(data: Path) -> None:
    (data / "actors" / "evil.yaml").write_text(f"name: !!python/object/apply:os.system ['touch {_python_tag_marker(data)}']\n", "utf-8")


def _python_tag_did_not_run(data: Path) -> None:
    assert not _python_tag_marker(data).exists(), "the tag was constructed: os.system ran"


def _padded_record(total: int) -> bytes:
    """A valid actor record padded with a comment to exactly ``total`` bytes."""
    record = b'name: "Padded"\nkind: government\ncitations:\n  - source: seed\n    excerpt: "Talks between Iran and the United States"\n'
    filler = total - len(record) - len(b"# \n")
    return record + b"# " + b"x" * filler + b"\n"


def _bomb() -> str:
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def _bomb_expected() -> list[str]:
    lines = ["data/actors/bomb.yaml:1:5: anchor &a0: anchors and aliases are not allowed"]
    for i in range(1, 10):
        lines.append(f"data/actors/bomb.yaml:{i + 1}:5: anchor &a{i}: anchors and aliases are not allowed")
        lines += [f"data/actors/bomb.yaml:{i + 1}:{10 + 5 * j}: alias *a{i - 1}: anchors and aliases are not allowed" for j in range(9)]
    return lines


VALID_ACTOR = 'name: "Iran"\nkind: government\ncitations:\n  - source: seed\n    excerpt: "Talks between Iran and the United States"\n'
LONG_ID = "a" * 101

# ---------------------------------------------------------------- the catalogue

YAML_STRUCTURE = [
    reject(
        "YAML structure",
        "duplicate key",
        ["data/actors/dup.yaml:2:1: duplicate key 'name' (first at line 1, column 1)"],
        writes={"actors/dup.yaml": 'name: "A"\nname: "B"\n'},
    ),
    reject(
        "YAML structure",
        "duplicate key in a nested mapping",
        ["data/claims/fair-talks.yaml:17:3: duplicate key 'status' (first at line 16, column 3)"],
        edits=[(C, "  status: disputed\n", "  status: disputed\n  status: retracted\n")],
    ),
    reject(
        "YAML structure",
        "duplicate key in a list item",
        ["data/events/statement.yaml:10:5: duplicate key 'source' (first at line 9, column 5)"],
        edits=[(E, "  - source: seed\n", "  - source: seed\n    source: x-post\n")],
    ),
    reject(
        "YAML structure",
        "duplicate key written once quoted",
        ["data/actors/dup.yaml:2:1: duplicate key 'name' (first at line 1, column 1)"],
        writes={"actors/dup.yaml": 'name: "A"\n"name": "B"\n'},
    ),
    reject(
        "YAML structure",
        "anchor and alias",
        [
            "data/events/statement.yaml:4:5: anchor &who: anchors and aliases are not allowed",
            "data/events/statement.yaml:5:5: alias *who: anchors and aliases are not allowed",
        ],
        edits=[(E, "actors:\n  - president\n", "actors:\n  - &who president\n  - *who\n")],
    ),
    reject(
        "YAML structure",
        "merge key",
        ["data/claims/fair-talks.yaml:16:3: merge key '<<' is not allowed; write the fields out"],
        edits=[(C, "assessment:\n  status: disputed\n", "assessment:\n  <<: {status: disputed}\n")],
    ),
    reject("YAML structure", "alias bomb (nine levels of nine)", _bomb_expected(), writes={"actors/bomb.yaml": _bomb()}),
    reject(
        "YAML structure",
        "Python object tag",
        ["data/actors/evil.yaml:1:7: tag tag:yaml.org,2002:python/object/apply:os.system: YAML tags are not allowed"],
        custom=_python_tag,
        check=_python_tag_did_not_run,
    ),
    reject(
        "YAML structure",
        "custom tag",
        ["data/events/statement.yaml:1:8: tag !secret: YAML tags are not allowed"],
        edits=[(E, 'title: "Pez', 'title: !secret "Pez')],
    ),
    reject(
        "YAML structure",
        "tag directive with a shorthand",
        ["data/actors/evil.yaml:3:7: tag tag:evil.example,2026:x: YAML tags are not allowed"],
        writes={"actors/evil.yaml": "%TAG !e! tag:evil.example,2026:\n---\nname: !e!x y\n"},
    ),
    reject(
        "YAML structure",
        "several documents",
        ["data/events/statement.yaml:12:1: several YAML documents in one file; one record per file"],
        custom=_append(E, '---\ntitle: "A second record"\n'),
    ),
    reject("YAML structure", "empty file", ["data/events/statement.yaml:1:1: file is empty; a record is a mapping of fields"], writes={E: ""}),
    reject("YAML structure", "only a comment", ["data/events/statement.yaml:1:1: file is empty; a record is a mapping of fields"], writes={E: "# title: x\n"}),
    reject(
        "YAML structure",
        "list at the top level",
        ["data/actors/list.yaml:1:1: the top level must be a mapping of fields (key: value)"],
        writes={"actors/list.yaml": "- name\n- kind\n"},
    ),
    reject(
        "YAML structure",
        "scalar at the top level",
        ["data/actors/text.yaml:1:1: the top level must be a mapping of fields (key: value)"],
        writes={"actors/text.yaml": "just text\n"},
    ),
    reject(
        "YAML structure", "sequence as a key", ["data/actors/key.yaml:1:3: a key must be a plain string"], writes={"actors/key.yaml": "? [name, kind]\n: x\n"}
    ),
    reject(
        "YAML structure",
        "unclosed flow sequence",
        ["data/actors/open.yaml:2:5: YAML syntax error: did not find expected ',' or ']'"],
        writes={"actors/open.yaml": "aliases: [a, b\nkind: person\n"},
    ),
]

ENCODING = [
    reject("encoding", "invalid UTF-8 byte", ["data/actors/latin1.yaml:1:11: invalid UTF-8 (byte 0xe9)"], writes={"actors/latin1.yaml": b'name: "Caf\xe9"\n'}),
    reject(
        "encoding",
        "overlong UTF-8 for '<'",
        ["data/actors/overlong.yaml:1:8: invalid UTF-8 (byte 0xc0)"],
        writes={"actors/overlong.yaml": b'name: "\xc0\xbcscript"\n'},
    ),
    reject(
        "encoding",
        "UTF-8 encoded surrogate",
        ["data/actors/surrogate.yaml:1:8: invalid UTF-8 (byte 0xed)"],
        writes={"actors/surrogate.yaml": b'name: "\xed\xa0\x80"\n'},
    ),
    reject("encoding", "UTF-16 file", ["data/actors/utf16.yaml:1:1: invalid UTF-8 (byte 0xff)"], writes={"actors/utf16.yaml": 'name: "A"\n'.encode("utf-16")}),
    reject(
        "encoding",
        "byte order mark",
        ["data/actors/bom.yaml:1:1: file starts with a byte order mark (BOM); save it as UTF-8 without BOM"],
        writes={"actors/bom.yaml": b'\xef\xbb\xbfname: "A"\n'},
    ),
    reject(
        "encoding",
        "CRLF line endings",
        [
            "data/actors/crlf.yaml:1:10: carriage return (save the file with LF line endings)",
            "data/actors/crlf.yaml:2:13: carriage return (save the file with LF line endings)",
        ],
        custom=_crlf,
    ),
    reject(
        "encoding",
        "lone CR line ending",
        ["data/actors/cr.yaml:1:10: carriage return (save the file with LF line endings)"],
        writes={"actors/cr.yaml": b'name: "A"\rkind: person\n'},
    ),
    reject(
        "encoding", "tab indentation", ["data/events/statement.yaml:4:1: tab character (indent with spaces)"], edits=[(E, "  - president\n", "\t- president\n")]
    ),
    reject(
        "encoding", "tab inside a quoted value", ["data/actors/tab.yaml:1:9: tab character (indent with spaces)"], writes={"actors/tab.yaml": 'name: "A\tB"\n'}
    ),
    reject("encoding", "NUL byte", ["data/actors/nul.yaml:1:9: control or invisible character U+0000"], writes={"actors/nul.yaml": 'name: "A\x00B"\n'}),
    reject(
        "encoding",
        "NEL (U+0085) line break",
        ["data/actors/nel.yaml:1:9: control or invisible character U+0085"],
        writes={"actors/nel.yaml": 'name: "A\x85B"\n'},
    ),
]

LIMITS = [
    reject(
        "size and depth",
        f"nesting deeper than {MAX_DEPTH} levels (flow)",
        [f"data/actors/deep.yaml:1:{10 + MAX_DEPTH}: nesting deeper than {MAX_DEPTH} levels"],
        writes={"actors/deep.yaml": "aliases: " + "[" * 40 + "]" * 40 + "\n"},
    ),
    reject(
        "size and depth",
        f"nesting deeper than {MAX_DEPTH} levels (block)",
        [f"data/actors/deep.yaml:{MAX_DEPTH + 2}:{2 * MAX_DEPTH + 3}: nesting deeper than {MAX_DEPTH} levels"],
        writes={"actors/deep.yaml": "roles:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(40)) + "  " * 41 + "v\n"},
    ),
    reject(
        "size and depth",
        "100,000 nested brackets, quickly",
        [f"data/actors/deep.yaml:1:{10 + MAX_DEPTH}: nesting deeper than {MAX_DEPTH} levels"],
        writes={"actors/deep.yaml": "aliases: " + "[" * 100_000 + "]" * 100_000 + "\n"},
        seconds=3,
    ),
    reject(
        "size and depth",
        "file one byte over the size limit",
        [f"data/actors/big.yaml:1:1: file is larger than the limit of {MAX_FILE_BYTES:,} bytes"],
        writes={"actors/big.yaml": _padded_record(MAX_FILE_BYTES + 1)},
    ),
    accept(
        "size and depth", "file exactly at the size limit", ("actors/big.yaml", ("name",), "Padded"), writes={"actors/big.yaml": _padded_record(MAX_FILE_BYTES)}
    ),
    reject(
        "size and depth",
        "integer too large for a float",
        ["data/claims/fair-talks.yaml:12:12: number out of range"],
        edits=[(C, "value: 3000", "value: " + "9" * 400)],
    ),
    reject(
        "size and depth",
        "float that overflows to infinity",
        ["data/claims/fair-talks.yaml:12:12: number out of range"],
        edits=[(C, "value: 3000", "value: 1e400")],
    ),
]


def _spaces_after_a_key() -> str:
    """A 256 KiB file whose last line is a key and white space: the line the "mapping values" hint reads."""
    text = "kind: person\nname: A\n  b:"
    return text + " " * (MAX_FILE_BYTES - len(text) - 1) + "\n"


BACKTRACKING = [
    reject(
        "backtracking",
        "a key followed by 256 KiB of spaces, quickly",
        ["data/actors/spaces.yaml:3:4: YAML syntax error: mapping values are not allowed in this context"],
        writes={"actors/spaces.yaml": _spaces_after_a_key()},
        seconds=3,
    ),
]

YAML_11_TYPING = [
    accept("YAML 1.1 implicit typing", "title: no", (E, ("title",), "no"), edits=[(E, 'title: "Pezeshkian posted a statement on X"', "title: no")]),
    accept("YAML 1.1 implicit typing", "title: on", (E, ("title",), "on"), edits=[(E, 'title: "Pezeshkian posted a statement on X"', "title: on")]),
    accept("YAML 1.1 implicit typing", "title: 012", (E, ("title",), "012"), edits=[(E, 'title: "Pezeshkian posted a statement on X"', "title: 012")]),
    accept("YAML 1.1 implicit typing", "title: 1:20", (E, ("title",), "1:20"), edits=[(E, 'title: "Pezeshkian posted a statement on X"', "title: 1:20")]),
    accept(
        "YAML 1.1 implicit typing", "tag: yes", (E, ("tags", 0), "yes"), edits=[(E, "  - diplomacy", "  - yes"), ("vocabulary.yaml", "  diplomacy:", "  yes:")]
    ),
    accept("YAML 1.1 implicit typing", "unquoted date", (E, ("date",), "2026-02-01"), edits=[(E, 'date: "2026-02-01"', "date: 2026-02-01")]),
    reject(
        "YAML 1.1 implicit typing",
        "unquoted date and time",
        ["data/events/statement.yaml:2:7: invalid date: '2026-02-01 10:00:00' is not an EDTF date such as 2025, 2025-06 or 2025-06-13"],
        edits=[(E, 'date: "2026-02-01"', "date: 2026-02-01 10:00:00")],
    ),
    reject(
        "YAML 1.1 implicit typing",
        "unquoted year is a number",
        ['data/sources/seed.yaml:3:12: a date is written in quotes (unquoted, 2026 is a number): write "2026"'],
        edits=[("sources/seed.yaml", 'published: "2026"', "published: 2026")],
    ),
    reject(
        "YAML 1.1 implicit typing",
        "sexagesimal 1:20 is not 80",
        ['data/claims/fair-talks.yaml:12:12: "1:20" is not of type "number"'],
        edits=[(C, "value: 3000", "value: 1:20")],
    ),
    reject(
        "YAML 1.1 implicit typing",
        "octal-looking 012 is not 10",
        ['data/claims/fair-talks.yaml:12:12: "012" is not of type "number"'],
        edits=[(C, "value: 3000", "value: 012")],
    ),
    reject(
        "YAML 1.1 implicit typing",
        "hexadecimal 0x10 is not 16",
        ['data/claims/fair-talks.yaml:12:12: "0x10" is not of type "number"'],
        edits=[(C, "value: 3000", "value: 0x10")],
    ),
    reject(
        "YAML 1.1 implicit typing",
        "status: off is not false",
        [f"data/claims/other-talks.yaml:6:11: 'off' is not one of: {STATUSES}"],
        edits=[(O, "status: disputed", "status: off")],
    ),
    reject(
        "YAML 1.1 implicit typing",
        "kind: no is not false",
        [f"data/actors/president.yaml:2:7: 'no' is not one of: {KINDS_OF_ACTOR}"],
        edits=[(A, "kind: person", "kind: no")],
    ),
    reject(
        "YAML 1.1 implicit typing",
        "title: 1e3 is a number",
        ['data/events/statement.yaml:1:8: 1000.0 is not of type "string"'],
        edits=[(E, 'title: "Pezeshkian posted a statement on X"', "title: 1e3")],
    ),
]

DATES = [
    reject(
        "dates",
        "30 February",
        ["data/events/statement.yaml:2:7: invalid date: '2026-02-30': day 30 does not exist in February 2026"],
        edits=[(E, '"2026-02-01"', '"2026-02-30"')],
    ),
    reject(
        "dates",
        "29 February in a common year",
        ["data/events/statement.yaml:2:7: invalid date: '2025-02-29': day 29 does not exist in February 2025"],
        edits=[(E, '"2026-02-01"', '"2025-02-29"')],
    ),
    accept("dates", "29 February in a leap year", (E, ("date",), "2024-02-29"), edits=[(E, '"2026-02-01"', '"2024-02-29"')]),
    reject("dates", "month 13", ["data/events/statement.yaml:2:7: invalid date: '2026-13': month 13 does not exist"], edits=[(E, '"2026-02-01"', '"2026-13"')]),
    reject(
        "dates",
        "day 00",
        ["data/events/statement.yaml:2:7: invalid date: '2026-02-00': day 00 does not exist in February 2026"],
        edits=[(E, '"2026-02-01"', '"2026-02-00"')],
    ),
    reject(
        "dates",
        "year 0000",
        ["data/events/statement.yaml:2:7: invalid date: '0000': year 0000 is outside the supported range, 1000 to 2999"],
        edits=[(E, '"2026-02-01"', '"0000"')],
    ),
    reject(
        "dates",
        "the last day of 9999 (crashed the timeline's drawing)",
        ["data/events/statement.yaml:2:7: invalid date: '9999-12-31': year 9999 is outside the supported range, 1000 to 2999"],
        edits=[(E, '"2026-02-01"', '"9999-12-31"')],
    ),
    reject(
        "dates",
        "an open interval from year 9999",
        ["data/events/statement.yaml:2:7: invalid date: '9999': year 9999 is outside the supported range, 1000 to 2999"],
        edits=[(E, '"2026-02-01"', '"9999/.."')],
    ),
    reject(
        "dates",
        "a century before the supported range",
        ["data/events/statement.yaml:2:7: invalid date: '09XX': year 09XX is outside the supported range, 1000 to 2999"],
        edits=[(E, '"2026-02-01"', '"09XX"')],
    ),
    reject(
        "dates",
        "a source published in year 3000",
        ["data/sources/seed.yaml:3:12: invalid date: '3000': year 3000 is outside the supported range, 1000 to 2999"],
        edits=[("sources/seed.yaml", 'published: "2026"', 'published: "3000"')],
    ),
    accept("dates", "the first day of the supported range", (E, ("date",), "1000-01-01"), edits=[(E, '"2026-02-01"', '"1000-01-01"')]),
    accept("dates", "an open interval to the last day of the range", (E, ("date",), "../2999-12-31"), edits=[(E, '"2026-02-01"', '"../2999-12-31"')]),
    reject(
        "dates",
        "interval of days that ends before it starts",
        ["data/events/statement.yaml:2:7: invalid date: '2026-02-02/2026-02-01': the interval ends before it starts"],
        edits=[(E, '"2026-02-01"', '"2026-02-02/2026-02-01"')],
    ),
    reject(
        "dates",
        "interval of years that ends before it starts",
        ["data/sources/seed.yaml:3:12: invalid date: '2026/2025': the interval ends before it starts"],
        edits=[("sources/seed.yaml", '"2026"', '"2026/2025"')],
    ),
    reject(
        "dates",
        "role date that does not exist",
        ["data/actors/president.yaml:6:11: invalid date: '2026-04-31': day 31 does not exist in April 2026"],
        edits=[(A, "    organisation: iran\n", '    organisation: iran\n    date: "2026-04-31"\n')],
    ),
    reject(
        "dates",
        "interval open at both ends",
        ["data/events/statement.yaml:2:7: invalid date: '../..': an interval needs at least one known end"],
        edits=[(E, '"2026-02-01"', '"../.."')],
    ),
    reject(
        "dates",
        "interval with two slashes",
        ["data/events/statement.yaml:2:7: invalid date: '2026/2027/2028': an interval has exactly one '/'"],
        edits=[(E, '"2026-02-01"', '"2026/2027/2028"')],
    ),
    reject(
        "dates",
        "date with a time",
        ["data/events/statement.yaml:2:7: invalid date: '2026-02-01T10:00' is not an EDTF date such as 2025, 2025-06 or 2025-06-13"],
        edits=[(E, '"2026-02-01"', '"2026-02-01T10:00"')],
    ),
    reject(
        "dates",
        "Arabic-Indic digits in a date",
        ["data/events/statement.yaml:2:7: invalid date: '٢٠٢٦-02-01' is not an EDTF date such as 2025, 2025-06 or 2025-06-13"],
        edits=[(E, '"2026-02-01"', '"٢٠٢٦-02-01"')],
    ),
    reject(
        "dates",
        "claim dated after its venue was published",
        ["data/claims/fair-talks.yaml:6:7: claim dated 2026-03-01 is after its source 'x-post' was published (2026-02)"],
        edits=[(C, 'date: "2026-02-01"', 'date: "2026-03-01"')],
    ),
]


def _url_case(name: str, url: str, *, field_name: str = "url", col: int | None = None) -> HostileCase:
    column = col if col is not None else len(field_name) + 3
    return reject(
        "URLs",
        name,
        [f"data/sources/x-post.yaml:6:{column}: {url!r} {NOT_A_URL}"],
        edits=[(S, "published:", f"{field_name}: {_yaml_double_quoted(url)}\npublished:")],
    )


def _yaml_double_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


URLS = [
    _url_case("javascript: URL", "javascript:alert(1)"),
    _url_case("javascript: URL in mixed case", "JaVaScRiPt:alert(1)"),
    _url_case("javascript: URL after a space", " javascript:alert(1)"),
    _url_case("data: URL", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    _url_case("vbscript: URL", "vbscript:msgbox(1)"),
    _url_case("protocol-relative URL", "//evil.example/x"),
    _url_case("host-less https:///path", "https:///path-only"),
    _url_case("https: with one slash", "https:/evil.example/"),
    _url_case("http: without slashes", "http:evil.example"),
    _url_case("file: URL", "file:///etc/passwd"),
    _url_case("credentials before the host", "https://user:pass@evil.example/"),
    _url_case("backslash host confusion", "https://example.org\\@evil.example/"),
    _url_case("javascript: archived_url", "javascript:alert(1)", field_name="archived_url"),
    accept(
        "URLs",
        "quotes and angle brackets in a valid URL (escaped when shown)",
        (S, ("url",), "https://example.org/p?q=\"'><script>alert(1)</script>"),
        edits=[(S, "published:", 'url: "https://example.org/p?q=\\"\'><script>alert(1)</script>"\npublished:')],
    ),
]

IDS = [
    reject(
        "ids",
        "reference with a trailing newline",
        [f"data/events/statement.yaml:4:5: 'president\\n' {NOT_AN_ID}"],
        edits=[(E, "  - president\nsummary", '  - "president\\n"\nsummary')],
    ),
    reject(
        "ids",
        "file name with a trailing newline",
        [f"data/actors/iran\\n.yaml:1:1: file name 'iran\\n' {NOT_AN_ID}"],
        writes={"actors/iran\n.yaml": VALID_ACTOR},
    ),
    reject(
        "ids", "Arabic-Indic digit in a file name", [f"data/actors/iran-٣.yaml:1:1: file name 'iran-٣' {NOT_AN_ID}"], writes={"actors/iran-٣.yaml": VALID_ACTOR}
    ),
    reject(
        "ids", "fullwidth digit in a file name", [f"data/actors/iran-１.yaml:1:1: file name 'iran-１' {NOT_AN_ID}"], writes={"actors/iran-１.yaml": VALID_ACTOR}
    ),
    reject("ids", "fullwidth letter in a reference", [f"data/claims/other-talks.yaml:2:5: 'ｉran' {NOT_AN_ID}"], edits=[(O, "  - iran\n", "  - ｉran\n")]),
    reject(
        "ids", "file name that differs only by case", [f"data/actors/Iran.yaml:1:1: file name 'Iran' {NOT_AN_ID}"], writes={"actors/Iran.yaml": VALID_ACTOR}
    ),
    reject("ids", "reference that differs only by case", [f"data/claims/other-talks.yaml:2:5: 'Iran' {NOT_AN_ID}"], edits=[(O, "  - iran\n", "  - Iran\n")]),
    reject(
        "ids",
        "two file names equal after Unicode normalisation",
        [f"data/actors/cafe\u0301.yaml:1:1: file name 'cafe\u0301' {NOT_AN_ID}", f"data/actors/caf\u00e9.yaml:1:1: file name 'caf\u00e9' {NOT_AN_ID}"],
        writes={"actors/caf\u00e9.yaml": VALID_ACTOR, "actors/cafe\u0301.yaml": VALID_ACTOR},
    ),
    reject(
        "ids",
        "Kelvin sign that lowercases to k",
        [f"data/actors/\u212aelvin.yaml:1:1: file name '\u212aelvin' {NOT_AN_ID}"],
        writes={"actors/\u212aelvin.yaml": VALID_ACTOR},
    ),
    reject(
        "ids",
        "id reserved for a site page",
        ["data/events/index.yaml:1:1: 'index' is reserved for the site's own pages; choose another id"],
        writes={"events/index.yaml": 'title: "x"\n'},
    ),
    reject(
        "ids",
        "id longer than 100 characters",
        [f"data/actors/{LONG_ID}.yaml:1:1: file name {LONG_ID!r} is too long: an id has at most 100 characters"],
        writes={f"actors/{LONG_ID}.yaml": VALID_ACTOR},
    ),
]

INVISIBLE = [
    reject(
        "invisible characters",
        "bidi override in a reference",
        ["data/events/statement.yaml:4:9: control or invisible character U+202E"],
        edits=[(E, "  - president\n", "  - pres\u202eident\n")],
    ),
    reject(
        "invisible characters",
        "zero-width space in a reference",
        ["data/events/statement.yaml:4:9: control or invisible character U+200B"],
        edits=[(E, "  - president\n", "  - pres\u200bident\n")],
    ),
    reject(
        "invisible characters",
        "bidi override in a file name",
        [f"data/actors/ir\\u202ean.yaml:1:1: file name 'ir\\u202ean' {NOT_AN_ID}"],
        writes={"actors/ir\u202ean.yaml": VALID_ACTOR},
    ),
    reject(
        "invisible characters",
        "zero-width space in a file name",
        [f"data/actors/ir\\u200ban.yaml:1:1: file name 'ir\\u200ban' {NOT_AN_ID}"],
        writes={"actors/ir\u200ban.yaml": VALID_ACTOR},
    ),
    reject(
        "invisible characters",
        "right-to-left override in text",
        ["data/events/statement.yaml:1:12: control or invisible character U+202E"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\u202eeshkian')],
    ),
    reject(
        "invisible characters",
        "left-to-right isolate in text",
        ["data/events/statement.yaml:5:22: control or invisible character U+2066"],
        edits=[(E, 'summary: "Pezeshkian said', 'summary: "Pezeshkian \u2066said')],
    ),
    reject(
        "invisible characters",
        "arabic letter mark in text",
        ["data/events/statement.yaml:5:22: control or invisible character U+061C"],
        edits=[(E, 'summary: "Pezeshkian said', 'summary: "Pezeshkian \u061csaid')],
    ),
    reject(
        "invisible characters",
        "zero-width joiner in text",
        ["data/events/statement.yaml:1:12: control or invisible character U+200D"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\u200deshkian')],
    ),
    reject(
        "invisible characters",
        "soft hyphen in text",
        ["data/events/statement.yaml:1:12: control or invisible character U+00AD"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\u00adeshkian')],
    ),
    reject(
        "invisible characters",
        "word joiner in text",
        ["data/events/statement.yaml:1:12: control or invisible character U+2060"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\u2060eshkian')],
    ),
    reject(
        "invisible characters",
        "zero-width no-break space inside text",
        ["data/events/statement.yaml:1:12: byte order mark or zero-width no-break space"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\ufeffeshkian')],
    ),
    reject(
        "invisible characters",
        "several invisible characters, each positioned",
        [
            "data/events/statement.yaml:1:9: control or invisible character U+202E",
            "data/events/statement.yaml:1:16: control or invisible character U+200B",
            "data/events/statement.yaml:5:11: control or invisible character U+2067",
        ],
        edits=[(E, 'title: "Pezeshkian', 'title: "\u202ePezesh\u200bkian'), (E, 'summary: "Pezeshkian', 'summary: "\u2067Pezeshkian')],
    ),
    reject(
        "invisible characters",
        "bidi override written as a \\u escape",
        ["data/events/statement.yaml:1:12: control or invisible character U+202E"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\\u202eeshkian')],
    ),
    reject(
        "invisible characters",
        "zero-width space written as a \\u escape",
        ["data/events/statement.yaml:1:12: control or invisible character U+200B"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\\u200beshkian')],
    ),
    reject(
        "invisible characters",
        "NUL written as a \\0 escape",
        ["data/events/statement.yaml:1:12: control or invisible character U+0000"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\\0eshkian')],
    ),
    reject(
        "invisible characters",
        "line separator written as a \\L escape",
        ["data/events/statement.yaml:1:12: control or invisible character U+2028"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\\Leshkian')],
    ),
    reject(
        "invisible characters",
        "line separator U+2028 in a one-line field",
        ["data/events/statement.yaml:1:12: control or invisible character U+2028"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\u2028eshkian')],
    ),
    reject(
        "invisible characters",
        "invisible tag characters (ASCII smuggling)",
        ["data/events/statement.yaml:1:12: control or invisible character U+E0041"],
        edits=[(E, 'title: "Pezeshkian', 'title: "Pez\U000e0041eshkian')],
    ),
]

FILES = [
    reject("files and folders", "symlink to a file outside", [f"data/actors/passwd.yaml:1:1: {SYMLINK}"], custom=_symlink("/etc/passwd", "actors/passwd.yaml")),
    reject(
        "files and folders",
        "symlink to another record",
        [f"data/actors/iran-again.yaml:1:1: {SYMLINK}"],
        custom=_symlink("iran.yaml", "actors/iran-again.yaml"),
    ),
    reject("files and folders", "dangling symlink", [f"data/actors/gone.yaml:1:1: {SYMLINK}"], custom=_symlink("/nonexistent/gone.yaml", "actors/gone.yaml")),
    reject("files and folders", "symlinked folder inside a kind folder", [f"data/claims/etc:1:1: {SYMLINK}"], custom=_symlink("/etc", "claims/etc")),
    reject(
        "files and folders",
        "kind folder that is a symlink",
        ["data/claims/fair-talks.yaml:8:5: unknown event 'statement': no file data/events/statement.yaml", f"data/events:1:1: {SYMLINK}"],
        custom=_symlink_kind_folder,
    ),
    reject("files and folders", "symlink at the top of the data directory", [f"data/notes.yaml:1:1: {SYMLINK}"], custom=_symlink("/etc/passwd", "notes.yaml")),
    reject("files and folders", "named pipe (would block a reader)", ["data/events/pipe.yaml:1:1: not a regular file"], custom=_fifo),
    reject("files and folders", ".yml extension", [f"data/events/extra.yml:1:1: {BAD_EXTENSION}"], writes={"events/extra.yml": 'title: "x"\n'}),
    reject("files and folders", "upper-case .YAML extension", [f"data/events/extra.YAML:1:1: {BAD_EXTENSION}"], writes={"events/extra.YAML": 'title: "x"\n'}),
    reject("files and folders", ".json file", [f"data/events/extra.json:1:1: {BAD_EXTENSION}"], writes={"events/extra.json": "{}\n"}),
    reject("files and folders", "file without an extension", [f"data/events/extra:1:1: {BAD_EXTENSION}"], writes={"events/extra": 'title: "x"\n'}),
    reject("files and folders", "editor backup file", [f"data/events/statement.yaml~:1:1: {BAD_EXTENSION}"], writes={"events/statement.yaml~": 'title: "x"\n'}),
    reject(
        "files and folders",
        "hidden record file",
        [f"data/events/.statement.yaml:1:1: file name '.statement' {NOT_AN_ID}"],
        writes={"events/.statement.yaml": 'title: "x"\n'},
    ),
    reject("files and folders", "unknown folder", [f"data/people:1:1: {UNKNOWN_FOLDER}"], writes={"people/someone.yaml": 'name: "x"\n'}),
    reject("files and folders", "singular kind folder", [f"data/event:1:1: {UNKNOWN_FOLDER}"], writes={"event/extra.yaml": 'title: "x"\n'}),
    reject("files and folders", "capitalised kind folder", [f"data/Events:1:1: {UNKNOWN_FOLDER}"], writes={"Events/extra.yaml": 'title: "x"\n'}),
    reject("files and folders", "empty unknown folder", [f"data/misc:1:1: {UNKNOWN_FOLDER}"], custom=_empty_folder),
    reject("files and folders", "hidden folder", [f"data/.git:1:1: {UNKNOWN_FOLDER}"], writes={".git/config": "[core]\n"}),
    reject("files and folders", "record at the top level", [f"data/statement.yaml:1:1: {TOP_LEVEL_FILE}"], writes={"statement.yaml": 'title: "x"\n'}),
    reject("files and folders", "hidden file at the top level", [f"data/.DS_Store:1:1: {TOP_LEVEL_FILE}"], writes={".DS_Store": b"\x00\x00\x00\x01Bud1"}),
    reject(
        "files and folders",
        "folder inside a kind folder",
        ["data/events/2026:1:1: unexpected folder; events/ holds only <id>.yaml files"],
        writes={"events/2026/extra.yaml": 'title: "x"\n'},
    ),
]

REFERENCES = [
    reject(
        "references",
        "dangling event reference",
        ["data/claims/fair-talks.yaml:8:5: unknown event 'nothing': no file data/events/nothing.yaml"],
        edits=[(C, "  - statement\n", "  - nothing\n")],
    ),
    reject(
        "references",
        "dangling organisation of a role",
        ["data/actors/president.yaml:5:19: unknown actor 'parliament': no file data/actors/parliament.yaml"],
        edits=[(A, "organisation: iran", "organisation: parliament")],
    ),
    reject(
        "references",
        "actor member of itself",
        ["data/actors/iran.yaml:4:5: 'iran' refers to itself"],
        edits=[("actors/iran.yaml", "kind: government\n", "kind: government\nmember_of:\n  - iran\n")],
    ),
    reject(
        "references",
        "source reported via itself",
        ["data/sources/x-post.yaml:8:3: reported_via leads back to this source (a cycle)", "data/sources/x-post.yaml:8:13: 'x-post' refers to itself"],
        edits=[(S, "  - source: seed\n", "  - source: x-post\n")],
    ),
    reject(
        "references",
        "claim made in an actor",
        ["data/claims/other-talks.yaml:4:10: 'iran' is an actor (data/actors/iran.yaml), not a source"],
        edits=[(O, "made_in: seed", "made_in: iran")],
    ),
    reject(
        "references",
        "outlet that is an event",
        ["data/sources/x-post.yaml:3:9: 'statement' is an event (data/events/statement.yaml), not an actor"],
        edits=[(S, "outlet: platform", "outlet: statement")],
    ),
    reject(
        "references",
        "claim linked to an event",
        [
            "data/claims/fair-talks.yaml:20:12: 'statement' is an event (data/events/statement.yaml), not a claim",
            "data/claims/other-talks.yaml:10:12: contradicts goes both ways: add this item to the links of data/claims/fair-talks.yaml, above its line 21 (citations:):\n"
            "  - type: contradicts\n"
            "    claim: other-talks",
        ],
        edits=[(C, "claim: other-talks", "claim: statement")],
    ),
    reject(
        "references",
        "citation of a claim as a source",
        ["data/events/statement.yaml:9:13: 'fair-talks' is a claim (data/claims/fair-talks.yaml), not a source"],
        edits=[(E, "  - source: seed\n", "  - source: fair-talks\n")],
    ),
]

SEED = "seeds/000_339a995688291f73.txt"
OTHER = "Iran insists on limiting conversations solely to its nuclear program"
HAND_TEXT = b"Officials said today that Iran has ruled out diplomacy entirely and will not negotiate again.\n"
NEGATION_FIX = "which it leaves out: start the excerpt with it, or add a note saying why the words before it do not change its meaning"


def _long_text() -> bytes:
    """1 MB of words, none of them in the excerpts below: an archived text as long as a saved page can give."""
    words = [f"w{n:05d}" for n in range(20_000)]
    return (" ".join(words[(i * 7919) % len(words)] for i in range(150_000)) + "\n").encode()


LONG_TEXT = _long_text()
LONG_NAME = "993_0123456789abcdef.txt"
WRONG = " ".join(f"x{n:05d}" for n in range(280))  # about 2,000 characters, nothing like the text


def _wrong_excerpts(data: Path) -> None:
    (data / "sources" / "long.yaml").write_text(f'kind: news-article\ndescription: "A long text"\npublished: "2026"\nseed: seeds/{LONG_NAME}\n', "utf-8")
    for i in range(300):
        (data / "claims" / f"w{i:03d}.yaml").write_text(
            f'claimants:\n  - iran\nstatement: "Iran said thing {i}."\nmade_in: seed\nassessment:\n  status: unverified\n  rationale: "Test."\n'
            f'citations:\n  - source: long\n    excerpt: "{WRONG} {i}"\nnotes: "Test: the venue is the seed."\n',
            "utf-8",
        )


def _wrong_excerpts_expected() -> list[str]:
    hints = HINT_BUDGET // ((len(WRONG) + 4) * len(" ".join(LONG_TEXT.decode().split())))
    return [
        f"data/claims/w{i:03d}.yaml:10:14: excerpt not found verbatim in seeds/{LONG_NAME} (source 'long'); "
        + ("nothing in the archived text is close to it: check the source, or copy the passage again" if i < hints else NO_BUDGET)
        for i in range(300)
    ]


EXCERPTS = [
    reject(
        "excerpts",
        "an excerpt of spaces (empty once collapsed, so found in any text)",
        ["data/claims/other-talks.yaml:13:14: excerpt has no words once white space is collapsed; quote at least 3, enough to support the record on its own"],
        edits=[(O, f'"{OTHER}"', '"' + " " * 40 + '"')],
    ),
    reject(
        "excerpts",
        "an excerpt of tabs and line breaks written as escapes",
        ["data/claims/other-talks.yaml:13:14: excerpt has no words once white space is collapsed; quote at least 3, enough to support the record on its own"],
        edits=[(O, f'"{OTHER}"', '"\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n"')],
    ),
    reject(
        "excerpts",
        "an excerpt cut to drop 'not' (ruled out diplomacy entirely)",
        [f"data/claims/other-talks.yaml:13:14: excerpt begins right after 'not' in {SEED}, {NEGATION_FIX}"],
        edits=[(O, "Iran said something else.", "Iran has ruled out diplomacy entirely."), (O, OTHER, "ruled out diplomacy entirely")],
    ),
    reject(
        "excerpts",
        "an excerpt cut to drop 'has not yet' (commented on the stalled negotiations)",
        [f"data/claims/other-talks.yaml:13:14: excerpt begins right after 'not yet' in {SEED}, {NEGATION_FIX}"],
        edits=[(O, OTHER, "commented on the stalled negotiations")],
    ),
    reject(
        "excerpts",
        "an excerpt cut inside words",
        [f"data/claims/other-talks.yaml:13:14: excerpt starts inside the word 'Iran' of {SEED}; quote whole words"],
        edits=[(O, OTHER, "ran insists on limiting conversations solely to its nuclear progr")],
    ),
    reject(
        "excerpts",
        "an archived text added by hand, with no provenance",
        [
            "data/sources/hand.yaml:4:7: seeds/990_0123456789abcdef.txt has no provenance file (seeds/990_0123456789abcdef.provenance.json): "
            "archive texts with `make archive`, which writes it"
        ],
        seeds={"990_0123456789abcdef.txt": HAND_TEXT},
        writes={"sources/hand.yaml": 'kind: news-article\ndescription: "A text added by hand"\npublished: "2026"\nseed: seeds/990_0123456789abcdef.txt\n'},
        edits=[(O, "source: seed\n", "source: hand\n"), (O, OTHER, "Iran has ruled out diplomacy entirely")],
    ),
    reject(
        "excerpts",
        "300 wrong 2,000-character excerpts of a 1 MB archived text, quickly (the closest passage was looked for each time)",
        _wrong_excerpts_expected(),
        seeds={LONG_NAME: LONG_TEXT, LONG_NAME.replace(".txt", ".provenance.json"): provenance_of(LONG_NAME, LONG_TEXT)},
        custom=_wrong_excerpts,
    ),
]

PASSAGE = "Talks between Iran and the United States have reached an impasse"
SAME_HOW = "merge them, or if both are meant, link one to the other (links: type and claim)"


def _many_claims(data: Path) -> None:
    """200 claims of one claimant, each citing one passage 50 times: the pairs of citations were 49 s of work."""
    citation = f'  - source: seed\n    excerpt: "{PASSAGE}"\n'
    for i in range(200):
        (data / "claims" / f"c{i:03d}.yaml").write_text(
            f'claimants:\n  - iran\nstatement: "Iran said thing number {100 + i}."\nmade_in: seed\n'
            'assessment:\n  status: unverified\n  rationale: "Test."\ncitations:\n' + citation * 50 + 'notes: "Test: the venue is the seed."\n',
            "utf-8",
        )


def _many_claims_expected() -> list[str]:
    first = "Iran said thing number 100."
    return [
        f"data/claims/c{i:03d}.yaml:10:14: the same passage of 'seed', by the same claimant 'iran', as data/claims/c000.yaml "
        f"(statements {similarity(f'Iran said thing number {100 + i}.', first)}): {SAME_HOW}"
        for i in range(1, 200)
    ]


DUPLICATES = [
    reject("duplicates", "200 claims of one claimant citing one passage 50 times each, quickly", _many_claims_expected(), custom=_many_claims, seconds=3),
    reject(
        "duplicates",
        "a reworded claim on the same passage, named to sort before the first",
        [
            "data/claims/aaa.yaml:10:14: the same passage of 'seed', by the same claimant 'iran', as data/claims/other-talks.yaml (statements 40% similar): "
            + SAME_HOW
        ],
        writes={
            "claims/aaa.yaml": 'claimants:\n  - iran\nstatement: "Iran wants the talks to cover its nuclear programme only."\nmade_in: seed\n'
            f'assessment:\n  status: unverified\n  rationale: "Test."\ncitations:\n  - source: seed\n    excerpt: "{OTHER}"\nnotes: "Test: the venue is the seed."\n'
        },
    ),
]

_FA = "fa/claims/fair-talks.yaml"
_FA_HEAD = 'by: "tracker"\nstatement:\n  translation: "'
_FA_TAIL = '"\n  translates: "0123456789"\n'

# Translations (data/fa/): read as strictly as records; the one invisible character they may hold is the ZWNJ.
TRANSLATIONS = [
    reject("translations", "the translation folder is a symlink", ["data/fa:1:1: " + SYMLINK], custom=_symlink("claims", "fa")),
    reject(
        "translations",
        "a bidi override in a translation",
        ["data/fa/claims/fair-talks.yaml:3:24: control or invisible character U+202E"],
        writes={_FA: _FA_HEAD + "پزشکیان\u202eگفت" + _FA_TAIL},
    ),
    reject(
        "translations",
        "an escaped zero-width space in a translation",
        ["data/fa/claims/fair-talks.yaml:3:24: control or invisible character U+200B"],
        writes={_FA: _FA_HEAD + "پزشکیان\\u200bگفت" + _FA_TAIL},
    ),
    reject(
        "translations",
        "a translation of the source's own words",
        ["data/fa/claims/fair-talks.yaml:5:1: 'quote' is not a field that can be translated here; the fields here are by, statement, assessment, notes"],
        writes={
            _FA: 'by: "tracker"\nstatement:\n  translation: "x"\n  translates: "0123456789"\nquote:\n  translation: "مذاکرات منصفانه"\n  translates: "0123456789"\n'
        },
    ),
    reject(
        "translations",
        "a translation that is a mapping of mappings forty deep",
        [f"data/fa/claims/fair-talks.yaml:{MAX_DEPTH + 2}:{2 * MAX_DEPTH + 3}: nesting deeper than {MAX_DEPTH} levels"],
        writes={_FA: "".join(f"{'  ' * i}a{i}:\n" for i in range(40)) + "  " * 40 + "x: 1\n"},
    ),
]

CASES: list[HostileCase] = (
    YAML_STRUCTURE
    + ENCODING
    + LIMITS
    + BACKTRACKING
    + YAML_11_TYPING
    + DATES
    + URLS
    + IDS
    + INVISIBLE
    + FILES
    + REFERENCES
    + EXCERPTS
    + DUPLICATES
    + TRANSLATIONS
)
