"""An iCalendar file of the events, keeping their dates only as precise as the sources.

* An event dated to one day is an all-day event (``DTSTART;VALUE=DATE``, and
  ``DTEND`` the next day: iCalendar's end is exclusive).
* An interval whose two ends are days spans them: from the first day to the
  day after the last.
* Anything else (known only to the month, year, decade or century, or an
  interval with an open, unknown or coarser end) is left out: a calendar
  cannot show it without pinning it to a day the sources do not give. Such
  events are in the JSON, the CSV and the feeds; the calendar says how many it
  leaves out (``X-WR-CALDESC``) and the Downloads page lists the count.
* A day that is uncertain or approximate (``2025-06-13?``) is kept, marked
  ``STATUS:TENTATIVE`` with the reason in its summary.

``DTSTAMP`` is SOURCE_DATE_EPOCH (1970-01-01 when it is not set), never the clock.
"""

from __future__ import annotations

from datetime import date, timedelta

import icalendar

from tracker.core import dates
from tracker.exports.common import EPOCH_ZERO, SITE_NAME, build_time
from tracker.model.paths import CALENDAR_PATH, absolute, record_page_path
from tracker.model.records import Event, Model

PRODID = "-//newstrace//Iran-US Talks Tracker//EN"


def day_span(event: Event) -> tuple[date, date] | None:
    """(first day, day after the last) when both ends of the event's date are days; otherwise None."""
    value = event.date
    if value is None or value.start is None or value.end is None:
        return None
    if value.start.precision != "day" or value.end.precision != "day":
        return None
    return value.start.earliest, value.end.latest + timedelta(days=1)


def split_events(model: Model) -> tuple[list[Event], list[Event]]:
    """(events in the calendar, events left out), each in timeline order."""
    kept: list[Event] = []
    left_out: list[Event] = []
    for event in model.timeline():
        (kept if day_span(event) is not None else left_out).append(event)
    return kept, left_out


def vevent(model: Model, site_url: str, event: Event, stamp) -> icalendar.Event:
    first, after_last = day_span(event)  # type: ignore[misc]  # split_events() passes only events that have a day span
    page = absolute(site_url, record_page_path("events", event.id))
    when = dates.humanize(event.date)
    component = icalendar.Event()
    component.add("uid", page)
    component.add("dtstamp", stamp)
    component.add("dtstart", first)
    component.add("dtend", after_last)
    fuzzy = event.date.is_fuzzy
    component.add("summary", f"{event.title} (date not exact: {when})" if fuzzy else event.title)
    component.add("status", "TENTATIVE" if fuzzy else "CONFIRMED")
    description = f"{event.summary}\n\nDate: {when}."
    if event.date_note:
        description += f" {event.date_note}"
    component.add("description", f"{description}\n\n{page}")
    component.add("url", page)
    component.add("transp", "TRANSPARENT")
    if event.location:
        loc = event.location
        place = loc["name"] + (f", {loc['country']}" if loc.get("country") else "") + (f" ({loc['detail']})" if loc.get("detail") else "")
        component.add("location", place)
    if event.tags:
        component.add("categories", list(event.tags))
    return component


def calendar_outputs(model: Model, site_url: str, epoch: int) -> dict[str, bytes]:
    """calendar/events.ics, by site-relative path."""
    kept, left_out = split_events(model)
    stamp = build_time(epoch) or EPOCH_ZERO
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{SITE_NAME}: events")
    cal.add(
        "x-wr-caldesc",
        f"Events dated to the day, as all-day events: {len(kept)}. Left out rather than pinned to a day the sources do not give: "
        f"{len(left_out)}, known only to the month or year or with an open or unknown end; "
        f"they are on the timeline: {absolute(site_url, 'timeline/')}",
    )
    for event in kept:
        cal.add_component(vevent(model, site_url, event, stamp))
    return {CALENDAR_PATH: cal.to_ical()}
