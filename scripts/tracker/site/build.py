"""One MkDocs build of the site, as plain functions over typed state (scripts/tracker/site/mkdocs_hooks.py calls them).

``begin`` validates data/ (the build stops on any problem) and renders every page in memory;
``add_files`` adds the generated pages (each a GeneratedPage: MkDocs takes its HTML and table of
contents as they are, tracker.site.generated) and archived seeds and points "edit this page" at the
YAML record; ``page_content`` (as MkDocs writes each page) sanitizes the HTML of generated pages and marks it for the search
index, ``post_page`` adds JSON-LD and finishes each page; ``finish`` checks that every record was
published exactly once.

`mkdocs build` forks two helpers (tracker.site.helpers) to use the second core. `make serve`
runs `mkdocs serve --dirty`: record pages come from a render memo (tracker.render.memo) and
only pages whose inputs changed are rebuilt (PreviewPage).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import logging
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from tracker.check.validate import Result, validate
from tracker.core import licences
from tracker.core.dates import MAX_YEAR
from tracker.core.html import json_for_script, sanitize
from tracker.exports import jsonld_history
from tracker.exports import outputs as exports
from tracker.exports.claimreview import status_titles
from tracker.load import checkout
from tracker.load.dataset import Dataset, Problem, printable
from tracker.load.git_log import LAST_PRINTABLE, parse_epoch
from tracker.load.report import text_report
from tracker.model import records as model_mod
from tracker.model import story as story_mod
from tracker.model.records import Model, Record
from tracker.render import pages as site_pages
from tracker.render.memo import RenderMemo
from tracker.render.pages import downloads
from tracker.render.pages.base import Page
from tracker.render.templating import TEMPLATES
from tracker.site import assets as site_assets
from tracker.site import csp, forked, minify, search_index, theme_frame
from tracker.site.generated import GeneratedPage, nav_titles
from tracker.site.helpers import OpenDataWriter, Sanitizer, write_and_check_outputs
from tracker.trust import gather as trust


@dataclass
class Session:
    """What lasts for the whole `mkdocs` process. It lives here, not in the hooks module, because
    `mkdocs serve` reads the hooks file again for every rebuild (and calls on_startup only once)."""

    command: str = ""  # "build", "serve" or "gh-deploy"
    dirty: bool = False
    # What the last successful live-preview build wrote: generated page path -> (digest of its
    # output's inputs, the HTML file written), so that only pages whose digest changed are rebuilt.
    preview: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    memo: RenderMemo = field(default_factory=RenderMemo)
    salt: bytes = b""  # theme_fingerprint of the build the memo's pages were rendered for
    problems: list[Problem] = field(default_factory=list)  # the live preview's current data problems
    started: bool = False  # a build has begun: the server starts after it (MkDocs serves nothing before a first build)

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    @property
    def incremental(self) -> bool:
        """`mkdocs serve --dirty` (what `make serve` runs): rebuild only the pages that changed."""
        return self.serving and self.dirty

    @property
    def helped(self) -> bool:
        """`mkdocs build` forks helpers (the open-data writer, the sanitizer). Never from a process
        with other threads (`mkdocs serve --clean` also says "build"): a fork copies no thread."""
        return self.command == "build" and forked.can_fork() and threading.active_count() == 1


SESSION = Session()

# The tools that make and search the site, credited on the About page (the last one searches).
MADE_WITH = (
    ("MkDocs", "https://www.mkdocs.org/"),
    ("Material for MkDocs", "https://squidfunk.github.io/mkdocs-material/"),
    ("Pagefind", "https://pagefind.app/"),
)


@dataclass
class BuildState:
    """One build: the model, its pages in memory, and what MkDocs' page events need of them."""

    model: Model
    pages: dict[str, Page]  # by the path of their Markdown file
    outputs: dict[str, bytes]  # the open data, when no writer builds it
    read: dict[str, int]  # records read, per kind
    salt: bytes = b""
    late: set[str] = field(default_factory=set)  # pages the writer sends (the Downloads page)
    writer: OpenDataWriter | None = None
    sanitizer: Sanitizer | None = None
    head: dict[str, str] = field(default_factory=dict)  # JSON-LD script per page (live preview)
    written: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # for Session.preview
    assets: dict[str, list[str]] = field(default_factory=dict)  # the stylesheet and script bundles' parts (site_assets)

    def stop_helpers(self) -> None:
        if self.sanitizer is not None:
            self.sanitizer.stop()
            self.sanitizer = None
        if self.writer is not None:
            self.writer.stop()
            self.writer = None


def start(command: str, dirty: bool) -> None:
    global SESSION
    SESSION = Session(command=command, dirty=dirty)
    if SESSION.incremental:
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_dirty_warning)


