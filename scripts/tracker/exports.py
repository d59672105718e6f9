"""Open data: the JSON API, CSV with a data package, Atom feeds, an iCalendar file, and the Downloads page.

``build_outputs`` makes every file (site-relative path → bytes), ``extra_pages``
the Downloads page that lists them, and ``check_outputs`` the conservation
check: it parses the outputs back and reports every record that is missing,
duplicated or unexpected in any of them. The work is split by format:
export_json, export_csv, export_feeds, export_calendar; paths, URLs and
timestamps shared by all are in export_common.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import icalendar

from . import csv_tables, export_calendar, export_changes, export_csv, export_feeds, export_json, export_retired, kinds, licences, trust
from .export_common import tags_of
from .html import esc
from .model import Claim, Event, Model
from .pages.base import Links, Page, html_block, md_heading
from .paths import (
    ALL_FEED_PATH,
    API_ROOT,
    CALENDAR_PATH,
    CHANGES_API_PATH,
    CHANGES_FEED_PATH,
    CORRECTIONS_FEED_PATH,
    CSV_ROOT,
    DATAPACKAGE_PATH,
    DOWNLOADS_PAGE,
    DUMP_MOVED_PATH,
    DUMP_PATH,
    INDEX_PATH,
    RETIRED_API_ROOT,
    RETIRED_SCHEMA_ROOT,
    SCHEMA_ROOT,
    absolute,
    actor_feed_path,
    list_api_path,
    record_api_path,
    retired_path,
    schema_url,
    tag_feed_path,
)

ATOM = "{http://www.w3.org/2005/Atom}"


def build_outputs(model: Model, *, site_url: str, epoch: int) -> dict[str, bytes]:
    """Every open-data file, by site-relative path, sorted by path."""
    outputs: dict[str, bytes] = {}
    outputs.update(export_csv.csv_outputs(model, site_url, epoch))
    api = export_json.json_outputs(model, site_url, epoch, csv_files=[t.path for t in export_csv.tables()], tags=tags_of(model))
    outputs.update(api)
    outputs.update(export_retired.retired_outputs(site_url, api))
    outputs.update(export_feeds.feed_outputs(model, site_url, epoch))
    outputs.update(export_calendar.calendar_outputs(model, site_url, epoch))
    outputs.update(export_changes.change_outputs(model, site_url, epoch))
    return dict(sorted(outputs.items()))


# ---------------------------------------------------------------- the Downloads page


@dataclass(frozen=True, slots=True)
class Download:
    path: str
    title: str
    format: str
    count: str  # what it holds, in words: "81 records", "17 rows"
    size: int | None  # None in the live preview, which does not build the outputs


def human_size(size: int | None) -> str:
    """Bytes in decimal units with one decimal: 950 B, 12.3 kB, 4.5 MB."""
    if size is None:
        return "not built in the live preview"
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _entries(n: int, cap: int) -> str:
    """What a feed holds: all its entries, or the newest ``cap`` of them."""
    return _plural(n, "entry", "entries") if n <= cap else f"newest {cap} of {n} entries"


def downloads(model: Model, outputs: dict[str, bytes]) -> dict[str, list[Download]]:
    """The outputs worth listing, by section, with what each holds and its size."""
    counts = model.counts()
    total = sum(counts.values())
    rows = export_csv.expected_rows(model)
    everything = export_feeds.entries(model, 0)
    by_actor, by_tag = export_feeds.grouped(everything)
    kept, left_out = export_calendar.split_events(model)

    def item(path: str, title: str, fmt: str, count: str) -> Download:
        return Download(path, title, fmt, count, len(outputs[path]) if path in outputs else None)

    sections: dict[str, list[Download]] = {
        "everything": [
            item(DUMP_PATH, "Full dump: every record in one file, compressed", "JSON, gzip", _plural(total, "record")),
            item(DATAPACKAGE_PATH, "Data package describing the CSV tables (Frictionless)", "JSON", _plural(len(export_csv.tables()), "table")),
        ],
        "api": [item(INDEX_PATH, "API index: schema version, counts and links", "JSON", _plural(total, "record") + " counted")],
        "csv": [],
        "feeds": [item(ALL_FEED_PATH, "All events and claims, newest first", "Atom", _entries(len(everything), export_feeds.FEED_ENTRIES))],
        "actor_feeds": [],
        "tag_feeds": [],
        "calendar": [
            item(CALENDAR_PATH, "Events dated to the day", "iCalendar", _plural(len(kept), "event") + f" ({len(left_out)} left out: not dated to the day)")
        ],
        "schemas": [],
    }
    for kind in kinds.FOLDERS:
        sections["api"].append(item(list_api_path(kind), f"List of {kinds.get(kind).title.lower()}", "JSON", _plural(counts[kind], kinds.get(kind).singular)))
    for table in export_csv.tables():
        sections["csv"].append(item(table.path, f"{table.title}: {table.description}", "CSV", _plural(rows[table.name], "row")))
    for actor in sorted(model.actors.values(), key=lambda a: (a.name.lower(), a.id)):
        n = len(by_actor.get(actor.id, []))
        sections["actor_feeds"].append(item(actor_feed_path(actor.id), actor.name, "Atom", _entries(n, export_feeds.GROUP_FEED_ENTRIES)))
    for tag in tags_of(model):
        n = len(by_tag.get(tag, []))
        sections["tag_feeds"].append(item(tag_feed_path(tag), tag, "Atom", _entries(n, export_feeds.GROUP_FEED_ENTRIES)))
    for path in sorted(p for p in outputs if p.startswith(f"{SCHEMA_ROOT}/")):
        name = path.rsplit("/", 1)[-1]
        sections["schemas"].append(item(path, name.removesuffix(".schema.json"), "JSON Schema", "—"))
    return sections


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


# ---------------------------------------------------------------- conservation


def _exactly_once(what: str, found: list[str], expected: list[str]) -> list[str]:
    """Problems when ``found`` is not ``expected`` with each item exactly once."""
    problems = []
    seen = Counter(found)
    want = set(expected)
    missing = sorted(want - set(seen))
    extra = sorted(set(seen) - want)
    doubled = sorted(k for k, n in seen.items() if n > 1)
    if missing:
        problems.append(f"{what}: {len(missing)} missing: {', '.join(missing[:10])}")
    if extra:
        problems.append(f"{what}: {len(extra)} unexpected: {', '.join(extra[:10])}")
    if doubled:
        problems.append(f"{what}: {len(doubled)} more than once: {', '.join(doubled[:10])}")
    return problems


def _url_tail(url: str) -> str:
    """'<kind>/<id>' from a record page URL such as https://…/events/some-id/."""
    parts = url.rstrip("/").split("/")
    return "/".join(parts[-2:])


