"""Our pages as MkDocs pages: MkDocs gets each page's HTML and table of contents as they are, with no Markdown.

The page layer renders every page to HTML (tracker.render.templating); Python-Markdown would only
parse a skeleton around it, the slowest step of MkDocs' work per page. A generated page is
therefore a ``GeneratedPage``: it is made in on_files, before MkDocs builds the navigation (MkDocs
then uses it instead of making its own ``Page``; ``nav_titles`` gives it the title the nav
gives it), and its ``render`` takes the content, the table of contents and the anchors a
hand-written page may link to from our ``Page`` instead of running Python-Markdown.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink, TableOfContents

from tracker.render.templating import Heading, Page


class GeneratedPage(MkDocsPage):
    """A page the page layer rendered: ``source`` gives it (read when MkDocs renders, as the Downloads page arrives late)."""

    def __init__(self, title: str | None, file: File, config: MkDocsConfig, source: Callable[[], Page]):
        super().__init__(title, file, config)
        self.source = source

    def read_source(self, config: MkDocsConfig) -> None:
        """No Markdown; the title and description as the theme's <title> and <meta> need them."""
        page = self.source()
        self.markdown = ""
        self.meta = {}
        if self.file.src_uri != "index.md":  # the home page is titled by the site's name
            # Material inserts meta values into <title> and <meta> without escaping them.
            self.meta = {"title": html.escape(page.title, quote=True), "description": html.escape(page.description, quote=True)}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        page = self.source()
        self.content = page.html
        self.toc = table_of_contents(page.toc)
        # what Python-Markdown reported for the headings it made: the anchors MkDocs checks links from hand-written pages against
        self.present_anchor_ids = {heading.id for heading in page.toc}


def table_of_contents(headings: Iterable[Heading]) -> TableOfContents:
    """MkDocs' table of contents from our headings: a heading is nested under the nearest heading above it of a lower level."""
    top: list[AnchorLink] = []
    open_links: list[AnchorLink] = []  # the current heading of each level, outermost first
    for heading in headings:
        link = AnchorLink(html.escape(heading.title, quote=False), heading.id, heading.level)  # MkDocs' titles are HTML
        while open_links and open_links[-1].level >= heading.level:
            open_links.pop()
        (open_links[-1].children if open_links else top).append(link)
        open_links.append(link)
    if top:  # as MkDocs marks it (mkdocs.structure.toc.get_toc)
        top[0].active = True  # type: ignore[attr-defined]
    return TableOfContents(top)


def nav_titles(nav: Any) -> dict[str, str]:
    """The title mkdocs.yml's ``nav`` gives each page it names ({"Home": "index.md"} in a section's list)."""
    found: dict[str, str] = {}
    items = nav if isinstance(nav, list) else []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        for title, value in item.items():
            if isinstance(value, str):
                found[value] = title
            else:
                found.update(nav_titles(value))
    return found
