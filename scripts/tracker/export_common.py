"""What every open-data output shares: paths, URLs, references, dates and timestamps.

The outputs are pure functions of the model, the site URL and SOURCE_DATE_EPOCH:
no clock, no environment, no set iteration order, so that two builds of one
commit are byte-identical. Paths here are site-relative (no leading slash);
URLs are absolute, made from the site URL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from . import dates
from .dataset import KIND_SINGULAR
from .model import Claim, Model, Record

# render is imported inside the functions that need it, so that render may import the
# path helpers below (record_api_path, actor_feed_path) without an import cycle.

SITE_NAME = "Iran–US Talks Tracker"
SCHEMA_VERSION = "1.0.0"
API_ROOT = "api/v1"
# The JSON Schemas are published at a stable address, whatever site URL a build is given:
# their $id, the "$schema" of every document and the URL they are served at agree.
CANONICAL_SITE_URL = "https://newstrace.github.io/iran-us-talks/"
SCHEMA_ROOT = f"{API_ROOT}/schema"
CSV_ROOT = "csv"
FEED_ROOT = "feeds"
CALENDAR_PATH = "calendar/events.ics"
DOWNLOADS_PAGE = "downloads.md"

KINDS = ("events", "claims", "actors", "sources")
TYPE_OF_KIND = KIND_SINGULAR  # "events" -> "event": the record type named in every output
KIND_OF_TYPE = {v: k for k, v in TYPE_OF_KIND.items()}


def absolute(site_url: str, path: str) -> str:
    """The URL of a site-relative path (root-relative when the site URL is empty)."""
    return f"{site_url.rstrip('/')}/{path}"


def schema_url(name: str) -> str:
    """The $id, and the published address, of an API schema such as "event"."""
    return absolute(CANONICAL_SITE_URL, f"{SCHEMA_ROOT}/{name}.schema.json")


def record_api_path(kind: str, rid: str) -> str:
    """Site-relative path of a record's JSON document: api/v1/<kind>/<id>.json."""
    return f"{API_ROOT}/{kind}/{rid}.json"


def list_api_path(kind: str) -> str:
    return f"{API_ROOT}/{kind}.json"


def record_page_path(kind: str, rid: str) -> str:
    """Site-relative directory URL of a record's page: <kind>/<id>/."""
    return f"{kind}/{rid}/"


def actor_feed_path(actor_id: str) -> str:
    return f"{FEED_ROOT}/actors/{actor_id}.atom"


def tag_feed_path(tag: str) -> str:
    return f"{FEED_ROOT}/tags/{tag}.atom"


ALL_FEED_PATH = f"{FEED_ROOT}/all.atom"
DUMP_PATH = f"{API_ROOT}/dump.json"
INDEX_PATH = f"{API_ROOT}/index.json"
DATAPACKAGE_PATH = f"{CSV_ROOT}/datapackage.json"


def ref(model: Model, site_url: str, rid: str) -> dict:
    """A reference to another record, resolved to its type, label, API URL and page URL."""
    from .render import record_label

    record = model.get(rid)
    assert record is not None, rid
    return {
        "type": TYPE_OF_KIND[record.kind],
        "id": record.id,
        "title": record_label(record),
        "api_url": absolute(site_url, record_api_path(record.kind, record.id)),
        "page_url": absolute(site_url, record_page_path(record.kind, record.id)),
    }


class Refs:
    """References for one build, each made once: ``refs(rid)`` is ``ref(model, site_url, rid)``.

    The same dict is returned for every use of an id: copy it before changing it.
    """

    def __init__(self, model: Model, site_url: str) -> None:
        self.model = model
        self.site_url = site_url
        self._made: dict[str, dict] = {}

    def __call__(self, rid: str) -> dict:
        made = self._made.get(rid)
        if made is None:
            made = self._made[rid] = ref(self.model, self.site_url, rid)
        return made

    def many(self, ids: list[str]) -> list[dict]:
        return [self(i) for i in ids]


def date_doc(value: dates.EdtfDate | None) -> dict | None:
    """A date as published: the EDTF text, words for it, and the span of days it may denote.

    ``earliest``/``latest`` are null where an interval's end is open or unknown; the
    precisions are those of each end (``day``, ``month``, ``year``, ``decade``, ``century``).
    """
    if value is None:
        return None
    return {
        "edtf": value.text,
        "text": dates.humanize(value),
        "is_interval": value.is_interval,
        "is_fuzzy": value.is_fuzzy,
        "earliest": value.start.earliest.isoformat() if value.start else None,
        "latest": value.end.latest.isoformat() if value.end else None,
        "start_precision": value.start.precision if value.start else None,
        "end_precision": value.end.precision if value.end else None,
    }


def timeline_date(model: Model, record: Record) -> tuple[dates.EdtfDate | None, str | None]:
    """The date a record is placed at, and for a claim where it comes from ("made" or "published in its venue").

    An event's date; a claim's own date, else its venue's publication date (as on the timeline).
    """
    if isinstance(record, Claim):
        from .render import claim_date

        when, how = claim_date(model, record)
        return when, (how if when is not None else None)
    return getattr(record, "date", None), None


def build_time(epoch: int) -> datetime | None:
    """SOURCE_DATE_EPOCH as a UTC instant; None when it is not set (0)."""
    return datetime.fromtimestamp(epoch, UTC) if epoch > 0 else None


def rfc3339(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_instant(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


EPOCH_ZERO = datetime(1970, 1, 1, tzinfo=UTC)


def last_possible_instant(value: dates.EdtfDate | None, epoch: int) -> datetime:
    """A timestamp for an entry, from its date and SOURCE_DATE_EPOCH only (never the clock).

    The start of the last day the date may denote (the start's last day for an interval
    whose end is open or unknown), but never later than the build's SOURCE_DATE_EPOCH, so
    that a date known only to the year is not stamped in the future; SOURCE_DATE_EPOCH
    itself for an undated entry, and 1970-01-01 when neither is known.
    """
    built = build_time(epoch)
    last = None
    if value is not None:
        last = value.end.latest if value.end else (value.start.latest if value.start else None)
    if last is None:
        return built or EPOCH_ZERO
    instant = day_instant(last)
    return min(instant, built) if built else instant


def format_number(value: float) -> str:
    """A figure in a fixed notation: an integer without separators, otherwise Python's shortest repr."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def json_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def tags_of(model: Model) -> list[str]:
    """Every tag used by an event or a claim, sorted."""
    return sorted({t for r in (*model.events.values(), *model.claims.values()) for t in r.tags})
