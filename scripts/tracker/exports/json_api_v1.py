"""API v1, retired: at every address it published, a short note giving the v2 address of the same document.

API v2 (json_api) replaced it: there a reference to another record is ``{type, id, title}``, and the
index's ``record_url_templates`` make its addresses. No address of v1 disappears (a published address
never silently does): each record document, withdrawn record, list, the index, the changes, and the
dump's two old addresses (``dump.json``, and ``dump.json.gz`` as a gzip file, so a client that
decompresses it reads the note) hold a note in v2's ``moved.schema.json`` that says in words that v1
was replaced and gives the new address in ``moved_to``. v1's schemas stay as they were published:
documents people downloaded from v1 still name them in ``$schema``.
"""

from __future__ import annotations

from pathlib import Path

from tracker.exports.common import SCHEMA_VERSION
from tracker.exports.json_api import dumps, gzipped
from tracker.model.paths import (
    API_ROOT,
    DUMP_MOVED_PATH,
    DUMP_PATH,
    INDEX_PATH,
    RETIRED_API_ROOT,
    RETIRED_SCHEMA_ROOT,
    SCHEMA_ROOT,
    absolute,
    retired_path,
    schema_url,
)

RETIRED_SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schema" / "api" / "v1"
DOWNLOADS = "downloads/"


def retired_schema_files() -> dict[str, bytes]:
    """v1's schemas, by file name, exactly as published (schema/api/v1/, no longer changed)."""
    return {p.name: p.read_bytes() for p in sorted(RETIRED_SCHEMA_DIR.glob("*.schema.json"))}


def replaced_note(site_url: str, v2_path: str) -> dict:
    """What stays at a v1 address: v1 was replaced by v2, and the v2 address of the same document."""
    moved_to = absolute(site_url, v2_path)
    return {
        "$schema": schema_url("moved"),
        "schema_version": SCHEMA_VERSION,
        "message": "API v1 was replaced by API v2: this document is now at the address in moved_to. The Downloads page says what changed.",
        "moved_to": moved_to,
        "downloads_page": absolute(site_url, DOWNLOADS),
    }


def dump_note(site_url: str) -> dict:
    """What stays at both old addresses of v1's dump: where v2's is, compressed, and how to read it."""
    moved_to = absolute(site_url, DUMP_PATH)
    index = absolute(site_url, INDEX_PATH)
    return {
        **replaced_note(site_url, DUMP_PATH),
        "title": "The full dump has moved",
        "message": (
            f"API v1 was replaced by API v2, and the full dump, every record in one file, is no longer served here. "
            f"It is now at {moved_to}, gzip-compressed, and follows {schema_url('dump')} once decompressed. "
            f"The API index, {index}, always gives its address as links.dump; the Downloads page says what changed."
        ),
        "compression": "gzip",
        "schema": schema_url("dump"),
        "index": index,
    }


def retired_outputs(site_url: str, v2_outputs: dict[str, bytes]) -> dict[str, bytes]:
    """A note at the v1 address of every v2 document, one at each old address of the dump, and v1's schemas."""
    out: dict[str, bytes] = {}
    for path in v2_outputs:
        if not path.startswith(f"{API_ROOT}/") or path.startswith(f"{SCHEMA_ROOT}/"):
            continue
        if path == DUMP_PATH:
            out[retired_path(path)] = gzipped(dumps(dump_note(site_url), indent=True))
        else:
            out[retired_path(path)] = dumps(replaced_note(site_url, path))
    out[DUMP_MOVED_PATH] = dumps(dump_note(site_url), indent=True)
    for name, content in retired_schema_files().items():
        out[f"{RETIRED_SCHEMA_ROOT}/{name}"] = content
    assert all(p.startswith(f"{RETIRED_API_ROOT}/") for p in out)
    return out
