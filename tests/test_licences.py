"""The licences: the files exist and agree with what the site says (scripts/tracker/core/licences.py) and with CITATION.cff."""

from __future__ import annotations

import re

import yaml

from conftest import REPO
from tracker.core import licences

REPO_URL = "https://github.com/newstrace/iran-us-talks"
# The keys CFF 1.2.0 defines at the top level (https://github.com/citation-file-format/citation-file-format/blob/main/schema.json).
CFF_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers", "keywords", "license", "license-url", "message",
    "preferred-citation", "references", "repository", "repository-artifact", "repository-code", "title", "type", "url", "version",
}  # fmt: skip


def test_code_is_mit_and_data_cc_by_4():
    assert (REPO / "LICENSE").read_text("utf-8").startswith("MIT License\n\nCopyright (c) 2026 ")
    data = (REPO / "LICENSE-DATA.md").read_text("utf-8")
    assert "Creative Commons Attribution 4.0 International" in data and licences.DATA_LICENCE["path"] in data
    assert "quotations of third-party works, quoted for\nverification" in data and "copyright stays\nwith their publishers" in data


def test_readme_states_both_licences():
    readme = (REPO / "README.md").read_text("utf-8")
    for link in ("(LICENSE)", "(LICENSE-DATA.md)", "(CITATION.cff)"):
        assert link in readme
    assert "MIT" in readme and "CC BY 4.0" in readme and "copyright stays with their publishers" in readme


def test_citation_cff_is_cff_1_2_0_for_the_data_set():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    assert set(cff) <= CFF_KEYS, set(cff) - CFF_KEYS
    assert {"cff-version", "message", "title", "authors"} <= set(cff)
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["license"] == licences.DATA_LICENCE["name"]  # an SPDX id
    assert all(isinstance(a, dict) and (a.get("name") or a.get("family-names")) for a in cff["authors"])
    for key in ("url", "repository-code", "repository-artifact"):
        assert re.fullmatch(r"https://\S+", cff[key]), key
    assert cff["repository-code"] == REPO_URL


def test_what_the_site_says():
    assert licences.datapackage_licences() == [
        {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International", "path": "https://creativecommons.org/licenses/by/4.0/"}
    ]
    api = licences.api_licence(REPO_URL + "/")
    assert api["data"]["file"] == f"{REPO_URL}/blob/main/LICENSE-DATA.md" and api["code"]["name"] == "MIT"
    assert api["citation"] == f"{REPO_URL}/blob/main/CITATION.cff"
    footer = licences.footer_parts(REPO_URL)
    assert "".join(text for text, _ in footer) == "Data: CC BY 4.0 · Code: MIT · Excerpts are quoted from their publishers, who keep their copyright · "
    for _, link in footer:
        assert link is None or link.startswith("https://")
    assert licences.EXCERPTS_NOTE in licences.downloads_paragraphs()
