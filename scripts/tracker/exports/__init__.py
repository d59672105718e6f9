"""Exports: the open data (JSON API, CSV, Atom feeds, iCalendar, JSON-LD) as {path: bytes}, and the conservation check that every record is in every output exactly once."""
