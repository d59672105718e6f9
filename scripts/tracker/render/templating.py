"""Pages from templates: the page type, and the Jinja2 environment the page families render with.

Each page family has a template in ``templates/`` (the pieces several share are macros in
``templates/macros.html``); the family's module works out plain values from the model and hands
them to its template. Autoescape is on: every value is escaped unless it is ``Markup``, which only
HTML the project made itself from escaped parts is (the drawings of ``tracker.render.draw``; each
place that passes one says so). A name a template was not given is an error (StrictUndefined),
never an empty string.

A template's line breaks are layout, not output (``layout``): a line break and the indentation
around it vanish next to the tag of a block element or a Jinja statement (``<p>``, ``{% if %}``) and
are one space between two words; a blank line ends a block. A page's HTML is its blocks, one per line (a section's heading is a block), and a
line break inside a value is written as a space (``one_line``), so that each line of a page is a
whole block: the HTML stays small and two builds compare line by line.

Nothing here knows MkDocs or the theme: ``tracker.site`` hands a ``Page`` (its HTML and its table
of contents) to whatever publishes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension
from jinja2.lexer import TOKEN_BLOCK_BEGIN, TOKEN_BLOCK_END, TOKEN_DATA, TOKEN_EOF, Token, TokenStream
from markupsafe import Markup

from tracker.check import vocab
from tracker.core import date_words, dates, kinds
from tracker.core.html import first_sentence, paragraph_lines
from tracker.model import paths, provenance
from tracker.model.records import Record, claim_date
from tracker.model.words import figure_text, record_label
from tracker.render.draw.datetime_attr import html_datetime

TEMPLATES = Path(__file__).with_name("templates")


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading of a page: an entry of its table of contents."""

    level: int  # 2 for a section, 3 for a part of one
    id: str  # the anchor, fixed wording: readers link to it
    title: str  # plain text


@dataclass(slots=True)
class Page:
    path: str  # docs-relative Markdown path, such as "events/some-id.md" (the URL is events/some-id/)
    title: str  # plain text
    description: str  # plain text
    html: str  # the page's content, one block a line, every value from data/ escaped
    toc: tuple[Heading, ...] = ()  # its sections, in order
    record: Record | None = None
    searchable: bool = True  # False for lists of records (indexed through the records themselves)


# A run of white space holding a line break, in the text of a template.
_RUN = re.compile(r"[ \t\r]*\n\s*")
# Elements a browser lays out as blocks: white space next to their tags shows as nothing.
_BLOCK = r"(?:address|article|aside|blockquote|caption|details|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|li|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)"
_ENDS_WITH_TAG = re.compile(rf"</?{_BLOCK}\b[^<>]*>$")
_STARTS_WITH_TAG = re.compile(rf"</?{_BLOCK}\b")


def layout(text: str, *, after_statement: bool = False, before_statement: bool = False) -> str:
    """A template's text (between its tags) without its layout.

    A blank line ends a block: it is one line break. Any other line break, with the indentation
    around it, is dropped next to the tag of a block element (``<p>``, ``</li>``) or a Jinja statement
    (``{% if %}``: ``after_statement``, ``before_statement``), where a browser would show nothing or
    the template decides; elsewhere it is one space, as a browser shows it between words. Jinja's own
    ``{{- … }}`` and ``{%- … %}`` take a space away where it is not wanted."""

    def glue(run: re.Match[str]) -> str:
        if run.group().count("\n") > 1:
            return "\n"
        left, right = text[: run.start()], text[run.end() :]
        if (not left and after_statement) or (not right and before_statement):
            return ""
        return "" if _ENDS_WITH_TAG.search(left[-300:]) or _STARTS_WITH_TAG.match(right) else " "

    return _RUN.sub(glue, text)


