"""What `mkdocs build` hands to forked helpers (tracker.site.forked), and how it talks to them.

The open-data writer builds, writes and checks the outputs (api/, csv/, feeds/, calendar/)
while MkDocs renders; it first sends the Downloads page (which lists the outputs' sizes) and,
once MkDocs has cleaned the site directory, writes and sends what the check found. The
sanitizer cleans the pages' HTML ahead of MkDocs. Neither changes a byte of the site;
tests/test_helpers.py checks that both fail safely.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from multiprocessing.connection import Connection
from pathlib import Path

from tracker.core.html import sanitize
from tracker.exports import conservation
from tracker.exports import outputs as exports
from tracker.model.records import Model
from tracker.render.pages import downloads
from tracker.render.pages.base import Page
from tracker.site import forked


def write_and_check_outputs(model: Model, site: Path, outputs: dict[str, bytes]) -> list[str]:
    """Write the open-data files into the site, then read them back: every record exactly once."""
    for path, content in outputs.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return conservation.check_outputs(model, outputs, site_dir=site)


def open_data_work(model: Model, site_url: str, epoch: int, site: Path, connection: Connection) -> None:
    """In the writer: build the outputs, send the Downloads page (it lists their sizes), then,
    once MkDocs has cleaned the site directory, write them and send what the check found."""
    outputs = exports.build_outputs(model, site_url=site_url, epoch=epoch)
    connection.send(downloads.extra_pages(model, outputs))
    if connection.recv() == "write":
        connection.send(write_and_check_outputs(model, site, outputs))


class OpenDataWriter:
    """The parent's end of the open-data writer."""

    def __init__(self, model: Model, site_url: str, epoch: int, site: Path):
        # open_data_work is looked up here, at the start of each build (tests replace it).
        self.helper = forked.Helper(functools.partial(open_data_work, model, site_url, epoch, site), "the open-data writer")
        self.late_received = False

    def write_now(self) -> None:
        """The site directory has been cleaned: the writer may write."""
        with contextlib.suppress(forked.HelperGone):  # reported when its result is asked for
            self.helper.send("write")

    def late_pages(self) -> list[Page]:
        """The Downloads page with the outputs' sizes; HelperGone when the writer failed."""
        pages = self.helper.receive()
        self.late_received = True
        return pages

    def finish(self) -> list[str]:
        """The writer's conservation problems (or why it has none to report); the writer is stopped."""
        try:
            if not self.late_received:
                self.helper.receive()  # the Downloads page, when MkDocs did not read it
            return self.helper.receive()
        except forked.HelperGone as gone:
            return [f"open-data outputs: {gone}"]
        finally:
            self.stop()

    def stop(self) -> None:
        self.helper.stop()


def digest(page_html: str) -> bytes:
    return hashlib.blake2b(page_html.encode(), digest_size=16).hexdigest().encode()


def sanitize_work(pages: list[Page], connection: Connection) -> None:
    """In the sanitizer: clean the HTML of every page, in MkDocs' order, each sent as
    path NUL digest-of-its-HTML NUL the cleaned HTML (sanitized HTML has no NUL)."""
    for page in pages:
        connection.send_bytes(b"\x00".join([page.path.encode(), digest(page.html), sanitize(page.html).encode()]))


class Sanitizer:
    """Sanitizes the pages' HTML in a helper while MkDocs renders (nh3 takes seconds at scale).

    The pipe holds only a few pages, so the helper stays just ahead of MkDocs; ``cleaned`` gives
    its result only for the same HTML (by digest), and None when the page must be sanitized here.
    """

    def __init__(self, pages: list[Page]):
        self.helper: forked.Helper | None = forked.Helper(functools.partial(sanitize_work, pages), "the sanitizer")
        self.paths = {page.path for page in pages}
        self.ahead: dict[str, tuple[bytes, bytes]] = {}

    def cleaned(self, path: str, page_html: str) -> str | None:
        """The sanitizer's cleaned HTML for this page, or None when the page must be sanitized here."""
        if self.helper is None or path not in self.paths:
            return None
        while path not in self.ahead:
            data = self.helper.receive_bytes()
            parts = data.split(b"\x00", 2) if data is not None else []
            if len(parts) != 3:  # the helper ended or failed: sanitize here from now on
                self.stop()
                return None
            self.ahead[parts[0].decode()] = (parts[1], parts[2])
        sent, cleaned = self.ahead.pop(path)
        return cleaned.decode() if sent == digest(page_html) else None

    def stop(self) -> None:
        if self.helper is not None:
            self.helper.stop()
        self.helper = None
        self.ahead = {}