def _newest_once(what: str, found: list[str], expected: list[str], cap: int) -> list[str]:
    """A feed holds each of its records once, or, past ``cap`` of them, that many, none twice."""
    if len(expected) <= cap:
        return _exactly_once(what, found, expected)
    problems = [p for p in _exactly_once(what, found, expected) if " missing: " not in p]  # the older ones are left out
    if len(found) != cap:
        problems.append(f"{what}: {len(found)} entries, expected the newest {cap} of {len(expected)}")
    return problems


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


def _feed_tails(content: bytes) -> list[str]:
    root = ET.fromstring(content)
    return [_url_tail(e.findtext(f"{ATOM}id") or "") for e in root.findall(f"{ATOM}entry")]


def check_outputs(model: Model, outputs: dict[str, bytes], *, site_dir: Path | None = None) -> list[str]:
    """Conservation: every record of the model appears exactly once in each output. Returns the problems.

    The outputs are parsed back (json, csv, xml.etree, icalendar) and the records
    found in each are compared with the records read. With ``site_dir``, every
    output must also have been written there byte for byte.
    """
    problems: list[str] = []
    ids = {kind: list(getattr(model, kind)) for kind in kinds.FOLDERS}
    tails = {kind: [f"{kind}/{rid}" for rid in ids[kind]] for kind in kinds.FOLDERS}
    try:
        problems += _check_json(model, outputs, ids)
        problems += _check_csv(model, outputs, ids)
        everything = tails["events"] + tails["claims"]
        problems += _newest_once(ALL_FEED_PATH, _feed_tails(outputs[ALL_FEED_PATH]), everything, export_feeds.FEED_ENTRIES)
        actor_feeds = sorted(p for p in outputs if p.startswith("feeds/actors/"))
        problems += _exactly_once("actor feeds", actor_feeds, [actor_feed_path(a) for a in ids["actors"]])
        for actor in model.actors.values():
            path = actor_feed_path(actor.id)
            if path in outputs:
                expected = [f"events/{e}" for e in model.events_with.get(actor.id, [])] + [f"claims/{c}" for c in model.claims_by.get(actor.id, [])]
                problems += _newest_once(path, _feed_tails(outputs[path]), expected, export_feeds.GROUP_FEED_ENTRIES)
        tag_feeds = sorted(p for p in outputs if p.startswith("feeds/tags/"))
        problems += _exactly_once("tag feeds", tag_feeds, [tag_feed_path(t) for t in tags_of(model)])
        tagged: list[Event | Claim] = [*model.events.values(), *model.claims.values()]
        for tag in tags_of(model):
            path = tag_feed_path(tag)
            if path in outputs:
                expected = [f"{r.kind}/{r.id}" for r in tagged if tag in r.tags]
                problems += _newest_once(path, _feed_tails(outputs[path]), expected, export_feeds.GROUP_FEED_ENTRIES)
        calendar = icalendar.Calendar.from_ical(outputs[CALENDAR_PATH])
        kept, left_out = export_calendar.split_events(model)
        problems += _exactly_once(CALENDAR_PATH, [_url_tail(str(c.get("uid"))) for c in calendar.walk("VEVENT")], [f"events/{e.id}" for e in kept])
        if len(kept) + len(left_out) != len(model.events):
            problems.append(f"{CALENDAR_PATH}: {len(kept)} events kept and {len(left_out)} left out, but {len(model.events)} events read")
    except (KeyError, ValueError, ET.ParseError, gzip.BadGzipFile, EOFError, zlib.error) as error:  # a missing file, one that does not parse or decompress
        problems.append(f"open-data outputs could not be read back: {error!r}")
    if site_dir is not None:
        for path, content in outputs.items():
            target = site_dir / path
            if not target.is_file():
                problems.append(f"{path}: not written to {site_dir}")
            elif hashlib.sha256(target.read_bytes()).digest() != hashlib.sha256(content).digest():
                problems.append(f"{path}: the file in {site_dir} differs from the one built")
    return problems


