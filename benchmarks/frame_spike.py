#!/usr/bin/env python3
"""Spike: the record pages without MkDocs, `python benchmarks/frame_spike.py DATA MKDOCS_SITE SPIKE_SITE REPORT.json`.

A question for "Moving off MkDocs" (ARCHITECTURE.md), not a way to build the site. It builds DATA
with `mkdocs build` in this process, timing what MkDocs does for each record page (reading and
rendering it, the theme's templates, our hooks, writing it), then writes the same record pages
again without MkDocs: plain Jinja2 renders each page's HTML and table of contents into the frame
of a page MkDocs built (one per kind of record, since the navigation's links differ by folder),
with the same post-processing as the build (sanitizing, search marks, JSON-LD, minify, trimming,
the Content-Security-Policy). It reports both times, both sizes and how many pages came out
byte-identical. Decides nothing: the build is unchanged.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import time
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

REPO = Path(__file__).resolve().parents[1]
FRAME_PARTS = [  # what differs from one record page to the next, in the order it appears in a built page
    ("description", re.compile(r'(?<=<meta name="description" content=")[^"]*(?=">)')),
    ("canonical", re.compile(r'(?<=<link rel="canonical" href=")[^"]*(?=">)')),
    ("title", re.compile(r"(?<=<title>)[^<]*(?=</title>)")),
    ("topic", re.compile(r'(?<=<div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis">)[^<]*(?=</span>)')),
    ("json_ld", re.compile(r'<script type="application/ld\+json">.*?</script>\n', re.DOTALL)),
    ("toc", re.compile(r'<nav class="md-nav md-nav--secondary".*?</nav>(?=\n</div>)', re.DOTALL)),
    ("edit_url", re.compile(r'(?<=<a href=")[^"]*(?=" title="Edit this page")')),
    (
        "content",
        re.compile(
            r'(?<=class="md-content__button md-icon" rel="edit"><span class="tracker-icon tracker-icon--edit"></span></a>\n).*(?=\n</article>)', re.DOTALL
        ),
    ),
]
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n')
TOC = """{%- macro items(headings) -%}
{%- for h in headings %}<li><a href="{{ h.url }}" class="md-nav__link">{{ h.title }}</a>
{%- if h.children %}<nav class="md-nav" aria-label="{{ h.title | striptags }}"><ul class="md-nav__list">{{ items(h.children) }}</ul></nav>{% endif -%}
</li>{% endfor -%}
{%- endmacro -%}
<nav class="md-nav md-nav--secondary" aria-label="Table of contents">
{%- if toc %}<div class="md-nav__title">Table of contents</div>
<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>{{ items(toc) }}</ul>
{%- endif %}</nav>"""


def frame_template(page: str) -> str:
    """A built page as a Jinja2 template: its text verbatim ({% raw %}), each part of FRAME_PARTS a variable."""
    page = POLICY.sub("", page, count=1)  # computed again for each page
    cuts = []
    for name, pattern in FRAME_PARTS:
        found = pattern.search(page)
        assert found is not None, f"no {name} in the frame"
        cuts.append((found.start(), found.end(), name))
    source, position = [], 0
    for start, end, name in sorted(cuts):
        source += ["{% raw %}", page[position:start], "{% endraw %}", "{{ ", name, " }}"]
        position = end
    return "".join([*source, "{% raw %}", page[position:], "{% endraw %}"])


def mkdocs_build(data: Path, site: Path) -> tuple[dict[str, float], object]:
    """`mkdocs build` of data/ into site, in this process; the seconds MkDocs spent per record page, and the build's state."""
    os.environ["TRACKER_DATA"] = str(data)
    from mkdocs.commands import build as mkdocs_commands
    from mkdocs.config import load_config

    from tracker.site import build as site_build

    spent: dict[str, float] = {}
    states = []
    begin = site_build.begin
    site_build.begin = lambda config: states.append(begin(config)) or states[-1]  # the hooks call it by this name
    populate, build_page = mkdocs_commands._populate_page, mkdocs_commands._build_page

    def timed(original):
        def run(page, *args, **kwargs):
            started = time.perf_counter()
            try:
                return original(page, *args, **kwargs)
            finally:
                if is_record_page(page.file.src_uri):
                    spent[page.file.src_uri] = spent.get(page.file.src_uri, 0.0) + time.perf_counter() - started

        return run

    mkdocs_commands._populate_page, mkdocs_commands._build_page = timed(populate), timed(build_page)
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_commands.build(config)
    return spent, (states[-1], config, site_build)


