"""A Content-Security-Policy for every page, as a <meta> tag (GitHub Pages cannot send headers).

Escaping and nh3 keep markup from data/ out of the pages; the policy is the layer behind them:
should anything slip through, the browser runs no script but the site's own files, fires no
inline event handler and loads nothing from another host. The theme's inline scripts are a file
(docs/javascripts/frame.js), so pages carry none; should a page carry one again, it is allowed by
its SHA-256 and nothing else is.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_script_hashes(page_html: str) -> list[str]:
    """CSP source expressions for the page's inline JavaScript (data blocks such as JSON-LD are never run)."""
    hashes = set()
    for match in INLINE_SCRIPT.finditer(page_html):
        attrs = match["attrs"]
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        script_type = SCRIPT_TYPE.search(attrs)
        if (script_type[1].lower() if script_type else "") not in JAVASCRIPT_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode("ascii")
        hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def policy(page_html: str, *, live_preview: bool = False) -> str:
    """The page's policy. The live preview (`mkdocs serve`) injects its reload script inline into
    every response, different each time, so there inline scripts are allowed instead of hashed."""
    # 'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly; it allows no eval() of JavaScript.
    scripts = "'self' 'wasm-unsafe-eval' 'unsafe-inline'" if live_preview else " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(page_html)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",  # the theme sets styles from its scripts; no data reaches a style
            "img-src 'self' data:",  # the theme's icons are data: SVGs
            # No font-src, connect-src (the search index, pagefind/) or worker-src (Pagefind's worker):
            # they fall back to default-src 'self' (worker-src through script-src), which says the
            # same, and every page would carry the 56 bytes.
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)


def add_policy(page_html: str, *, live_preview: bool = False) -> str:
    """The page with its policy as the first thing after <meta charset> (a policy applies to what follows it)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html, live_preview=live_preview)}">'
    charset = CHARSET.search(page_html)
    if charset:
        return page_html[: charset.end()] + "\n" + tag + page_html[charset.end() :]
    return page_html.replace("<head>", "<head>\n" + tag, 1)