def _check_json(model: Model, outputs: dict[str, bytes], ids: dict[str, list[str]]) -> list[str]:
    problems = []
    counts = model.counts()
    for kind in kinds.FOLDERS:
        prefix = f"{API_ROOT}/{kind}/"
        found = sorted(p for p in outputs if p.startswith(prefix) and p.endswith(".json") and "/" not in p[len(prefix) :])
        # Withdrawn records keep a document at their old address; they are counted apart from the records.
        withdrawn = [record_api_path(kind, w.id) for w in trust.of_model(model).removed if w.kind == kind]
        kept = [p for p in found if json.loads(outputs[p]).get("$schema") == schema_url("withdrawn")]
        problems += _exactly_once(f"{prefix}*.json (withdrawn)", kept, withdrawn)
        docs = [p for p in found if p not in set(kept)]
        problems += _exactly_once(f"{prefix}*.json", docs, [record_api_path(kind, r) for r in ids[kind]])
        for path in docs:
            doc = json.loads(outputs[path])
            if doc.get("id") != path[len(prefix) : -len(".json")] or doc.get("type") != kinds.get(kind).singular:
                problems.append(f"{path}: holds {doc.get('type')} {doc.get('id')!r}")
        listed = json.loads(outputs[list_api_path(kind)])
        problems += _exactly_once(list_api_path(kind), [i["id"] for i in listed["items"]], ids[kind])
        if listed["count"] != len(ids[kind]):
            problems.append(f"{list_api_path(kind)}: count {listed['count']} but {len(ids[kind])} {kind} read")
    dump = json.loads(gzip.decompress(outputs[DUMP_PATH]))  # read back as a reader would: decompressed, then parsed
    for kind in kinds.FOLDERS:
        problems += _exactly_once(f"{DUMP_PATH} {kind}", [d["id"] for d in dump[kind]], ids[kind])
    index = json.loads(outputs[INDEX_PATH])
    for path, doc in ((DUMP_PATH, dump), (INDEX_PATH, index)):
        if doc["counts"] != counts:
            problems.append(f"{path}: counts differ from the {counts} read")
    for path in sorted(p for p in outputs if p.startswith(f"{SCHEMA_ROOT}/")):
        name = path.rsplit("/", 1)[-1].removesuffix(".schema.json")
        if json.loads(outputs[path]).get("$id") != schema_url(name):
            problems.append(f"{path}: its $id is not {schema_url(name)}")
    return problems + _check_retired(model, outputs, ids, index)


