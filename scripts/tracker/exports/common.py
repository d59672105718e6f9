"""What every open-data output shares: references, dates and timestamps (paths and URLs are in paths).

The outputs are pure functions of the model, the site URL and SOURCE_DATE_EPOCH:
no clock, no environment, no set iteration order, so that two builds of one
commit are byte-identical. Paths here are site-relative (no leading slash);
URLs are absolute, made from the site URL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from tracker.core import dates, kinds
from tracker.model import chronology
from tracker.model.paths import absolute, record_api_path, record_page_path
from tracker.model.records import Claim, Event, Model, Record, claim_date
from tracker.model.words import record_label

SITE_NAME = "Iran–US Talks Tracker"
# 1.1.0: the full dump moved to api/v1/dump.json.gz; api/v1/dump.json holds a note (moved.schema.json) giving its address.
# 2.0.0: api/v2/, where a reference is {type, id, title}: its two URLs were 40% of every document, and the
# index's record_url_templates make them. Every address of v1 holds a note giving its v2 address.
SCHEMA_VERSION = "2.0.0"


def ref(model: Model, rid: str) -> dict:
    """A reference to another record: its type, id and label (the API index's record_url_templates give its addresses)."""
    record = model.get(rid)
    assert record is not None, rid
    return {"type": kinds.get(record.kind).singular, "id": record.id, "title": record_label(record)}


def record_url_templates(site_url: str) -> dict[str, dict[str, str]]:
    """By record type, the address of a record's API document and of its page, with {id} to replace."""
    return {
        kinds.get(kind).singular: {
            "api": absolute(site_url, record_api_path(kind, "{id}")),
            "page": absolute(site_url, record_page_path(kind, "{id}")),
        }
        for kind in kinds.FOLDERS
    }


class Refs:
    """References for one build, each made once: ``refs(rid)`` is ``ref(model, rid)``.

    The same dict is returned for every use of an id: copy it before changing it.
    """

    def __init__(self, model: Model, site_url: str) -> None:
        self.model = model
        self.site_url = site_url
        self._made: dict[str, dict] = {}
        self._ranks: dict[tuple[str, str], int] | None = None

    def timeline_order(self, kind: str, rid: str) -> int | None:
        """The record's place in the timeline's one order (model.chronology), from 1; None when it is not on the timeline."""
        if self._ranks is None:
            self._ranks = chronology.ranks(self.model)
        return self._ranks.get((kind, rid))

    def __call__(self, rid: str) -> dict:
        made = self._made.get(rid)
        if made is None:
            made = self._made[rid] = ref(self.model, rid)
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


def json_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def tags_of(model: Model) -> list[str]:
    """Every tag used by an event or a claim, sorted."""
    records: list[Event | Claim] = [*model.events.values(), *model.claims.values()]
    return sorted({t for r in records for t in r.tags})
