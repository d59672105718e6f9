"""Provenance: who said it, where, through which reports we know it, and where to read it.

Drawn top to bottom (it fits a phone's width): the claimants, the venue, each "reported via"
step (``Model.chain``), then the archived text or the original's URL. Every box is a link, and the
boxes are an HTML list (a fraction of the bytes of the same boxes drawn in SVG, and their own text).
Anonymous sources, and documents known only through another's report, have dashed outlines.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.core.html import esc
from tracker.model.records import Claim, Model, Source
from tracker.render.draw.svg import clip, num

BOX_W, BOX_H, GAP_X, GAP_Y = 250, 46, 16, 30


def _access(source: Source, seed_href: Callable[[Source], str]) -> tuple[str, str, str] | None:
    """(role, label, href) of where to read a source, best first: our archived text, an archived copy, the original."""
    if source.seed:
        return "Archived text", "Read the archived text", seed_href(source)
    if source.archived_url:
        return "Archived copy", clip(source.archived_url, 36), source.archived_url
    if source.url:
        return "Original", clip(source.url, 36), source.url
    return None


def layers_for(model: Model, record: Claim | Source, seed_href: Callable[[Source], str]) -> list[list[dict]]:
    """Nodes by depth. A node: key, role, label, href, classes, parents (keys one layer up)."""
    layers: list[list[dict]] = []
    placed: dict[str, dict] = {}

    def add(depth: int, key: str, role: str, label: str, href: str, classes: list[str], parents: list[str]) -> None:
        if key in placed:
            placed[key]["parents"] = sorted(set(placed[key]["parents"]) | set(parents))
            return
        while len(layers) <= depth:
            layers.append([])
        node = {"key": key, "role": role, "label": label, "href": href, "classes": classes, "parents": parents}
        layers[depth].append(node)
        placed[key] = node

    def actor_classes(aid: str) -> list[str]:
        return ["prov-anonymous"] if model.actors[aid].actor_kind == "anonymous" else []

    if isinstance(record, Claim):
        for aid in record.claimants:
            add(0, aid, "Claimant", model.actors[aid].name, "", actor_classes(aid), [])
        start, first_parents, depth0 = record.made_in, list(record.claimants), 1
    else:
        people = [*([record.outlet] if record.outlet else []), *record.authors]
        for aid in people:
            add(0, aid, "Outlet" if aid == record.outlet else "Author", model.actors[aid].name, "", actor_classes(aid), [])
        start, first_parents, depth0 = record.id, people, 1 if people else 0
    for path in model.chain(start):
        parents = first_parents
        for step, sid in enumerate(path):
            source = model.sources[sid]
            classes = [] if _access(source, seed_href) else ["prov-no-copy"]
            if sid == getattr(record, "id", None):
                classes.append("prov-current")
            role = ("Said in" if isinstance(record, Claim) else "This document") if step == 0 else "Reported via"
            add(depth0 + step, sid, role, source.title, "", classes, parents)
            parents = [sid]
        access = _access(model.sources[path[-1]], seed_href)
        if access:
            role, label, href = access
            add(depth0 + len(path), f"access:{path[-1]}", role, label, href, ["prov-access"], [path[-1]])
    return layers


NOTES = {"prov-anonymous": " (anonymous)", "prov-no-copy": " (known only through the report below it)"}
LABEL_CHARS = 38  # what a box shows of a label


def _label(node: dict) -> tuple[str, str]:
    """A node's words in full (its accessible name and tooltip) and the note they carry."""
    extra = "".join(NOTES.get(c, "") for c in node["classes"])
    return f"{node['role']}: {node['label']}{extra}", extra


def _node_html(node: dict, record_href: Callable[[str], str]) -> str:
    """One box: a link whose own words are its accessible name (the role in <small>, the label, any note;
    a note the box does not show is hidden from sight only), with a title (the tooltip) only where the
    box does not show all the words. Every link of the list is a box: no class says so again."""
    href = node["href"] or record_href(node["key"])
    full, extra = _label(node)
    role_extra = esc(extra) if "anonymous" in extra else ""
    hidden = f'<span class="prov-note">{esc(extra)}</span>' if extra and not role_extra else ""
    title = f' title="{esc(full)}"' if hidden or len(node["label"]) > LABEL_CHARS else ""
    classes = f' class="{" ".join(node["classes"])}"' if node["classes"] else ""
    return f'<a href="{esc(href)}"{classes}{title}><small>{esc(node["role"])}{role_extra}</small> {esc(node["label"])}{hidden}</a>'


def provenance_figure(model: Model, record: Claim | Source, *, record_href: Callable[[str], str], seed_href: Callable[[Source], str]) -> str:
    """The provenance diagram of a claim or a source, as a <figure> whose boxes are an ordered list of links,
    one item a layer, top to bottom: the list is its own text equivalent.

    The boxes are HTML laid out by docs/stylesheets/drawings.css. A straight chain (one box a layer)
    needs nothing more: its arrows are CSS too (`.prov-chain`). Where a layer has boxes side by side
    (`.prov-graph`) the rows are centred as they always were and the curves joining them are a
    small SVG of two paths behind the boxes, hidden from screen readers (the list says the order).
    The search index leaves the boxes out: their words are the page's own (claimants, documents, links)."""
    layers = layers_for(model, record, seed_href)
    if not layers:
        return ""
    label = 'aria-label="Where this comes from"'
    if all(len(layer) == 1 for layer in layers):
        items = "".join(f"<li>{_node_html(node, record_href)}</li>" for (node,) in layers)
        return f'<figure class="drawing prov-drawing" data-pagefind-ignore="all"><ol class="prov-chain" {label}>{items}</ol></figure>'
    per_row = max(len(layer) for layer in layers)
    width = per_row * BOX_W + (per_row - 1) * GAP_X + 8
    height = len(layers) * BOX_H + (len(layers) - 1) * GAP_Y + 8
    centres: dict[str, tuple[float, float]] = {}
    for depth, layer in enumerate(layers):
        row_w = len(layer) * BOX_W + (len(layer) - 1) * GAP_X
        x = (width - row_w) / 2
        for node in layer:
            centres[node["key"]] = (x + BOX_W / 2, 4 + depth * (BOX_H + GAP_Y))
            x += BOX_W + GAP_X
    edges, arrows = [], []
    for layer in layers:
        for node in layer:
            cx, top = centres[node["key"]]
            for parent in node["parents"]:
                px, ptop = centres[parent]
                y0, y1 = ptop + BOX_H, top - 2
                mid = (y0 + y1) / 2
                if px == cx:  # straight down
                    edges.append(f"M{num(px)},{num(y0)}V{num(y1 - 6)}")
                else:
                    edges.append(f"M{num(px)},{num(y0)}C{num(px)},{num(mid)} {num(cx)},{num(mid)} {num(cx)},{num(y1 - 6)}")
                arrows.append(f"M{num(cx)},{num(y1)}l-5-8h10z")
    lines = (
        f'<svg class="prov-edges" viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" aria-hidden="true">'
        f'<path class="prov-edge" d="{"".join(edges)}"/><path class="prov-arrow" d="{"".join(dict.fromkeys(arrows))}"/></svg>'
    )
    rows = "".join("<li>" + "".join(_node_html(node, record_href) for node in layer) + "</li>" for layer in layers)
    return f'<figure class="drawing prov-drawing" data-pagefind-ignore="all"><div class="drawing-scroll"><div class="prov-graph">{lines}<ol class="prov-layers" {label}>{rows}</ol></div></div></figure>'
