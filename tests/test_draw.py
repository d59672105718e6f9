"""The drawings: geometry from parsed date bounds, packing, the source reader, HTML datetimes, and
golden SVG for the seed data (UPDATE_GOLDEN=1 rewrites tests/golden/ after a deliberate change)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nh3
import pytest

from conftest import LIVE_DATA, REPO, STORY, STORY_DATA
from tracker.check.rulebook import normalise
from tracker.check.validate import validate
from tracker.cli import synth
from tracker.core import dates
from tracker.core.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize
from tracker.model import archived
from tracker.model import records as model_mod
from tracker.model import story as story_mod
from tracker.model.records import claim_date
from tracker.render import pages
from tracker.render.draw import figures, provenance, source_reader, storyline
from tracker.render.draw.datetime_attr import date_element, html_datetime
from tracker.render.draw.svg import HTML_TAGS, SVG_ATTRIBUTES, SVG_TAGS

GOLDEN = REPO / "tests" / "golden"


@pytest.fixture(scope="module")
def seed_model():
    result = validate(STORY_DATA)
    assert result.ok
    return model_mod.build(result.dataset)


@pytest.fixture(scope="module")
def seed_story():
    result = validate(STORY_DATA)
    assert result.ok
    return story_mod.from_dataset(result.dataset)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, "utf-8")
    assert path.exists(), f"no golden file {name}: run with UPDATE_GOLDEN=1 and review the diff"
    assert text == path.read_text("utf-8"), f"{name} differs from its golden file (UPDATE_GOLDEN=1 after a deliberate change)"


# ---------------------------------------------------------------- HTML datetime


@pytest.mark.parametrize(
    ("edtf", "expected"),
    [
        ("2025-01-20", "2025-01-20"),
        ("2025-06", "2025-06"),
        ("2025", "2025"),
        ("2025-XX", "2025"),
        ("2026?", None),
        ("2025-06~", None),
        ("2025-06?/2025-07?", None),
        ("2025-01-20/..", None),
        ("202X", None),
        ("19XX", None),
    ],
)
def test_html_datetime_is_valid_or_nothing(edtf, expected):
    assert html_datetime(dates.parse(edtf)) == expected


def test_date_element_keeps_edtf_in_its_tooltip():
    assert date_element(dates.parse("2026?"), "2026, uncertain") == '<span class="date" title="Date as recorded: 2026?">2026, uncertain</span>'
    # given exactly, the notation is the datetime itself: no tooltip to repeat it
    assert date_element(dates.parse("2025-01-20"), "20 January 2025") == '<time class="date" datetime="2025-01-20">20 January 2025</time>'
    assert date_element(dates.parse("2025-XX"), "2025") == '<time class="date" title="Date as recorded: 2025-XX" datetime="2025">2025</time>'


# ---------------------------------------------------------------- the story line


def story_stops(model, entries=None):
    entries = entries if entries is not None else pages.timeline.timeline_entries(model)
    return pages.drawings.stops(model, entries, lambda e: "#" + storyline.entry_anchor(e.kind, e.record.id))


def test_the_drawing_reads_in_the_list_order(seed_model):
    """One chronology: the drawing's links, in reading order, are the list's entries in the list's order."""
    entries = pages.timeline.timeline_entries(seed_model)
    html = storyline.storyline_html(story_stops(seed_model))
    drawn = re.findall(r'<a (?:class="tl-dot" )?href="#([^"]+)" id="tlm-\1"', html)
    assert drawn == [storyline.entry_anchor(e.kind, e.record.id) for e in entries]
    # the drone was shot down before Trump's warning, as the article says and the list shows
    assert drawn.index("event-us-jet-shoots-down-iranian-drone") < drawn.index("event-trump-warns-supreme-leader")


def test_a_shared_span_is_said_once_with_its_entries_in_order(seed_model):
    stops = story_stops(seed_model)
    assert [(s.when, len(s.items), s.spread) for s in stops] == [
        ("January 2025", 2, False),
        ("June 2025", 6, False),
        ("probably 2026, exact dates not given", 35, True),
    ]
    html = storyline.storyline_html(stops)
    assert html.count("probably 2026") == 3  # the summary (twice) and the stop's head; never once per entry
    assert ">probably 2026, exact dates not given</a>: 35 entries, in the order reported</p>" in html
    # the relations that fixed an order are visible
    warning = next(i for i in stops[2].items if i.anchor == "event-trump-warns-supreme-leader")
    assert warning.after == ("U.S. fighter jet shot down an Iranian drone near the USS Abraham Lincoln",)
    sanctions = next(i for i in stops[0].items if i.anchor == "event-us-sanctions-on-iran-reinstated")
    assert sanctions.after and sanctions.when == "from probably 20 January 2025"  # drawn where its relation puts it


