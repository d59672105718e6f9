"""The live preview's answer to invalid data: the problems in the browser, until they are fixed.

When a rebuild of `make serve` stops on data problems, MkDocs would log a traceback and leave the
browser waiting for a build that never comes. Instead the failed rebuild writes a page listing
every problem (`path:line:col: message`, as `make validate` prints them), every page of the
preview answers with it, and the open page reloads to show it; the next good rebuild reloads
it again with the site. The reload script is the server's own (it is put into every HTML page
it serves, this one too). Started on invalid data, the preview shows the same page from the
start: its first build renders the site's frame from no records (site_build.begin), since MkDocs
serves nothing until a first build succeeds.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from tracker.load.dataset import Problem
from tracker.site import build as site_build
from tracker.site import csp

log = logging.getLogger("mkdocs.hooks.tracker")

ERROR_PAGE = "tracker-data-problems.html"  # written at the root of the preview's site directory


def problems_page(problems: Iterable[Problem]) -> str:
    """A self-contained page listing the problems, each escaped as text."""
    problems = list(problems)
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    items = "\n".join(f"<li><code>{html.escape(str(problem))}</code></li>" for problem in problems)
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The data has {count}</title>
<style>body{{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}}li{{margin:.5rem 0}}code{{white-space:pre-wrap;overflow-wrap:anywhere}}</style>
</head>
<body>
<h1>The data has {count}</h1>
<p>Nothing was rebuilt. Fix {"it" if len(problems) == 1 else "them"} (<code>make validate</code> lists the same);
this page reloads by itself when the data is valid again.</p>
<ol class="problems">
{items}
</ol>
</body>
</html>
"""
    return csp.add_policy(page, live_preview=True)


def _is_page(path: str, mount_path: str) -> bool:
    return path.startswith(mount_path) and (path.endswith("/") or path.endswith(".html"))


def show_problems_in_the_browser(server: LiveReloadServer, config: MkDocsConfig) -> None:
    """Wrap the server's builder and its WSGI application (both public attributes of LiveReloadServer)."""
    build: Callable[..., None] = server.builder
    serve = server.serve_request
    error_page = f"{server.root}/{ERROR_PAGE}"

    def builder(*args: object, **kwargs: object) -> None:
        try:
            build(*args, **kwargs)
        except Exception:
            problems = site_build.SESSION.problems
            if not problems:
                raise  # not a data problem: MkDocs reports it
            with open(error_page, "w", encoding="utf-8") as handle:
                handle.write(problems_page(problems))
            # Returning (not raising) lets the server reload the open pages, which now get the list.
            log.error(f"{len(problems)} data problem(s), listed above and in the browser; the preview shows the site again once they are fixed")

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if site_build.SESSION.problems and _is_page(environ.get("PATH_INFO", ""), server.mount_path):
            environ = {**environ, "PATH_INFO": server.mount_path + ERROR_PAGE}
        return serve(environ, start_response)

    server.builder = builder
    server.set_app(app)
    if site_build.SESSION.problems:  # the first build stood in for invalid data (site_build.begin): the list from the start
        with open(error_page, "w", encoding="utf-8") as handle:
            handle.write(problems_page(site_build.SESSION.problems))
