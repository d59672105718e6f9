"""Pages minified before they are written: the same document with less of the theme's whitespace.

Material's templates indent every element and leave blank lines around every Jinja block, about a
sixth of a record page. minify-html (a well-kept Rust minifier, on PyPI) drops that whitespace,
optional quotes and optional tags; its output depends only on its input, so builds stay
byte-identical. Script and style contents are left exactly as they are, so the SHA-256 of every
inline script (the Content-Security-Policy's allow-list, computed after this) is unchanged; the
policy is added after minifying all the same, so it always describes the page as written.
"""

from __future__ import annotations

import minify_html


def minify(page_html: str) -> str:
    """A page's HTML minified; <html>, <head> and closing tags kept (the policy goes after <meta charset>)."""
    return minify_html.minify(
        page_html,
        keep_closing_tags=True,  # closing tags cost little and keep the markup plain to read and test
        keep_html_and_head_opening_tags=True,
        minify_css=False,  # inline styles are few; left as written
        minify_js=False,  # never touch inline scripts: their hashes are the policy's allow-list
    )
