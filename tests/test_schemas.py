"""The JSON Schemas: valid 2020-12, documented everywhere, closed, and formats really checked."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import referencing

from conftest import LIVE_DATA, REPO
from tracker.check import schemas
from tracker.core import kinds
from tracker.load import schema_files

SCHEMA_FILES = sorted((REPO / "schema").glob("*.schema.json"))


def walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_2020_12(path: Path):
    schema = json.loads(path.read_text("utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f"/schema/{path.name}")


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_property_has_title_and_description(path: Path):
    schema = json.loads(path.read_text("utf-8"))
    missing = []
    for where, node in walk(schema):
        if "if" in where:
            continue  # a condition, not a field
        for name, prop in node.get("properties", {}).items() if isinstance(node.get("properties"), dict) else []:
            if "$ref" in prop and set(prop) == {"$ref"}:
                continue  # documented where the $ref points
            if not prop.get("title") or not prop.get("description"):
                missing.append("/".join(map(str, (*where, name))))
    for where, node in walk(schema.get("$defs", {})):
        if where and len(where) == 1 and (not node.get("title") or not node.get("description")):
            missing.append(f"$defs/{where[0]}")
    assert missing == []


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_objects_are_closed(path: Path):
    schema = json.loads(path.read_text("utf-8"))
    # a map (vocabulary.yaml's measures and tags) is closed by its propertyNames and value schema
    open_objects = [
        where
        for where, node in walk(schema)
        if node.get("type") == "object"
        and node.get("additionalProperties") is not False
        and not ("propertyNames" in node and isinstance(node.get("additionalProperties"), dict))
    ]
    assert open_objects == []


def _reference_validator(kind: str) -> jsonschema.Draft202012Validator:
    docs = schema_files.schema_documents()
    registry = referencing.Registry().with_resources((doc["$id"], referencing.Resource.from_contents(doc)) for doc in docs.values())
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    for name, func in schemas.FORMATS.items():
        checker.checks(name)(func)
    return jsonschema.Draft202012Validator(docs[schema_files.schema_name(kind)], registry=registry, format_checker=checker)


BASE_SOURCE = {"kind": "news-article", "description": "d", "url": "https://example.org/a"}


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=c#d", True),
        ("http://example.org:8080/", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("//example.org/a", False),
        ("https:///path-only", False),
        ("https://", False),
        ("ftp://example.org/a", False),
        ("https://user:pw@example.org/", False),
        ("https://exa mple.org/", False),
        ("HTTPS://example.org/", False),
        ("https://example.org:99999/", False),
    ],
)
def test_urls_are_checked_by_both_validators(url, ok):
    record = {**BASE_SOURCE, "url": url}
    ours = list(schemas.check("sources", record))
    reference = list(_reference_validator("sources").iter_errors(record))
    assert (not ours) is ok
    assert (not reference) is ok


@pytest.mark.parametrize(("value", "ok"), [("2025-02-28", True), ("2024-02-29", True), ("2025-02-29", False), ("2025-13", False), ("2025-06-31", False)])
def test_impossible_dates_fail(value, ok):
    record = {**BASE_SOURCE, "published": value}
    assert (not list(schemas.check("sources", record))) is ok
    assert (not list(_reference_validator("sources").iter_errors(record))) is ok


def test_real_data_passes_the_reference_validator_too():
    """An independent implementation (python-jsonschema) agrees that data/ is valid."""
    from tracker.load.loader import load_file

    failures = []
    for kind in kinds.FOLDERS:
        validator = _reference_validator(kind)
        for path in sorted((LIVE_DATA / kind).glob("*.yaml")):
            failures += [f"{path.name}: {e.message}" for e in validator.iter_errors(load_file(path).data)]
    for name in ("story", "vocabulary"):
        validator = _reference_validator(name)
        failures += [f"{name}.yaml: {e.message}" for e in validator.iter_errors(load_file(LIVE_DATA / f"{name}.yaml").data)]
    assert failures == []
