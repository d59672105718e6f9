"""Escaping and sanitising: how text from data/ reaches a page as text and nothing else.

Untrusted text never passes through Markdown. Generated pages are rendered from
templates with autoescape on (tracker.render.templating); the drawings escape
every value here (``esc``). As a backstop the final HTML of each generated page
goes through nh3 with an allowlist of the tags and attributes the renderers emit.
"""

from __future__ import annotations

import html
import json
import re

import nh3

_BLANK_LINES = re.compile(r"\n\s*\n")


def esc(text: object) -> str:
    """HTML-escape text for element content and quoted attribute values."""
    return html.escape(str(text), quote=True)


def paragraph_lines(text: str) -> list[list[str]]:
    """Text as paragraphs, each as its lines: blank lines separate paragraphs."""
    return [part.split("\n") for part in (p.strip() for p in _BLANK_LINES.split(text.strip())) if part]


_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'‘“(]?[A-Z0-9])")
# The word before a full stop that does not end a sentence: an initial ("U.S", "J") or a common abbreviation.
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|No|vs|etc|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr)$")
# How far back that word is looked for: its longest form (3 characters) and the one before it, which
# \b reads. Searching the whole text before each full stop instead made a title's first sentence
# quadratic in the text, and cubic on a run of initials (minutes for a 5,000-character statement).
_ABBREVIATION_REACH = 4


def sentence_end(text: str) -> int | None:
    """Where the first sentence of a text ends (just after its full stop), or None when it is one sentence."""
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[max(0, match.start() - _ABBREVIATION_REACH) : match.start()]):
            return match.end()
    return None


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence (or the first ``limit`` characters) of a text, on one line.

    A full stop after an initial or a common abbreviation ("U.S.", "Mr.") does not end a sentence.
    """
    flat = " ".join(text.split())
    end = sentence_end(flat)
    sentence = flat if end is None else flat[:end]
    if len(sentence) > limit:
        # Cut at a word boundary ("missile stockp…" read as a typo); a single word longer than the limit is cut.
        cut = sentence[: limit - 1]
        space = cut.rfind(" ")
        sentence = (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"
    return sentence


def json_for_script(data: object) -> str:
    """JSON safe to embed in <script type="application/ld+json">: no '<', '>' or '&' can close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# What the sanitizer must let through for the drawings (tracker.render.draw): SVG element and attribute
# names as written, case kept. Presentation only: no style, no event handler, no xlink:href.
SVG_TAGS = {
    "svg",
    "title",
    "desc",
    "g",
    "defs",
    "a",
    "rect",
    "circle",
    "line",
    "path",
    "polygon",
    "text",
    "tspan",
    "mask",
    "linearGradient",
    "stop",
    "clipPath",
}
HTML_TAGS = {"mark"}  # the source reader's highlights
SVG_ATTRIBUTES = {
    "viewBox", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "d", "points",
    "mask", "fill", "stroke-dasharray", "offset", "stop-color", "stop-opacity", "maskContentUnits",
    "text-anchor", "dominant-baseline", "focusable", "aria-labelledby", "aria-describedby", "tabindex",
    "xmlns", "preserveAspectRatio", "clip-path", "dx", "stroke-width", "fill-opacity",
}  # fmt: skip
ALLOWED_TAGS = (
    {
        "a",
        "abbr",
        "blockquote",
        "br",
        "caption",
        "code",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figure",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "li",
        "nav",
        "ol",
        "p",
        "q",
        "section",
        "small",
        "span",
        "strong",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "time",
        "tr",
        "ul",
    }
    | SVG_TAGS
    | HTML_TAGS
)  # fmt: skip  (the drawings: inline SVG and the reader's <mark> highlights)
ALLOWED_ATTRIBUTES = {
    # the drawings' SVG attributes are presentation only (no style, no event handler, no xlink)
    "*": {"class", "id", "title", "lang", "role", "aria-label", "aria-hidden", "hidden"} | SVG_ATTRIBUTES,
    "a": {"href", "rel", "download"},
    "time": {"datetime"},
    "th": {"scope", "colspan"},
    "td": {"colspan"},
    "ol": {"start"},
}


_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
# an SVG shape with nothing inside: html5ever writes it out with an end tag; inside <svg> (foreign
# content) "/>" closes it, five to eight bytes less for each of the thousands of shapes of a large site
_EMPTY_SHAPE = re.compile(r"<(path|rect|circle|line|polygon|stop)\b([^<>]*)></\1>")


def _self_closing(svg: re.Match[str]) -> str:
    return _EMPTY_SHAPE.sub(r"<\1\2/>", svg[0])


def sanitize(fragment: str) -> str:
    """Remove anything outside the renderers' allowlist (scripts, handlers, foreign URLs)."""
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        generic_attribute_prefixes={"data-"},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
    return _SVG.sub(_self_closing, cleaned) if "<svg" in cleaned else cleaned
