"""The archived texts in seeds/, as archived (not normalised), and where each cited excerpt sits in them.

The page layer reads no files: it asks here. A text is read again only when its file changed
(the live preview), and the excerpt anchors are worked out once per model and source, because
every footnote citing an archived text links to its highlighted excerpt.
"""

from __future__ import annotations

from .dataset import REPO_ROOT
from .draw.source_reader import excerpt_anchors
from .model import Model, Source

_TEXTS: dict[str, tuple[tuple[int, int], str]] = {}
_ANCHORS: list = [None, {}]  # [the model they were worked out for, {source id: {excerpt: anchor}}]


def raw_text(relative: str) -> str | None:
    """The archived text at a seeds/ path as archived, or None when it is not a plain file in seeds/."""
    path = REPO_ROOT / relative
    try:
        resolved = path.resolve(strict=True)
        stat = resolved.stat()
    except OSError:
        return None
    if path.is_symlink() or not resolved.is_relative_to(REPO_ROOT / "seeds") or not resolved.is_file():
        return None
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _TEXTS.get(relative)
    if cached is None or cached[0] != key:
        cached = _TEXTS[relative] = (key, resolved.read_text("utf-8", errors="replace"))
    return cached[1]


def anchors(model: Model, source: Source) -> dict[str, str]:
    """Excerpt as cited → ``excerpt-N`` on the source's reader page ({} when it has no archived text)."""
    if _ANCHORS[0] is not model:
        _ANCHORS[0], _ANCHORS[1] = model, {}
    found = _ANCHORS[1].get(source.id)
    if found is None:
        raw = raw_text(source.seed) if source.seed else None
        found = _ANCHORS[1][source.id] = excerpt_anchors(model, source, raw) if raw is not None else {}
    return found
