"""The drawings: geometry from parsed date bounds, packing, the source reader, HTML datetimes, and
golden SVG for the seed data (UPDATE_GOLDEN=1 rewrites tests/golden/ after a deliberate change)."""

from __future__ import annotations

import os
import re
from datetime import date

import nh3
import pytest

from conftest import REPO, STORY, STORY_DATA
from tracker.check.rulebook import normalise
from tracker.check.validate import validate
from tracker.core import dates
from tracker.core.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize
from tracker.model import archived
from tracker.model import records as model_mod
from tracker.model.records import claim_date
from tracker.render import pages
from tracker.render.draw import figures, provenance, source_reader, timeline
from tracker.render.draw.datetime_attr import date_element, html_datetime
from tracker.render.draw.svg import HTML_TAGS, SVG_ATTRIBUTES, SVG_TAGS

GOLDEN = REPO / "tests" / "golden"


@pytest.fixture(scope="module")
def seed_model():
    result = validate(STORY_DATA)
    assert result.ok
    return model_mod.build(result.dataset)


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


# ---------------------------------------------------------------- timeline geometry


def test_extents_match_parsed_bounds():
    scale = timeline.Scale(date(2025, 1, 1), date(2027, 1, 1), 0, 730)  # one unit per day
    month = timeline.extent(scale, dates.parse("2025-06?"))
    assert (month.x0, month.x1, month.point) == (151, 181, False)  # 1 June to the end of 30 June
    interval = timeline.extent(scale, dates.parse("2025-06?/2025-07?"))
    assert (interval.x0, interval.x1) == (151, 212)
    day = timeline.extent(scale, dates.parse("2025-01-20"))
    assert day.point and day.x0 == 19.5
    open_end = timeline.extent(scale, dates.parse("2025-01-20/.."))
    assert (open_end.x0, open_end.x1) == (19, 730)
    unknown_start = timeline.extent(scale, dates.parse("/2025-03"))
    assert (unknown_start.x0, unknown_start.x1) == (0, 90)


def test_qualifiers_named():
    assert timeline.qualifiers(dates.parse("2025-06?/2025-07?")) == {"uncertain"}
    assert timeline.qualifiers(dates.parse("2025~/..")) == {"approximate", "open-end"}
    assert timeline.qualifiers(dates.parse("2025-06%")) == {"uncertain", "approximate"}
    assert timeline.qualifiers(dates.parse("2025-06")) == set()


def test_packing_never_overlaps():
    items = [(0, 100, 0), (50, 150, 0), (90, 95, 0), (101, 200, 0), (0, 100, 0)]
    rows = [r for r, _ in timeline.pack(items, max_rows=2)]
    for i, (a, b, _) in enumerate(items):
        for j, (c, d, _) in enumerate(items[:i]):
            if rows[i] == rows[j]:
                assert b <= c or a >= d, (i, j)


def test_one_mark_per_entry_spanning_its_bounds(seed_model):
    entries = pages.timeline.timeline_entries(seed_model)
    svg = timeline.timeline_svg(timeline.marks_from_entries(entries))
    marks = re.findall(r'<a href="#([^"]+)" id="tlm-\1"', svg)
    assert sorted(marks) == sorted(f"{e.kind}-{e.record.id}" for e in entries)
    # the swearing-in is a dot (one day, marked uncertain since the audit); the June 2025 events are dashed bars
    assert re.search(r'id="tlm-event-trump-sworn-in" class="tl-mark tl-event tl-uncertain"[^>]*>.*?<circle', svg)
    assert 'id="tlm-event-israel-bombing-campaign-june-2025" class="tl-mark tl-event tl-uncertain"' in svg


