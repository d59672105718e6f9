"""The site search's index: Pagefind run over the built site, then made reproducible.

Pagefind reads the built HTML and writes a chunked index beside it (`pagefind/`), so a reader's
first query downloads a small part of it and the rest on demand. Only elements marked
`data-pagefind-body` are indexed (pages/search.py marks record and prose pages, never lists of
records); the line naming a record's id and YAML file, and the evidence card's repeat of an
excerpt, are left out.

Pagefind writes its filter indexes from hash maps, so two runs over the same pages give the
same filters in another order, under other file names (Pagefind/pagefind#638: fragments are
stable since 1.3, filter and metadata indexes are not). Builds of one commit must be
byte-identical, so after indexing the filter files are rewritten in sorted order and named by
their content, and the metadata index and the entry file are rewritten to point at them. The
files are gzip-compressed CBOR behind a "pagefind_dcd" signature; cbor2 reads and writes them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import cbor2
from pagefind_bin import get_executable

from tracker.site import lifetime

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
# Left out of the index: the id, YAML path and JSON link of a record (not what readers search
# for), and the evidence card's copy of the first cited excerpt (the Sources list holds the same
# text: indexing it twice only makes every index chunk bigger).
EXCLUDED = ".record-meta, .ev-excerpt"
SIGNATURE = b"pagefind_dcd"


def pagefind_command(site_dir: Path) -> list[str]:
    """Pagefind's bundled binary (PyPI pagefind[bin]), run over the built site: offline, no download."""
    return [str(get_executable()), "--site", str(site_dir), "--output-subdir", INDEX_DIR, "--exclude-selectors", EXCLUDED, "--silent"]


def build_index(site_dir: Path) -> str | None:
    """Index the built site and drop the theme's own search; an error message, or None when it worked."""
    for relative in THEME_SEARCH_FILES:
        shutil.rmtree(site_dir / relative, ignore_errors=True)
    try:
        # ends with this process: killed MkDocs must not leave it writing into the next build
        completed = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False, preexec_fn=lifetime.end_with(os.getpid()))
    except OSError as error:
        return f"the search index could not be built: {error}"
    if completed.returncode != 0:
        return f"the search index could not be built: {(completed.stderr or completed.stdout).strip()[:2000]}"
    index = site_dir / INDEX_DIR
    for name in UNUSED_PAGEFIND_FILES:
        (index / name).unlink(missing_ok=True)
    make_reproducible(index)
    return None


def _read(path: Path) -> Any:  # Any: CBOR in Pagefind's own layout, which make_reproducible walks
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE) :])


def _write(folder: Path, prefix: str, suffix: str, value: object, digits: int) -> str:
    """Write a value as Pagefind does (signature + CBOR, gzip without a time stamp) under a name made from its content."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def make_reproducible(index: Path) -> None:
    """Sort the filter indexes and name them, the metadata index and the entry file's pointer by content."""
    entry_path = index / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    for language, about in sorted(entry["languages"].items()):
        meta_path = index / f"pagefind.{about['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = index / "filter"
        renamed = []
        for name, old in sorted(meta[3]):  # [filter name, file hash]: in hash-map order
            old_path = filters / f"{old}.pf_filter"
            filter_name, values = _read(old_path)  # [name, [[value, [page numbers]]]]
            canonical = [filter_name, sorted([value, sorted(pages)] for value, pages in values)]
            old_path.unlink()
            renamed.append([name, _write(filters, f"{language}_", ".pf_filter", canonical, 7)])
        meta[3] = renamed
        meta_path.unlink()
        about["hash"] = _write(index, f"pagefind.{language}_", ".pf_meta", meta, 10).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
