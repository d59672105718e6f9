"""MkDocs glue (hooks: in mkdocs.yml). The work is done by plain functions in tracker/.

on_serve   watch data/, schema/ and seeds/ for the live preview
on_config  validate data/ (the build stops on any problem) and render every page in memory
on_files   add the generated pages and archived seeds; point "edit this page" at the YAML record
on_page_*  set escaped titles, sanitize the HTML of generated pages, add JSON-LD
on_post_build  check that every record was published exactly once
"""

from __future__ import annotations

import html
import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tracker import exports, jsonld, render
from tracker import model as model_mod
from tracker.html import json_for_script, sanitize
from tracker.report import text_report
from tracker.validate import validate

log = logging.getLogger("mkdocs.hooks.tracker")

_state: dict = {}


def data_dir(config) -> Path:
    configured = os.environ.get("TRACKER_DATA") or os.environ.get("DATA") or "data"
    path = Path(configured)
    return path if path.is_absolute() else Path(config.config_file_path).parent / path


def on_config(config):
    root = data_dir(config)
    result = validate(root)
    if not result.ok:
        print(text_report(result.problems, result.counts()), file=sys.stderr)
        raise PluginError(f"{len(result.problems)} data problem(s) in {root}; nothing was built")
    model = model_mod.build(result.dataset)
    pages = render.all_pages(model, config.site_name)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    outputs = exports.build_outputs(model, site_url=config.site_url or "", epoch=epoch)
    pages += exports.extra_pages(model, outputs)
    _state.clear()
    _state.update(model=model, pages={p.path: p for p in pages}, outputs=outputs, read=result.counts(), blocks={})
    return config


def on_serve(server, config, builder):
    """`make serve` rebuilds when a record, a schema or a seed changes, not only docs/."""
    root = Path(config.config_file_path).parent
    for path in (data_dir(config), root / "schema", root / "seeds"):
        server.watch(str(path))
    return server


def on_files(files: Files, config) -> Files:
    repo_root = Path(config.config_file_path).parent
    for file in files:
        file.edit_uri = f"docs/{file.src_uri}"
    for page in _state["pages"].values():
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} would be overwritten by a generated page; remove it from docs/")
        generated = File.generated(config, page.path, content=page.markdown)
        generated.edit_uri = page.record.path if page.record is not None else None
        files.append(generated)
    for path, content in sorted(_state["outputs"].items()):
        files.append(File.generated(config, path, content=content))
    model = _state["model"]
    for seed in sorted({s.seed for s in model.sources.values() if s.seed}):
        files.append(File.generated(config, seed, abs_src_path=str(repo_root / seed)))
    return files


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
    if generated.record is not None or not generated.searchable:
        # Record pages are indexed by compact entries (on_post_build), not by parsing their HTML;
        # lists of records (timeline, indexes) would only repeat them.
        page.meta["search"] = {"exclude": True}
    markdown, _state["blocks"][page.file.src_uri] = render.split_blocks(markdown)
    return markdown


def on_page_content(content: str, page, config, files):
    blocks = _state["blocks"].pop(page.file.src_uri, None)
    if blocks is None:
        return content
    return sanitize(render.join_blocks(content, blocks))


def on_post_page(output: str, page, config):
    """Add schema.org JSON-LD to record pages.

    No <link rel="alternate"> for the feeds: Material's script fetches a sitemap.xml beside every
    alternate link (it takes them for language versions). The feeds are linked in the page body.
    """
    generated = _generated(page)
    if generated is None or generated.record is None:
        return output
    data = jsonld.for_record(_state["model"], config.site_url or "", generated.record)
    script = f'<script type="application/ld+json">{json_for_script(data)}</script>\n'
    return output.replace("</head>", script + "</head>", 1)


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
    problems = exports.check_outputs(_state["model"], _state["outputs"], site_dir=site)
    if problems:
        raise PluginError(f"open-data outputs do not conserve the records ({len(problems)} problem(s)):\n" + "\n".join(problems[:50]))
    add_record_search_entries(site / "search" / "search_index.json")
    # Printed, not logged: `mkdocs build --quiet` (as scripts/build.py runs it) hides INFO lines.
    print(f"tracker: read {_counts(_state['read'])}; published {_counts(published)}", file=sys.stderr)


def add_record_search_entries(index_path: Path) -> None:
    """Append one compact entry per record to the index Material's search plugin wrote."""
    if not index_path.is_file():
        return  # search disabled
    index = json.loads(index_path.read_text("utf-8"))
    model = _state["model"]
    index["docs"] += [render.search_entry(model, record) for record in model.all_records()]
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())
