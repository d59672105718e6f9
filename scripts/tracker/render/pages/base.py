"""The page type and the helpers every page family shares: raw HTML blocks, headings, links, pagination.

Each page is a trusted Markdown skeleton (headings with fixed wording, which MkDocs turns
into the table of contents) around raw HTML blocks in which every value from data/ is
escaped by ``html.esc``. Nothing in the page layer reads files or touches MkDocs;
``mkdocs_hooks`` is the only glue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from markupsafe import Markup, escape

from tracker.model.paths import page_path, url_of
from tracker.model.records import Model, Record
from tracker.model.words import record_label
from tracker.render.templating import Heading, Page

__all__ = ["BLOCK_PLACEHOLDER", "Heading", "Links", "Page", "html_block", "join_blocks", "md_heading", "paginate", "split_blocks"]

T = TypeVar("T")


def html_block(*parts: str, cls: str = "tracker-block") -> str:
    """One raw HTML block: a <div> on lines with no blank line, so Markdown leaves it alone."""
    # HTML ignores the difference between a newline and a space outside <pre>; turning
    # every newline into a space guarantees no blank line ends the block early.
    body = "".join(parts).replace("\n", " ")
    if not body:
        return ""  # nothing to show (an actor without dated entries has no drawing): no empty <div>
    return f'<div class="{cls}" markdown="0">{body}</div>\n'


def md_heading(level: int, text: str) -> str:
    """A Markdown heading for fixed, trusted wording only."""
    return f"\n{'#' * level} {text}\n\n"


BLOCK_PLACEHOLDER = re.compile(r"<p>TRACKERBLOCK(\d+)X</p>")


def split_blocks(markdown: str) -> tuple[str, list[str]]:
    """Take the raw HTML blocks out of a generated page, leaving a placeholder paragraph for each.

    Python-Markdown would otherwise parse every block with its HTML parser, the slowest step of
    the build; the blocks need no Markdown processing, so they are put back by ``join_blocks``.
    Every block is one line starting with ``<div `` (``html_block`` guarantees it) and no other
    line of a generated page starts that way.
    """
    blocks: list[str] = []
    lines = []
    for line in markdown.split("\n"):
        if line.startswith("<div "):
            lines.append(f"\nTRACKERBLOCK{len(blocks)}X\n")
            blocks.append(line)
        else:
            lines.append(line)
    return "\n".join(lines), blocks


def join_blocks(html: str, blocks: list[str]) -> str:
    """Put the blocks back in place of their placeholders (one pass: inserted text is not rescanned)."""
    return BLOCK_PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)


class Links:
    """Relative links from one page to others, the way MkDocs lays out directory URLs."""

    def __init__(self, model: Model, here: str):
        self.model = model
        here_url = url_of(here)
        self.base = here_url.rstrip("/") or "."
        self.up = "../" * here_url.count("/")  # from this page's directory URL to the site root

    def to(self, md_path_or_file: str, anchor: str = "") -> str:
        """A relative link: up to the site root, then down to the target (no per-link path arithmetic)."""
        target = md_path_or_file if not md_path_or_file.endswith(".md") else url_of(md_path_or_file)
        rel = (self.up + target) or "./"
        return rel + (f"#{anchor}" if anchor else "")

    def record(self, rid: str, anchor: str = "") -> str:
        record = self.model.get(rid)
        assert record is not None, rid
        return self.to(page_path(record), anchor)

    def a(self, rid: str, text: str | None = None, anchor: str = "", cls: str = "") -> Markup:
        """A link to a record, named like the record unless ``text`` is given; a name shortened at a word
        boundary has the whole text on hover and for assistive technology.

        Written here rather than as a macro of templates/macros.html: a record's page makes about eleven
        such links, and as a Jinja macro they took a third of the record pages' rendering time. Every
        part is escaped (markupsafe.escape); the result is Markup for the templates."""
        record = self.model.get(rid)
        assert record is not None, rid
        label = text if text is not None else record_label(record)
        attributes = f' class="{escape(cls)}"' if cls else ""
        if label.endswith("…"):
            attributes += f' title="{escape(full_label(record))}"'
        return Markup(f'<a href="{escape(self.record(rid, anchor))}"{attributes}>{escape(label)}</a>')


def full_label(record: Record) -> str:
    """A record's whole name, for the tooltip of a link whose text was shortened."""
    return " ".join(getattr(record, "statement", "").split()) or record_label(record, 100_000)


def paginate(items: Sequence[T], size: int) -> list[list[T]]:
    """Consecutive pages of at most ``size`` items; one empty page when there are none."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]
