"""The benchmark's bookkeeping (benchmarks/run.py), without running anything: steps, targets, the table."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from conftest import REPO


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


bench = load_bench()


def step(name: str, size: int, *seconds: float, code: int = 0, peak_kib: int = 0):
    return bench.Step(name, size, [bench.Sample(s, peak_kib, 0.5, code, cpu_seconds=s) for s in seconds])


def env() -> dict:
    return {
        "started": "now", "total_s": 1.0, "commit": "abc", "commit_end": "abc", "dirty": False, "uptime_start": "up",
        "uptime_end": "up", "cpus": 2, "python": "3.11", "platform": "linux",
        "options": {"sizes": [1000, 10000], "big": 0, "runs": 3, "seed": 0},
    }  # fmt: skip


def test_reused_data_is_not_a_failure(tmp_path: Path) -> None:
    reused = bench.Step("synth (generate data)", 1000, reused=True)
    failed = step("validate.py", 1000, 1.0, code=1)
    assert reused.ok and not failed.ok
    table = bench.markdown([reused, failed], [], env())
    assert "| synth (generate data) | 1,000 | 0 | reused |" in table
    assert "| validate.py | 1,000 | 1 | FAILED |" in table


def test_targets_are_ratios_of_medians_of_the_same_run() -> None:
    opts = bench.Options((1000, 10000), 0, 3, 0, Path("/tmp"), set(), 1.0, 1.0)
    steps = [
        step("parse floor (yaml CSafeLoader)", 10000, 1.0, 1.2, 1.1),
        step("validate.py", 10000, 2.0, 2.4, 2.2),  # 2.0 × the floor: met
        step("validate.py", 1000, 0.2, 0.2, 0.2),
        step("bare mkdocs build (floor)", 10000, 20.0, 20.0, 20.0),
        step("build.py (validate+render+mkdocs)", 10000, 31.0, 31.0, 31.0, peak_kib=700 * 1024),  # 1.55 ×: missed
        step("build.py (validate+render+mkdocs)", 1000, 3.0, 3.0, 3.0),
        step("serve: rebuild after edit", 10000, 4.0),
    ]
    rows = {row["target"]: row for row in bench.targets(steps, opts)}
    assert rows["validate 10,000 / parse floor 10,000"]["value"] == 2.0 and rows["validate 10,000 / parse floor 10,000"]["met"]
    assert rows["build 10,000 / bare mkdocs 10,000"]["value"] == 1.55 and rows["build 10,000 / bare mkdocs 10,000"]["met"] is False
    assert rows["build 10,000 peak memory"]["met"] and rows["live preview updated after one edit at 10,000"]["met"]
    assert rows["validate 10,000 / validate 1,000"]["value"] == 11.0 and rows["validate 10,000 / validate 1,000"]["met"]
    assert "**no**" in bench.markdown(steps, list(rows.values()), env())


def test_site_size_splits_record_pages_by_kind_from_lists_open_data_and_search(tmp_path: Path) -> None:
    files = {
        "claims/a-claim/index.html": 300,
        "claims/index.html": 50,  # the list of claims, not a record page
        "events/an-event/index.html": 200,
        "api/v2/claims/a-claim.json": 100,
        "api/v1/claims/a-claim.json": 10,  # the note where v1 served it
        "feeds/all.xml": 40,
        "pagefind/index/en_1.pf_index": 30,
        "assets/javascripts/bundle.js": 20,
    }
    for name, size in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * size)
    facts = bench.site_size.measure(tmp_path)
    assert facts["records"] == 2 and facts["files"] == 8 and facts["kb_per_record"] == 0.4  # 750 bytes / 2 records
    assert facts["parts"]["claims pages"] == {"mb": 0.0, "files": 1}
    assert {part: row["files"] for part, row in facts["parts"].items()} == {
        "claims pages": 1, "events pages": 1, "API (JSON)": 1, "API v1 notes (replaced by v2)": 1, "lists and prose pages": 1, "feeds (Atom)": 1,
        "search index (pagefind)": 1, "assets and other files": 1,
    }  # fmt: skip


def test_size_and_search_targets_come_from_the_large_build_and_the_browser_step() -> None:
    opts = bench.Options((1000, 10000), 0, 3, 0, Path("/tmp"), set(), 1.0, 1.0)
    build = step("build.py (validate+render+mkdocs)", 10000, 30.0)
    build.site = {"kb_per_record": 26.0, "parts": {}}
    search = step("search: first query in Chromium", 10000, 0.3, 0.6, 0.4)
    search.site = {"search": {"median_kb": 280.0}}
    rows = {row["target"]: row for row in bench.targets([build, search], opts)}
    assert rows["site at 10,000: KB per record (sum of file sizes)"]["met"] is False
    assert rows["search at 10,000: first query transferred (median of 3)"]["value"] == 280.0
    assert rows["search at 10,000: first results shown (median of 3)"]["value"] == 0.4
    assert rows["search at 10,000: first results shown (median of 3)"]["met"]


def test_material_search_is_reported_beside_pagefind_query_by_query() -> None:
    search = step("search: first query in Chromium", 10000, 0.3)
    search.site = {
        "search": {"queries": [{"query": "announced", "kb": 280.1, "seconds": 0.3}]},
        "material": {"sections": 40000, "index_mb": 12.5, "queries": [{"query": "announced", "kb": 1300.0, "seconds": 2.4, "results": 9}]},
    }
    table = bench.markdown([search], [], env())
    assert "| announced | 280.1 | 0.3 | 1300.0 | 2.4 | 9 |" in table
    assert "(40,000 sections, a 12.5 MB index)" in table
    search.site["material"] = {"error": "TimeoutError: too slow"}
    assert "Material's search could not be measured beside Pagefind: TimeoutError: too slow." in bench.markdown([search], [], env())


def test_material_search_indexes_each_page_article_as_its_plugin_would(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("material_search", REPO / "benchmarks" / "material_search.py")
    material_search = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(material_search)
    page = tmp_path / "claims" / "one" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<title>A claim - Site</title><nav>Menu words</nav><article class="md-content__inner md-typeset">'
        '<a href="e" class="md-content__button md-icon">edit</a><h1 id="a-claim">A claim</h1><p>Excerpt words</p>'
        '<h2 id="sources">Sources</h2><p>Cited text</p></article>'
    )
    (tmp_path / "pagefind" / "x").mkdir(parents=True)
    (tmp_path / "pagefind" / "x" / "index.html").write_text('<article class="md-content__inner md-typeset"><h1>no</h1></article>')
    facts = material_search.write_bundle(tmp_path, tmp_path / "out")
    docs = json.loads((tmp_path / "out" / "search_index.json").read_text())["docs"]
    assert facts["sections"] == 2
    assert [(d["location"], d["title"], d["text"]) for d in docs] == [
        ("claims/one/", "A claim", "<p>Excerpt words</p>"),  # the page itself, as Material does for its h1
        ("claims/one/#sources", "Sources", "<p>Cited text</p>"),
    ]
    assert (tmp_path / "out" / "worker.js").stat().st_size > 10_000
