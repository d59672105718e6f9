"""Pages written without the theme's indentation: every run of whitespace that holds a line break
becomes one line break, outside <pre>, <textarea>, <script> and <style>.

Material's templates indent every element and leave blank lines around every Jinja block: about
an eighth of a record page. In HTML a run of whitespace between words or tags renders as one
space, and nothing in the site's style keeps white space (no `white-space: pre` outside <pre>),
so the page reads and lays out the same. Entities, quotes and attributes are left exactly as
written: minify-html was tried and decodes `&lt;` inside attribute values to a bare `<` (valid
HTML, but data would then look like markup to any scanner, the policy's script finder included).
The policy (csp.add_policy) is computed after this, on the page as written.
"""

from __future__ import annotations

import re

# A kept element as a whole (group 1), or a run of whitespace holding a line break.
_KEPT_OR_BREAK = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|[ \t\r\f]*\n\s*", re.DOTALL | re.IGNORECASE)


def minify(page_html: str) -> str:
    """The page with its line-breaking whitespace runs squeezed to one line break each."""
    return _KEPT_OR_BREAK.sub(lambda match: match[1] or "\n", page_html)