def _quiet_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every --dirty rebuild that navigation may be stale. Ours is fixed in
    mkdocs.yml, and generated pages are rebuilt whenever their inputs change (PreviewPage)."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def data_dir(config: MkDocsConfig) -> Path:
    configured = os.environ.get("TRACKER_DATA") or os.environ.get("DATA") or "data"
    path = Path(configured)
    return path if path.is_absolute() else Path(config.config_file_path).parent / path


def watched(config: MkDocsConfig) -> list[Path]:
    """`make serve` rebuilds when a record, a schema or a seed changes, not only docs/."""
    root = Path(config.config_file_path).parent
    return [data_dir(config), root / "schema", root / "seeds"]


def theme_fingerprint(config: MkDocsConfig) -> bytes:
    """What every page's HTML depends on besides the model: mkdocs.yml, the theme overrides, the schemas, this code and the page templates."""
    root = Path(config.config_file_path).parent
    code = Path(__file__).parents[1]
    paths = [Path(config.config_file_path), *map(Path, config.hooks), *code.rglob("*.py"), *TEMPLATES.rglob("*.html"), *(root / "schema").glob("*.json")]
    if config.theme.custom_dir:
        paths += [p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file()]
    stats = sorted((str(p.relative_to(root) if p.is_relative_to(root) else p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    return repr(stats).encode()


def begin(config: MkDocsConfig) -> BuildState:  # noqa: C901  (the build's steps in order; its branches are the live preview's exceptions, which the docstring explains)
    """Check the checkout's files and validate data/ (PluginError on any problem, the report on stderr); render every page.

    `make serve` on invalid data (as `make new` and `make archive` leave it) is the exception: MkDocs
    starts its server only after a first build that succeeds, so that build renders the site's frame
    from no records, and every page of the preview answers with the problems (preview.py) until a
    rebuild finds the data valid."""
    repo = Path(config.config_file_path).parent
    theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    unsafe = checkout.unsafe_files(repo, checkout.build_folders(repo, Path(config.docs_dir), theme))
    if unsafe:  # before MkDocs or the theme reads any of them
        SESSION.problems = unsafe
        print("\n".join(map(str, unsafe)), file=sys.stderr)
        raise PluginError(f"{len(unsafe)} file(s) the build would read are not plain files of the checkout; nothing was built")
    root = data_dir(config)
    result = validate(root, cache=SESSION.serving)
    SESSION.problems = result.problems
    if not result.ok:
        print(text_report(result.problems, result.counts()), file=sys.stderr)
        if not (SESSION.serving and not SESSION.started):
            raise PluginError(f"{len(result.problems)} data problem(s) in {root}; nothing was built")
        print(
            f"tracker: the preview starts with the list of these {len(result.problems)} problem(s) on every page; it shows the site once they are fixed",
            file=sys.stderr,
        )
        result = Result(Dataset(root))  # no records: the frame of the site, never shown while there are problems
    memo = None
    salt = b""
    if SESSION.incremental:
        salt = theme_fingerprint(config)
        if salt != SESSION.salt:  # a schema or the theme changed: every page may read differently
            SESSION.memo, SESSION.salt = RenderMemo(), salt
        memo = SESSION.memo
    dataset, gone = trust.without_withdrawn(result.dataset)
    if gone:  # records withdrawn by their field leave the model; none may still be referred to
        referred = trust.references_to(model_mod.build(result.dataset), gone)
        if referred:
            print("\n".join(referred), file=sys.stderr)
            raise PluginError(f"{len(referred)} withdrawn record(s) still referred to; nothing was built")
    model = model_mod.build(dataset, previous=memo.model if memo else None)
    publisher = config.extra.get("publisher")
    config.extra["tracker_licences"] = licences.footer_parts(config.repo_url or "")  # the footer's licence line (overrides/partials/copyright.html)
    site_url, epoch = config.site_url or "", source_date_epoch(os.environ.get("SOURCE_DATE_EPOCH", ""))
    model.trust = trust.gather(
        model, root, repo_url=config.repo_url or "", site_url=site_url, publisher=publisher, titles=status_titles(), withdrawn=gone, until=epoch
    )
    for notice in [model.trust.notice, *model.trust.problems]:  # printed, not logged: `mkdocs build --quiet` hides INFO lines
        if notice:
            print(f"tracker: {printable(notice)}", file=sys.stderr)
    writer = None
    if SESSION.helped:
        # The open data is built, written and checked by a helper while this process renders.
        writer = OpenDataWriter(model, site_url, epoch, Path(config.site_dir))
    pages = site_pages.all_pages(model, config.site_name, memo, story_mod.from_dataset(result.dataset), MADE_WITH)
    # The live preview skips the open-data files (seconds at scale); `make site` always builds them.
    outputs = {} if SESSION.serving or writer else exports.build_outputs(model, site_url=site_url, epoch=epoch)
    late = downloads.extra_pages(model, outputs)  # with a writer: stand-ins until it reports the sizes
    pages += late
    read = {kind: n - sum(f.kind == kind for f in gone) for kind, n in result.counts().items()}  # withdrawn ones are counted apart
    state = BuildState(model, {p.path: p for p in pages}, outputs, read, salt=salt, writer=writer, assets=site_assets.bundle(config))
    if writer is not None:
        state.late = {p.path for p in late}
    if SESSION.helped:
        state.sanitizer = Sanitizer([p for p in pages if p.path not in state.late])
    SESSION.started = True
    return state


def source_date_epoch(value: str) -> int:
    """SOURCE_DATE_EPOCH as seconds (0 when unset), or a PluginError saying why the build cannot use it.

    It is the time of the commit built (the Makefile reads it from git), so a commit dated in year
    10000 would otherwise reach every feed and page as a date no code can print."""
    if not value.strip():
        return 0
    epoch = parse_epoch(value.strip())
    if epoch is None or epoch > LAST_PRINTABLE:
        raise PluginError(
            f"SOURCE_DATE_EPOCH={printable(value[:40])!r} is not a time this build can print: a whole number of seconds "
            f"from 1970 to the end of {MAX_YEAR} (the Makefile takes it from the last commit; is that commit's date wrong?)"
        )
    return epoch


class PreviewPage(File):
    """A generated page that `mkdocs serve --dirty` rebuilds only when what it is made from changed.

    MkDocs decides by comparing file times, and in-memory pages would always count as modified,
    so every one of 10,000 pages would be rebuilt after any edit. These carry a verdict instead:
    unchanged when the digest of their HTML, JSON-LD and the theme matches the last build's.
    """

    unchanged: bool = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


def add_files(state: BuildState, files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (each a GeneratedPage: MkDocs renders no Markdown for them), the archived seeds
    and the stylesheet and script bundles; let the writer write beside the build."""
    repo_root = Path(config.config_file_path).parent
    for file in files:
        file.edit_uri = f"docs/{file.src_uri}"
    titles = nav_titles(config.nav)
    for page in state.pages.values():
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} would be overwritten by a generated page; remove it from docs/")
        generated: File
        if SESSION.incremental:
            preview = PreviewPage.generated(config, page.path, content="")
            assert isinstance(preview, PreviewPage)  # File.generated builds cls(...); MkDocs types it as a plain File
            head = state.head[page.path] = json_ld_script(state, config, page)
            digest = hashlib.blake2b(state.salt + _page_digest(page) + head.encode(), digest_size=16).digest()
            preview.unchanged = SESSION.preview.get(page.path, (b"", ""))[0] == digest
            state.written[page.path] = (digest, preview.abs_dest_path)
            generated = preview
        else:
            generated = File.generated(config, page.path, content="")
        generated.edit_uri = page.record.path if page.record is not None else None
        GeneratedPage(titles.get(page.path), generated, config, functools.partial(current_page, state, page.path))
        files.append(generated)
    site_assets.add_bundles(state.assets, files, config)
    if state.writer is not None:
        state.writer.write_now()  # the site directory has been cleaned
    for seed in sorted({s.seed for s in state.model.sources.values() if s.seed}):
        files.append(File.generated(config, seed, abs_src_path=str(repo_root / seed)))
    return files


def _page_digest(page: Page) -> bytes:
    """What a generated page's output is made of, besides its JSON-LD and the theme."""
    return (page.html + repr(page.toc) + page.title + page.description).encode()


def current_page(state: BuildState, path: str) -> Page:
    """A generated page as it is now. The Downloads page waits for the writer's sizes; MkDocs reads it last of the generated pages."""
    if path in state.late and state.writer is not None and not state.writer.late_received:
        try:
            late = state.writer.late_pages()
        except forked.HelperGone as gone:
            raise PluginError(f"open-data outputs could not be built: {gone}") from None
        state.pages.update({p.path: p for p in late})
    return state.pages[path]


def page_content(state: BuildState, content: str, src_uri: str) -> str:
    """A page's HTML as published: a generated page sanitized (by the sanitizer helper, or here), then marked for the search index."""
    generated = state.pages.get(src_uri)
    if generated is not None:
        cleaned = state.sanitizer.cleaned(src_uri, content) if state.sanitizer is not None else None
        content = cleaned if cleaned is not None else sanitize(content)
        if not SESSION.serving:  # MkDocs holds the page's HTML now; ours would stay in memory to the end (1.5 GB at 100,000 records)
            state.pages[src_uri] = dataclasses.replace(generated, html="")
    return _for_search(state, content, src_uri)


def _for_search(state: BuildState, content: str, src_uri: str) -> str:
    """Mark what the search index takes (after sanitizing: its attributes are ours): record pages
    with their facets, prose pages; never the lists of records."""
    generated = state.pages.get(src_uri)
    if src_uri in site_pages.search.NOT_INDEXED or (generated is not None and generated.record is None and not generated.searchable):
        return content
    return site_pages.search.indexed(content, generated.record if generated is not None else None, state.model)


def post_page(state: BuildState, output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    """Add schema.org JSON-LD to record pages, and the Content-Security-Policy to every page.

    No <link rel="alternate"> for the feeds: Material's script fetches a sitemap.xml beside every
    alternate link (it takes them for language versions). The feeds are linked in the page body.
    """
    generated = state.pages.get(page.file.src_uri)
    if generated is not None and generated.record is not None:
        script = state.head.get(generated.path) or json_ld_script(state, config, generated)
        output = output.replace("</head>", script + "</head>", 1)
    # MkDocs writes the output next and never reads the content again; without this every page's
    # HTML stays in memory until the build ends (memory grew with the site, 12.7 GB at 100,000 records).
    page.content = None
    return finished(output)


def post_template(output: str, template_name: str) -> str:
    """The 404 page gets the policy too (sitemap.xml is not HTML)."""
    return finished(output) if template_name.endswith(".html") else output


def finished(page_html: str) -> str:
    """A rendered page as published: squeezed, without the theme's unused pieces, its skip link leading
    to its title, then its policy (computed last, on the page as it will be served)."""
    framed = theme_frame.skip_to_title(theme_frame.trim(minify.minify(page_html)))
    return csp.add_policy(framed, live_preview=SESSION.serving)


def json_ld_script(state: BuildState, config: MkDocsConfig, page: Page) -> str:
    if page.record is None:
        return ""
    if SESSION.incremental:
        return SESSION.memo.call(("json-ld", page.path), _render_json_ld, page.record, config.site_url or "")
    return _render_json_ld(state.model, page.record, config.site_url or "")


def _render_json_ld(model: Model, record: Record, site_url: str) -> str:
    return f'<script type="application/ld+json">{json_for_script(jsonld_history.for_record(model, site_url, record))}</script>\n'


def finish(state: BuildState, config: MkDocsConfig) -> None:
    """Conservation: every record read is published exactly once, as its own page; then the open data."""
    site = Path(config.site_dir)
    published = {}
    missing = []
    for kind in state.read:
        records = getattr(state.model, kind)
        present = [rid for rid in records if (site / kind / rid / "index.html").is_file()]
        missing += [f"{kind}/{rid}" for rid in records if rid not in present]
        published[kind] = len(present)
    if missing or published != state.read:
        raise PluginError(f"records read {state.read} but published {published}; missing: {', '.join(missing[:20])}")
    if state.sanitizer is not None:
        state.sanitizer.stop()
        state.sanitizer = None
    problems = [] if SESSION.serving else _finish_outputs(state, site)
    if problems:
        raise PluginError(f"open-data outputs do not conserve the records ({len(problems)} problem(s)):\n" + "\n".join(problems[:50]))
    failure = search_index.build_index(site)
    if failure:
        raise PluginError(failure)
    if SESSION.incremental:
        _remove_stale_pages(state)
    # Printed, not logged: `mkdocs build --quiet` (as scripts/build.py runs it) hides INFO lines.
    withdrawn = trust.of_model(state.model).removed
    gone = [w for w in withdrawn if not (site / w.kind / w.id / "index.html").is_file()]
    if gone:
        raise PluginError(f"withdrawn records without their page at the old address: {', '.join(f'{w.kind}/{w.id}' for w in gone[:20])}")
    print(f"tracker: read {_counts(state.read)}; published {_counts(published)}; withdrawn {len(withdrawn)}", file=sys.stderr)


def _finish_outputs(state: BuildState, site: Path) -> list[str]:
    if state.writer is None:
        return write_and_check_outputs(state.model, site, state.outputs)
    writer, state.writer = state.writer, None
    return writer.finish()


def _remove_stale_pages(state: BuildState) -> None:
    """Live preview: delete the pages of records that are gone (a --dirty build never deletes), then remember this build."""
    for path in SESSION.preview.keys() - state.written.keys():
        html_file = Path(SESSION.preview[path][1])
        html_file.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            html_file.parent.rmdir()  # only when empty
    SESSION.preview = dict(state.written)
    SESSION.memo.forget_unused()


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())