def test_the_band_counts_each_entry_once_and_never_spreads_a_year(seed_model):
    stops = story_stops(seed_model)
    band = storyline.band_html(stops, caption="c")
    counts = re.findall(r'<span class="tl-band-when">([^<]+)</span> <span class="tl-band-count">([\d,]+) entr', band)
    assert counts == [("January 2025", "2"), ("June 2025", "6"), ("probably 2026, exact dates not given", "35")]
    assert sum(int(n) for _, n in counts) == len(pages.timeline.timeline_entries(seed_model))
    assert "2026-01" not in band and "January 2026" not in band  # no month of 2026 as if entries were dated to it
    assert re.findall(r'href="([^"]*)"', band) == ["#event-trump-sworn-in", "#event-israel-bombing-campaign-june-2025", "#event-talks-reach-impasse"]
    assert band.count("tl-band-spread") == 1


def drawn_in_list_order(data: Path) -> None:
    result = validate(data)
    assert result.ok, result.problems[:3]
    model = model_mod.build(result.dataset)
    entries = pages.timeline.timeline_entries(model)
    html = storyline.storyline_html(story_stops(model, entries))
    drawn = re.findall(r'<a (?:class="tl-dot" )?href="#([^"]+)" id="tlm-\1"', html)
    assert drawn == [storyline.entry_anchor(e.kind, e.record.id) for e in entries]
    band = storyline.band_html(story_stops(model, entries), caption="c")
    counts = [int(n.replace(",", "")) for n in re.findall(r'<span class="tl-band-count">([\d,]+) entr', band)]
    assert sum(counts) == len(entries)  # every entry counted once, in one part


def test_the_drawing_follows_synthetic_data_in_the_list_order(tmp_path):
    """On generated data (relations, claims, inexact dates), the drawing's order is still the list's."""
    synth.write(300, tmp_path / "data", seed=0)
    drawn_in_list_order(tmp_path / "data")


def test_the_drawing_follows_the_live_data_in_the_list_order():
    """What holds for any valid data: the drawing reads in the list's order and the band counts every entry once."""
    drawn_in_list_order(LIVE_DATA)


def test_drawing_text_is_escaped():
    item = storyline.Item("event-x", "#event-x", "event", "<script>alert(1)</script>", "", ("<b>",))
    html = storyline.storyline_html([storyline.Stop("<i>2026</i>", True, True, (item,), "#event-x")])
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html and "&lt;script&gt;" in html


# ---------------------------------------------------------------- source reader


def test_normalised_map_matches_the_rule(seed_model):
    raw = (REPO / seed_model.sources["seed-article"].seed).read_text("utf-8")
    flat, where = archived.normalised_with_map(raw)
    assert flat == normalise(raw)
    assert len(where) == len(flat)


def test_every_excerpt_is_highlighted_with_its_citers(seed_model):
    source = seed_model.sources["seed-article"]
    raw = (REPO / source.seed).read_text("utf-8")
    cited = archived.citations_of(seed_model, source)
    html = source_reader.reader_html(seed_model, source, raw, lambda r: f"/{r}/", lambda r: r)
    anchors = archived.excerpt_anchors(seed_model, source, raw)
    assert set(anchors) == set(cited)  # every cited excerpt is found in the archived text
    for anchor in anchors.values():
        assert f'id="{anchor}"' in html
    for excerpt, citers in cited.items():
        for rid in citers:
            assert f'href="/{rid}/"' in html, (excerpt, rid)
    assert "Cited but not found" not in html


def test_reader_escapes_and_marks_uncited(seed_model):
    source = seed_model.sources["seed-article"]
    raw = "<b>Not cited</b> at all.\n\nTwo sources familiar with the discussions told the Daily Mail that more."
    html = source_reader.reader_html(seed_model, source, raw, lambda r: r, lambda r: r)
    assert "&lt;b&gt;Not cited&lt;/b&gt;" in html and "<b>" not in html
    assert '<p class="reader-p reader-uncited"><span class="uncited">' in html
    share = archived.cited_share(raw, [e for e in archived.locate(raw, archived.citations_of(seed_model, source)) if e.start >= 0])
    assert 0 < share < 1


