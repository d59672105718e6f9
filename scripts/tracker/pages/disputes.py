"""The disputes pages: every group of contradicting claims side by side, largest first."""

from __future__ import annotations

from collections import defaultdict

from ..html import esc
from ..model import Model
from ..paths import METHODOLOGY_PAGE, disputes_page_path
from .base import Links, Page, html_block, paginate
from .fragments import claim_card, figure_table


def contradiction_groups(model: Model) -> list[list[str]]:
    """Connected groups of claims joined by 'contradicts', each sorted, largest first."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for claim in model.claims.values():
        for link in claim.links:
            if link.type == "contradicts":
                neighbours[claim.id].add(link.claim)
                neighbours[link.claim].add(claim.id)
    seen: set[str] = set()
    groups = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        group, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node not in group:
                group.add(node)
                stack.extend(neighbours[node] - group)
        seen |= group
        groups.append(sorted(group))
    return sorted(groups, key=lambda g: (-len(g), g))


DISPUTES_PAGE_SIZE = 100  # groups per page: about 500 kB of side-by-side cards at most


def dispute_section(links: Links, model: Model, number: int, group: list[str]) -> str:
    claims = [model.claims[c] for c in group]
    events = sorted({e for c in claims for e in c.about})
    about = " · About: " + ", ".join(links.a(e) for e in events) if events else ""
    measures = sorted({q.measure for c in claims for q in c.quantities})
    tables = "".join(figure_table(links, m, prefix=f"d{number}-") for m in measures)
    return (
        f'<section class="dispute" id="dispute-{number}"><h2>Dispute {number}: {len(claims)} claims{about}</h2>'
        f'<div class="side-by-side">{"".join(claim_card(links, c) for c in claims)}</div>{tables}</section>'
    )


def disputes_pages(model: Model) -> list[Page]:
    """Every group of contradicting claims, largest first, numbered across pages of DISPUTES_PAGE_SIZE."""
    groups = contradiction_groups(model)
    chunks = paginate(groups, DISPUTES_PAGE_SIZE)
    pages = []
    for page_number, chunk in enumerate(chunks, start=1):
        here = disputes_page_path(page_number)
        links = Links(model, here)
        first = (page_number - 1) * DISPUTES_PAGE_SIZE + 1
        sections = "".join(dispute_section(links, model, first + i, group) for i, group in enumerate(chunk))
        intro = (
            f"<p>{len(groups)} groups of claims that cannot all be true as stated, each shown side by side with its "
            f'<a href="{esc(links.to(METHODOLOGY_PAGE, "assessment-scale"))}">assessment</a> and the reasons for it.</p>'
        )
        pager = ""
        if len(chunks) > 1:
            items = [
                f"<li><strong>{n}</strong></li>" if n == page_number else f'<li><a href="{esc(links.to(disputes_page_path(n)))}">{n}</a></li>'
                for n in range(1, len(chunks) + 1)
            ]
            shown = f"disputes {first:,}–{first + len(chunk) - 1:,}"
            pager = f'<nav class="pager" aria-label="Disputes pages"><p>Page {page_number} of {len(chunks)} ({shown}):</p><ol>{"".join(items)}</ol></nav>'
        md = html_block(
            '<h1 id="title">Disputes</h1>',
            intro,
            pager,
            sections or '<p class="empty">No contradicting claims in the data.</p>',
            cls="disputes-page",
        )
        title = "Disputes" if len(chunks) == 1 else f"Disputes ({page_number}/{len(chunks)})"
        pages.append(Page(here, title, f"{len(groups)} groups of contradicting claims, side by side.", md))
    return pages
