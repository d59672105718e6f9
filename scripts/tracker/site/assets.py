"""The site's own stylesheets and scripts (mkdocs.yml extra_css and extra_javascript) reach the pages
as one file of each kind, stylesheets/site.css and javascripts/site.js, joined at every build; and
javascripts/frame.js gets the palette switch it draws (``palette_in_frame``); Material's own two
stylesheets are served as one too (``theme_stylesheet``).

Every page linked each file: six tags, about 0.2 KB of each of 10,000 record pages (2 MB), and four
requests more on a first visit. The sources stay apart in docs/, one concern each. Joined, they work
as before: a stylesheet's url() is relative to its folder, so only files of the bundle's own folder
are joined; each script is a self-contained function (tests/test_frame.py checks), so none sees
another's names; a module, a deferred or an async script keeps its own tag.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

FRAME_SCRIPT = "javascripts/frame.js"
PALETTE_SLOT = '"" /* the palette switch */'  # in FRAME_SCRIPT: where the switch's markup goes
BUNDLES = {"extra_css": "stylesheets/site.css", "extra_javascript": "javascripts/site.js"}


def bundle(config: MkDocsConfig) -> dict[str, list[str]]:
    """Point extra_css and extra_javascript at their bundle, in the place of the first file it holds;
    return what each bundle is made of, in order."""
    parts: dict[str, list[str]] = {}
    for key, target in BUNDLES.items():
        folder = target.rsplit("/", 1)[0] + "/"
        entries = list(config[key])
        joined = [e for e in entries if isinstance(e, str) and e.startswith(folder) and "/" not in e.removeprefix(folder) and e != target]
        if len(joined) < 2:
            continue
        first = entries.index(joined[0])
        config[key] = [*entries[:first], target, *[e for e in entries[first:] if e not in joined]]
        parts[target] = joined
    return parts


def add_bundles(parts: dict[str, list[str]], files: Files, config: MkDocsConfig) -> Files:
    """The bundles as generated files; their parts leave the site (nothing links them any more)."""
    for target, sources in parts.items():
        texts = []
        for source in sources:
            file = files.get_file_from_path(source)
            if file is None:
                # MkDocs reports a PluginError as one line, without a traceback
                raise PluginError(f"mkdocs.yml lists {source} in extra_css or extra_javascript, but {config.docs_dir} has no such file")
            texts.append(f"/* {source} */\n" + Path(file.abs_src_path or "").read_text("utf-8").strip() + "\n")
            files.remove(file)
        files.append(File.generated(config, target, content="\n".join(texts)))
    return files


def palette_in_frame(env: Environment, config: MkDocsConfig, files: Files) -> Files:
    """The palette switch (overrides/partials/palette.html), rendered once and written into frame.js,
    which draws it in the header of every page: it works only with JavaScript (Material's bundle
    switches the palette), and in each page it was about 0.9 KB. Without a palette, nothing is drawn."""
    file = files.get_file_from_path(FRAME_SCRIPT)
    if file is None:
        raise PluginError(f"the theme loads {FRAME_SCRIPT}, but {config.docs_dir} has no such file")
    text = Path(file.abs_src_path or "").read_text("utf-8")
    if PALETTE_SLOT not in text:
        raise PluginError(f"{config.docs_dir}/{FRAME_SCRIPT} lost its place for the palette switch: {PALETTE_SLOT}")
    palette = config.theme["palette"]
    form = env.get_template("partials/palette.html").render(config=config) if palette and not isinstance(palette, dict) else ""
    form = " ".join(line.strip() for line in form.splitlines() if line.strip()).replace("> <", "><")
    files.remove(file)
    files.append(File.generated(config, FRAME_SCRIPT, content=text.replace(PALETTE_SLOT, json.dumps(form, ensure_ascii=False))))
    return files


THEME_CSS = ("main", "palette")  # Material's stylesheets, in the order base.html links them


def theme_stylesheet(config: MkDocsConfig, files: Files) -> Files:
    """Material's main and palette stylesheets joined into one file beside them, which
    overrides/main.html links (config.extra.tracker_theme_css) in the place of the two: one link and
    one request fewer on every page. Their url()s hold data only (no relative address to keep
    valid); the name keeps both of Material's hashes, so a new Material is a new file. The two stay
    where they were, for anything that links them. Left alone unless each is found exactly once."""
    folder = "assets/stylesheets/"
    found = [[f for f in files if re.fullmatch(rf"{re.escape(folder)}{name}\.[0-9a-f]+\.min\.css", f.src_uri)] for name in THEME_CSS]
    if any(len(matches) != 1 for matches in found):
        return files
    sheets = [matches[0] for matches in found]
    hashes = [sheet.src_uri.removeprefix(folder).split(".")[1] for sheet in sheets]
    target = f"{folder}theme.{'.'.join(hashes)}.min.css"
    # each ends with a comment naming its source map, which would not map the joined file
    texts = [re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*$", "", Path(sheet.abs_src_path or "").read_text("utf-8")) for sheet in sheets]
    files.append(File.generated(config, target, content="\n".join(texts)))
    config.extra["tracker_theme_css"] = target
    return files
