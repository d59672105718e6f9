"""The theme's frame around every page (overrides/): no inline JavaScript, icons as files, the settings
Material's bundle reads and only those, and a size budget (issue #14: it is on each of 10,000 pages)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from conftest import REPO
from tracker import csp, site_assets

OVERRIDES = REPO / "overrides"
CLAIM = "claims/hrana-6854-protest-deaths/index.html"
# The navigation and TOC features overrides/partials/nav-item.html and toc.html are written for:
# Material's nav-item.html also draws tabs, sections, index pages, pruned and expanded sections and an
# integrated TOC, which the site's overrides leave out. Enabling one of those means writing it back.
NAV_FEATURES_LEFT_OUT = {
    "navigation.tabs",
    "navigation.tabs.sticky",
    "navigation.sections",
    "navigation.indexes",
    "navigation.prune",
    "navigation.expand",
    "toc.integrate",
}


def mkdocs_config() -> dict:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))


def frame_of(page: str) -> str:
    """The page without what it is about: the article's content (its edit link, drawn by the theme,
    stays) and the JSON-LD."""
    start = page.index(">", page.index("<article")) + 1
    end = page.index("</article>")
    edit = re.match(r'\s*<a href="[^"]*" title="Edit this page".*?</a>', page[start:end], re.DOTALL)
    page = page[:start] + (edit[0] if edit else "") + page[end:]
    return re.sub(r'<script type="application/ld\+json">.*?</script>', "", page, flags=re.DOTALL)


def test_no_page_carries_inline_javascript(site: Path) -> None:
    """The theme's inline scripts are docs/javascripts/frame.js: no page needs a hash in its policy."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 70
    for path in pages:
        page = path.read_text("utf-8")
        assert csp.inline_script_hashes(page) == [], path
        assert "'sha256-" not in page, path
        assert page.count('javascripts/frame.js"></script>') == 1, path


def test_frame_js_comes_after_the_palette_switch_and_before_the_page(site: Path) -> None:
    """Synchronous, right after the palette switch (its inputs), before the sidebars and the article:
    the reader's palette is set before anything below it is drawn."""
    page = (site / CLAIM).read_text("utf-8")
    script = page.index('<script src="../../javascripts/frame.js"></script>')
    assert page.index('data-md-component="palette"') < script < page.index("<main")
    assert "async" not in page[script - 10 : script + 60] and "defer" not in page[script - 10 : script + 60]


