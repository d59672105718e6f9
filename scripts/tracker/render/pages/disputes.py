"""The disputes pages: each dispute between accounts as the question it asks, figures first; a source's own inconsistencies apart."""

from __future__ import annotations

from tracker.check import contradictions
from tracker.core.html import esc
from tracker.model import disputes as disputes_logic
from tracker.model.paths import METHODOLOGY_PAGE, disputes_page_path
from tracker.model.records import Model
from tracker.model.story import Story, measure_name
from tracker.render.pages.base import Links, Page, html_block, paginate
from tracker.render.pages.fragments import claim_card, figure_table


def contradiction_groups(model: Model) -> list[list[str]]:
    """Connected groups of claims joined by 'contradicts', each sorted, largest first."""
    return contradictions.contradiction_groups(disputes_logic.model_links(model))


DISPUTES_PAGE_SIZE = 100  # groups per page: about 500 kB of side-by-side cards at most


def dispute_section(links: Links, model: Model, number: int, dispute: disputes_logic.Dispute, story: Story, anchor: str = "dispute") -> str:
    """The question as the heading, the figures side by side, a word on compatible figures, then the claims."""
    claims = [model.claims[c] for c in dispute.claims]
    events = sorted({e for c in claims for e in c.about})
    question = dispute.question or "What is disputed?"
    lines = "".join(f'<p class="dispute-figures">{esc(disputes_logic.figures_line(model, dispute, m))}</p>' for m in dispute.measures)
    compatible = ""
    if dispute.compatible:
        quantities = [q for c in claims for q in c.quantities if q.measure in dispute.compatible]
        why = dispute.why_competing or "The claims are linked as contradicting because the sources present them as different answers."
        compatible = (
            f'<p class="dispute-compatible"><strong>Strictly, these figures are compatible:</strong> {esc(disputes_logic.compatibility_words(quantities))} '
            f"<strong>Why they are still shown as competing:</strong> {esc(why)}</p>"
        )
    about = '<p class="dispute-about">About: ' + ", ".join(links.a(e) for e in events) + "</p>" if events else ""
    tables = "".join(figure_table(links, m, name=measure_name(story, m), prefix=f"d{number}-") for m in dispute.measures)
    return (
        f'<section class="dispute" id="{anchor}-{number}"><h2>{esc(question)}</h2>{lines}{compatible}{about}'
        f'<div class="side-by-side">{"".join(claim_card(links, c) for c in claims)}</div>{tables}</section>'
    )


def within_section(links: Links, model: Model, number: int, dispute: disputes_logic.Dispute) -> str:
    """A source contradicting itself: not a dispute between accounts, so no question and no verdict between them."""
    claims = [model.claims[c] for c in dispute.claims]
    heading = f"Inside {model.sources[dispute.within].title}" if dispute.within else "Inside one source"
    question = f'<p class="dispute-question">{esc(dispute.question)}</p>' if dispute.question else ""
    return (
        f'<section class="inconsistency" id="inconsistency-{number}"><h3>{esc(heading)}</h3>{question}'
        f'<div class="side-by-side">{"".join(claim_card(links, c) for c in claims)}</div></section>'
    )


def disputes_pages(model: Model, story: Story | None = None) -> list[Page]:
    """Every dispute between accounts, largest first, numbered across pages of DISPUTES_PAGE_SIZE; a source's own inconsistencies on the first page."""
    story = story or Story()
    between, within = disputes_logic.disputes(model, story.story_data, story.vocabulary_data)
    chunks = paginate(between, DISPUTES_PAGE_SIZE)
    pages = []
    for page_number, chunk in enumerate(chunks, start=1):
        here = disputes_page_path(page_number)
        links = Links(model, here)
        first = (page_number - 1) * DISPUTES_PAGE_SIZE + 1
        sections = "".join(dispute_section(links, model, first + i, d, story) for i, d in enumerate(chunk))
        noun = "question" if len(between) == 1 else "questions"
        intro = (
            f"<p>{len(between)} {noun} on which the accounts in our data disagree, each with the answers side by side, their "
            f'<a href="{esc(links.to(METHODOLOGY_PAGE, "assessment-scale"))}">assessment</a> and the reasons for it. '
            "Where a single source contradicts itself, that is listed apart: it is a slip or an inconsistency inside one account, not a dispute between accounts.</p>"
        )
        pager = ""
        if len(chunks) > 1:
            items = [
                f"<li><strong>{n}</strong></li>" if n == page_number else f'<li><a href="{esc(links.to(disputes_page_path(n)))}">{n}</a></li>'
                for n in range(1, len(chunks) + 1)
            ]
            shown = f"disputes {first:,}–{first + len(chunk) - 1:,}"
            pager = f'<nav class="pager" aria-label="Disputes pages"><p>Page {page_number} of {len(chunks)} ({shown}):</p><ol>{"".join(items)}</ol></nav>'
        inside = ""
        if page_number == 1:
            inside = '<h2 id="within">Where a source contradicts itself</h2>' + (
                "".join(within_section(links, model, n, d) for n, d in enumerate(within, start=1)) or '<p class="empty">None found.</p>'
            )
        md = html_block(
            '<h1 id="title">Disputes</h1>',
            intro,
            pager,
            sections or '<p class="empty">No disputes between accounts in the data.</p>',
            inside,
            cls="disputes-page",
        )
        title = "Disputes" if len(chunks) == 1 else f"Disputes ({page_number}/{len(chunks)})"
        pages.append(Page(here, title, f"{len(between)} {noun} on which accounts disagree, side by side.", md))
    return pages
