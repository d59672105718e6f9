"""CSV tables under csv/, one per kind plus one per repeated part, and a Frictionless data package.

Conventions (also written into datapackage.json and the Downloads page):

* RFC 4180: UTF-8 without BOM, comma-separated, CRLF line ends, fields quoted
  with ``"`` when needed (so a cell may contain commas, quotes and newlines);
  a header row with the column names.
* One row per record in events.csv, claims.csv, actors.csv and sources.csv.
  Repeated parts have their own tables, keyed by the record's id and a 1-based
  ``position``: citations.csv (every citation and every ``reported_via``
  entry), quantities.csv, claim_links.csv, actor_roles.csv, actor_aliases.csv.
* A list of ids or tags is joined with a single space (ids and tags are slugs
  and never contain one). An empty cell is a missing value; booleans are
  ``true``/``false``; numbers are written without separators.
* Formula injection (OWASP): a cell whose text begins with ``=``, ``+``,
  ``-``, ``@``, a tab, a carriage return or ``'`` is written with a ``'``
  before it, so that no spreadsheet runs it as a formula. To get the original
  text back, remove one leading ``'`` from any cell that has one.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator

from tracker.core import licences
from tracker.exports.common import SCHEMA_VERSION, SITE_NAME, build_time, rfc3339
from tracker.exports.csv_tables import CONVENTIONS, DIALECT, Column, Table, cell, tables
from tracker.model.paths import CSV_ROOT, absolute
from tracker.model.records import Actor, Claim, Event, Model, Source


def write_csv(columns: list[Column], rows: Iterator[list[object]]) -> tuple[bytes, int]:
    """The CSV bytes of a table and its number of data rows."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", quotechar='"', doublequote=True, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.name for c in columns])
    count = 0
    for row in rows:
        assert len(row) == len(columns), (columns[0].name, row)
        writer.writerow([cell(v) for v in row])
        count += 1
    return buffer.getvalue().encode("utf-8"), count


def datapackage(site_url: str, epoch: int, written: list[tuple[Table, bytes]]) -> dict:
    """The Frictionless (Data Package v1) descriptor of the CSV tables."""
    resources = []
    for table, content in written:
        schema: dict = {"fields": [c.descriptor() for c in table.columns], "primaryKey": table.primary_key, "missingValues": [""]}
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": "" if resource == table.name else resource, "fields": target}}
                for column, resource, target in table.foreign_keys
            ]
        resources.append(
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(content),
                "hash": f"sha256:{hashlib.sha256(content).hexdigest()}",
                "dialect": DIALECT,
                "schema": schema,
            }
        )
    package: dict = {
        "profile": "tabular-data-package",
        "name": "iran-us-talks-tracker",
        "title": f"{SITE_NAME}: the data as CSV",
        "description": CONVENTIONS,
        "version": SCHEMA_VERSION,
        "homepage": absolute(site_url, ""),
        "licenses": licences.datapackage_licences(),
        "resources": resources,
    }
    built = build_time(epoch)
    if built:
        package["created"] = rfc3339(built)
    return package


def csv_outputs(model: Model, site_url: str, epoch: int) -> dict[str, bytes]:
    """Every CSV file and csv/datapackage.json, by site-relative path."""
    out: dict[str, bytes] = {}
    written = []
    for table in tables():
        content, _ = write_csv(table.columns, table.rows(model, site_url))
        out[table.path] = content
        written.append((table, content))
    package = datapackage(site_url, epoch, written)
    out[f"{CSV_ROOT}/datapackage.json"] = (json.dumps(package, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")
    return out


def expected_rows(model: Model) -> dict[str, int]:
    """How many data rows each table must have, counted from the model (for the conservation check)."""
    return {
        "events": len(model.events),
        "claims": len(model.claims),
        "actors": len(model.actors),
        "sources": len(model.sources),
        "citations": sum(
            len(r.reported_via) if isinstance(r, Source) else len(r.citations) for r in model.all_records() if isinstance(r, Event | Claim | Actor | Source)
        ),
        "quantities": sum(len(c.quantities) for c in model.claims.values()),
        "claim_links": sum(len(c.links) for c in model.claims.values()),
        "actor_roles": sum(len(a.roles) for a in model.actors.values()),
        "actor_aliases": sum(len(a.aliases) for a in model.actors.values()),
    }
