"""The page templates (scripts/tracker/render/templates/, rendered by scripts/tracker/render/templating.py):
autoescape, undefined names, the layout rule, the table of contents, and no knowledge of the theme."""

from __future__ import annotations

import re

import pytest
from jinja2 import TemplateSyntaxError, UndefinedError
from markupsafe import Markup

from conftest import REPO
from tracker.render import templating
from tracker.site.generated import table_of_contents

TEMPLATES = REPO / "scripts" / "tracker" / "render" / "templates"


def render(source: str, **values: object) -> str:
    """A template of the project's environment, rendered as a page is (blank lines dropped)."""
    return templating.blocks(templating.ENV.from_string(source).render(values, outline=templating.Outline()))


def test_values_are_escaped_and_only_markup_passes_as_html():
    hostile = "<script>alert(1)</script> & \"quoted\" 'single'"
    html = render('<p title="{{ text }}">{{ text }}</p>{{ drawing }}', text=hostile, drawing=Markup("<svg></svg>"))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&#34;quoted&#34;" in html
    assert html.endswith("<svg></svg>")


def test_template_syntax_in_a_value_is_text():
    assert render("<p>{{ text }}</p>", text="{{ 7 * 7 }} {% if true %}x{% endif %}") == "<p>{{ 7 * 7 }} {% if true %}x{% endif %}</p>"


def test_a_name_the_template_was_not_given_is_an_error():
    with pytest.raises(UndefinedError):
        render("<p>{{ missing }}</p>")
    with pytest.raises(UndefinedError):
        render("<p>{{ record.title }}</p>", record={})


def test_line_breaks_are_layout_blank_lines_end_blocks_and_values_stay_on_one_line():
    source = """
    <div class="a">
      <p>Some prose that runs
        over two lines and has a
        <a href="x">link</a>.</p>
      {% if flag %}
        <p>{{ value }}</p>
      {% endif %}
    </div>

    <h2>Next</h2>


    <div>{{ value }}</div>
    """
    html = render(source, flag=True, value="two\nlines")
    assert html.split("\n") == [
        '<div class="a"><p>Some prose that runs over two lines and has a <a href="x">link</a>.</p><p>two lines</p></div>',
        "<h2>Next</h2>",
        "<div>two lines</div>",
    ]


def test_a_template_error_names_the_template_line():
    source = "<div>\n  <p>\n\n    {{ broken( }}\n  </p>\n</div>\n"
    with pytest.raises(TemplateSyntaxError) as raised:
        templating.ENV.from_string(source)
    assert raised.value.lineno == 4


def test_the_outline_is_the_table_of_contents_and_an_anchor_is_used_once():
    outline = templating.Outline()
    source = '{{ outline.heading(2, "Sources", "sources") }}\n\n<p>x</p>\n\n{{ outline.heading(3, "Part & whole", "part") }}'
    html = templating.blocks(templating.ENV.from_string(source).render(outline=outline))
    assert html.split("\n") == [
        '<h2 id="sources">Sources<a class="headerlink" href="#sources" title="Permanent link">&para;</a></h2>',
        "<p>x</p>",
        '<h3 id="part">Part &amp; whole<a class="headerlink" href="#part" title="Permanent link">&para;</a></h3>',
    ]
    assert outline.toc == [templating.Heading(2, "sources", "Sources"), templating.Heading(3, "part", "Part & whole")]
    with pytest.raises(ValueError, match="two headings with the id 'sources'"):
        outline.heading(2, "Sources again", "sources")


def test_headings_nest_in_mkdocs_table_of_contents_as_python_markdown_nested_them():
    headings = [templating.Heading(2, "a", "A & B"), templating.Heading(3, "a1", "A1"), templating.Heading(3, "a2", "A2"), templating.Heading(2, "b", "B")]
    toc = table_of_contents(headings)
    assert [(item.title, item.url, [child.id for child in item.children]) for item in toc] == [("A &amp; B", "#a", ["a1", "a2"]), ("B", "#b", [])]
    assert toc.items[0].active  # type: ignore[attr-defined]  # MkDocs marks the first entry


def test_the_templates_know_nothing_of_the_theme_or_of_mkdocs():
    """The page templates name no class of Material's (md-*) and no tool: tracker.site hands their HTML to whatever publishes it."""
    knowing = {
        path.relative_to(TEMPLATES).as_posix(): sorted(set(re.findall(r"md-[\w-]+|mkdocs|material", path.read_text("utf-8"), re.IGNORECASE)))
        for path in sorted(TEMPLATES.rglob("*.html"))
    }
    assert knowing and {path: found for path, found in knowing.items() if found} == {}
