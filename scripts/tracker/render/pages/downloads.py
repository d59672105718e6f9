"""The Downloads page: every open-data output (tracker.exports.outputs.downloads) with what it holds, its format and size."""

from __future__ import annotations

import json

from tracker.core import kinds, licences
from tracker.exports import csv_files as export_csv
from tracker.exports import feeds as export_feeds
from tracker.exports.outputs import downloads
from tracker.model.paths import DOWNLOADS_PAGE, INDEX_PATH, record_api_path
from tracker.model.records import Model
from tracker.render import templating
from tracker.render.pages.base import Links, Page


@templating.expose
def human_size(size: int | None) -> str:
    """Bytes in decimal units with one decimal: 950 B, 12.3 kB, 4.5 MB."""
    if size is None:
        return "not built in the live preview"
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def downloads_page(model: Model, outputs: dict[str, bytes]) -> Page:
    """The Downloads page: every output with what it holds, its format and size."""
    example = next(iter(model.events.values()), None) or next(iter(model.all_records()), None)
    counts = model.counts()
    return templating.page(
        "downloads.html",
        DOWNLOADS_PAGE,
        "Downloads",
        "The data as files: a JSON API and full dump, CSV with a data package, Atom feeds and a calendar.",
        links=Links(model, DOWNLOADS_PAGE),
        counts=[(n, kinds.get(k).title) for k, n in counts.items()],
        per_record=sum(counts.values()),
        example=record_api_path(example.kind, example.id) if example is not None else "",
        sections=downloads(model, outputs),
        # the dump's address as published in the API index (the page layer has no site address of its own)
        dump_url=json.loads(outputs[INDEX_PATH])["links"]["dump"] if INDEX_PATH in outputs else "",
        licence_paragraphs=licences.downloads_paragraphs(),
        csv_conventions=export_csv.CONVENTIONS,
        feed_entries=export_feeds.FEED_ENTRIES,
        group_feed_entries=export_feeds.GROUP_FEED_ENTRIES,
    )


def extra_pages(model: Model, outputs: dict[str, bytes]) -> list[Page]:
    """Pages about the outputs (the Downloads page)."""
    return [downloads_page(model, outputs)]
