"""Small shared pieces of the drawings: numbers, text, the masks that fade a mark's ends.

Colours are never written here: marks carry classes that docs/stylesheets/drawings.css colours
with the theme's palette variables, so light and dark schemes both work. Fading ends are masks
(white to black gradients), which keep the colour of whatever they mask.
"""

from __future__ import annotations

import functools

from tracker.core.html import HTML_TAGS, SVG_ATTRIBUTES, SVG_TAGS, esc

__all__ = ["HTML_TAGS", "SVG_ATTRIBUTES", "SVG_TAGS", "clip", "fade_defs", "num", "svg_open", "text_width"]


def num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing '.0' (stable across platforms)."""
    rounded = round(value, 1)  # called for every coordinate: the cheapest exact form
    whole = int(rounded)
    return str(whole) if rounded == whole else str(rounded)


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def text_width(text: str, size: float = 12) -> float:
    """A generous estimate of rendered width (no font metrics at build time)."""
    return len(text) * size * 0.58


@functools.cache  # the same few strings on thousands of pages
def fade_defs(prefix: str, used: frozenset[str] | None = None) -> str:
    """Masks: fade towards the right, towards the left, and soft at both ends (approximate).

    ``used``: only these masks (a drawing on every page of a large site carries only what it uses).
    Written short: a gradient runs left to right by default, a stop is opaque by default and its
    colour (white) comes from drawings.css, a mask's rectangle starts at 0,0 by default.
    """
    grads: dict[str, list[tuple[float, float]]] = {
        "r": [(0, 1), (0.55, 1), (1, 0)],
        "l": [(0, 0), (0.45, 1), (1, 1)],
        "lr": [(0, 0), (0.45, 1), (0.55, 1), (1, 0)],
        "soft": [(0, 0.25), (0.2, 1), (0.8, 1), (1, 0.25)],
    }
    if used is not None:
        grads = {name: stops for name, stops in grads.items() if name in used}
    if not grads:
        return ""
    parts = ["<defs>"]
    for name, stops in grads.items():
        stop_html = "".join("<stop" + (f' offset="{num(o)}"' if o else "") + (f' stop-opacity="{num(a)}"' if a != 1 else "") + "/>" for o, a in stops)
        parts.append(f'<linearGradient id="{prefix}-g-{name}">{stop_html}</linearGradient>')
        parts.append(f'<mask id="{prefix}-m-{name}" maskContentUnits="objectBoundingBox"><rect width="1" height="1" fill="url(#{prefix}-g-{name})"/></mask>')
    parts.append("</defs>")
    return "".join(parts)


def masks_used(prefix: str, body: str) -> frozenset[str]:
    """The fade masks a drawing's marks refer to."""
    return frozenset(name for name in ("r", "l", "lr", "soft") if f"url(#{prefix}-m-{name})" in body)


def svg_open(prefix: str, width: float, height: float, title: str, desc: str, cls: str, *, attrs: str = "") -> str:
    """The root element: a labelled group (its marks are links, which role="img" would hide).

    No xmlns: the HTML parser puts an inline <svg> in the SVG namespace by itself."""
    return (
        f'<svg class="{esc(cls)}" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{num(width)}" height="{num(height)}" role="group" aria-labelledby="{prefix}-title" aria-describedby="{prefix}-desc"{attrs}>'
        f'<title id="{prefix}-title">{esc(title)}</title><desc id="{prefix}-desc">{esc(desc)}</desc>'
    )
