"""The story-first pages (#16) as Markdown/HTML: what each says, before any browser."""

from __future__ import annotations

import copy
import re

import markupsafe
import pytest

from conftest import STORY_DATA
from tracker.check.validate import validate
from tracker.core.html import first_sentence
from tracker.model import records as model_mod
from tracker.model import story as story_mod
from tracker.render.pages import all_pages, records
from tracker.render.pages.base import Links
from tracker.render.templating import macro


@pytest.fixture(scope="module")
def built():
    result = validate(STORY_DATA)
    assert result.ok
    model = model_mod.build(result.dataset)
    story = story_mod.from_dataset(result.dataset)
    return model, story, {p.path: p for p in all_pages(model, "Tracker", story=story)}


def test_titles_are_shortened_at_a_word_boundary():
    text = "Analysts said Iran wanted to avoid scrutiny of its missile stockpile and its regional proxies"
    short = first_sentence(text, 60)
    assert short == "Analysts said Iran wanted to avoid scrutiny of its missile…"
    assert len(short) <= 60 and text.startswith(short[:-1])
    assert first_sentence("a" * 80, 20) == "a" * 19 + "…"  # one word longer than the limit is cut


def test_home_page_leads_with_the_story(built):
    _, story, pages = built
    home = pages["index.md"].html
    assert home.index('class="story-lead"') < home.index('class="disputed-box"') < home.index('class="rests-on"') < home.index("Newest entries")
    assert home.count('class="lead-ref"') == sum(len(s.rests_on) for s in story.lead) and len(story.lead) <= 5
    assert "How many died in the protests?" in home and "When did Trump return to office?" not in home  # the article's slip is no dispute
    assert "The data rests on 1 document we hold (1 archived); 9 more are known only through it." in home
    assert "Latest events" not in home


def test_sources_index_separates_documents_we_hold(built):
    _, _, pages = built
    index = pages["sources/index.md"].html
    assert index.index("Documents we hold") < index.index("Known only through another document")
    assert "cited by 0" not in index and "records draw on it" in index


def test_claim_page_leads_with_the_evidence_and_puts_ids_at_the_foot(built):
    model, _, pages = built
    page = pages["claims/hrana-6854-protest-deaths.md"].html
    card = page.index('class="evidence-card')
    assert card < page.index("Context") and page.index('class="record-meta"') > page.index("Where it comes from")
    # one quote: its one citation is the excerpt in the evidence card, so no list of sources repeats it; one provenance: the drawing
    excerpt = str(markupsafe.escape(" ".join(model.claims["hrana-6854-protest-deaths"].citations[0].excerpt.split()[:6])))
    assert page.count(excerpt) == 1 and 'id="cite-1"' not in page and 'class="chain"' not in page
    assert "Said in" in page and "Venue" not in page
    assert page.count(model.claims["hrana-6854-protest-deaths"].rationale.split(":")[0]) == 1  # the rationale once
    assert "Rests on a single document" in page
    assert "Deaths in the protests: the figures given" in page and "<code>iran-protest-deaths</code>" not in page


def test_no_repeated_place_and_tags_by_name(built):
    model, story, _ = built
    event = copy.deepcopy(model.events["iran-protests"])
    event.location = {"name": "Iran", "country": "Iran"}
    page = records.event_page(model, event, None, story).html
    assert "Iran, Iran" not in page and "<dd>Iran</dd>" in page
    assert '<span class="tag" data-tag="protests">Protests</span>' in page


def test_ids_in_notes_become_named_links(built):
    model, _, _ = built
    links = Links(model, "events/trump-sworn-in.md")
    html = macro("notes")(links, "See trump-returned-to-office-january-2024 & the data/ folder; not-an-id stays.")
    assert "trump-returned-to-office-january-2024<" not in html and 'href="../../claims/trump-returned-to-office-january-2024/"' in html
    assert "&amp; the data/ folder; not-an-id stays." in html


def test_disputes_page_asks_the_question_and_puts_a_sources_slip_apart(built):
    _, _, pages = built
    page = pages["disputes.md"].html
    assert "<h2>How many died in the protests?</h2>" in page and "Dispute 1" not in page and "cannot all be true" not in page
    assert page.index("How many died") < page.index('id="within"') < page.index("When did Trump return to office?")
    assert page.index("Strictly, these figures are compatible:") < page.index("Why they are still shown as competing:")


def test_about_page_says_who_coverage_corrections_licence_and_citation(built):
    _, _, pages = built
    about = pages["about.md"].html
    assert [h.title for h in pages["about.md"].toc] == ["Who curates it", "How records are made", "Coverage", "Corrections", "Licence", "How to cite"]
    assert "CC BY 4.0" in about and "CITATION.cff" in about and "Share of its text quoted" in about


def test_a_date_line_shared_by_a_section_is_said_once_at_its_head(built):
    """The 2026 section's entries all say "Date not given; the article is probably from 2026 · in the order reported":
    once, at the section's head; the one entry placed otherwise (by what it followed) keeps its own line."""
    html = built[2]["timeline/index.md"].html
    section = html.split("2026: exact date not given</h3>")[1].split("</section>")[0]
    assert section.startswith(
        '<p class="tl-date tl-shared-date">Unless an entry says otherwise: <span class="date date-fuzzy" title="Date as recorded: 2026?">'
        'Date not given; the article is probably from 2026</span> <span class="tl-order">· in the order reported</span></p>'
    )
    assert section.count('<li class="tl-entry') == 35
    own = re.findall(r'<li class="tl-entry[^"]*" id="([^"]+)"><p class="tl-date">.*?</p>', section)
    assert own == ["event-trump-warns-supreme-leader"]
    assert section.count("the article is probably from 2026") == 2


def test_an_event_page_says_what_happened_before_why_this_date(built):
    model, _, pages = built
    dated = [e for e in model.events.values() if e.date_note]
    assert dated
    for event in dated:
        page = pages[f"events/{event.id}.md"]
        assert [h.title for h in page.toc][:2] == ["Summary", "Why this date"]
        assert page.html.index('id="summary"') < page.html.index('class="date-note"') and 'href="#why-this-date"' in page.html