# ---------------------------------------------------------------- golden SVG for the seed data


def test_golden_storyline(seed_model):
    stops = story_stops(seed_model)
    html = storyline.storyline_html(stops)
    check_golden("storyline.html", html + "\n")
    check_golden("storyline-band.html", storyline.band_html(stops, caption=storyline.BAND_CAPTION) + "\n")
    assert sanitize(html) == html.replace("&#x27;", "'")  # the site's sanitizer keeps all of it (writing ' as is)


def test_golden_figures(seed_model):
    svg = figures.figures_svg(
        seed_model,
        "iran-protest-deaths",
        record_href=lambda c: f"../{c}/",
        claim_date=lambda c: claim_date(seed_model, seed_model.claims[c])[0],
        highlight="hrana-6854-protest-deaths",
    )
    assert "more than 3,000 people" in svg and "an estimated 6,854 people" in svg and "fig-current" in svg
    check_golden("figures-iran-protest-deaths.svg.html", svg + "\n")


def test_golden_provenance(seed_model):
    html = provenance.provenance_figure(
        seed_model, seed_model.claims["source-one-take-it-or-leave-it"], record_href=lambda r: f"../{r}/", seed_href=lambda s: "../../seeds/"
    )
    assert "prov-anonymous" in html
    check_golden("provenance-source-one-take-it-or-leave-it.html", html + "\n")


def test_provenance_chain_is_a_list_of_links(seed_model):
    """One box a layer: an ordered list whose links carry every word the drawing gave, in the reading order."""
    html = provenance.provenance_figure(
        seed_model, seed_model.claims["source-one-take-it-or-leave-it"], record_href=lambda r: f"../{r}/", seed_href=lambda s: "../../seeds/"
    )
    assert "<svg" not in html and '<ol class="prov-chain" aria-label="Where this comes from">' in html
    links = re.findall(r'<li><a href="([^"]+)"', html)
    assert links == ["../daily-mail-source-one/", "../daily-mail-report/", "../seed-article/", "../../seeds/"]
    # the note of a document we hold no copy of is in the link's text (hidden from sight, as in the drawing), and its tooltip
    assert '<span class="prov-note"> (known only through the report below it)</span></a>' in html
    assert 'title="Said in: Daily Mail report citing two sources familiar with the discussions (known only through the report below it)"' in html
    assert '<a href="../../seeds/" class="prov-access"><small>Archived text</small> Read the archived text</a>' in html  # short: no tooltip


def test_golden_provenance_branching(seed_model):
    """Two people at the top: boxes side by side, each a link named by its own words, over the curves
    joining them (one SVG of two paths, hidden from screen readers: the list gives the order)."""
    html = provenance.provenance_figure(
        seed_model, seed_model.sources["araghchi-cnn-interview"], record_href=lambda r: f"../{r}/", seed_href=lambda s: "../../seeds/"
    )
    assert '<ol class="prov-layers" aria-label="Where this comes from">' in html and html.count("<li>") == 4  # a layer an item
    assert html.count('<a href="') == 5 and "<title>" not in html and " aria-label=" not in html.split("<ol")[0]
    assert html.count("<svg") == 1 and 'aria-hidden="true"' in html and html.count("<path") == 2  # every edge in one path
    assert '<li><a href="../cnn/"><small>Outlet</small> CNN</a><a href="../abbas-araghchi/"' in html
    check_golden("provenance-araghchi-cnn-interview.html", html + "\n")


def test_golden_reader(seed_model):
    source = seed_model.sources["seed-article"]
    raw = (REPO / source.seed).read_text("utf-8")
    check_golden("reader-seed-article.html", source_reader.reader_html(seed_model, source, raw, lambda r: f"../{r}/", lambda r: r) + "\n")