def test_density_band_above_threshold_spreads_inexact_entries(seed_model):
    marks = timeline.marks_from_entries(pages.timeline.timeline_entries(seed_model))
    svg = timeline.timeline_svg(marks, threshold=5, month_href=lambda y, m: f"../{y}/{m:02d}/")
    assert "tl-mark" not in svg and 'href="../2025/06/"' in svg
    lo, hi = timeline.domain([m.date for m in marks])
    weights = timeline.month_weights(marks, lo, hi)
    assert round(sum(a + b for a, b in weights.values()), 6) == len(marks)  # every entry counted once in all
    sworn_in = [m for m in marks if m.entry_id == "event-trump-sworn-in"]
    assert sum(timeline.month_weights(sworn_in, lo, hi)[(2025, 1)]) == 1  # one day: all its weight in one month


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


def test_golden_timeline(seed_model):
    marks = timeline.marks_from_entries(pages.timeline.timeline_entries(seed_model))
    check_golden("timeline.svg.html", timeline.timeline_svg(marks) + "\n")
    check_golden("timeline-compact.svg.html", timeline.timeline_svg(marks, compact=True, width=640, prefix="tlc") + "\n")


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


def test_drawings_survive_the_sanitizer_with_svg_allowed(seed_model):
    """The page layer must add svg.SVG_TAGS/SVG_ATTRIBUTES to html.sanitize's allowlist; with them nothing is lost."""
    marks = timeline.marks_from_entries(pages.timeline.timeline_entries(seed_model))
    svg = timeline.timeline_svg(marks)
    attrs = {k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()}
    attrs["*"] |= SVG_ATTRIBUTES
    cleaned = nh3.clean(svg, tags=ALLOWED_TAGS | SVG_TAGS, attributes=attrs, generic_attribute_prefixes={"data-"}, link_rel=None, strip_comments=True)
    assert cleaned.count("<a ") == svg.count("<a ") and cleaned.count("<rect") == svg.count("<rect") and "mask=" in cleaned
    assert "<clipPath" in cleaned and "clip-path=" in cleaned and "data-row-height=" in cleaned and "viewBox=" in cleaned
    # the site's sanitizer lets the drawings through unchanged, and closes their empty shapes by "/>" again
    closed = re.sub(r"<(path|rect|circle|line|polygon|stop)\b([^<>]*)></\1>", r"<\1\2/>", cleaned)
    assert "></rect>" in cleaned and "></rect>" not in closed and sanitize(svg) == closed


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


def test_compact_variant_counts_when_too_many_entries_overlap(seed_model):
    entries = pages.timeline.timeline_entries(seed_model)
    marks = timeline.marks_from_entries(entries)
    # the seed's 2026 entries overlap more than a glance can take: the home page gets the band
    assert "tl-density-band" in timeline.timeline_svg(marks, compact=True, width=640, prefix="tlc")
    hrana = [m for m in marks if "hrana" in m.actors]  # an actor page: a few marks, drawn one by one
    svg = timeline.timeline_svg(hrana, compact=True, width=640, prefix="tlc")
    assert "tl-density-band" not in svg and svg.count('class="tl-mark') == len(hrana) == 2


def test_every_drawing_survives_the_extended_allowlist(seed_model):
    """What the page layer's sanitizer needs: html.ALLOWED_* plus svg.SVG_TAGS, HTML_TAGS and SVG_ATTRIBUTES."""
    source = seed_model.sources["seed-article"]
    drawings = [
        timeline.timeline_svg(timeline.marks_from_entries(pages.timeline.timeline_entries(seed_model)), threshold=5, month_href=lambda y, m: f"../{y}/{m}/"),
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


def test_pages_carry_the_drawings_and_link_to_highlights(seed_model):
    built = {p.path: p.html for p in pages.all_pages(seed_model, "Tracker")}
    timeline_md = built["timeline/index.md"]
    entries = pages.timeline.timeline_entries(seed_model)
    assert timeline_md.count('class="tl-mark') == len(entries) == timeline_md.count('class="tl-to-mark"')
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
        and "tl-compact" in built["actors/hrana.md"]
        and "tl-svg" in built["index.md"]
    )
    assert "fig-svg" in built["disputes.md"]
    reader = built["sources/seed-article/text.md"]
    assert reader.count('<mark class="excerpt"') >= 1 and "reader-share" in reader and 'href="../../../seeds/000_339a995688291f73.txt" download' in reader
