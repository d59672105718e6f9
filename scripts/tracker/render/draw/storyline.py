"""The timeline drawn as a story line: the sections of the list, in its order, each said once.

Most entries of a story told by one undated article share one uncertain span ("2026, probably"):
drawn as bars on a calendar, 35 identical bars filled the drawing, and rows sharing a span were
stacked by id, against the list's order. What is known here is an order, and a few spans; so the
drawing shows the order, and each span once:

* one stop per section of the list (a month, or a year whose months are not given), in the list's
  order, headed by its span in words and its count: "2026, exact dates not given: 35 entries, in
  the order reported". Nothing is spread over months it is not dated to, and an empty stretch of
  the calendar is not drawn at all: the stops follow each other like the stations of a metro line
  (the "broken axis" of time-compressed timelines such as EventLines, Wong and Elmqvist 2025);
* inside a stop, the entries as a sequence in the list's order: each event a named station, the
  claims between two events a run of dots whose names show on hover and focus; an entry that a
  recorded relation placed says what it came after (the between-event order of Storygraph,
  Shrestha et al.), and an entry's own date is written where it differs from its stop's;
* every entry is a link to its entry in the list (the text equivalent), every section head a link
  to the section's first entry.

Above ``BAND_THRESHOLD`` entries only the band of stops is drawn (``band_html``): counts per section,
each a link, on every page of a long timeline and on the home page. Plain HTML with classes (no SVG,
no inline style): it wraps on a phone instead of scrolling sideways, is read in order by a screen
reader and needs no JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tracker.core.html import esc

BAND_THRESHOLD = 300  # entries; beyond, the band of counts alone keeps a page small


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the timeline as the drawing shows it."""

    anchor: str  # the id of its entry in the list, e.g. "event-trump-sworn-in"
    href: str  # the link to that entry ("#event-…" on the timeline page)
    kind: str  # "event" or "claim"
    title: str
    when: str  # its own date in words, "" when it is its stop's
    after: tuple[str, ...] = ()  # the titles of the events a recorded relation placed it after


@dataclass(frozen=True, slots=True)
class Stop:
    """A section of the list: its span in words, whether the span is a year or more, and its entries in order."""

    when: str  # "June 2025"; "2026, exact dates not given"
    spread: bool  # a span of a year or more: said once, never divided among months
    reported: bool  # the order inside was set by the order reported (not by dates)
    items: tuple[Item, ...]
    href: str  # the link to its first entry
    span: str = ""  # the span alone, for the summary ("probably 2026"); "" when it is ``when``


def entry_anchor(kind: str, record_id: str) -> str:
    """The id of an entry in the list (timeline.html): its kind, a hyphen, the record's id."""
    return f"{kind}-{record_id}"


def mark_id(anchor: str) -> str:
    """The id of an entry's link in the drawing (``#tlm-…``), distinct from its list entry's."""
    return f"tlm-{anchor}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def stop_words(stop: Stop) -> str:
    """A stop's head after its span: "35 entries, in the order reported"."""
    words = _count(len(stop.items), "entry", "entries")
    return words + (", in the order reported" if stop.reported and len(stop.items) > 1 else "")


def _station(item: Item, ids: bool) -> str:
    ident = f' id="{esc(mark_id(item.anchor))}"' if ids else ""
    when = f' <span class="tl-st-when">{esc(item.when)}</span>' if item.when else ""
    after = f' <span class="tl-after">after {esc("; ".join(item.after))}</span>' if item.after else ""
    return f'<li class="tl-st tl-st-event"><a href="{esc(item.href)}"{ident}>{esc(item.title)}</a>{when}{after}</li>'


def _dots(run: Sequence[Item], ids: bool) -> str:
    """Claims between two events: dots whose names (the link text) show on hover and focus."""
    dots = []
    for item in run:
        ident = f' id="{esc(mark_id(item.anchor))}"' if ids else ""
        when = f" ({esc(item.when)})" if item.when else ""
        dots.append(f'<a class="tl-dot" href="{esc(item.href)}"{ident}><span class="tl-tip">Claim: {esc(item.title)}{when}</span></a>')
    return f'<li class="tl-st tl-st-claims"><span class="tl-run">{_count(len(run), "claim", "claims")}</span> {"".join(dots)}</li>'