@pytest.mark.parametrize(
    "hostile",
    [
        '<svg onload="alert(1)"><script>alert(1)</script><rect x="1"/></svg>',
        '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
        '<svg><foreignObject><img src="x" onerror="alert(1)"></foreignObject></svg>',
        '<svg><rect style="fill:url(https://evil.example/)" onclick="alert(1)"/><animate attributeName="href" to="javascript:alert(1)"/></svg>',
        '<svg><use href="https://evil.example/x.svg#a"/><image href="x.png"/></svg>',
        '<mark onmouseover="alert(1)" style="color:red">x</mark>',
    ],
)
def test_svg_in_the_allowlist_cannot_inject(hostile):
    """With SVG allowed, scripts, handlers, styles, script URLs and external references still go."""
    cleaned = sanitize(hostile).lower()
    for bad in (
        "script",
        "onload",
        "onerror",
        "onclick",
        "onmouseover",
        "javascript:",
        "style=",
        "foreignobject",
        "<img",
        "<animate",
        "<use",
        "<image",
        "evil",
    ):
        assert bad not in cleaned, (bad, cleaned)


def test_every_drawing_survives_the_extended_allowlist(seed_model):
    """What the page layer's sanitizer needs: html.ALLOWED_* plus svg.SVG_TAGS, HTML_TAGS and SVG_ATTRIBUTES."""
    source = seed_model.sources["seed-article"]
    drawings = [
        storyline.storyline_html(story_stops(seed_model)),
        storyline.band_html(story_stops(seed_model), caption="The band"),
        figures.figures_svg(seed_model, "iran-protest-deaths", record_href=lambda c: f"../{c}/"),
        provenance.provenance_figure(seed_model, source, record_href=lambda r: f"../{r}/", seed_href=lambda s: "../seed/"),
        source_reader.reader_html(seed_model, source, (REPO / source.seed).read_text("utf-8"), lambda r: f"../{r}/", lambda r: r),
    ]
    attrs = {k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()}
    attrs["*"] |= SVG_ATTRIBUTES
    for markup in drawings:
        cleaned = nh3.clean(markup, tags=ALLOWED_TAGS | SVG_TAGS | HTML_TAGS, attributes=attrs, generic_attribute_prefixes={"data-"}, link_rel=None)
        tags = sorted(set(re.findall(r"<([a-zA-Z]+)", markup)))
        for tag in tags:
            assert cleaned.count(f"<{tag}") == markup.count(f"<{tag}"), tag
        assert sorted(set(re.findall(r' ([a-zA-Z:-]+)="', cleaned))) == sorted(set(re.findall(r' ([a-zA-Z:-]+)="', markup)))


# ---------------------------------------------------------------- on the pages


def test_pages_carry_the_drawings_and_link_to_highlights(seed_model, seed_story):
    # with the story: its question makes the death tolls, which differ, a dispute with a drawing
    built = {p.path: p.html for p in pages.all_pages(seed_model, "Tracker", story=seed_story)}
    timeline_md = built["timeline/index.md"]
    entries = pages.timeline.timeline_entries(seed_model)
    assert timeline_md.count('id="tlm-') == len(entries) == timeline_md.count('class="tl-to-mark"')
    assert timeline_md.index("tl-drawing") < timeline_md.index('class="timeline"')  # above the list
    assert "../sources/seed-article/text/#excerpt-" in timeline_md  # source links land on the highlight
    claim = built["claims/hrana-6854-protest-deaths.md"]
    # this claim's provenance is one straight chain: a list of linked boxes, no drawing needed
    assert "prov-chain" in claim and "<svg" not in claim.split("prov-chain")[1].split("</figure>")[0]
    assert claim.count("fig-svg") == 1 and claim.index("fig-svg") < claim.index("figure-table")
    anchors = archived.excerpt_anchors(seed_model, seed_model.sources["seed-article"], (STORY / "seeds" / "000_339a995688291f73.txt").read_text("utf-8"))
    excerpt = seed_model.claims["hrana-6854-protest-deaths"].citations[0].excerpt
    assert f'href="../../sources/seed-article/text/#{anchors[excerpt]}"' in claim
    assert (
        "prov-chain" in built["sources/seed-article.md"]
        and "prov-graph" in built["sources/araghchi-cnn-interview.md"]
        and "tl-band" in built["actors/hrana.md"]
        and "tl-band" in built["index.md"]
    )
    assert "fig-svg" in built["disputes.md"]
    reader = built["sources/seed-article/text.md"]
    assert reader.count('<mark class="excerpt"') >= 1 and "reader-share" in reader and 'href="../../../seeds/000_339a995688291f73.txt" download' in reader
