"""Open data: the JSON API, CSV with a data package, Atom feeds and an iCalendar file.

``build_outputs`` makes every file (site-relative path → bytes), ``downloads`` lists them with
what each holds (for the Downloads page, tracker.render.pages.downloads); the conservation check
is tracker.exports.conservation. The work is split by format: json_api (json_api_v1 keeps the
replaced version's addresses), csv_files, feeds, calendar_ics, changes; what they share is in common.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.core import kinds
from tracker.exports import calendar_ics as export_calendar
from tracker.exports import changes as export_changes
from tracker.exports import csv_files as export_csv
from tracker.exports import feeds as export_feeds
from tracker.exports import json_api as export_json
from tracker.exports import json_api_v1 as export_retired
from tracker.exports.common import tags_of
from tracker.model.paths import (
    ALL_FEED_PATH,
    CALENDAR_PATH,
    DATAPACKAGE_PATH,
    DUMP_PATH,
    INDEX_PATH,
    SCHEMA_ROOT,
    actor_feed_path,
    list_api_path,
    tag_feed_path,
)
from tracker.model.records import Model


def build_outputs(model: Model, *, site_url: str, epoch: int) -> dict[str, bytes]:
    """Every open-data file, by site-relative path, sorted by path."""
    outputs: dict[str, bytes] = {}
    outputs.update(export_csv.csv_outputs(model, site_url, epoch))
    api = export_json.json_outputs(model, site_url, epoch, csv_files=[t.path for t in export_csv.tables()], tags=tags_of(model))
    outputs.update(api)
    outputs.update(export_retired.retired_outputs(site_url, api))
    outputs.update(export_feeds.feed_outputs(model, site_url, epoch))
    outputs.update(export_calendar.calendar_outputs(model, site_url, epoch))
    outputs.update(export_changes.change_outputs(model, site_url, epoch))
    return dict(sorted(outputs.items()))


@dataclass(frozen=True, slots=True)
class Download:
    path: str
    title: str
    format: str
    count: str  # what it holds, in words: "81 records", "17 rows"
    size: int | None  # None in the live preview, which does not build the outputs


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _entries(n: int, cap: int) -> str:
    """What a feed holds: all its entries, or the newest ``cap`` of them."""
    return _plural(n, "entry", "entries") if n <= cap else f"newest {cap} of {n} entries"


def downloads(model: Model, outputs: dict[str, bytes]) -> dict[str, list[Download]]:
    """The outputs worth listing, by section, with what each holds and its size."""
    counts = model.counts()
    total = sum(counts.values())
    rows = export_csv.expected_rows(model)
    everything = export_feeds.entries(model, 0)
    by_actor, by_tag = export_feeds.grouped(everything)
    kept, left_out = export_calendar.split_events(model)

    def item(path: str, title: str, fmt: str, count: str) -> Download:
        return Download(path, title, fmt, count, len(outputs[path]) if path in outputs else None)

    sections: dict[str, list[Download]] = {
        "everything": [
            item(DUMP_PATH, "Full dump: every record in one file, compressed", "JSON, gzip", _plural(total, "record")),
            item(DATAPACKAGE_PATH, "Data package describing the CSV tables (Frictionless)", "JSON", _plural(len(export_csv.tables()), "table")),
        ],
        "api": [item(INDEX_PATH, "API index: schema version, counts and links", "JSON", _plural(total, "record") + " counted")],
        "csv": [],
        "feeds": [item(ALL_FEED_PATH, "All events and claims, newest first", "Atom", _entries(len(everything), export_feeds.FEED_ENTRIES))],
        "actor_feeds": [],
        "tag_feeds": [],
        "calendar": [
            item(CALENDAR_PATH, "Events dated to the day", "iCalendar", _plural(len(kept), "event") + f" ({len(left_out)} left out: not dated to the day)")
        ],
        "schemas": [],
    }
    for kind in kinds.FOLDERS:
        sections["api"].append(item(list_api_path(kind), f"List of {kinds.get(kind).title.lower()}", "JSON", _plural(counts[kind], kinds.get(kind).singular)))
    for table in export_csv.tables():
        sections["csv"].append(item(table.path, f"{table.title}: {table.description}", "CSV", _plural(rows[table.name], "row")))
    for actor in sorted(model.actors.values(), key=lambda a: (a.name.lower(), a.id)):
        n = len(by_actor.get(actor.id, []))
        sections["actor_feeds"].append(item(actor_feed_path(actor.id), actor.name, "Atom", _entries(n, export_feeds.GROUP_FEED_ENTRIES)))
    for tag in tags_of(model):
        n = len(by_tag.get(tag, []))
        sections["tag_feeds"].append(item(tag_feed_path(tag), tag, "Atom", _entries(n, export_feeds.GROUP_FEED_ENTRIES)))
    for path in sorted(p for p in outputs if p.startswith(f"{SCHEMA_ROOT}/")):
        name = path.rsplit("/", 1)[-1]
        sections["schemas"].append(item(path, name.removesuffix(".schema.json"), "JSON Schema", "—"))
    return sections


# ---------------------------------------------------------------- conservation
