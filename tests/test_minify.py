"""Pages lose the theme's indentation and nothing else (scripts/tracker/site/minify.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.site.minify import minify

# The rule as one regular expression (what minify did before it was made faster): a kept element
# as a whole, or a run of whitespace holding a line break, which becomes one line break.
RULE = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|[ \t\r\f]*\n\s*", re.DOTALL | re.IGNORECASE)


def by_the_rule(text: str) -> str:
    return RULE.sub(lambda match: match[1] or "\n", text)


def test_indentation_and_blank_lines_become_one_line_break():
    page = "<ul>\n    <li>\n      One\n    </li>\n\n\n    <li>Two</li>  \n  </ul>"
    assert minify(page) == "<ul>\n<li>\nOne\n</li>\n<li>Two</li>\n</ul>"


def test_white_space_without_a_line_break_is_kept():
    assert minify("<p>a  b\tc <b>d</b> </p>") == "<p>a  b\tc <b>d</b> </p>"


def test_pre_textarea_script_and_style_are_kept_exactly():
    page = "<div>\n  <pre>\n  code\n\n  </pre>\n  <SCRIPT>\n  var a;\n</SCRIPT>\n<textarea>\n x\n</textarea><style>\n a {}\n</style>\n</div>"
    assert minify(page) == "<div>\n<pre>\n  code\n\n  </pre>\n<SCRIPT>\n  var a;\n</SCRIPT>\n<textarea>\n x\n</textarea><style>\n a {}\n</style>\n</div>"


def test_a_non_breaking_space_before_a_line_break_stays():
    assert minify("a\u00a0 \n  b") == "a\u00a0\nb"


PIECES = st.sampled_from(
    ["\n", " ", "\t", "\r", "\f", "\v", "\u00a0", "\u2003", "x", "<p>", "</p>", "<pre>", "</pre>", "<script>", "</script>", "<STYLE>", "</style >"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_the_line_by_line_squeeze_equals_the_rule(text):
    assert minify(text) == by_the_rule(text)