def test_config_holds_only_what_the_bundle_reads(site: Path) -> None:
    page = (site / CLAIM).read_text("utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.DOTALL)[1])
    enabled = mkdocs_config()["theme"]["features"]
    assert config == {"base": "../..", "features": [f for f in enabled if f in bundle_features()]}


def bundle_features() -> set[str]:
    """The features Material's bundle looks at, as written in overrides/main.html (checked below)."""
    main = (OVERRIDES / "main.html").read_text("utf-8")
    return set(json.loads(re.search(r"set BUNDLE_FEATURES = (\[.*?\])", main)[1]))


def test_bundle_features_are_those_the_bundle_reads(site: Path) -> None:
    """If a new Material reads another feature (or its minifier renames the reader, V), this fails:
    check what the bundle reads from __config again before updating BUNDLE_FEATURES."""
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text("utf-8")
    assert set(re.findall(r'\bV\("([a-z.]+)"\)', bundle)) == bundle_features()
    assert re.findall(r"Ct\.(\w+)", bundle).count("translations") == 2 and "Ct.features.includes" in bundle


def test_features_are_those_the_overrides_are_written_for() -> None:
    assert not set(mkdocs_config()["theme"]["features"]) & NAV_FEATURES_LEFT_OUT


def test_the_frame_has_no_inline_svg_and_its_icons_are_files(site: Path) -> None:
    """The theme's icons are files drawn by CSS as masks (tracker.css), not SVGs inlined into each page."""
    page = frame_of((site / CLAIM).read_text("utf-8"))
    assert "<svg" not in page
    css = (REPO / "docs" / "stylesheets" / "tracker.css").read_text("utf-8")
    icons = set(re.findall(r"tracker-icon--([a-z-]+)", page))
    assert {"logo", "menu", "dark-mode", "light-mode", "search", "edit", "top"} <= icons
    for icon in icons:
        rule = re.search(rf'\.tracker-icon--{icon} {{ mask-image: url\("\.\./images/([a-z-]+\.svg)"\); }}', css)
        assert rule and (REPO / "docs" / "images" / rule[1]).is_file(), icon


def test_frame_budget(site: Path) -> None:
    """The frame of a record page (everything but its article and JSON-LD) stays small: it is written
    10,000 times at scale. This page's was 14.4 KB with Material's own templates, 10.75 KB since."""
    page = (site / CLAIM).read_text("utf-8")
    assert len(frame_of(page).encode("utf-8")) <= 11_000


def test_nav_lists_every_page_of_mkdocs_nav(site: Path) -> None:
    """The compact nav (overrides/partials/nav-item.html) still lists every section and page of mkdocs.yml."""
    page = (site / CLAIM).read_text("utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary"') : page.index('<div class="md-sidebar md-sidebar--secondary"')]
    for section in mkdocs_config()["nav"]:
        [(title, children)] = section.items()
        assert f'tabindex="0">{title}<span class="md-nav__icon md-icon"></span></label>' in nav
        for child in children:
            [(name, path)] = child.items()
            url = "../../" + ("" if path == "index.md" else path.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/")
            url = {"../../": "../..", "../../claims/": "../"}.get(url, url)
            assert f'<a href="{url}" class="md-nav__link">{name}</a>' in nav, name


def test_pages_link_one_stylesheet_and_one_script_of_the_site(site: Path) -> None:
    """mkdocs.yml's extra_css and extra_javascript reach the pages joined, one file each (tracker/site_assets.py)."""
    config = mkdocs_config()
    page = (site / CLAIM).read_text("utf-8")
    assert re.findall(r'href="\.\./\.\./(stylesheets/[^"]+)"', page) == ["stylesheets/site.css"]
    assert re.findall(r'src="\.\./\.\./(javascripts/[^"]+)"', page) == ["javascripts/frame.js", "javascripts/site.js"]
    for key, bundle in site_assets.BUNDLES.items():
        joined = (site / bundle).read_text("utf-8")
        for source in config[key]:
            text = (REPO / "docs" / source).read_text("utf-8").strip()
            assert f"/* {source} */\n{text}\n" in joined
            assert not (site / source).exists()  # nothing links it


def test_each_joined_script_keeps_its_names_to_itself() -> None:
    """Joined into one file, a script's top-level names would meet another's: each is one function, run at once."""
    for source in mkdocs_config()["extra_javascript"]:
        code = re.sub(r"^(\s*//[^\n]*\n)*", "", (REPO / "docs" / source).read_text("utf-8")).strip()
        assert code.startswith("(function () {") and code.endswith("})();"), source


def test_bundle_joins_only_plain_files_of_its_folder() -> None:
    config = {
        "extra_css": ["stylesheets/a.css", "other/b.css", "stylesheets/c.css"],
        "extra_javascript": ["javascripts/a.js", {"path": "javascripts/m.js", "type": "module"}],
    }
    parts = site_assets.bundle(config)  # type: ignore[arg-type]
    assert parts == {"stylesheets/site.css": ["stylesheets/a.css", "stylesheets/c.css"]}
    assert config["extra_css"] == ["stylesheets/site.css", "other/b.css"]
    assert config["extra_javascript"] == ["javascripts/a.js", {"path": "javascripts/m.js", "type": "module"}]  # one plain file: left alone


def test_a_bundled_file_missing_from_docs_is_a_one_line_build_error() -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    with pytest.raises(PluginError) as raised:
        site_assets.add_bundles({"javascripts/site.js": ["javascripts/gone.js"]}, Files([]), config)
    assert str(raised.value) == f"mkdocs.yml lists javascripts/gone.js in extra_css or extra_javascript, but {config.docs_dir} has no such file"
