"""Figures as a chart: every figure given for one measure on a shared scale, one row per claim.

The qualifier stays visible: "more than"/"at least" is a bar open to the right (an arrow and a
fading end), "fewer than"/"at most" a bar from zero up to the value, "about"/"estimated" a dot
with a dashed outline and a soft halo, "exactly" a plain dot. The table stays the text equivalent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from tracker.core.dates import EdtfDate, humanize
from tracker.core.html import esc
from tracker.model.records import Model
from tracker.model.words import QUALIFIER_WORDS
from tracker.render.draw.svg import clip, fade_defs, masks_used, num, svg_open, text_width

OPEN_ABOVE = {"more-than", "at-least"}
OPEN_BELOW = {"fewer-than", "at-most"}
APPROXIMATE = {"about", "estimated"}


def nice_max(value: float) -> float:
    """A round upper end for the scale (1, 2, 2.5, 5 × a power of ten) with room for open bars."""
    target = value * 1.35 or 1
    power = 10 ** (len(str(int(target))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= target:
            return step * power
    return 10 * power


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


ROW, TOP, LEFT = 46, 30, 8


def figures_svg(
    model: Model,
    measure: str,
    *,
    record_href: Callable[[str], str],
    claim_date: Callable[[str], EdtfDate | None] = lambda cid: None,
    highlight: str | None = None,
    prefix: str = "fig",
    width: float = 480,  # narrow enough that its text stays legible on a phone
) -> str:
    """The chart for one measure, smallest figure first (the table's order); '' when fewer than two figures.

    ``record_href(claim_id)`` links each row to its claim; ``claim_date(claim_id)`` gives the EdtfDate
    shown with the claimant (the page layer's own rule: the claim's date, else its venue's).
    """
    rows = sorted(model.figures.get(measure, []), key=lambda item: (item[1].value, item[0]))
    if len(rows) < 2:
        return ""
    # the ids, written a dozen times in a chart, from a short digest of the page's unique prefix
    prefix = "f" + hashlib.blake2s(prefix.encode(), digest_size=3).hexdigest()
    top_value = nice_max(max(q.value for _, q in rows))
    right = width - 12

    def x(value: float) -> int:  # whole pixels: at this scale a tenth is not seen, and every coordinate is shorter
        return round(LEFT + (right - LEFT) * value / top_value)

    height = TOP + ROW * len(rows) + 8
    parts = [""]  # the masks the rows use, once they are drawn
    grid = "".join(f"M{num(x(top_value * tick / 4))},{TOP - 6}V{num(height - 8)}" for tick in range(5))
    parts.append(f'<path class="fig-grid" d="{grid}"/>')
    for tick in range(5):
        value = top_value * tick / 4
        cls = "tl-tick" + ("" if tick == 0 else " fig-end" if tick == 4 else " fig-mid")  # text-anchor from drawings.css
        parts.append(f'<text class="{cls}" x="{num(x(value))}" y="{TOP - 10}">{esc(_number(value))}</text>')
    units = sorted({q.unit for _, q in rows})
    for index, (claim_id, q) in enumerate(rows):
        claim = model.claims[claim_id]
        y0 = TOP + index * ROW
        cy = y0 + 30
        who = ", ".join(model.actors[a].name for a in claim.claimants)
        when = claim_date(claim_id)
        when_words = humanize(when) if when is not None else "date not known"
        figure = f"{QUALIFIER_WORDS.get(q.qualifier, '')}{_number(q.value)} {q.unit}"
        classes = []  # every link of the chart is a row: drawings.css says `.fig-svg a`
        if claim_id == highlight:
            classes.append("fig-current")
        vx = x(q.value)
        if q.qualifier in OPEN_ABOVE:  # a bar fading out to the right, its value a thick tick, an arrowhead at the end
            mark = (
                f'<rect class="fig-bar" x="{num(vx)}" y="{num(cy - 5)}" width="{num(right - vx)}" height="10" mask="url(#{prefix}-m-r)"/>'
                f'<path class="fig-bar fig-tick" d="M{num(vx)},{num(cy - 9)}v18"/>'
                f'<path class="fig-bar fig-arrow" d="M{num(right)},{num(cy)}l-8-6v12z"/>'
            )
            classes.append("fig-open-above")
        elif q.qualifier in OPEN_BELOW:
            mark = (
                f'<rect class="fig-bar" x="{num(LEFT)}" y="{num(cy - 5)}" width="{num(vx - LEFT)}" height="10" mask="url(#{prefix}-m-l)"/>'
                f'<path class="fig-bar fig-tick" d="M{num(vx)},{num(cy - 9)}v18"/>'
            )
            classes.append("fig-open-below")
        elif q.qualifier in APPROXIMATE:
            mark = f'<circle class="fig-halo" cx="{num(vx)}" cy="{num(cy)}" r="13"/><circle class="fig-dot" cx="{num(vx)}" cy="{num(cy)}" r="6"/>'
            classes.append("fig-approximate")
        else:
            mark = f'<circle class="fig-dot" cx="{num(vx)}" cy="{num(cy)}" r="6"/>'
        name = f"{who}: {figure}"
        label = f"{name} ({q.counts}), {when_words}" + (" — this claim" if claim_id == highlight else "")
        # the value's words go beside the mark, on a side its bar does not take and where they fit;
        # failing both, on the name line
        words_w = text_width(figure, 11)
        free_left = 0 if q.qualifier in OPEN_BELOW else vx - LEFT - 14
        free_right = 0 if q.qualifier in OPEN_ABOVE else right - vx - 14
        if words_w <= free_right:
            value_text = f'<text class="fig-value" x="{num(vx + 12)}" y="{num(cy + 4)}">{esc(figure)}</text>'
        elif words_w <= free_left:
            value_text = f'<text class="fig-value fig-end" x="{num(vx - 12)}" y="{num(cy + 4)}">{esc(figure)}</text>'
        else:
            value_text = ""
        on_name_line = "" if value_text else f'<tspan class="fig-value-inline" dx="6">{esc(figure)}</tspan>'
        row_class = f' class="{" ".join(classes)}"' if classes else ""
        parts.append(
            # the <title> is the row's accessible name and its tooltip (SVG-AAM): no aria-label repeating it
            f'<a href="{esc(record_href(claim_id))}"{row_class}><title>{esc(label)}</title>'
            # the row's band (its first rectangle), for the pointer and the focus
            f'<rect y="{num(y0)}" width="{num(width)}" height="{ROW}"/>'
            f'<text class="fig-name" x="{LEFT}" y="{num(y0 + 12)}">{esc(clip(who, 48))}'
            f'{on_name_line}<tspan class="fig-meta" dx="6">{esc(clip(when_words, 40))}{" · this claim" if claim_id == highlight else ""}</tspan></text>'
            f"{mark}{value_text}</a>"
        )
    desc = (
        f"{len(rows)} figures for {measure.replace('-', ' ')} ({', '.join(units)}), on one scale from 0 to {_number(top_value)}. "
        "A bar open to the right is a lower bound (more than, at least); a bar from zero is an upper bound; a dot with a soft halo is approximate. "
        "The table below gives the same figures as text."
    )
    parts[0] = fade_defs(prefix, masks_used(prefix, "".join(parts)))
    svg = svg_open(prefix, width, height, "The figures compared", desc, "fig-svg") + "".join(parts) + "</svg>"
    return f'<figure class="drawing fig-drawing"><div class="drawing-scroll">{svg}</div></figure>'
