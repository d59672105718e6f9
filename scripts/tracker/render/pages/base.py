"""What every page family shares besides its template: the page type (tracker.render.templating), links, pagination.

Each page is HTML rendered from a template, with its table of contents; every value from data/
is escaped (autoescape). Nothing in the page layer reads files or touches MkDocs; tracker.site
hands the pages to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from markupsafe import Markup, escape

from tracker.model.paths import page_path, url_of
from tracker.model.records import Model, Record
from tracker.model.words import record_label
from tracker.render.templating import Heading, Page

__all__ = ["Heading", "Links", "Page", "full_label", "paginate"]

T = TypeVar("T")


class Links:
    """Relative links from one page to others, for directory URLs (events/some-id.md is events/some-id/)."""

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