def _sequence(items: Sequence[Item], ids: bool) -> str:
    parts: list[str] = []
    run: list[Item] = []
    for item in items:
        if item.kind == "claim":
            run.append(item)
            continue
        if run:
            parts.append(_dots(run, ids))
            run = []
        parts.append(_station(item, ids))
    if run:
        parts.append(_dots(run, ids))
    return f'<ol class="tl-seq">{"".join(parts)}</ol>'


def summary(stops: Sequence[Stop]) -> str:
    """One sentence for the whole drawing: where the story runs from and to, and whether its end is dated only loosely.

    "The story in order: 44 entries, from January 2025 to probably 2026; the last 35 are dated only to
    probably 2026, the sources giving no exact dates, and follow in the order of the list." """
    if not stops:
        return ""
    total = sum(len(s.items) for s in stops)
    dated = [s for s in stops if not s.spread] or list(stops)
    last = stops[-1]
    words = f"The story in order: {_count(total, 'entry', 'entries')}, from {dated[0].span or dated[0].when} to {last.span or last.when}"
    if last.spread and len(stops) > 1:
        n = len(last.items)
        words += f"; the last {'one is' if n == 1 else f'{n:,} are'} dated only to {last.span or last.when}, the sources giving no exact dates, and follow in the order of the list"
    return words + "."


def band_html(stops: Sequence[Stop], *, caption: str) -> str:
    """The band: one link per stop with its count, a span of a year or more marked as such; wraps on a phone."""
    if not stops:
        return ""
    peak = max(len(s.items) for s in stops)
    cells = []
    for stop in stops:
        # the bar's length is the count, in eighths of the largest: a class, since the policy allows no inline style
        size = max(1, round(8 * len(stop.items) / peak))
        cls = "tl-band-cell tl-band-spread" if stop.spread else "tl-band-cell"
        cells.append(
            f'<li class="{cls}"><a href="{esc(stop.href)}"><span class="tl-band-when">{esc(stop.when)}</span> '
            f'<span class="tl-band-count">{esc(_count(len(stop.items), "entry", "entries"))}</span>'
            f'<span class="tl-band-bar tl-bar-{size}" aria-hidden="true"></span></a></li>'
        )
    return f'<figure class="drawing tl-drawing tl-band-figure"><ol class="tl-band">{"".join(cells)}</ol><figcaption class="tl-legend"><p>{esc(caption)}</p></figcaption></figure>'


BAND_CAPTION = (
    "The timeline by date, earliest first: each part is a month, or a year whose entries the sources do not date more "
    "precisely, counted once there rather than spread over its months; each links to its first entry in the list."
)


def storyline_html(stops: Sequence[Stop], *, ids: bool = True) -> str:
    """The story line of the timeline page: the band of stops, then each stop with its entries in order.

    ``ids``: give each entry's link an id (``tlm-…``), for the list's link back to it.
    """
    if not stops:
        return ""
    body = []
    for stop in stops:
        cls = "tl-stop tl-stop-spread" if stop.spread else "tl-stop"
        head = f'<p class="tl-when"><a href="{esc(stop.href)}">{esc(stop.when)}</a>: {esc(stop_words(stop))}</p>'
        body.append(f'<li class="{cls}">{head}{_sequence(stop.items, ids)}</li>')
    legend = (
        '<figcaption class="tl-legend"><p>How to read it: the story in the order of the list below, one part per date. '
        "Named stops are events and dots are claims (their words show when pointed at or focused); "
        "“after …” names the event a source says it followed. Each links to its entry in the list.</p></figcaption>"
    )
    return (
        f'<figure class="drawing tl-drawing tl-story" aria-label="The timeline in order"><p class="tl-story-summary">{esc(summary(stops))}</p>'
        f'<ol class="tl-line">{"".join(body)}</ol>{legend}</figure>'
    )
