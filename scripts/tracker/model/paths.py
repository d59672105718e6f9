"""Every path and URL layout of the site in one place: pages, the API, CSV, feeds, the calendar.

Markdown paths ("events/some-id.md") are what the page layer produces; MkDocs turns
them into directory URLs ("events/some-id/", ``url_of``). Output paths are
site-relative (no leading slash); URLs are absolute, made from the site URL.
"""

from __future__ import annotations

from tracker.model.records import Record

# API v2 (refs without URLs: the index's record_url_templates make them). v1 is retired: every address it
# published keeps a short note giving the v2 address of the same document (exports.json_api_v1).
API_ROOT = "api/v2"
RETIRED_API_ROOT = "api/v1"
# The JSON Schemas are published at a stable address, whatever site URL a build is given:
# their $id, the "$schema" of every document and the URL they are served at agree.
CANONICAL_SITE_URL = "https://newstrace.github.io/iran-us-talks/"
SCHEMA_ROOT = f"{API_ROOT}/schema"
RETIRED_SCHEMA_ROOT = f"{RETIRED_API_ROOT}/schema"  # v1's schemas stay as published: documents people keep still name them
CSV_ROOT = "csv"
FEED_ROOT = "feeds"
CALENDAR_PATH = "calendar/events.ics"
ALL_FEED_PATH = f"{FEED_ROOT}/all.atom"
# The full dump is served gzip-compressed: at 10,000 records it was 44 MB of JSON that repeats every
# record document. v1's uncompressed address keeps a short JSON note saying where it went (exports.json_api_v1).
DUMP_PATH = f"{API_ROOT}/dump.json.gz"
DUMP_MOVED_PATH = f"{RETIRED_API_ROOT}/dump.json"
INDEX_PATH = f"{API_ROOT}/index.json"
DATAPACKAGE_PATH = f"{CSV_ROOT}/datapackage.json"

# ---------------------------------------------------------------- pages (docs-relative Markdown paths)

HOME_PAGE = "index.md"
METHODOLOGY_PAGE = "methodology.md"
DOWNLOADS_PAGE = "downloads.md"
DATA_NOTES_PAGE = "data-notes.md"
CONTRIBUTING_PAGE = "contributing.md"
ABOUT_PAGE = "about.md"
CORRECTION_POLICY_PAGE = "corrections/policy.md"
CORRECTIONS_PAGE = "corrections/index.md"
CORRECTIONS_FEED_PATH = f"{FEED_ROOT}/corrections.atom"
CHANGES_FEED_PATH = f"{FEED_ROOT}/changes.atom"
CHANGES_API_PATH = f"{API_ROOT}/changes.json"


def changes_page_path(number: int) -> str:
    """The "What changed" page, newest first, paginated."""
    return "changes/index.md" if number == 1 else f"changes/{number}.md"


def page_path(record: Record) -> str:
    return f"{record.kind}/{record.id}.md"  # as record_md_path, inline: every link to a record comes here


def record_md_path(kind: str, rid: str) -> str:
    return f"{kind}/{rid}.md"


def index_path(kind: str) -> str:
    return f"{kind}/index.md"


def timeline_page_path(number: int) -> str:
    return "timeline/index.md" if number == 1 else f"timeline/{number}.md"


def disputes_page_path(number: int) -> str:
    return "disputes.md" if number == 1 else f"disputes/{number}.md"


def reader_page_path(source_id: str) -> str:
    """The reader page of a source's archived text: its text with the cited excerpts highlighted."""
    return f"sources/{source_id}/text.md"


def list_page_path(kind: str, slug: str, number: int) -> str:
    """A page of a long list (an index group, or an actor's or source's records) under browse/."""
    return f"browse/{kind}/{slug}/index.md" if number == 1 else f"browse/{kind}/{slug}/{number}.md"


def url_of(md_path: str) -> str:
    """The directory URL MkDocs gives a Markdown path (use_directory_urls)."""
    if md_path == "index.md":
        return ""
    if md_path.endswith("/index.md"):
        return md_path[: -len("index.md")]
    return md_path[: -len(".md")] + "/"


# ---------------------------------------------------------------- open data


def absolute(site_url: str, path: str) -> str:
    """The URL of a site-relative path (root-relative when the site URL is empty)."""
    return f"{site_url.rstrip('/')}/{path}"


def schema_url(name: str) -> str:
    """The $id, and the published address, of an API schema such as "event"."""
    return absolute(CANONICAL_SITE_URL, f"{SCHEMA_ROOT}/{name}.schema.json")


def record_api_path(kind: str, rid: str) -> str:
    """Site-relative path of a record's JSON document: api/v2/<kind>/<id>.json."""
    return f"{API_ROOT}/{kind}/{rid}.json"


def list_api_path(kind: str) -> str:
    return f"{API_ROOT}/{kind}.json"


def retired_path(path: str) -> str:
    """The address API v1 gave the document that API v2 serves at ``path`` (api/v2/x → api/v1/x)."""
    assert path.startswith(f"{API_ROOT}/"), path
    return f"{RETIRED_API_ROOT}/{path[len(API_ROOT) + 1 :]}"


def record_page_path(kind: str, rid: str) -> str:
    """Site-relative directory URL of a record's page: <kind>/<id>/."""
    return f"{kind}/{rid}/"


def actor_feed_path(actor_id: str) -> str:
    return f"{FEED_ROOT}/actors/{actor_id}.atom"


def tag_feed_path(tag: str) -> str:
    return f"{FEED_ROOT}/tags/{tag}.atom"
