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

# A kept element as a whole. Everything between two of them is squeezed line by line: a regular
# expression for "a run of whitespace holding a line break" is tried at every space of every page
# (about 7 s of a profiled 10,000-record build); splitting on line breaks gives the same text
# three times faster (tests/test_minify.py holds the two side by side).
_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_BEFORE_BREAK = " \t\r\f"  # the white space before a line break that goes with it (str.strip's own set after it)


def _squeeze(text: str) -> str:
    """Every run of whitespace that holds a line break, as one line break."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    kept = [lines[0].rstrip(_BEFORE_BREAK)]
    for line in lines[1:-1]:
        line = line.lstrip().rstrip(_BEFORE_BREAK)
        if line:
            kept.append(line)
    kept.append(lines[-1].lstrip())
    return "\n".join(kept)


def minify(page_html: str) -> str:
    """The page with its line-breaking whitespace runs squeezed to one line break each."""
    out, position = [], 0
    for match in _KEPT.finditer(page_html):
        out += [_squeeze(page_html[position : match.start()]), match[0]]
        position = match.end()
    out.append(_squeeze(page_html[position:]))
    return "".join(out)
