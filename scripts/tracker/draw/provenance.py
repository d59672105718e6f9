"""Provenance: who said it, where, through which reports we know it, and where to read it.

Drawn top to bottom (it fits a phone's width): the claimants, the venue, each "reported via"
step (``Model.chain``), then the archived text or the original's URL. Every box is a link.
Anonymous sources, and documents known only through another's report, have dashed outlines.
"""

from __future__ import annotations

from collections.abc import Callable

from ..html import esc
from ..model import Claim, Model, Source
from .svg import clip, num, svg_open

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


def provenance_svg(model: Model, record: Claim | Source, *, record_href: Callable[[str], str], seed_href: Callable[[Source], str], prefix: str = "prov") -> str:
    """The provenance diagram of a claim or a source, as a <figure>."""
    layers = layers_for(model, record, seed_href)
    if not layers:
        return ""
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
    edges, nodes = [], []
    for layer in layers:
        for node in layer:
            cx, top = centres[node["key"]]
            for parent in node["parents"]:
                px, ptop = centres[parent]
                y0, y1 = ptop + BOX_H, top - 2
                mid = (y0 + y1) / 2
                edges.append(f'<path class="prov-edge" d="M{num(px)},{num(y0)} C{num(px)},{num(mid)} {num(cx)},{num(mid)} {num(cx)},{num(y1 - 6)}"/>')
                edges.append(f'<polygon class="prov-arrow" points="{num(cx)},{num(y1)} {num(cx - 5)},{num(y1 - 8)} {num(cx + 5)},{num(y1 - 8)}"/>')
            href = node["href"] or record_href(node["key"])
            notes = {"prov-anonymous": " (anonymous)", "prov-no-copy": " (known only through the report below it)"}
            extra = "".join(notes.get(c, "") for c in node["classes"])
            label = f"{node['role']}: {node['label']}{extra}"
            nodes.append(
                f'<a href="{esc(href)}" class="prov-node {" ".join(node["classes"])}" aria-label="{esc(label)}"><title>{esc(label)}</title>'
                f'<rect x="{num(cx - BOX_W / 2)}" y="{num(top)}" width="{BOX_W}" height="{BOX_H}" rx="6"/>'
                f'<text class="prov-role" x="{num(cx - BOX_W / 2 + 10)}" y="{num(top + 16)}">{esc(node["role"])}{esc(extra[:12] if "anonymous" in extra else "")}</text>'
                f'<text x="{num(cx - BOX_W / 2 + 10)}" y="{num(top + 34)}">{esc(clip(node["label"], 38))}</text></a>'
            )
    kind = "claim" if isinstance(record, Claim) else "document"
    desc = f"How this {kind} reaches us, top to bottom: " + " → ".join(" / ".join(n["label"] for n in layer) for layer in layers) + "."
    svg = svg_open(prefix, width, height, "Where this comes from", desc, "prov-svg") + "".join(edges) + "".join(nodes) + "</svg>"
    return f'<figure class="drawing prov-drawing"><div class="drawing-scroll">{svg}</div></figure>'
