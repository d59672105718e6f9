"""The site's own stylesheets and scripts (mkdocs.yml extra_css and extra_javascript) reach the pages
as one file of each kind, stylesheets/site.css and javascripts/site.js, joined at every build.

Every page linked each file: six tags, about 0.2 KB of each of 10,000 record pages (2 MB), and four
requests more on a first visit. The sources stay apart in docs/, one concern each. Joined, they work
as before: a stylesheet's url() is relative to its folder, so only files of the bundle's own folder
are joined; each script is a self-contained function (tests/test_frame.py checks), so none sees
another's names; a module, a deferred or an async script keeps its own tag.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

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