def is_record_page(src_uri: str) -> bool:
    parts = src_uri.split("/")
    return len(parts) == 2 and parts[0] in ("events", "claims", "actors", "sources") and parts[1] != "index.md"


def spike(state, config, site_build, mkdocs_site: Path, out: Path) -> tuple[float, float, dict[str, str]]:
    """Every record page again, in the frame of the first built page of its kind: the seconds it took, those of
    rendering the frame alone, and the pages."""
    from tracker.site.generated import table_of_contents

    env = Environment(autoescape=True)
    toc_template = env.from_string(TOC)
    pages = [p for path, p in state.pages.items() if is_record_page(path)]
    frames = {}
    for page in pages:
        kind = page.path.split("/")[0]
        if kind not in frames:
            built = (mkdocs_site / page.path.removesuffix(".md") / "index.html").read_text("utf-8")
            frames[kind] = env.from_string(frame_template(built))
    repo = config.repo_url.rstrip("/") + "/" + config.edit_uri
    written = {}
    started = time.perf_counter()
    in_frame = 0.0
    for page in pages:
        url = page.path.removesuffix(".md") + "/"
        content = site_build.page_content(state, page.html, page.path)
        framing = time.perf_counter()
        html_page = frames[page.path.split("/")[0]].render(
            description=Markup(html.escape(page.description, quote=True)),  # as Material writes the meta value it is given
            canonical=config.site_url + url,
            title=Markup(html.escape(page.title, quote=True) + " - ") + config.site_name,
            topic=Markup(html.escape(page.title, quote=True)),
            json_ld=Markup(site_build.json_ld_script(state, config, page)),
            toc=Markup(toc_template.render(toc=list(table_of_contents(page.toc)))),
            edit_url=repo + page.record.path,
            content=Markup(content),
        )
        in_frame += time.perf_counter() - framing
        finished = site_build.finished(html_page)
        target = out / url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(finished, "utf-8")
        written[url] = finished
    return time.perf_counter() - started, in_frame, written


def main(argv: list[str]) -> int:
    data, mkdocs_site, spike_site, report = (Path(a) for a in argv)
    started = time.perf_counter()
    spent, (state, config, site_build) = mkdocs_build(data, mkdocs_site)
    build_seconds = time.perf_counter() - started
    spike_seconds, frame_seconds, written = spike(state, config, site_build, mkdocs_site, spike_site)
    built = {url: (mkdocs_site / url / "index.html").read_text("utf-8") for url in written}
    same = sum(built[url] == written[url] for url in written)
    result = {
        "record_pages": len(written),
        "mkdocs_build_seconds": round(build_seconds, 2),
        "mkdocs_record_pages_seconds": round(sum(spent.values()), 2),
        "spike_record_pages_seconds": round(spike_seconds, 2),
        "spike_frame_only_seconds": round(
            frame_seconds, 2
        ),  # of which the frame (the theme's part); the rest is sanitizing, search marks, JSON-LD, minify, CSP, writing
        "mkdocs_record_pages_bytes": sum(len(p.encode()) for p in built.values()),
        "spike_record_pages_bytes": sum(len(p.encode()) for p in written.values()),
        "byte_identical_pages": same,
        "first_difference": next((url for url in written if built[url] != written[url]), None),
    }
    Path(report).write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
