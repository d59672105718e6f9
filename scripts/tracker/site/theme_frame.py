"""Pieces of Material's base.html that every page carries and none uses, cut from each rendered page.

base.html writes them outside any block an override could replace, so they are cut from its output
(after minify.minify, which leaves each tag on a line of its own):

- the announcement bar's empty container: the site has no announcement (no ``announce`` block),
  and Material's bundle mounts one only if the page has it;
- the dialog, where Material's bundle shows "Copied to clipboard": the copy button of code blocks
  (content.code.copy) is off, and the bundle mounts a dialog only if the page has one.

A page that had a use for either (an ``announce`` block in overrides/main.html, a copy button)
would have content in it, and is left alone: only the exact empty markup is cut.

One piece is corrected rather than cut: the "Skip to content" link. base.html points it at the
first entry of the page's table of contents, which is the page's title only when the title is a
Markdown heading. Record pages, the home page and the lists write their title and lead in HTML,
so the link jumped past the title and the evidence to the first section ("Context"), and pages
without sections had no link at all. It now leads to the page's title on every page that has one.
"""

from __future__ import annotations

import re

UNUSED = (
    '<div data-md-component="announce">\n</div>\n',
    '<div class="md-dialog" data-md-component="dialog">\n<div class="md-dialog__inner md-typeset"></div>\n</div>\n',
)
# the skip link as base.html writes it (with a target, or empty when the page has no table of contents)
SKIP = re.compile(r'<div data-md-component="skip">\n(?:<a href="[^"]*" class="md-skip">\nSkip to content\n</a>\n)?</div>\n')
TITLE_ID = re.compile(r'<h1\b[^>]*?\sid="([^"]+)"')


def trim(page: str) -> str:
    """The page without the theme's unused pieces (each appears once, or not at all)."""
    for piece in UNUSED:
        page = page.replace(piece, "", 1)
    return page


def skip_to_title(page: str) -> str:
    """The page with its "Skip to content" link leading to its title (the first h1 with an id), if it has one."""
    title = TITLE_ID.search(page)
    if title is None:
        return page
    link = f'<div data-md-component="skip">\n<a href="#{title.group(1)}" class="md-skip">\nSkip to content\n</a>\n</div>\n'
    return SKIP.sub(lambda _: link, page, count=1)
