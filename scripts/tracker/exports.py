"""Open data outputs (JSON API, CSV, feeds): filled in by the open-data work."""

from __future__ import annotations

from .model import Model


def build_outputs(model: Model, *, site_url: str, epoch: int) -> dict[str, bytes]:
    """Every open-data file, by site-relative path."""
    return {}
