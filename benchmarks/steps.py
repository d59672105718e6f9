"""The benchmark's measurements (benchmarks/run.py): a `Step` of timed `Sample`s, the options, and running a command to measure it."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BIN = Path(sys.executable).parent
PYTHON = sys.executable
RESULTS = REPO / "benchmarks" / "results"
GNU_TIME = Path("/usr/bin/time")
KINDS = ("events", "claims", "actors", "sources")
GENERATED_PAGES = 11  # home, timeline, 4 indexes, disputes, data notes, methodology, downloads, contributing
MIB = 1024 * 1024

# A step whose first run takes longer than these gets fewer runs (see README).
FEW_RUNS_AFTER_S = 10.0
ONE_RUN_AFTER_S = 120.0
FEW_RUNS = 3
NO_REBUILD_GIVE_UP_S = 20.0  # serve: give up when no rebuild has started this long after the edit


@dataclass(slots=True)
class Sample:
    """One timed run of a command in its own process."""

    seconds: float
    peak_kib: int
    load: float  # 1-minute load average when the run started
    returncode: int
    stderr_tail: str = ""
    cpu_seconds: float = 0.0  # user + system CPU of the process tree: less sensitive to the load than wall time


@dataclass(slots=True)
class Step:
    """Several runs of one measurement, summarised."""

    name: str
    size: int
    samples: list[Sample] = field(default_factory=list)
    note: str = ""
    extra: dict = field(default_factory=dict)
    site: dict = field(default_factory=dict)  # the built site's size by part (site_size.measure), for the large build
    step_seconds: float = 0.0  # wall time of the whole step, all runs and preparation
    reused: bool = False  # nothing was run: an earlier run's result (synthetic data) was still valid
    expected_code: int = 0  # the exit status of a run that did its work (1: the validator found the problems planted)

    @property
    def ok(self) -> bool:
        return self.reused or (bool(self.samples) and all(s.returncode == self.expected_code for s in self.samples))

    @property
    def median(self) -> float | None:
        return statistics.median(s.seconds for s in self.samples) if self.ok and self.samples else None

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(s.cpu_seconds for s in self.samples) if self.ok and any(s.cpu_seconds for s in self.samples) else None

    @property
    def peak_mib(self) -> float | None:
        """The largest peak RSS over the runs; None when not measured (the live-preview steps)."""
        peak = max((s.peak_kib for s in self.samples), default=0)
        return peak / 1024 if peak else None

    def summary(self) -> dict:
        times = [s.seconds for s in self.samples]
        return {
            "name": self.name,
            "size": self.size,
            "ok": self.ok,
            "runs": len(self.samples),
            "median_s": self.median,
            "min_s": min(times) if times else None,
            "max_s": max(times) if times else None,
            "cpu_median_s": self.cpu_median,
            "peak_mib": self.peak_mib,
            "load": [s.load for s in self.samples],
            "note": self.note,
            "extra": self.extra,
            "site": self.site,
            "step_s": round(self.step_seconds, 1),
            "samples": [asdict(s) for s in self.samples],
        }


# ---------------------------------------------------------------- the benchmark


@dataclass(slots=True)
class Options:
    sizes: tuple[int, int]
    big: int
    runs: int
    seed: int
    work: Path
    skip: set[str]
    serve_first_timeout: float
    serve_change_timeout: float


# ---------------------------------------------------------------- running and measuring


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return f"load average {os.getloadavg()}"


def measure(command: list[str], env: dict[str, str] | None = None) -> Sample:
    """Run ``command`` once; wall time from here, peak RSS (ru_maxrss of the process tree) from /usr/bin/time or wait4."""
    use_gnu_time = GNU_TIME.exists()
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss"
        full = [str(GNU_TIME), "-f", "%M %U %S", "-o", str(rss_file), *command] if use_gnu_time else command
        with open(Path(tmp) / "err", "w+b") as err:
            load = load_average()
            start = time.perf_counter()
            proc = subprocess.Popen(full, cwd=REPO, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
        peak_kib = usage.ru_maxrss  # Linux: KiB, the largest process of the tree
        cpu = usage.ru_utime + usage.ru_stime
        if use_gnu_time and rss_file.exists():
            fields = (rss_file.read_text().strip().splitlines() or [""])[-1].split()
            if len(fields) == 3 and fields[0].isdigit():
                peak_kib, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
    return Sample(round(seconds, 3), peak_kib, load, proc.returncode, tail if proc.returncode else "", round(cpu, 2))


def repeat(step: Step, command: list[str] | Callable[[], list[str]], runs: int, env: dict[str, str] | None = None) -> Step:
    """Run a command ``runs`` times (fewer when the first run is slow); stop at the first failure."""
    started = time.perf_counter()
    wanted = runs
    while len(step.samples) < wanted:
        sample = measure(command() if callable(command) else command, env)
        step.samples.append(sample)
        if sample.returncode != step.expected_code:
            step.note = f"failed (exit {sample.returncode}): {sample.stderr_tail.strip().splitlines()[-1:] or ''}"
            break
        if len(step.samples) == 1:
            wanted = runs_after_first(sample.seconds, runs)
    step.step_seconds += time.perf_counter() - started
    if len(step.samples) < runs and step.ok:
        step.note = (step.note + f" {len(step.samples)} of {runs} runs (slow step)").strip()
    return step


def runs_after_first(seconds: float, runs: int) -> int:
    """Slow steps get fewer runs: at most 3 after a first run over 10 s, 1 after one over 120 s."""
    if seconds > ONE_RUN_AFTER_S:
        return 1
    if seconds > FEW_RUNS_AFTER_S:
        return min(runs, FEW_RUNS)
    return runs


def report_step(step: Step) -> None:
    """One progress line per finished step, so a long run shows where it is."""
    median = "reused" if step.reused else f"{step.median:.2f} s" if step.median is not None else "FAILED"
    peak = f"{step.peak_mib:.0f} MiB" if step.peak_mib is not None else "-"
    print(f"  {step.name:<28} N={step.size:<7} {median:>10}  peak {peak:>9}  runs {len(step.samples)}  ({step.step_seconds:.0f} s)  {step.note}", flush=True)
