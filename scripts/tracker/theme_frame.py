"""Pieces of Material's base.html that every page carries and none uses, cut from each rendered page.

base.html writes them outside any block an override could replace, so they are cut from its output
(after minify.minify, which leaves each tag on a line of its own):

- the announcement bar's empty container: the site has no announcement (no ``announce`` block),
  and Material's bundle mounts one only if the page has it;
- the dialog, where Material's bundle shows "Copied to clipboard": the copy button of code blocks
  (content.code.copy) is off, and the bundle mounts a dialog only if the page has one.

A page that had a use for either (an ``announce`` block in overrides/main.html, a copy button)
would have content in it, and is left alone: only the exact empty markup is cut.
"""

from __future__ import annotations

UNUSED = (
    '<div data-md-component="announce">\n</div>\n',
    '<div class="md-dialog" data-md-component="dialog">\n<div class="md-dialog__inner md-typeset"></div>\n</div>\n',
)


def trim(page: str) -> str:
    """The page without the theme's unused pieces (each appears once, or not at all)."""
    for piece in UNUSED:
        page = page.replace(piece, "", 1)
    return page
