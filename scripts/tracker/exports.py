"""Open data outputs (JSON API, CSV, feeds) and the Downloads page: filled in by the open-data work."""

from __future__ import annotations

from .model import Model
from .render import Page, html_block


def build_outputs(model: Model, *, site_url: str, epoch: int) -> dict[str, bytes]:
    """Every open-data file, by site-relative path."""
    return {}


def extra_pages(model: Model, outputs: dict[str, bytes]) -> list[Page]:
    """Pages about the outputs (the Downloads page)."""
    return [Page("downloads.md", "Downloads", "The data as files.", html_block('<h1 id="title">Downloads</h1>'))]
