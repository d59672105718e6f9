"""MkDocs glue (hooks: in mkdocs.yml): each hook hands its event to a plain function of tracker/.

The build itself is tracker.site.build (its state is a BuildState), the helpers `mkdocs build`
forks are tracker.site.helpers, and the live preview's error page is tracker.site.preview.
`mkdocs serve` reads this file again for every rebuild; what lasts between rebuilds is
site_build.SESSION. `import tracker` finds the package that the Makefile installs into .venv
(editable, from pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from tracker.site import assets as site_assets
from tracker.site import build as site_build
from tracker.site import nav_cache, preview
from tracker.site.build import BuildState

_build: BuildState | None = None  # the build in progress; set by on_config


def _state() -> BuildState:
    assert _build is not None, "on_config runs first"
    return _build


def on_startup(command: str, dirty: bool) -> None:
    site_build.start(command, dirty)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    for path in site_build.watched(config):
        server.watch(str(path))
    preview.show_problems_in_the_browser(server, config)
    return server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if _build is not None:
        _build.stop_helpers()
    _build = site_build.begin(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site_build.add_files(_state(), files, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    nav_cache.install(env)
    site_assets.palette_in_frame(env, config, files)
    site_assets.theme_stylesheet(config, files)
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # Here, when MkDocs writes the page, not in on_page_content: MkDocs reads every page before it
    # writes the first, so the finished HTML of all of them would be in memory at once.
    page.content = site_build.page_content(_state(), page.content or "", page.file.src_uri)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return site_build.post_page(_state(), output, page, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return site_build.post_template(output, template_name)


def on_build_error(error: Exception) -> None:
    if _build is not None:
        _build.stop_helpers()


def on_post_build(config: MkDocsConfig) -> None:
    site_build.finish(_state(), config)
