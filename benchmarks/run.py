#!/usr/bin/env python3
"""Scale benchmark (issue #6): `python benchmarks/run.py [--quick] [--sizes 1000,10000] [--big 100000] [--runs 5]`.

Generates synthetic data with scripts/synth.py and times, side by side and
in one run: the YAML parse floor, our validation, check-jsonschema against
our schemas, our full build, a bare `mkdocs build` of as many trivial pages,
and the live-preview rebuild after one record changes under `mkdocs serve`.
Prints a table and writes benchmarks/results/latest.md and latest.json.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import types
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _sibling(name: str) -> types.ModuleType:
    """A module beside this file, loaded by its path: benchmarks/ is not a package, and the tests load this file by path."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    assert spec is not None and spec.loader is not None, name
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


search_browser = _sibling("search_browser")
material_search = _sibling("material_search")
site_size = _sibling("site_size")
_sibling("steps")
_sibling("report")
# the two are in sys.modules now, under these names (report imports steps)
from report import markdown, targets  # noqa: E402
from steps import (  # noqa: E402
    BIN,
    GENERATED_PAGES,
    GNU_TIME,
    KINDS,
    NO_REBUILD_GIVE_UP_S,
    PYTHON,
    RESULTS,
    Options,
    Sample,
    Step,
    load_average,
    measure,
    repeat,
    report_step,
    runs_after_first,
    uptime,
)

# ---------------------------------------------------------------- data and projects


def synth_stamp(size: int, seed: int) -> str:
    cli = REPO / "scripts" / "tracker" / "cli"
    digest = hashlib.sha256(b"".join((cli / name).read_bytes() for name in ("synth.py", "synth_plan.py", "synth_words.py"))).hexdigest()[:16]
    return f"{size}:{seed}:{digest}"


def ensure_data(work: Path, size: int, seed: int) -> tuple[Path, Step]:
    """Synthetic data of ``size`` records, regenerated only when the generator or its arguments changed."""
    data = work / f"data-{size}"
    stamp_file = work / f"data-{size}.stamp"
    step = Step("synth (generate data)", size)
    wanted = synth_stamp(size, seed)
    if data.is_dir() and stamp_file.exists() and stamp_file.read_text() == wanted:
        step.note = "reused from an earlier run"
        step.reused = True
        return data, step
    stamp_file.unlink(missing_ok=True)
    repeat(step, [PYTHON, "scripts/synth.py", "--records", str(size), "--out", str(data), "--seed", str(seed)], 1)
    if step.ok:
        stamp_file.write_text(wanted)
    return data, step


def ensure_adversarial(work: Path, size: int, seed: int, data: Path) -> tuple[Path, Step]:
    """The synthetic data of ``size`` records with duplicates planted to be slow (benchmarks/adversarial.py), made again when either changed."""
    target = work / f"duplicates-{size}"
    stamp_file = work / f"duplicates-{size}.stamp"
    step = Step("adversarial duplicates (generate)", size)
    digest = hashlib.sha256((REPO / "benchmarks" / "adversarial.py").read_bytes()).hexdigest()[:16]
    wanted = f"{synth_stamp(size, seed)}:{digest}"
    if target.is_dir() and stamp_file.exists() and stamp_file.read_text() == wanted:
        step.note = "reused from an earlier run"
        step.reused = True
        return target, step
    stamp_file.unlink(missing_ok=True)
    repeat(step, [PYTHON, "benchmarks/adversarial.py", str(data), str(target)], 1)
    if step.ok:
        stamp_file.write_text(wanted)
    return target, step


