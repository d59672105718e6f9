"""The drawn timeline: one mark per entry across the span of days its date allows.

Encodings, after Gschwandtner et al. (IEEE TVCG 2016) and Boukhelifa et al. (IEEE VIS 2012):
an exact day is a dot; a month, a year, an interval or unspecified digits is a bar with explicit
ends from the earliest to the latest possible day; an uncertain date (``?``) has a dashed outline;
an approximate one (``~``) has soft ends; an open or unknown end fades out towards the edge.
Marks are packed into rows that never overlap (greedy interval packing per lane) and each is a
link to its entry in the list. Above ``DENSITY_THRESHOLD`` marks the drawing becomes a density
band, entries per month, an inexact entry spread evenly over the months it may fall in.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tracker.core.dates import MONTHS, EdtfDate, humanize
from tracker.core.html import esc
from tracker.render.draw.svg import clip, fade_defs, masks_used, num, svg_open, text_width

# a bar at least this wide carries its label inside, shortened to fit: beside it, the label of a bar
# near the right edge would be dropped (the year-long bars of a story's last year all are)
INSIDE_MIN = 80
DENSITY_THRESHOLD = 300  # marks; beyond, one band of monthly counts keeps the page small
LANE_TITLES = {"event": "Events", "claim": "Claims"}


@dataclass(frozen=True, slots=True)
class Mark:
    entry_id: str  # the id of the entry in the list, e.g. "event-trump-sworn-in"
    kind: str  # "event" or "claim"
    label: str
    date: EdtfDate
    href: str
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def mark_id(entry_id: str) -> str:
    """The id of an entry's mark in the drawing, for the list's link back to it (``#tlm-…``)."""
    return f"tlm-{entry_id}"


def default_entry_id(kind: str, record_id: str) -> str:
    """The list's id scheme (pages.timeline.timeline_entry_html): kind, a hyphen, the record id."""
    return f"{kind}-{record_id}"


def marks_from_entries(
    entries: Iterable, *, entry_id: Callable[[str, str], str] = default_entry_id, page_href: Callable[[Any], str] = lambda e: ""
) -> list[Mark]:
    """Marks for timeline entries (objects with ``kind``, ``record`` and ``date``, as pages.timeline.TimelineEntry).

    ``page_href(entry)`` is the URL of the list page holding the entry ("" for this page).
    """
    marks = []
    for entry in entries:
        record = entry.record
        actors = getattr(record, "actors", None) or getattr(record, "claimants", [])
        anchor = entry_id(entry.kind, record.id)
        marks.append(Mark(anchor, entry.kind, " ".join(record.title.split()), entry.date, f"{page_href(entry)}#{anchor}", tuple(actors), tuple(record.tags)))
    return marks


# ---------------------------------------------------------------- geometry


@dataclass(frozen=True, slots=True)
class Scale:
    """Days to x: the first day of the domain at ``left``, the day after its last at ``right``."""

    start: date
    end: date  # exclusive
    left: float
    right: float

    def x(self, day: date) -> float:
        span = (self.end - self.start).days or 1
        return self.left + (self.right - self.left) * (day - self.start).days / span


def domain(dates_: Sequence[EdtfDate]) -> tuple[date, date]:
    """Whole months around every known bound, widened where an end is open so its fade shows."""
    known = [d.start.earliest for d in dates_ if d.start] + [d.end.latest for d in dates_ if d.end]
    known += [d.start.latest for d in dates_ if d.start and not d.end] + [d.end.earliest for d in dates_ if d.end and not d.start]
    if not known:
        return date(2000, 1, 1), date(2001, 1, 1)
    lo, hi = min(known), max(known) + timedelta(days=1)
    pad = max(30, (hi - lo).days // 8)
    if any(d.start is None for d in dates_):
        lo -= timedelta(days=pad)
    if any(d.end is None for d in dates_):
        hi += timedelta(days=pad)
    lo = date(lo.year, lo.month, 1)
    hi = date(hi.year + (hi.month == 12), hi.month % 12 + 1, 1) if hi.day > 1 else hi
    return lo, hi


@dataclass(frozen=True, slots=True)
class Extent:
    x0: float
    x1: float
    point: bool


def extent(scale: Scale, value: EdtfDate) -> Extent:
    """Where a date is drawn: earliest to the day after the latest; an open or unknown end at the edge."""
    if not value.is_interval and value.start and value.start.precision == "day":
        mid = scale.x(value.start.earliest) + (scale.x(value.start.earliest + timedelta(days=1)) - scale.x(value.start.earliest)) / 2
        return Extent(mid, mid, True)
    x0 = scale.x(value.start.earliest) if value.start else scale.left
    x1 = scale.x(value.end.latest + timedelta(days=1)) if value.end else scale.right
    if x1 - x0 < 4:  # a single day inside an interval would vanish
        mid = (x0 + x1) / 2
        x0, x1 = mid - 2, mid + 2
    return Extent(x0, x1, False)


def qualifiers(value: EdtfDate) -> set[str]:
    quals = {p.qualifier for p in (value.start, value.end) if p}
    out = set()
    if quals & {"?", "%"}:
        out.add("uncertain")
    if quals & {"~", "%"}:
        out.add("approximate")
    if value.start is None:
        out.add("open-start")
    if value.end is None:
        out.add("open-end")
    return out


def pack(items: Sequence[tuple[float, float, float]], max_rows: int) -> list[tuple[int, bool]]:
    """Greedy interval packing: for each (left, right, label width), a row and whether its label fits.

    Items in order of their left edge; a mark and its label take the first row where they fit,
    a row is added while there are fewer than ``max_rows``, else the mark goes unlabelled into the
    first row where it alone fits, or a new row: marks never overlap.
    """
    gap = 3.0
    rows: list[list[tuple[float, float]]] = []

    def fits(row: list[tuple[float, float]], a: float, b: float) -> bool:
        return all(b + gap <= l or a >= r + gap for l, r in row)

    placed = []
    for left, right, label in items:
        with_label = right + (label + 6 if label else 0)
        choice = next((i for i, row in enumerate(rows) if label and fits(row, left, with_label)), None)
        labelled = choice is not None
        if choice is None and label and len(rows) < max_rows:
            rows.append([])
            choice, labelled = len(rows) - 1, True
        if choice is None:
            choice = next((i for i, row in enumerate(rows) if fits(row, left, right)), None)
        if choice is None:
            rows.append([])
            choice = len(rows) - 1
        rows[choice].append((left, with_label if labelled else right))
        placed.append((choice, labelled))
    return placed


# ---------------------------------------------------------------- drawing

ROW, BAR, LANE_GAP, AXIS = 22, 14, 12, 34
COMPACT_ROW, COMPACT_BAR = 9, 6  # the compact variant keeps one row per overlapping mark, thinner
COMPACT_MAX_ROWS = 16  # beyond, the compact variant is a density band
MONTH_NAME_MIN = 34  # px per month from which month names are written (docs/javascripts/drawings.js uses the same)


def _mark_svg(prefix: str, scale: Scale, mark: Mark, y: float, labelled: bool, compact: bool = False) -> str:
    """One mark: a link whose <title> is its accessible name and its tooltip (SVG-AAM: no aria-label needed).

    Only the full timeline's marks carry an id: its list links back to them (``#tlm-…``). The zoom
    and filter script finds a mark's entry from the link's fragment.
    """
    bar = COMPACT_BAR if compact else BAR
    ext = extent(scale, mark.date)
    quals = qualifiers(mark.date)
    classes = ["tl-mark", f"tl-{mark.kind}", *(f"tl-{q}" for q in sorted(quals))]
    words = humanize(mark.date)
    if ext.point:
        shape = f'<circle cx="{num(ext.x0)}" cy="{num(y)}" r="{num(bar / 2 + 1)}"/>'
        if "approximate" in quals:
            shape = f'<circle class="tl-halo" cx="{num(ext.x0)}" cy="{num(y)}" r="{num(bar)}"/>' + shape
        right = ext.x0 + bar / 2
    else:
        fade = (
            "lr"
            if {"open-start", "open-end"} <= quals
            else "l"
            if "open-start" in quals
            else "r"
            if "open-end" in quals
            else "soft"
            if "approximate" in quals
            else ""
        )
        mask = f' mask="url(#{prefix}-m-{fade})"' if fade else ""
        shape = f'<rect x="{num(ext.x0)}" y="{num(y - bar / 2)}" width="{num(ext.x1 - ext.x0)}" height="{bar}" rx="2"{mask}/>'
        if not fade and not compact:  # explicit bounds: the first and last possible day are ticks (one path)
            top, tall = num(y - bar / 2 - 2), num(bar + 4)
            shape += f'<path class="tl-bound" d="M{num(ext.x0)},{top}v{tall}M{num(ext.x1)},{top}v{tall}"/>'
        right = ext.x1
    text = clip(mark.label, 40)
    inside = not compact and not ext.point and ext.x1 - ext.x0 >= min(text_width(text, 11) + 10, INSIDE_MIN)
    if inside:  # a wide bar shows more of its label
        text = clip(mark.label, min(90, int((ext.x1 - ext.x0 - 10) / text_width("x", 11))))
    label_x = ext.x0 + 5 if inside else right + 4
    label = f'<text class="tl-label" x="{num(label_x)}" y="{num(y)}">{esc(text)}</text>' if labelled or inside else ""
    ident = "" if compact else f' id="{esc(mark_id(mark.entry_id))}"'
    return f'<a href="{esc(mark.href)}"{ident} class="{" ".join(classes)}"><title>{esc(mark.label)} — {esc(words)}</title>{shape}{label}</a>'


def _months(scale: Scale) -> Iterable[date]:
    """The first day of every month from the domain's start to its end (both included)."""
    day = scale.start
    while day <= scale.end:
        yield day
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _axis(scale: Scale, y: float, top: float, bottom: float) -> str:
    """The axis line with a tick per month (one path), year grid lines from ``top`` to ``bottom`` (one path)
    and the year labels above the line; month names only while months are wide enough to read them
    (the zoom script redraws all of it, month names included, for the span it shows)."""
    ticks, grid, labels = [f"M{num(scale.left)},{num(y)}H{num(scale.right)}"], [], []
    months = (scale.end.year - scale.start.year) * 12 + scale.end.month - scale.start.month
    named = (scale.right - scale.left) / max(months, 1) >= MONTH_NAME_MIN
    label_y = num(y - 6)
    for day in _months(scale):
        x = scale.x(day)
        if day.month == 1:
            grid.append(f"M{num(x)},{num(y - 14)}V{num(bottom)}")
            labels.append(f'<text class="tl-tick" x="{num(x + 3)}" y="{label_y}">{day.year}</text>')
        else:
            ticks.append(f"M{num(x)},{num(y - 4)}v4")
            if named and day < scale.end:
                labels.append(f'<text class="tl-tick tl-tick-month" x="{num(x + 2)}" y="{label_y}">{MONTHS[day.month - 1][:3]}</text>')
    grid_path = f'<path class="tl-grid" d="{"".join(grid)}"/>' if grid else ""
    return f'<g class="tl-axis-all"><path class="tl-axis" d="{"".join(ticks)}"/>{grid_path}{"".join(labels)}</g>'


def timeline_svg(
    marks: Sequence[Mark],
    *,
    prefix: str = "tl",
    compact: bool = False,
    width: float = 960,
    lane_of: Callable[[Mark], str] = lambda m: LANE_TITLES.get(m.kind, m.kind),
    month_href: Callable[[int, int], str | None] = lambda year, month: None,
    threshold: int = DENSITY_THRESHOLD,
    legend: str | None = None,
) -> str:
    """The timeline drawing with its legend, as a <figure>; a density band above ``threshold`` marks.

    ``legend``: the caption instead of the full legend (pages that draw many small timelines point to one legend).
    ``prefix`` keeps ids unique when a page has more than one drawing. ``month_href(year, month)``
    links a density segment to the list of that month (None: no link).
    """
    if not marks:
        return ""
    if len(marks) > threshold:
        return density_svg(marks, prefix=prefix, width=width, month_href=month_href, compact=compact)
    lo, hi = domain([m.date for m in marks])
    left = 8 if compact else 70
    scale = Scale(lo, hi, left, width - 12)
    lanes: dict[str, list[Mark]] = {}
    for mark in sorted(marks, key=lambda m: (extent(scale, m.date).x0, m.date.sort_key(), m.entry_id)):
        lanes.setdefault("All" if compact else lane_of(mark), []).append(mark)
    lanes_svg: list[str] = []
    marks_svg: list[str] = []
    y = float(AXIS)
    for lane, members in lanes.items():
        spans = []
        for m in members:
            ext = extent(scale, m.date)
            right = ext.x0 + BAR / 2 if ext.point else ext.x1
            label_w = text_width(clip(m.label, 40), 11)
            inside = not ext.point and ext.x1 - ext.x0 >= min(label_w + 10, INSIDE_MIN)  # drawn inside the bar: no room needed
            spans.append((ext.x0 - (BAR / 2 if ext.point else 0), right, 0.0 if compact or inside else label_w))
        placed = pack(spans, 2 if compact else 10)
        rows = max(r for r, _ in placed) + 1
        if compact and rows > COMPACT_MAX_ROWS:  # too many overlapping entries to glance at: count them instead
            return density_svg(marks, prefix=prefix, width=width, month_href=month_href, compact=True)
        if not compact:
            lanes_svg.append(f'<text class="tl-lane" x="4" y="{num(y + ROW / 2)}">{esc(lane)}</text>')
        row_h = COMPACT_ROW if compact else ROW
        for mark, span, (row, labelled) in zip(members, spans, placed, strict=True):
            # a label that would run past the right edge is dropped (the mark keeps its title)
            ok = labelled and span[1] + 6 + span[2] <= width
            marks_svg.append(_mark_svg(prefix, scale, mark, y + row * row_h + row_h / 2, ok, compact))
        y += rows * row_h + LANE_GAP
        if not compact:
            lanes_svg.append(f'<path class="tl-lane-rule" d="M0,{num(y - LANE_GAP / 2)}H{num(width)}"/>')
    height = y
    axis = _axis(scale, AXIS - 8, AXIS - 8, height)
    counts = {k: sum(1 for m in marks if m.kind == k) for k in ("event", "claim")}
    title = "The timeline, drawn" if not compact else "Timeline at a glance"
    desc = (
        f"{counts['event']} {'event' if counts['event'] == 1 else 'events'} and {counts['claim']} dated {'claim' if counts['claim'] == 1 else 'claims'} from {humanize_day(lo)} to {humanize_day(hi - timedelta(days=1))}, "
        "each drawn across the days its date allows. The list below gives the same entries as text."
    )
    # the plot is clipped to its own area, so that marks moved by the zoom script never cover the lane names;
    # the compact drawing has no lane names: its own box clips it (drawings.css), no clip path needed
    clip_x = f' x="{num(left - 8)}"' if left > 8 else ""
    clip_rect = "" if compact else f'<clipPath id="{prefix}-clip"><rect{clip_x} width="{num(width - left + 8)}" height="{num(height)}"/></clipPath>'
    clip_attr = "" if compact else f' clip-path="url(#{prefix}-clip)"'
    defs = fade_defs(prefix, masks_used(prefix, "".join(marks_svg)))
    defs = defs.replace("</defs>", clip_rect + "</defs>") if defs else f"<defs>{clip_rect}</defs>" if clip_rect else ""
    svg = (
        svg_open(
            prefix,
            width,
            height,
            title,
            desc,
            "tl-svg" + (" tl-compact" if compact else ""),
            # what the zoom and filter script needs to place days and close up rows
            attrs=f' data-start="{lo.isoformat()}" data-end="{hi.isoformat()}" data-left="{num(scale.left)}" data-right="{num(scale.right)}"'
            f' data-row-height="{COMPACT_ROW if compact else ROW}"',
        )
        + defs
        + "".join(lanes_svg)
        + f'<g class="tl-plot"{clip_attr}>{axis}{"".join(marks_svg)}</g></svg>'
    )
    # the zoom control (JavaScript) joins this line, whose height is fixed: nothing below it moves
    toolbar = (
        "" if compact else f'<p class="tl-toolbar"><span class="tl-toolbar-text">{len(marks):,} entries, drawn across the days their dates allow.</span></p>'
    )
    return f'<figure class="drawing tl-drawing">{toolbar}<div class="drawing-scroll">{svg}</div>{legend_html() if legend is None else legend}</figure>'


def humanize_day(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


LEGEND = [
    ("tl-key-day", "a dot is an exact day"),
    ("tl-key-span", "a bar with end ticks is the span the date allows (a month, a year, an interval), from the earliest to the latest possible day"),
    ("tl-key-uncertain", "a dashed outline: the date is uncertain (“?”)"),
    ("tl-key-approximate", "soft ends: the date is approximate (“~”)"),
    ("tl-key-open", "a bar fading out: an open or unknown end"),
]


@functools.cache  # the same few strings on thousands of pages
def legend_html() -> str:
    """The legend in words, each with a small key drawn the same way (hidden from screen readers)."""
    keys = {
        "tl-key-day": '<circle cx="14" cy="7" r="5"/>',
        "tl-key-span": '<rect x="2" y="2" width="24" height="10" rx="2"/><line class="tl-bound" x1="2" x2="2" y1="0" y2="14"/><line class="tl-bound" x1="26" x2="26" y1="0" y2="14"/>',
        "tl-key-uncertain": '<rect class="tl-dashed" x="2" y="2" width="24" height="10" rx="2"/>',
        "tl-key-approximate": '<rect class="tl-soft" x="2" y="2" width="24" height="10" rx="2"/>',
        "tl-key-open": '<rect class="tl-fading" x="2" y="2" width="24" height="10" rx="2"/>',
    }
    items = "".join(
        f'<li><svg class="tl-key {cls}" viewBox="0 0 28 14" width="28" height="14" aria-hidden="true" focusable="false">{keys[cls]}</svg> {esc(words)}</li>'
        for cls, words in LEGEND
    )
    return f'<figcaption class="tl-legend"><p>How to read the drawing: each mark links to its entry in the list.</p><ul>{items}</ul></figcaption>'


# ---------------------------------------------------------------- density band


def month_weights(marks: Sequence[Mark], lo: date, hi: date) -> dict[tuple[int, int], tuple[float, float]]:
    """Per month: (exact entries, inexact entries' share). An inexact entry counts 1 in all, spread over
    its months in proportion to its days there; an open end is clipped to the drawing's domain."""
    out: dict[tuple[int, int], list[float]] = {}
    for mark in marks:
        d = mark.date
        first = max(d.start.earliest if d.start else lo, lo)
        last = min(d.end.latest if d.end else hi - timedelta(days=1), hi - timedelta(days=1))
        exact = not d.is_fuzzy and first == last
        total = (last - first).days + 1
        day = first
        while day <= last:
            month_end = min(date(day.year + (day.month == 12), day.month % 12 + 1, 1) - timedelta(days=1), last)
            share = ((month_end - day).days + 1) / total
            cell = out.setdefault((day.year, day.month), [0.0, 0.0])
            cell[0 if exact else 1] += share
            day = month_end + timedelta(days=1)
    return {k: (v[0], v[1]) for k, v in out.items()}


def density_svg(marks: Sequence[Mark], *, prefix: str, width: float, month_href: Callable[[int, int], str | None], compact: bool = False) -> str:
    """Entries per month as a band of columns: exact entries solid, inexact ones' spread lighter on top."""
    lo, hi = domain([m.date for m in marks])
    scale = Scale(lo, hi, 8, width - 12)
    weights = month_weights(marks, lo, hi)
    band = 40 if compact else 90
    top = AXIS
    peak = max((a + b for a, b in weights.values()), default=1) or 1
    parts = []
    for (year, month), (exact, spread) in sorted(weights.items()):
        x0 = scale.x(date(year, month, 1))
        x1 = scale.x(date(year + (month == 12), month % 12 + 1, 1))
        h_exact, h_spread = band * exact / peak, band * spread / peak
        base = top + band
        label = f"{MONTHS[month - 1]} {year}: {exact + spread:.0f} entries" + (
            f" (about {spread:.0f} of them with inexact dates spread over several months)" if spread >= 0.5 else ""
        )
        col_w = num(max(x1 - x0 - 0.5, 0.5))
        cols = "".join(  # an empty part of a column is not drawn
            f'<rect class="{cls}" x="{num(x0)}" y="{num(y)}" width="{col_w}" height="{num(h)}"/>'
            for cls, y, h in (("tl-density-exact", base - h_exact, h_exact), ("tl-density-spread", base - h_exact - h_spread, h_spread))
            if round(h, 1) > 0
        )
        href = month_href(year, month)
        hit = f'<rect class="tl-hit" x="{num(x0)}" y="{top}" width="{num(max(x1 - x0, 0.5))}" height="{band}"/>'
        # the <title> names the link and is its tooltip (SVG-AAM)
        if href:
            parts.append(f'<a href="{esc(href)}" class="tl-density"><title>{esc(label)}</title>{hit}{cols}</a>')
        else:
            parts.append(f'<g class="tl-density"><title>{esc(label)}</title>{hit}{cols}</g>')
    height = top + band + 4
    desc = (
        f"{len(marks):,} entries from {humanize_day(lo)} to {humanize_day(hi - timedelta(days=1))}, counted per month; "
        "an entry whose date is not exact is spread over the months it may fall in and drawn lighter. The list gives every entry as text."
    )
    svg = (
        svg_open(prefix, width, height, "Entries per month", desc, "tl-svg tl-density-band")
        + _axis(scale, AXIS - 8, AXIS - 8, height)
        + "".join(parts)
        + "</svg>"
    )
    legend = '<figcaption class="tl-legend"><p>Each column is a month: solid for entries dated to a day, lighter for entries whose date spans several months, shared among them. Each column links to that month in the list.</p></figcaption>'
    return f'<figure class="drawing tl-drawing"><div class="drawing-scroll">{svg}</div>{legend}</figure>'
