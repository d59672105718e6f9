"""Markdown written into data, and what the pull-request summary shows for it: the text, as text.

The job summary of a pull request (scripts/pr_summary.py) is Markdown that reviewers read on
GitHub; a record's headline (a claim's statement, an event's title…) goes into a table cell. A
contributor could write Markdown there: a fake "all checks passed" link, an image, a heading,
HTML. Each payload below is such a headline and ``shown`` is exactly what the summary writes for
it: every ASCII punctuation character backslash-escaped, so that it renders as the text written
and forms nothing. tests/test_pr_summary.py checks the exact cell and renders the summary with a
CommonMark parser (markdown-it-py, GitHub's tables enabled) to check that nothing but the table
and the ids' code spans comes out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MarkdownPayload:
    name: str
    text: str  # the headline as written in the record
    shown: str  # the table cell the summary writes

    @property
    def rendered(self) -> str:
        """What a reader sees in the cell: the text, on one line."""
        return " ".join(self.text.split())


MARKDOWN_PAYLOADS = [
    MarkdownPayload(
        "fake all-checks-passed link",
        "All checks passed: [view the report](https://evil.example/ok)",
        r"All checks passed\: \[view the report\]\(https\:\/\/evil\.example\/ok\)",
    ),
    MarkdownPayload("image", "![CI passing](https://evil.example/badge.svg)", r"\!\[CI passing\]\(https\:\/\/evil\.example\/badge\.svg\)"),
    MarkdownPayload("reference link", "[approved][1]\n\n[1]: https://evil.example", r"\[approved\]\[1\] \[1\]\: https\:\/\/evil\.example"),
    MarkdownPayload("emphasis and strong", "*all* __green__ ~~failed~~", r"\*all\* \_\_green\_\_ \~\~failed\~\~"),
    MarkdownPayload("heading", "# Approved by the maintainers", r"\# Approved by the maintainers"),
    MarkdownPayload(
        "HTML",
        '<b>ok</b><img src=x onerror=alert(1)><a href="https://evil.example">merge</a>',
        r"\<b\>ok\<\/b\>\<img src\=x onerror\=alert\(1\)\>\<a href\=\"https\:\/\/evil\.example\"\>merge\<\/a\>",
    ),
    MarkdownPayload("HTML comment hiding the rest", "visible <!-- hidden", r"visible \<\!\-\- hidden"),
    MarkdownPayload("table break-out", "a | b |\n|---|---|\n| forged | row", r"a \| b \| \|\-\-\-\|\-\-\-\| \| forged \| row"),
    MarkdownPayload("autolink", "<https://evil.example/ok> <ci@evil.example>", r"\<https\:\/\/evil\.example\/ok\> \<ci\@evil\.example\>"),
    MarkdownPayload("bare URL and www", "see https://evil.example or www.evil.example", r"see https\:\/\/evil\.example or www\.evil\.example"),
    MarkdownPayload("code span", "`all checks passed`", r"\`all checks passed\`"),
    MarkdownPayload("entity", "&lt;b&gt; &#x1F44D; &check;", r"\&lt\;b\&gt\; \&\#x1F44D\; \&check\;"),
    MarkdownPayload("mention, issue and emoji", "@maintainers #1 :white_check_mark:", r"\@maintainers \#1 \:white\_check\_mark\:"),
    MarkdownPayload("backslash", "C:\\ci\\passed \\*", r"C\:\\ci\\passed \\\*"),
    MarkdownPayload("line break and list", "first\n- second\n> quoted", r"first \- second \> quoted"),
]