def ensure_history(work: Path, size: int, seed: int) -> tuple[Path, Step]:
    """Synthetic data of ``size`` records in a git repository of ``size`` commits, regenerated only when its generators changed."""
    data = work / f"history-{size}"
    stamp_file = work / f"history-{size}.stamp"
    step = Step("synth --history (generate repository)", size)
    digest = hashlib.sha256((REPO / "scripts" / "tracker" / "cli" / "synth_history.py").read_bytes()).hexdigest()[:16]
    wanted = f"{synth_stamp(size, seed)}:{digest}"
    if (data / ".git").is_dir() and stamp_file.exists() and stamp_file.read_text() == wanted:
        step.note = "reused from an earlier run"
        step.reused = True
        return data, step
    stamp_file.unlink(missing_ok=True)
    command = [PYTHON, "scripts/synth.py", "--records", str(size), "--out", str(data), "--seed", str(seed), "--history", str(size)]
    repeat(step, command, 1)
    if step.ok:
        stamp_file.write_text(wanted)
    return data, step


def bare_project(work: Path, pages: int) -> Path:
    """A MkDocs + Material project of ``pages`` trivial pages in four folders, with a short nav: the floor for our build.

    Material's own search plugin is on (``material/search``, what a Material site has unless it
    turns it off): the anchor a user would compare our build with, which ships a search index too."""
    root = work / f"bare-{pages}"
    config = root / "mkdocs.yml"
    text = (
        "site_name: Bare floor\n"
        "site_url: https://example.org/bare/\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - material/search\n"
        "validation:\n  omitted_files: info\n"
        "nav:\n  - Home: index.md\n" + "".join(f"  - {kind.title()}: {kind}/index.md\n" for kind in KINDS)
    )
    if config.exists() and (root / "pages.count").read_text() == str(pages) and config.read_text() == text:
        return config
    shutil.rmtree(root, ignore_errors=True)
    docs = root / "docs"
    for kind in KINDS:
        (docs / kind).mkdir(parents=True)
        (docs / kind / "index.md").write_text(f"# {kind.title()}\n\nAn index page.\n")
    (docs / "index.md").write_text("# Home\n\nA trivial site.\n")
    for number in range(pages - len(KINDS) - 1):
        kind = KINDS[number % len(KINDS)]
        (docs / kind / f"page-{number:06d}.md").write_text(f"# Page {number}\n\nTrivial page number {number}, one short paragraph of text.\n")
    config.write_text(text)
    (root / "pages.count").write_text(str(pages))
    return config


