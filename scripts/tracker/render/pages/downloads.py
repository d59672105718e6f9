"""The Downloads page: every open-data output (tracker.exports.outputs.downloads) with what it holds, its format and size."""

from __future__ import annotations

import json

from tracker.core import kinds, licences
from tracker.core.html import esc
from tracker.exports import csv_files as export_csv
from tracker.exports import feeds as export_feeds
from tracker.exports.outputs import Download, downloads
from tracker.model.paths import (
    API_ROOT,
    CHANGES_API_PATH,
    CHANGES_FEED_PATH,
    CORRECTIONS_FEED_PATH,
    DATAPACKAGE_PATH,
    DOWNLOADS_PAGE,
    DUMP_MOVED_PATH,
    DUMP_PATH,
    INDEX_PATH,
    RETIRED_API_ROOT,
    RETIRED_SCHEMA_ROOT,
    record_api_path,
    retired_path,
)
from tracker.model.records import Model
from tracker.render.pages.base import Links, Page, html_block, md_heading


def human_size(size: int | None) -> str:
    """Bytes in decimal units with one decimal: 950 B, 12.3 kB, 4.5 MB."""
    if size is None:
        return "not built in the live preview"
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def _table(links: Links, items: list[Download], first: str = "File") -> str:
    rows = "".join(
        f'<tr><td><a href="{esc(links.to(d.path))}">{esc(d.title)}</a><br><code>{esc(d.path)}</code></td>'
        f'<td>{esc(d.format)}</td><td>{esc(d.count)}</td><td class="num">{esc(human_size(d.size))}</td></tr>'
        for d in items
    )
    return (
        f'<table><thead><tr><th scope="col">{esc(first)}</th><th scope="col">Format</th>'
        f'<th scope="col">Holds</th><th scope="col">Size</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _feed_table(links: Links, items: list[Download], first: str) -> str:
    """One feed per actor or tag: a row each, without the Format column and the path under the link
    that the table of files has. With 1,200 actors those were half of the page's 280 kB."""
    rows = "".join(
        f'<tr><td><a href="{esc(links.to(d.path))}">{esc(d.title)}</a></td><td>{esc(d.count)}</td><td class="num">{esc(human_size(d.size))}</td></tr>'
        for d in items
    )
    return f'<table><thead><tr><th scope="col">{esc(first)}</th><th scope="col">Holds</th><th scope="col">Size</th></tr></thead><tbody>{rows}</tbody></table>'


def _dump_help(links: Links, dump_url: str | None) -> list[str]:
    """How to open the compressed dump, in readers' words, and where its old address went."""
    # the live preview builds no outputs: there "the link above" stands for the address
    fetch = (
        f"<code>curl -L {esc(dump_url)} | gunzip &gt; dump.json</code>"
        if dump_url
        else "<code>curl -L</code> with the link above, piped to <code>gunzip &gt; dump.json</code>"
    )
    return [
        "<p>The full dump is one JSON document, compressed with gzip, which makes it many times smaller: a <code>.gz</code> file. "
        "Your browser saves it as a download instead of showing it. To open it:</p>",
        "<ul>"
        "<li>on macOS or Linux, <code>gunzip dump.json.gz</code> turns it into <code>dump.json</code>; on Windows, 7-Zip opens it;</li>"
        f"<li>to fetch and unpack it in one step: {fetch};</li>"
        '<li>in Python, <code>json.load(gzip.open("dump.json.gz"))</code> reads it without unpacking it first;</li>'
        '<li>with pandas, <code>pandas.json_normalize(json.load(gzip.open("dump.json.gz"))["claims"])</code> makes a table of the claims '
        "(or of the <code>events</code>, <code>actors</code> or <code>sources</code>).</li>"
        "</ul>",
        f'<p>The dump used to be at <a href="{esc(links.to(DUMP_MOVED_PATH))}"><code>{esc(DUMP_MOVED_PATH)}</code></a>, uncompressed, '
        f"then at <code>{esc(retired_path(DUMP_PATH))}</code>; both addresses now hold a short note that gives the new one.</p>",
    ]


def downloads_page(model: Model, outputs: dict[str, bytes]) -> Page:
    """The Downloads page: every output with what it holds, its format and size."""
    here = DOWNLOADS_PAGE
    links = Links(model, here)
    sections = downloads(model, outputs)
    counts = model.counts()
    per_record = sum(counts.values())
    example = next(iter(model.events.values()), None) or next(iter(model.all_records()), None)
    example_html = ""
    if example is not None:
        path = record_api_path(example.kind, example.id)
        example_html = f' For example <a href="{esc(links.to(path))}"><code>{esc(path)}</code></a>.'
    md = [
        html_block(
            '<h1 id="title">Downloads</h1>',
            f"<p>Everything in the tracker as data: {', '.join(f'{n} {kinds.get(k).title.lower()}' for k, n in counts.items())}, "
            "rebuilt from the YAML records in <code>data/</code> with every change. Every record is in each of the outputs below exactly once; "
            "the build checks that and refuses to publish otherwise. Sizes are for this build.</p>",
            cls="downloads-head",
        ),
        md_heading(2, "Licences"),
        html_block(*(f"<p>{esc(text)}</p>" for text in licences.downloads_paragraphs())),
        md_heading(2, "Everything at once"),
        # the dump's address as published in the API index (the page layer has no site address of its own)
        html_block(
            _table(links, sections["everything"]), *_dump_help(links, json.loads(outputs[INDEX_PATH])["links"]["dump"] if INDEX_PATH in outputs else None)
        ),
        md_heading(2, "JSON API"),
        html_block(
            f'<p>A static, versioned API under <code>{API_ROOT}/</code> (version 2): start at the <a href="{esc(links.to(INDEX_PATH))}">index</a>. '
            f"Each of the {per_record} records has its own document at <code>{API_ROOT}/&lt;kind&gt;/&lt;id&gt;.json</code> "
            f"(kinds: {', '.join(f'<code>{k}</code>' for k in kinds.FOLDERS)}), which gives its own <code>api_url</code> and <code>page_url</code>; "
            f"every record page links to its document.{example_html} "
            "Every document names its JSON Schema in <code>$schema</code>. Dates are given as written (EDTF) and as the span of days they may denote; "
            "<code>generated</code> is the time of the commit the site was built from, and each record's <code>published</code> and <code>modified</code> "
            "are the times of the first and last commits of its file (a source's first is <code>first_published</code>), absent when the build had no history. "
            "A withdrawn record keeps a document at its address, with <code>withdrawn</code> set.</p>",
            "<p>A reference to another record (the sources of a citation, the claimants, what a claim is about, the records that point at one…) "
            "gives its <code>type</code>, <code>id</code> and <code>title</code>, not its addresses, which would make up much of every document. "
            "The index's <code>record_url_templates</code> gives them, for each type: <code>api</code> is the address of the record's document and "
            "<code>page</code> the address of its page, with <code>{id}</code> to replace by the reference's id. "
            'For example, in Python: <code>index["record_url_templates"][ref["type"]]["api"].replace("{id}", ref["id"])</code>.</p>',
            _table(links, sections["api"]),
            "<p>JSON Schemas (draft 2020-12), each served at the address of its <code>$id</code>:</p>",
            _table(links, sections["schemas"], first="Schema"),
        ),
        md_heading(3, "Version 1, replaced"),
        html_block(
            f"<p>Version 2 replaced version 1 of the API, under <code>{RETIRED_API_ROOT}/</code>, whose references also gave the two addresses of the record. "
            f'Every address of version 1 still answers: each file there, such as <a href="{esc(links.to(retired_path(INDEX_PATH)))}"><code>{esc(retired_path(INDEX_PATH))}</code></a>, '
            "is now a short note (<code>moved.schema.json</code>) that says so and gives, in <code>moved_to</code>, the address of the same document in version 2: "
            f"replace <code>{RETIRED_API_ROOT}/</code> by <code>{API_ROOT}/</code> in an address to get there. "
            f"Version 1's schemas stay as they were, under <code>{RETIRED_SCHEMA_ROOT}/</code>, for the documents already downloaded.</p>",
        ),
        md_heading(2, "CSV tables"),
        html_block(
            f"<p>One table per kind of record, and one per repeated part of a record, described column by column in the "
            f'<a href="{esc(links.to(DATAPACKAGE_PATH))}">data package</a> (<a href="https://frictionlessdata.io/" rel="noopener">Frictionless Data</a>; '
            "<code>frictionless validate datapackage.json</code> checks the tables against it).</p>",
            f"<p>{esc(export_csv.CONVENTIONS)}</p>",
            _table(links, sections["csv"]),
        ),
        md_heading(2, "Feeds"),
        html_block(
            "<p>Atom feeds of events and claims, newest first, to follow in any feed reader: copy a feed's address into it. "
            f"The feed of everything holds its newest {export_feeds.FEED_ENTRIES} entries, a feed of one actor or tag its newest {export_feeds.GROUP_FEED_ENTRIES}; "
            f'every record, however old, is in the JSON API and the <a href="{esc(links.to(DUMP_PATH))}">full dump</a> (<code>{esc(DUMP_PATH)}</code>). '
            "Dates in the entries are as precise as the sources and no more. An entry is <em>published</em> and <em>updated</em> when its record was first "
            "published and last changed; without the repository's history, it is updated on the last day its date may denote, never later than the last change to the data.</p>",
            _table(links, sections["feeds"], first="Feed"),
            f'<p>Also: <a href="{esc(links.to(CHANGES_FEED_PATH))}">what changed</a> (one entry per change to the records, with its reason) and '
            f'<a href="{esc(links.to(CORRECTIONS_FEED_PATH))}">corrections</a>; the changes are also in the API, '
            f'<a href="{esc(links.to(CHANGES_API_PATH))}"><code>{esc(CHANGES_API_PATH)}</code></a>.</p>',
        ),
        md_heading(3, "One feed per actor"),
        html_block(
            "<p>The events an actor took part in and the claims it made: an Atom feed at <code>feeds/actors/&lt;id&gt;.atom</code>, "
            "where <code>&lt;id&gt;</code> is the last part of the actor's address.</p>",
            _feed_table(links, sections["actor_feeds"], first="Actor"),
        ),
        md_heading(3, "One feed per tag"),
        html_block(
            "<p>An Atom feed at <code>feeds/tags/&lt;tag&gt;.atom</code>.</p>",
            _feed_table(links, sections["tag_feeds"], first="Tag"),
        ),
        md_heading(2, "Calendar"),
        html_block(
            "<p>An iCalendar file of the events, to subscribe to or import into a calendar application. Only events dated to the day are in it: "
            "a single day as an all-day event, a span of days as a span. An event known only to the month or the year, or with an open or unknown end, "
            "is left out rather than pinned to a day the sources do not give; "
            f'the <a href="{esc(links.to("timeline/index.md"))}">timeline</a> shows every event. A day that is only uncertain or approximate is kept and marked tentative.</p>',
            _table(links, sections["calendar"]),
        ),
    ]
    return Page(here, "Downloads", "The data as files: a JSON API and full dump, CSV with a data package, Atom feeds and a calendar.", "".join(md))


def extra_pages(model: Model, outputs: dict[str, bytes]) -> list[Page]:
    """Pages about the outputs (the Downloads page)."""
    return [downloads_page(model, outputs)]
