"""The vocabulary of the data, read from schema/: statuses in their order, kinds of actor and source, qualifiers, link types.

Each scale is the ``oneOf`` list of a schema property, in the order the schema gives:
a value added there appears everywhere (indexes, the home page, the methodology)
without a change to the code.
"""

from __future__ import annotations

from typing import Any

from tracker.core.filecache import per_run
from tracker.load.schema_files import schema_documents


def _options(schema: dict[str, Any]) -> list[dict[str, Any]]:
    options: list[dict[str, Any]] = schema.get("oneOf", [])  # schema/: an array of objects (its meta-schema)
    return options


@per_run  # forgotten at each validation: `make serve` sees an edited schema or seed
def scales() -> dict[str, list[dict[str, Any]]]:
    """Every scale: its options ({"const", "title", "description"}) in schema order."""
    docs = schema_documents()
    claim, actor, source = docs["claim"], docs["actor"], docs["source"]
    return {
        "status": _options(claim["properties"]["assessment"]["properties"]["status"]),
        "qualifier": _options(claim["properties"]["quantities"]["items"]["properties"]["qualifier"]),
        "link": _options(claim["properties"]["links"]["items"]["properties"]["type"]),
        "actor_kind": _options(actor["properties"]["kind"]),
        "source_kind": _options(source["properties"]["kind"]),
    }


def values(scale: str) -> list[str]:
    return [o["const"] for o in scales()[scale]]


def _lookup(scale: str, value: str, key: str) -> str:
    for option in scales()[scale]:
        if option["const"] == value:
            found: str = option[key]
            return found
    return value


def statuses() -> list[str]:
    """The assessment scale, from least to most settled, as the claim schema orders it."""
    return values("status")


def status_title(value: str) -> str:
    return _lookup("status", value, "title")


def status_definition(value: str) -> str:
    return _lookup("status", value, "description")


def link_label(value: str) -> str:
    """A link's label on a claim's page: its type's title in the schema, capitalised ("Contradicts"). The
    other side of a one-way type, which the model names ("updated by" for "updates"), is its own words."""
    title = _lookup("link", value, "title")
    return title[:1].upper() + title[1:]


def actor_kind_title(value: str) -> str:
    return _lookup("actor_kind", value, "title")


def source_kind_title(value: str) -> str:
    return _lookup("source_kind", value, "title")


def actor_kinds() -> list[str]:
    return values("actor_kind")
