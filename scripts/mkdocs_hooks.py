"""MkDocs glue (hooks: in mkdocs.yml). The work is done by plain functions in tracker/.

on_startup note whether this is `build` or `serve` (and --dirty)
on_serve   watch data/, schema/ and seeds/ for the live preview
on_config  validate data/ (the build stops on any problem) and render every page in memory
on_files   add the generated pages and archived seeds; point "edit this page" at the YAML record;
           let the writer put the open data (api/, csv/, feeds/, calendar/) beside the build
on_page_*  set escaped titles, sanitize the HTML of generated pages, add JSON-LD
on_post_build  check that every record was published exactly once, and the writer's report

`mkdocs build` forks two helpers (tracker/forked.py) to use the second core: the open-data
writer builds, writes and checks the outputs (the Downloads page, which lists their sizes,
waits for it in on_page_read_source), and the sanitizer cleans the pages' HTML blocks ahead of
MkDocs. Neither changes a byte of the site; tests/test_helpers.py checks both fail safely.

`make serve` runs `mkdocs serve --dirty`: record pages come from a render memo
(tracker/incremental.py) and only pages whose inputs changed are rebuilt (PreviewPage).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import logging
import os
import sys
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tracker
from tracker import csp, exports, forked, jsonld, minify, render, search_index
from tracker import model as model_mod
from tracker.html import json_for_script, sanitize
from tracker.incremental import RenderMemo
from tracker.report import text_report
from tracker.validate import validate

log = logging.getLogger("mkdocs.hooks.tracker")

_state: dict = {}
# Pages the search index leaves out besides the lists of records: the search page itself, the home
# page and the downloads (lists of what is elsewhere).
NOT_INDEXED = {"search.md", "index.md", "downloads.md"}


def data_dir(config) -> Path:
    configured = os.environ.get("TRACKER_DATA") or os.environ.get("DATA") or "data"
    path = Path(configured)
    return path if path.is_absolute() else Path(config.config_file_path).parent / path


def on_config(config):
    root = data_dir(config)
    result = validate(root, cache=_serving())
    if not result.ok:
        print(text_report(result.problems, result.counts()), file=sys.stderr)
        raise PluginError(f"{len(result.problems)} data problem(s) in {root}; nothing was built")
    model = model_mod.build(result.dataset, previous=_memo().model if _incremental() else None)
    _stop_helpers()
    _state.clear()
    site_url, epoch = config.site_url or "", int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    writer = None
    if _helped():
        # The open data is built, written and checked by a helper while this process renders.
        writer = forked.Helper(functools.partial(_open_data_work, model, site_url, epoch, Path(config.site_dir)), "the open-data writer")
    pages = render.all_pages(model, config.site_name, _memo() if _incremental() else None)
    # The live preview skips the open-data files (seconds at scale); `make site` always builds them.
    outputs = {} if _serving() or writer else exports.build_outputs(model, site_url=site_url, epoch=epoch)
    late = exports.extra_pages(model, outputs)  # with a writer: stand-ins until it reports the sizes
    pages += late
    _state.update(model=model, pages={p.path: p for p in pages}, outputs=outputs, read=result.counts(), blocks={}, head={})
    _state.update(writer=writer, late={p.path for p in late} if writer else set(), sanitizer=None, ahead={}, ahead_paths=set())
    if _helped():
        start_sanitizing([p for p in pages if p.path not in _state["late"]])
    return config


def on_serve(server, config, builder):
    """`make serve` rebuilds when a record, a schema or a seed changes, not only docs/."""
    root = Path(config.config_file_path).parent
    for path in (data_dir(config), root / "schema", root / "seeds"):
        server.watch(str(path))
    return server


class PreviewPage(File):
    """A generated page that `mkdocs serve --dirty` rebuilds only when what it is made from changed.

    MkDocs decides by comparing file times, and in-memory pages would always count as modified,
    so every one of 10,000 pages would be rebuilt after any edit. These carry a verdict instead:
    unchanged when the digest of their Markdown, JSON-LD and the theme matches the last build's.
    """

    unchanged: bool = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


def on_files(files: Files, config) -> Files:
    repo_root = Path(config.config_file_path).parent
    for file in files:
        file.edit_uri = f"docs/{file.src_uri}"
    incremental = _incremental()
    salt = _theme_fingerprint(config) if incremental else b""
    _state["written"] = {}
    for page in _state["pages"].values():
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} would be overwritten by a generated page; remove it from docs/")
        if incremental:
            generated = PreviewPage.generated(config, page.path, content=page.markdown)
            head = _state["head"][page.path] = _json_ld_script(config, page)
            digest = hashlib.blake2b(salt + page.markdown.encode() + head.encode(), digest_size=16).digest()
            generated.unchanged = tracker.PREVIEW.get(page.path, (b"", ""))[0] == digest
            _state["written"][page.path] = (digest, generated.abs_dest_path)
        else:
            generated = File.generated(config, page.path, content=page.markdown)
        generated.edit_uri = page.record.path if page.record is not None else None
        files.append(generated)
    if _state["writer"] is not None:
        with contextlib.suppress(forked.HelperGone):  # reported when its result is asked for
            _state["writer"].send("write")  # the site directory has been cleaned: write now
    model = _state["model"]
    for seed in sorted({s.seed for s in model.sources.values() if s.seed}):
        files.append(File.generated(config, seed, abs_src_path=str(repo_root / seed)))
    return files


def on_startup(command: str, dirty: bool) -> None:
    tracker.RUN["command"] = command
    tracker.RUN["dirty"] = "yes" if dirty else ""
    tracker.PREVIEW.clear()
    tracker.PREVIEW_MEMO.clear()
    if command == "serve" and dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_dirty_warning)


def _quiet_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every --dirty rebuild that navigation may be stale. Ours is fixed in
    mkdocs.yml, and generated pages are rebuilt whenever their inputs change (PreviewPage)."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _serving() -> bool:
    return tracker.RUN.get("command") == "serve"


def _incremental() -> bool:
    """`mkdocs serve --dirty` (what `make serve` runs): rebuild only the pages that changed."""
    return _serving() and bool(tracker.RUN.get("dirty"))


def _theme_fingerprint(config) -> bytes:
    """What every page's HTML depends on besides its own content: mkdocs.yml, the theme overrides and this code."""
    root = Path(config.config_file_path).parent
    paths = [Path(config.config_file_path), Path(__file__), *Path(tracker.__file__).parent.glob("*.py")]
    if config.theme.custom_dir:
        paths += [p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file()]
    stats = sorted((str(p.relative_to(root) if p.is_relative_to(root) else p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    return repr(stats).encode()


def _remove_stale_pages() -> None:
    """Live preview: delete the pages of records that are gone (a --dirty build never deletes), then remember this build."""
    for path in tracker.PREVIEW.keys() - _state["written"].keys():
        html_file = Path(tracker.PREVIEW[path][1])
        html_file.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            html_file.parent.rmdir()  # only when empty
    tracker.PREVIEW.clear()
    tracker.PREVIEW.update(_state["written"])
    _memo().forget_unused()


def write_and_check_outputs(model, site: Path, outputs: dict[str, bytes]) -> list[str]:
    """Write the open-data files into the site, then read them back: every record exactly once."""
    for path, content in outputs.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return exports.check_outputs(model, outputs, site_dir=site)


def _helped() -> bool:
    """`mkdocs build` forks helpers (the open-data writer, the sanitizer). Never from a process
    with other threads (`mkdocs serve --clean` also says "build"): a fork copies no thread."""
    return tracker.RUN.get("command") == "build" and forked.can_fork() and threading.active_count() == 1


def _open_data_work(model, site_url: str, epoch: int, site: Path, connection) -> None:
    """In the writer: build the outputs, send the Downloads page (it lists their sizes), then,
    once MkDocs has cleaned the site directory, write them and send what the check found."""
    outputs = exports.build_outputs(model, site_url=site_url, epoch=epoch)
    connection.send(exports.extra_pages(model, outputs))
    if connection.recv() == "write":
        connection.send(write_and_check_outputs(model, site, outputs))


def on_page_read_source(page, config):
    """The Downloads page waits for the writer's sizes; MkDocs reads it last of the generated pages."""
    if page.file.src_uri not in _state["late"]:
        return None
    if _state["writer"] is not None and not _state.get("late_received"):
        try:
            late = _state["writer"].receive()
        except forked.HelperGone as gone:
            raise PluginError(f"open-data outputs could not be built: {gone}") from None
        _state["pages"].update({p.path: p for p in late})
        _state["late_received"] = True
    return _state["pages"][page.file.src_uri].markdown


def finish_writing_outputs(site: Path) -> list[str]:
    writer = _state.get("writer")
    if writer is None:
        return write_and_check_outputs(_state["model"], site, _state["outputs"])
    try:
        if not _state.get("late_received"):
            writer.receive()  # the Downloads page, when MkDocs did not read it
        return writer.receive()
    except forked.HelperGone as gone:
        return [f"open-data outputs: {gone}"]
    finally:
        writer.stop()
        _state["writer"] = None


def _blocks_digest(blocks: list[str]) -> bytes:
    return hashlib.blake2b("\x00".join(blocks).encode(), digest_size=16).hexdigest().encode()


def _sanitize_work(pages: list, connection) -> None:
    """In the sanitizer: clean the HTML blocks of every page, in MkDocs' order, each sent as
    path NUL digest-of-the-blocks NUL cleaned blocks joined by NUL (sanitized HTML has no NUL)."""
    for page in pages:
        blocks = render.split_blocks(page.markdown)[1]
        cleaned = "\x00".join(sanitize(block) for block in blocks)
        connection.send_bytes(b"\x00".join([page.path.encode(), _blocks_digest(blocks), cleaned.encode()]))


def start_sanitizing(pages: list) -> None:
    """Sanitize the pages' HTML blocks in a helper while MkDocs renders (nh3 takes seconds at scale).

    The pipe holds only a few pages, so the helper stays just ahead of MkDocs; on_page_content
    takes its result only for the same blocks (by digest) and sanitizes the page itself otherwise.
    """
    _state["sanitizer"] = forked.Helper(functools.partial(_sanitize_work, pages), "the sanitizer")
    _state["ahead_paths"] = {page.path for page in pages}


def _cleaned_ahead(path: str, blocks: list[str]) -> list[str] | None:
    """The sanitizer's cleaned blocks for this page, or None when the page must be sanitized here."""
    helper = _state["sanitizer"]
    if helper is None or path not in _state["ahead_paths"] or not blocks:
        return None
    ahead = _state["ahead"]
    while path not in ahead:
        data = helper.receive_bytes()
        parts = data.split(b"\x00", 2) if data is not None else []
        if len(parts) != 3:  # the helper ended or failed: sanitize here from now on
            _stop_sanitizer()
            return None
        ahead[parts[0].decode()] = (parts[1], parts[2])
    digest, cleaned = ahead.pop(path)
    if digest != _blocks_digest(blocks):
        return None
    parts = cleaned.decode().split("\x00")
    return parts if len(parts) == len(blocks) else None


def _stop_sanitizer() -> None:
    helper = _state.get("sanitizer")
    if helper is not None:
        helper.stop()
    _state["sanitizer"] = None
    _state["ahead"] = {}


def _stop_helpers() -> None:
    _stop_sanitizer()
    writer = _state.get("writer")
    if writer is not None:
        writer.stop()
        _state["writer"] = None


def on_build_error(error) -> None:
    _stop_helpers()


def _generated(page):
    return _state["pages"].get(page.file.src_uri)


def on_page_markdown(markdown: str, page, config, files):
    generated = _generated(page)
    if generated is None:
        return markdown
    if page.file.src_uri != "index.md":
        # Material inserts meta values into <title> and <meta> without escaping them.
        page.meta["title"] = html.escape(generated.title, quote=True)
        page.meta["description"] = html.escape(generated.description, quote=True)
    markdown, _state["blocks"][page.file.src_uri] = render.split_blocks(markdown)
    return markdown


def on_page_content(content: str, page, config, files):
    blocks = _state["blocks"].pop(page.file.src_uri, None)
    if blocks is None:
        return _for_search(content, page)
    cleaned = _cleaned_ahead(page.file.src_uri, blocks)
    if cleaned is not None:  # the Markdown around the blocks is sanitized here, the blocks were by the helper
        return _for_search(render.join_blocks(sanitize(content), cleaned), page)
    return _for_search(sanitize(render.join_blocks(content, blocks)), page)


def _for_search(content: str, page) -> str:
    """Mark what the search index takes: record pages with their filters, prose pages; never lists of records."""
    generated = _generated(page)
    if page.file.src_uri in NOT_INDEXED or (generated is not None and generated.record is None and not generated.searchable):
        return content
    if generated is None:  # hand-written pages in docs/
        return search_index.indexed(content, None, _state["model"])
    return search_index.indexed(content, generated.record, _state["model"])


def on_post_page(output: str, page, config):
    """Add schema.org JSON-LD to record pages, and the Content-Security-Policy to every page.

    No <link rel="alternate"> for the feeds: Material's script fetches a sitemap.xml beside every
    alternate link (it takes them for language versions). The feeds are linked in the page body.
    """
    generated = _generated(page)
    if generated is not None and generated.record is not None:
        script = _state["head"].get(generated.path) or _json_ld_script(config, generated)
        output = output.replace("</head>", script + "</head>", 1)
    return csp.add_policy(minify.minify(output), live_preview=_serving())


def on_post_template(output: str, template_name: str, config):
    """The 404 page gets the policy too (sitemap.xml is not HTML)."""
    return csp.add_policy(minify.minify(output), live_preview=_serving()) if template_name.endswith(".html") else output


def _json_ld_script(config, page) -> str:
    if page.record is None:
        return ""
    if _incremental():
        return _memo().call(("json-ld", page.path), _render_json_ld, page.record, config.site_url or "")
    return _render_json_ld(_state["model"], page.record, config.site_url or "")


def _render_json_ld(model, record, site_url: str) -> str:
    return f'<script type="application/ld+json">{json_for_script(jsonld.for_record(model, site_url, record))}</script>\n'


def _memo() -> RenderMemo:
    """The live preview's render memo, kept in the tracker package between rebuilds."""
    memo = tracker.PREVIEW_MEMO.get("memo")
    if memo is None:  # not setdefault: that would make a RenderMemo on each of 10,000 calls per rebuild
        memo = tracker.PREVIEW_MEMO["memo"] = RenderMemo()
    return memo


def on_post_build(config):
    """Conservation: every record read is published exactly once, as its own page."""
    site = Path(config.site_dir)
    published = {}
    missing = []
    for kind in _state["read"]:
        records = getattr(_state["model"], kind)
        present = [rid for rid in records if (site / kind / rid / "index.html").is_file()]
        missing += [f"{kind}/{rid}" for rid in records if rid not in present]
        published[kind] = len(present)
    if missing or published != _state["read"]:
        raise PluginError(f"records read {_state['read']} but published {published}; missing: {', '.join(missing[:20])}")
    _stop_sanitizer()
    problems = [] if _serving() else finish_writing_outputs(site)
    if problems:
        raise PluginError(f"open-data outputs do not conserve the records ({len(problems)} problem(s)):\n" + "\n".join(problems[:50]))
    failure = search_index.build_index(site)
    if failure:
        raise PluginError(failure)
    if _incremental():
        _remove_stale_pages()
    # Printed, not logged: `mkdocs build --quiet` (as scripts/build.py runs it) hides INFO lines.
    print(f"tracker: read {_counts(_state['read'])}; published {_counts(published)}", file=sys.stderr)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())
