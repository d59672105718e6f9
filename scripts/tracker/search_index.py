"""Site search with Pagefind: what each page tells the index, and the indexing step itself.

Pagefind reads the built HTML and writes a chunked index beside it (`pagefind/`), so a reader's
first query downloads a small part of it and the rest on demand. Only elements marked
`data-pagefind-body` are indexed: record pages and the few prose pages, never the theme's chrome
or the lists of records (they only repeat the records). Filters (kind, status, actor, tag) and the
metadata a result shows (kind, status, date, claimant) come from hidden elements written here;
their values are data, so they only ever enter the page escaped, as element text.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from . import dates, docs_text
from .html import esc
from .model import Actor, Claim, Event, Model, Record, Source

INDEX_DIR = "pagefind"  # beside the pages; the search script loads pagefind/pagefind.js from here
# Material's own search (a lunr index built in the browser, and its worker) is not shipped.
THEME_SEARCH_FILES = ("assets/javascripts/lunr", "assets/javascripts/workers")
# Pagefind's ready-made interfaces; the site has its own (docs/javascripts/search.js).
UNUSED_PAGEFIND_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
KIND_NAMES = {"events": "Event", "claims": "Claim", "actors": "Actor", "sources": "Source"}


def _names(model: Model, ids: list[str]) -> list[str]:
    return [model.actors[a].name for a in ids if a in model.actors]


def facets(model: Model, record: Record) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(filters, metadata) of a record page, as (name, value) pairs in a fixed order."""
    kind = KIND_NAMES[record.kind]
    filters: list[tuple[str, str]] = [("kind", kind)]
    meta: list[tuple[str, str]] = [("kind", kind)]
    if isinstance(record, Claim):
        status = docs_text.status_title(record.status)
        claimants = _names(model, record.claimants)
        filters.append(("status", status))
        filters += [("actor", name) for name in claimants]
        filters += [("tag", tag) for tag in record.tags]
        meta.append(("status", status))
        if claimants:
            meta.append(("claimant", ", ".join(claimants)))
        if record.date is not None:
            meta.append(("date", dates.humanize(record.date)))
    elif isinstance(record, Event):
        filters += [("actor", name) for name in _names(model, record.actors)]
        filters += [("tag", tag) for tag in record.tags]
        if record.date is not None:
            meta.append(("date", dates.humanize(record.date)))
    elif isinstance(record, Actor):
        filters.append(("actor", record.name))
    elif isinstance(record, Source):
        if record.published is not None:
            meta.append(("date", dates.humanize(record.published)))
    else:  # an unknown kind is a programming error, never "a Source"
        raise TypeError(f"no search facets for records of kind {record.kind!r}")
    return filters, meta


def facet_html(model: Model, record: Record) -> str:
    """Hidden elements carrying a record's filters and metadata; their text is not indexed as content."""
    filters, meta = facets(model, record)
    spans = [f'<span data-pagefind-filter="{name}">{esc(value)}</span>' for name, value in filters]
    spans += [f'<span data-pagefind-meta="{name}">{esc(value)}</span>' for name, value in meta]
    return f'<div class="tracker-search-facets" data-pagefind-ignore="index" hidden>{"".join(spans)}</div>'


def indexed(content_html: str, record: Record | None, model: Model) -> str:
    """A page's content marked for the index: a record page with its facets, any other page as prose."""
    facets_block = facet_html(model, record) if record is not None else ""
    weight = "" if record is not None else ' data-pagefind-weight="0.5"'  # records rank above prose pages
    return f"<div data-pagefind-body{weight}>{facets_block}{content_html}</div>"


def pagefind_command(site_dir: Path) -> list[str]:
    """Pagefind's bundled binary (PyPI pagefind[bin]), run over the built site: offline, no download."""
    return [str(get_executable()), "--site", str(site_dir), "--output-subdir", INDEX_DIR, "--silent"]


def build_index(site_dir: Path) -> str | None:
    """Index the built site and drop the theme's own search; an error message, or None when it worked."""
    for relative in THEME_SEARCH_FILES:
        shutil.rmtree(site_dir / relative, ignore_errors=True)
    try:
        completed = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    except OSError as error:
        return f"the search index could not be built: {error}"
    if completed.returncode != 0:
        return f"the search index could not be built: {(completed.stderr or completed.stdout).strip()[:2000]}"
    for name in UNUSED_PAGEFIND_FILES:
        (site_dir / INDEX_DIR / name).unlink(missing_ok=True)
    return None
