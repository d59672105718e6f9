"""The licences of the code and the data, said the same way everywhere they are stated.

The files are LICENSE (MIT, the code), LICENSE-DATA.md (CC BY 4.0, the data as curated here) and
CITATION.cff; the README states both. This module holds what the site says about them, for the
footer, the Downloads page, the API index and datapackage.json, so that the five places cannot
disagree. Text only: the pages escape it like any other text.
"""

from __future__ import annotations

from typing import Any

CODE_LICENCE = {"name": "MIT", "title": "MIT License", "path": "https://opensource.org/license/mit"}
DATA_LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International", "path": "https://creativecommons.org/licenses/by/4.0/"}

EXCERPTS_NOTE = "Excerpts are quotations of third-party works, quoted for verification; their copyright stays with their publishers, and the data licence does not cover them."
DATA_SENTENCE = "The data, as curated here, is licensed under Creative Commons Attribution 4.0 (CC BY 4.0): reuse it for any purpose, crediting the tracker."
CODE_SENTENCE = "The code is licensed under the MIT licence."


def repository_file(repo_url: str, name: str, branch: str = "main") -> str:
    """The address of a file of the repository on its host (LICENSE, LICENSE-DATA.md, CITATION.cff)."""
    return f"{repo_url.rstrip('/')}/blob/{branch}/{name}"


def footer_parts(repo_url: str) -> list[tuple[str, str | None]]:
    """The footer's licence line as (text, link or None) pieces, for the template to escape and join."""
    return [
        ("Data: ", None),
        ("CC BY 4.0", DATA_LICENCE["path"]),
        (" · Code: ", None),
        ("MIT", repository_file(repo_url, "LICENSE")),
        (" · Excerpts are quoted from their publishers, who keep their copyright · ", None),
    ]  # the footer's template ends the line with "How to cite", a link to the About page's section (a page of the site: the template makes its address)


def downloads_paragraphs() -> list[str]:
    """What the Downloads page says about reuse, one paragraph each (plain text)."""
    return [DATA_SENTENCE, EXCERPTS_NOTE, CODE_SENTENCE]


def api_licence(repo_url: str) -> dict[str, Any]:
    """The `license` member of api/v2/index.json."""
    return {
        "data": {**DATA_LICENCE, "file": repository_file(repo_url, "LICENSE-DATA.md")},
        "code": {**CODE_LICENCE, "file": repository_file(repo_url, "LICENSE")},
        "excerpts": EXCERPTS_NOTE,
        "citation": repository_file(repo_url, "CITATION.cff"),
    }


def datapackage_licences() -> list[dict[str, Any]]:
    """The `licenses` of datapackage.json (Frictionless Data Package: name, path, title)."""
    return [dict(DATA_LICENCE)]