class Layout(Extension):
    """Templates are written on as many lines as reads well; ``layout`` makes their output one block a line.

    It rewrites the text between the tags after Jinja has read the template, so that an error still
    names the template's own line."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        previous = "block_end"  # the start of a template counts as the end of a statement
        tokens = iter(stream)
        token = next(tokens, None)
        while token is not None:
            following = next(tokens, None)
            if token.type == TOKEN_DATA:
                after = previous == TOKEN_BLOCK_END
                before = following is None or following.type in (TOKEN_BLOCK_BEGIN, TOKEN_EOF)
                token = Token(token.lineno, TOKEN_DATA, layout(token.value, after_statement=after, before_statement=before))
            yield token
            previous, token = token.type, following


def one_line(value: Any) -> Any:
    """A value as written into a page: a line break in a text becomes a space. Markup is left as it is: a
    macro's or a block's line breaks end blocks, and a drawing is written on one line (pages.drawings)."""
    return value.replace("\n", " ") if type(value) is str and "\n" in value else value


def date_in_words(value: dates.EdtfDate, published: dates.EdtfDate | None = None) -> str:
    """A date in words; with ``published``, a date that only repeats the reporting document's says so."""
    return date_words.record_date_words(value, published) if published is not None else date_words.plain(value)


ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    extensions=[Layout],
    finalize=one_line,
    auto_reload=False,  # like the code, the templates are read once per process
)
ENV.filters["paragraph_lines"] = paragraph_lines
# What every template may call: the model's modules and plain values from it, never HTML. The page
# families add their own helpers with ``expose``.
ENV.globals.update(
    kinds=kinds,
    paths=paths,
    provenance=provenance,
    vocab=vocab,
    claim_date=claim_date,
    figure_text=figure_text,
    first_sentence=first_sentence,
    record_label=record_label,
    date_words=date_in_words,
    html_datetime=html_datetime,
)

F = TypeVar("F", bound=Callable[..., Any])


def expose(fn: F) -> F:
    """Let every template call ``fn``: a page family's helper giving plain values, or the Markup of a drawing."""
    ENV.globals[fn.__name__] = fn
    return fn


def drawing(html: str) -> Markup:
    """A drawing of tracker.render.draw (or the archived text it highlights) as it goes into a template:
    Markup, since tracker.render.draw escapes every value from data/ itself; on one line, as a line of a
    page is a whole block."""
    return Markup(html.replace("\n", " "))


def blocks(html: str) -> str:
    """Rendered blocks, one a line; a block that rendered empty (a section with nothing to show) leaves no line."""
    return "\n".join(line for line in html.split("\n") if line)


def macro(name: str) -> Callable[..., Markup]:
    """A macro of templates/macros.html, for the Python that hands a piece of HTML to a template or a drawing."""
    found: Callable[..., Markup] = getattr(ENV.get_template("macros.html").module, name)
    return found


class Outline:
    """A page's table of contents, filled while its template renders: ``outline.heading(2, "Summary", "summary")``."""

    def __init__(self) -> None:
        self.toc: list[Heading] = []

    def heading(self, level: int, title: str, anchor: str) -> Markup:
        """The heading of a section (listed in the table of contents, with a link to itself)."""
        if any(h.id == anchor for h in self.toc):
            raise ValueError(f"two headings with the id {anchor!r} on one page")
        self.toc.append(Heading(level, anchor, title))
        return macro("heading")(level, title, anchor)


def render(template: str, **values: Any) -> tuple[str, tuple[Heading, ...]]:
    """A page's HTML and its table of contents from a template of templates/."""
    outline = Outline()
    html = blocks(ENV.get_template(template).render(values, outline=outline))
    return html, tuple(outline.toc)


def page(template: str, path: str, title: str, description: str, *, record: Record | None = None, searchable: bool = True, **values: Any) -> Page:
    """A page rendered from a template: ``values`` are what the template shows (``record`` too)."""
    html, toc = render(template, record=record, **values)
    return Page(path, title, description, html, toc, record, searchable)
