"""The payload and control sites, built once per test session and shared by the modules using them."""

from __future__ import annotations

from pathlib import Path

from conftest import build_site
from hostile.payloads import write_payload_data
from tracker.load.loader import load_file


def payload_sites(tmp_path_factory) -> tuple[Path, Path]:
    """(payload site, control site), built by scripts/build.py into the session's temporary directory.

    The first caller builds them; later callers in the same session reuse them (the session's
    base temporary directory is shared by every module)."""
    base = tmp_path_factory.getbasetemp() / "hostile-sites"
    sites = (base / "payload" / "site", base / "control" / "site")
    if (base / "built").is_file():
        return sites
    for site, control in zip(sites, (False, True), strict=True):
        data = site.parent / "data"
        records = write_payload_data(data, control=control)
        for relative, written in records.items():
            assert load_file(data / relative).data == written, f"{relative} does not load as written"
        result = build_site(data, site)
        assert result.returncode == 0, result.stdout + result.stderr
    (base / "built").write_text("ok\n")
    return sites