def served_path() -> str:
    """The path `mkdocs serve` mounts the site at: that of site_url in mkdocs.yml ("/iran-us-talks/")."""
    for line in (REPO / "mkdocs.yml").read_text("utf-8").splitlines():
        if line.startswith("site_url:"):
            path = urllib.parse.urlsplit(line.split(":", 1)[1].strip().strip("'\"")).path
            return "/" + path.strip("/") + "/" if path.strip("/") else "/"
    return "/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(predicate: Callable[[], bool], timeout: float, interval: float = 0.2) -> float | None:
    """Seconds until ``predicate`` holds, or None after ``timeout`` seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(interval)
    return None


# ---------------------------------------------------------------- the live preview


class ServeLog:
    """What `mkdocs serve` has logged so far: builds started and finished, changes detected."""

    def __init__(self, handle):
        self.handle = handle

    def text(self) -> str:
        self.handle.flush()
        self.handle.seek(0)
        return self.handle.read().decode("utf-8", "replace")

    def counts(self) -> tuple[int, int, int]:
        text = self.text()
        return text.count("Building documentation"), text.count("Documentation built in"), text.count("Detected file changes")

    def idle(self) -> bool:
        started, finished, _ = self.counts()
        return started == finished


def edit_title(record: Path, marker: str) -> None:
    """Append ``marker`` to the quoted title of an event file."""
    text = record.read_text("utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title: "))
    record.write_text(text.replace(title_line, f'{title_line[:-1]} {marker}"', 1), "utf-8")


def serve_rebuild(data: Path, size: int, *, watch_data: bool, first_timeout: float, change_timeout: float, edits: int = 1) -> Step:
    """Start `mkdocs serve`, wait until it is idle after the first build, then ``edits`` times: change
    one event's title, poll its page until the change shows, wait until the server is idle again."""
    step = Step("serve: rebuild, `-w data`" if watch_data else "serve: rebuild after edit", size)
    started = time.perf_counter()
    record = sorted((data / "events").glob("*.yaml"))[0]
    original = record.read_bytes()
    port = free_port()
    url = f"http://127.0.0.1:{port}{served_path()}events/{record.stem}/"
    command = [str(BIN / "mkdocs"), "serve", "--dirty", "-a", f"127.0.0.1:{port}", "-f", str(REPO / "mkdocs.yml"), *(["-w", str(data)] if watch_data else [])]
    env = {**os.environ, "TRACKER_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    with open(data.parent / f"serve-{size}{'-watch' if watch_data else ''}.log", "w+b") as handle:
        log = ServeLog(handle)
        proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            first = wait_for(lambda: fetch(url) is not None, first_timeout, interval=0.5)
            step.extra["first_build_s"] = round(first, 2) if first is not None else None
            # Others editing docs/ or schema/ can start a rebuild of their own: edit only when the server is idle.
            if first is None or wait_for(log.idle, first_timeout, interval=0.5) is None:
                step.note = f"the server was not serving and idle within {first_timeout:.0f} s"
                step.samples.append(Sample(first_timeout, 0, load_average(), 1))
                return step
            for number in range(edits):
                if number and wait_for(log.idle, first_timeout, interval=0.25) is None:
                    break
                step.samples.append(time_one_edit(step, log, record, url, change_timeout))
                if step.samples[-1].returncode:
                    break
        finally:
            record.write_bytes(original)
            stop(proc)
            step.step_seconds = time.perf_counter() - started
    return step


def time_one_edit(step: Step, log: ServeLog, record: Path, url: str, timeout: float) -> Sample:
    """Edit the record and poll its page; the sample fails when the change does not show within ``timeout``."""
    marker = f"BENCH-EDIT-{time.time_ns()}"
    detected_before = log.counts()[2]
    load = load_average()
    edit_title(record, marker)
    edited_at = time.perf_counter()

    def updated() -> bool:
        if log.counts()[2] == detected_before and time.perf_counter() - edited_at > NO_REBUILD_GIVE_UP_S:
            raise TimeoutError  # the watcher reacts within a second or two; nothing is coming
        return marker in (fetch(url) or "")

    try:
        seen = wait_for(updated, timeout, interval=0.25)
    except TimeoutError:
        seen = None
    step.extra["rebuilds_triggered"] = log.counts()[2] - detected_before
    if seen is not None:
        return Sample(round(seen, 2), 0, load, 0)
    waited = time.perf_counter() - edited_at
    why = "no rebuild was triggered: the data directory is not watched" if step.extra["rebuilds_triggered"] == 0 else "the rebuild did not finish"
    step.note = f"change not visible after {waited:.0f} s ({why})"
    return Sample(round(waited, 2), 0, load, 1)


def stop(proc: subprocess.Popen) -> None:
    """Stop the server we started (its own process group), politely first."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def check_jsonschema_command(data: Path, kind: str) -> list[str]:
    """check-jsonschema on one kind's files; --base-uri makes our relative $refs resolve to schema/ offline."""
    schema = REPO / "schema" / f"{kind.removesuffix('s')}.schema.json"
    files = sorted(str(p) for p in (data / kind).glob("*.yaml"))
    return [str(BIN / "check-jsonschema"), "--schemafile", str(schema), "--base-uri", schema.as_uri(), *files]


def check_jsonschema_step(data: Path, size: int, runs: int) -> Step:
    """One run = the four invocations (one schema each) over all files; the times and peaks are combined."""
    step = Step("check-jsonschema", size)
    started = time.perf_counter()
    wanted = runs
    while len(step.samples) < wanted:
        parts = [measure(check_jsonschema_command(data, kind)) for kind in KINDS]
        failed = next((p for p in parts if p.returncode != 0), None)
        seconds, cpu = round(sum(p.seconds for p in parts), 3), round(sum(p.cpu_seconds for p in parts), 2)
        sample = Sample(seconds, max(p.peak_kib for p in parts), parts[0].load, failed.returncode if failed else 0, cpu_seconds=cpu)
        step.samples.append(sample)
        if failed:
            step.note = f"failed: {failed.stderr_tail.strip().splitlines()[-1:]}"
            break
        if len(step.samples) == 1:
            wanted = runs_after_first(sample.seconds, runs)
            step.extra["per_kind_s"] = {kind: p.seconds for kind, p in zip(KINDS, parts, strict=True)}
    step.step_seconds = time.perf_counter() - started
    step.note = (step.note + " 4 invocations, one per schema; summed").strip()
    return step


def site_facts(site: Path) -> dict:
    """Size of the whole site (sum of file sizes, MB) and of its search index (Pagefind's, or Material's lunr index)."""
    if not site.is_dir():
        return {}
    facts = site_size.measure(site)
    lunr = site / "search" / "search_index.json"
    search_mb = facts["parts"].get("search index (pagefind)", {}).get("mb") or (round(lunr.stat().st_size / 1e6, 2) if lunr.exists() else None)
    return {"site_mb": facts["total_mb"], "files": facts["files"], "kb_per_record": facts["kb_per_record"], "search_index_mb": search_mb}


def search_step(site: Path, size: int, *, material: bool = True) -> Step:
    """The browser search benchmark (search_browser.py): one sample per query, each in a fresh browser;
    with ``material``, Material's lunr search on the same pages beside it."""
    step = Step("search: first query in Chromium", size)
    started = time.perf_counter()
    try:
        result = search_browser.measure(site)
    except Exception as error:  # no Chromium or Playwright: the step fails with the reason, the run goes on
        step.samples.append(Sample(0.0, 0, load_average(), 1, f"{type(error).__name__}: {error}"))
        step.note = f"failed: {type(error).__name__}: {str(error).splitlines()[0][:200]}"
        return step
    for row in result["queries"]:
        if row["label"].startswith(search_browser.COMMON):
            continue  # its own target (common_s), not one of the median's three
        step.samples.append(Sample(row.get("seconds", 0.0), 0, load_average(), 1 if "error" in row else 0, row.get("error", "")))
    step.extra.update(
        median_kb=result["median_kb"],
        common_s=result.get("common_s"),
        queries="; ".join(
            f"{r['label']} “{r['query']}”: {r.get('kb', '—')} kB, {r.get('seconds', '—')} s, {r.get('results_shown', 0)} shown" for r in result["queries"]
        ),
    )
    step.site = {"search": result}
    if not material:
        step.step_seconds = time.perf_counter() - started
        return step
    try:  # Material's lunr search on the same pages and queries, beside (material_search.py)
        step.site["material"] = material_search.measure(site, [r["query"] for r in result["queries"] if r.get("query")])
    except Exception as error:
        step.site["material"] = {"error": f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"}
    step.step_seconds = time.perf_counter() - started
    return step


def frame_spike_step(data: Path, size: int, work: Path, env: dict[str, str]) -> Step:
    """The record pages built without MkDocs (benchmarks/frame_spike.py), beside MkDocs' own work on the same pages.

    One run: a whole MkDocs build in the step's process (timing MkDocs' work on each record page),
    then the same pages in a plain Jinja2 frame. Its report (times, bytes, pages byte-identical)
    goes into the step's notes; the step's own time is both together."""
    step = Step("spike: record pages w/o MkDocs", size)
    report, spike_site = work / f"frame-spike-{size}.json", work / f"spike-site-{size}"
    shutil.rmtree(spike_site, ignore_errors=True)
    report.unlink(missing_ok=True)
    repeat(step, [PYTHON, "benchmarks/frame_spike.py", str(data), str(work / f"spike-mkdocs-site-{size}"), str(spike_site), str(report)], 1, env)
    if step.ok:
        found = json.loads(report.read_text("utf-8"))
        step.extra.update({key: value for key, value in found.items() if key != "first_difference" or value})
    return step


def run_all(opts: Options) -> list[Step]:
    """Every measurement, in an order that keeps the slowest for last; progress is printed as it goes."""
    steps: list[Step] = []

    def done(step: Step) -> Step:
        report_step(step)
        steps.append(step)
        return step

    small, large = opts.sizes
    all_sizes = [small, large] + ([opts.big] if opts.big else [])
    data = {}
    for size in all_sizes:
        data[size], synth = ensure_data(opts.work, size, opts.seed)
        done(synth)
    epoch_env = {"SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}
    for size in all_sizes:
        if "parse" not in opts.skip:
            done(repeat(Step("parse floor (yaml CSafeLoader)", size), [PYTHON, "benchmarks/parse_floor.py", str(data[size])], opts.runs))
        if "validate" not in opts.skip:
            done(repeat(Step("validate.py", size), [PYTHON, "scripts/validate.py", "--data", str(data[size])], opts.runs))
    if "duplicates" not in opts.skip:  # validation bounded on duplicates built to be slow: measured against their own parse floor
        planted, made = ensure_adversarial(opts.work, large, opts.seed, data[large])
        done(made)
        done(repeat(Step("duplicates: parse floor", large), [PYTHON, "benchmarks/parse_floor.py", str(planted)], opts.runs))
        checked = Step("duplicates: validate.py (finds them: exit 1)", large, expected_code=1)
        done(repeat(checked, [PYTHON, "scripts/validate.py", "--data", str(planted)], opts.runs))
    for size in (small, large):
        if "check-jsonschema" not in opts.skip:
            done(check_jsonschema_step(data[size], size, opts.runs))
    for size in (small, large):
        if "bare" not in opts.skip:
            config = bare_project(opts.work, size + GENERATED_PAGES)
            bare_site = opts.work / f"bare-site-{size}"
            step = repeat(
                Step("bare mkdocs build (floor)", size),
                [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "-f", str(config), "-d", str(bare_site)],
                opts.runs,
                epoch_env,
            )
            step.extra.update(site_facts(bare_site), pages=size + GENERATED_PAGES)
            done(step)
        if "build" not in opts.skip:
            site = opts.work / f"site-{size}"
            step = repeat(
                Step("build.py (validate+render+mkdocs)", size),
                [PYTHON, "scripts/build.py", "--data", str(data[size]), "--site-dir", str(site)],
                opts.runs,
                epoch_env,
            )
            step.extra.update(site_facts(site))
            done(step)
            if size == large and step.ok:
                step.site = site_size.measure(site)
                if "search" not in opts.skip:
                    done(search_step(site, size))
                if "spike" not in opts.skip:
                    done(frame_spike_step(data[size], size, opts.work, epoch_env))
    if opts.big and "big-build" not in opts.skip:  # the build at the big size: one run (minutes), its memory, its site and its search
        site = opts.work / f"site-{opts.big}"
        step = repeat(
            Step("build.py (validate+render+mkdocs)", opts.big),
            [PYTHON, "scripts/build.py", "--data", str(data[opts.big]), "--site-dir", str(site)],
            1,
            epoch_env,
        )
        step.extra.update(site_facts(site))
        done(step)
        if step.ok:
            step.site = site_size.measure(site)
            if "search" not in opts.skip:  # Material's lunr index of 100,000 pages is not what anyone would ship: Pagefind only
                done(search_step(site, opts.big, material=False))
    if "history" not in opts.skip:
        repository, synth = ensure_history(opts.work, large, opts.seed)
        done(synth)
        done(repeat(Step(f"history ({large:,} commits: git log, claim statuses)", large), [PYTHON, "benchmarks/history_step.py", str(repository)], opts.runs))
    if "serve" not in opts.skip:
        as_is = done(
            serve_rebuild(
                data[large], large, watch_data=False, first_timeout=opts.serve_first_timeout, change_timeout=opts.serve_change_timeout, edits=min(opts.runs, 3)
            )
        )
        if as_is.extra.get("rebuilds_triggered") == 0:  # the data directory is not watched: measure what watching it would give
            done(serve_rebuild(data[large], large, watch_data=True, first_timeout=opts.serve_first_timeout, change_timeout=opts.serve_change_timeout))
    if opts.big and "big-serve" not in opts.skip:  # the live preview at the big size: its first build takes the build's minutes
        done(
            serve_rebuild(
                data[opts.big], opts.big, watch_data=False, first_timeout=3 * opts.serve_first_timeout, change_timeout=opts.serve_change_timeout, edits=1
            )
        )
    return steps


def git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: sizes 60,300, big 600, 1 run, short serve timeouts")
    parser.add_argument("--sizes", default="1000,10000", help="the small and the large size, comma-separated (default 1000,10000)")
    parser.add_argument(
        "--big", type=int, default=100_000, help="the big size: validation, one build with its search, the live preview (default 100000; 0 to skip)"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per step (slow steps get fewer; default 5)")
    parser.add_argument("--seed", type=int, default=0, help="synth seed (default 0)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "tracker-bench", help="where data and sites go")
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated steps to skip: parse, validate, duplicates, check-jsonschema, bare, build, search, spike, history, serve, big-build, big-serve",
    )
    parser.add_argument("--serve-timeout", type=float, default=400.0, help="seconds to wait for an edit to show in the live preview (default 400)")
    args = parser.parse_args(argv)
    sizes = tuple(int(x) for x in args.sizes.split(","))
    if len(sizes) != 2 or sizes[0] >= sizes[1]:
        parser.error("--sizes takes two sizes, small then large")
    opts = Options(sizes, args.big, args.runs, args.seed, args.work, {x for x in args.skip.split(",") if x}, 900.0, args.serve_timeout)  # type: ignore[arg-type]
    if args.quick:
        opts.sizes, opts.big, opts.runs, opts.serve_first_timeout, opts.serve_change_timeout = (60, 300), 600, 1, 120.0, 20.0
    return opts


def main(argv: list[str] | None = None) -> int:
    opts = parse_args(argv)
    opts.work.mkdir(parents=True, exist_ok=True)
    env = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "uptime_start": uptime(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain")),
        "peak_memory_from": "/usr/bin/time %M" if GNU_TIME.exists() else "os.wait4 ru_maxrss",
        "options": {"sizes": list(opts.sizes), "big": opts.big, "runs": opts.runs, "seed": opts.seed, "skip": sorted(opts.skip)},
    }
    print(f"benchmark: {env['uptime_start']}", flush=True)
    start = time.perf_counter()
    steps = run_all(opts)
    env["total_s"] = time.perf_counter() - start
    env["uptime_end"] = uptime()
    env["commit_end"] = git("rev-parse", "--short", "HEAD")  # others may commit while a long run goes on
    target_rows = targets(steps, opts)
    text = markdown(steps, target_rows, env)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text(text, "utf-8")
    payload = {"environment": env, "steps": [s.summary() for s in steps], "targets": target_rows}
    (RESULTS / "latest.json").write_text(json.dumps(payload, indent=2) + "\n", "utf-8")
    print()
    print(text)
    print(f"written to {RESULTS.relative_to(REPO)}/latest.md and latest.json")
    return 0 if all(s.ok for s in steps if not s.name.startswith("serve")) else 1


if __name__ == "__main__":
    sys.exit(main())
