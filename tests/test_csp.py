"""The Content-Security-Policy (tracker/csp.py): on every page, before any script, allowing exactly the page's inline scripts."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from tracker.site import csp

POLICY_TAG = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_only_inline_javascript_is_hashed() -> None:
    page = (
        '<head><meta charset="utf-8"><script>var a = 1</script><script type="module">b()</script>'
        '<script type="application/ld+json">{"@type": "Event"}</script><script id="__config" type="application/json">{}</script>'
        '<script src="x.js"></script></head>'
    )
    hashes = csp.inline_script_hashes(page)
    assert len(hashes) == 2  # the classic and the module script; not the data blocks, not the file
    assert f"'sha256-{base64.b64encode(hashlib.sha256(b'var a = 1').digest()).decode()}'" in hashes


def test_the_policy_comes_right_after_the_charset() -> None:
    page = csp.add_policy('<html><head><meta charset="utf-8"><title>t</title><script>x()</script></head></html>')
    assert page.index("charset") < page.index("Content-Security-Policy") < page.index("<title>")
    policy = POLICY_TAG.search(page)[1]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy and "'unsafe-inline'" not in policy.split("; ")[1]


def test_every_page_of_the_site_has_one_policy_before_its_scripts(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 70
    for path in pages:
        page = path.read_text("utf-8")
        tags = POLICY_TAG.findall(page)
        assert len(tags) == 1, path
        assert page.index("Content-Security-Policy") < page.index("<script"), path
        script_src = next(d for d in tags[0].split("; ") if d.startswith("script-src "))
        assert script_src.split()[1:] == ["'self'", "'wasm-unsafe-eval'", *csp.inline_script_hashes(page)], path