def _check_retired(model: Model, outputs: dict[str, bytes], ids: dict[str, list[str]], index: dict) -> list[str]:
    """Every address API v1 published still answers: a note pointing at the same document in v2, or v1's schema as published."""
    problems = []
    # What v1 published, from the records read (not from what v2 holds): each record's and withdrawn record's
    # document, the lists, the index, the changes, and the dump at both its addresses.
    v2_paths = [record_api_path(kind, rid) for kind in kinds.FOLDERS for rid in ids[kind]]
    v2_paths += [record_api_path(w.kind, w.id) for w in trust.of_model(model).removed]
    v2_paths += [list_api_path(kind) for kind in kinds.FOLDERS] + [INDEX_PATH, CHANGES_API_PATH, DUMP_PATH]
    expected = {retired_path(p): p for p in v2_paths} | {DUMP_MOVED_PATH: DUMP_PATH}
    notes = sorted(p for p in outputs if p.startswith(f"{RETIRED_API_ROOT}/") and not p.startswith(f"{RETIRED_SCHEMA_ROOT}/"))
    problems += _exactly_once(f"{RETIRED_API_ROOT}/ (notes)", notes, list(expected))
    for path in notes:
        if path not in expected:
            continue
        content = outputs[path]
        note = json.loads(gzip.decompress(content) if path.endswith(".gz") else content)
        target = expected[path]
        moved_to = note.get("moved_to")
        if moved_to != absolute(index["site_url"], target) or target not in outputs:
            problems.append(f"{path}: does not point at the same document in v2 ({target}), but at {moved_to!r}")
        elif note.get("$schema") != schema_url("moved") or "replaced by API v2" not in note.get("message", ""):
            problems.append(f"{path}: does not say that v1 was replaced by v2")
    published = {f"{RETIRED_SCHEMA_ROOT}/{name}": content for name, content in export_retired.retired_schema_files().items()}
    schemas = [p for p in outputs if p.startswith(f"{RETIRED_SCHEMA_ROOT}/")]
    problems += _exactly_once(f"{RETIRED_SCHEMA_ROOT}/", schemas, list(published))
    problems += [f"{path}: differs from v1's schema as published" for path in schemas if path in published and outputs[path] != published[path]]
    return problems


def _check_csv(model: Model, outputs: dict[str, bytes], ids: dict[str, list[str]]) -> list[str]:
    problems = []
    expected = export_csv.expected_rows(model)
    package = json.loads(outputs[DATAPACKAGE_PATH])
    described = [f"{CSV_ROOT}/{r['path']}" for r in package["resources"]]
    problems += _exactly_once(DATAPACKAGE_PATH, described, [p for p in outputs if p.startswith(f"{CSV_ROOT}/") and p.endswith(".csv")])
    missing = [kind for kind in kinds.FOLDERS if kind not in {t.name for t in export_csv.tables()}]
    problems += [f"{CSV_ROOT}/: no table of {kind}" for kind in missing]
    for table in export_csv.tables():
        rows = _csv_rows(outputs[table.path])
        if table.name in kinds.FOLDERS:
            problems += _exactly_once(table.path, [csv_tables.uncell(r["id"]) for r in rows], ids[table.name])
        elif len(rows) != expected[table.name]:
            problems.append(f"{table.path}: {len(rows)} rows but the records have {expected[table.name]}")
    for resource in package["resources"]:
        content = outputs.get(f"{CSV_ROOT}/{resource['path']}", b"")
        if resource.get("bytes") != len(content) or resource.get("hash") != f"sha256:{hashlib.sha256(content).hexdigest()}":
            problems.append(f"{DATAPACKAGE_PATH}: size or hash of {resource['path']} does not match the file")
    return problems
