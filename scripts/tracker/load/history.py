"""Every record's history, read from the repository's commits in one pass.

One `git log --raw -M -z` of the repository gives, per commit, the files it added, changed,
renamed and removed, with their blob ids; those outside the data directory are dropped. Walking it
newest first, a path seen for the first time is a record that still exists (or, if the first thing
seen is its removal, a withdrawn one); a rename maps the older path onto the same record, so a
renamed record keeps its whole history. A long log is read by one git process per core over
consecutive ranges of the same ordered log (read_log), which gives the same bytes.

Why the git command line and not dulwich or pygit2: nearly all the time is tree diffs, one per
commit; git does them in C, and git is already needed to check out the repository. dulwich would
do them in pure Python (not measured here, but it cannot be faster); pygit2 is C too but needs
libgit2, a compiled dependency, for no gain over `git log`. Without git, or without its history
(a tarball, a shallow clone), the result is "no history" with a notice, and no dates at all rather
than wrong ones.

Everything is derived from commits only (commit dates, subjects, ids), never from the working
tree or the clock, so two builds of one commit give the same history. Commits are untrusted input
like data/: git_log.py reads them field by field and checks each, and a commit that fails (a subject
with control characters, a date after the build's SOURCE_DATE_EPOCH…) is reported and left out. Local edits not yet committed
have no history until they are committed. Merge commits carry no changes of their own (git log
shows no diff for them): a change merged from a branch is dated by its own commit on that branch.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tracker.load.git_log import LAST_PRINTABLE, LOG_FORMAT, Entry, LogError, LogProblem, check, commits, is_commit_id, parse_epoch

ADDED, CHANGED, RENAMED, WITHDRAWN = "added", "changed", "renamed", "withdrawn"

NO_GIT = "no history: git is not installed, so records carry no publication dates"
NOT_A_REPOSITORY = "no history: {data} is not in a git repository (a tarball?), so records carry no publication dates"
SHALLOW = "no history: the repository is a shallow clone, so records carry no publication dates (fetch the full history: git fetch --unshallow)"
NO_COMMITS = "no history: no commit touches {data} yet, so records carry no publication dates"
UNREADABLE = "no history: git log printed what it does not print ({why}), so records carry no publication dates"
NO_FIRST_DATE = "no history: the repository's first commit has no date the build can trust, so records carry no publication dates"

# Variables git sets for hooks, which would point the commands below at another repository.
_GIT_ENVIRONMENT = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX")
# The commit fields and the files, all NUL-separated (git_log.py says why and how they are checked).
LOG_ARGS = ("log", "-z", "--topo-order", "--raw", "--no-abbrev", "-M", "--no-color", f"--format={LOG_FORMAT}")
SPLIT_FROM = 2_000  # commits per process at least: below this, starting another git costs more than it saves
MAX_PARTS = 4
# A record file: <kind folder>/<id>.yaml relative to the data directory.
_RECORD = re.compile(r"[^/]+/[^/]+\.yaml")


@dataclass(frozen=True)
class Change:
    """One commit's change to one record: when (commit date, UTC, RFC 3339), what, and why (the subject)."""

    date: str
    action: str  # added, changed, renamed or withdrawn
    subject: str
    sha: str
    path: str  # the record's path (relative to the data directory) after this commit; before it, for a removal
    blob: str  # the file's git object id after this commit; before it, for a removal


@dataclass
class RecordHistory:
    """A record's changes, newest first; `path` is where it is now (or was last, when withdrawn)."""

    path: str
    changes: list[Change] = field(default_factory=list)

    @property
    def published(self) -> str:
        """When the record was first published: the date of its oldest commit."""
        return self.changes[-1].date

    @property
    def modified(self) -> str:
        """When the record last changed: the date of its newest commit."""
        return self.changes[0].date


@dataclass(frozen=True)
class Withdrawal:
    """A record file removed from data/: the removing commit, and its last version (`git show <blob>`, or `git show sha^:<prefix><path>`)."""

    path: str
    date: str
    subject: str
    sha: str
    blob: str
    parent: str  # the commit before the removal, which still holds the file

    def last_version_url(self, repo_url: str, prefix: str) -> str | None:
        """The file's last version on the repository host (`prefix` is History.prefix: the data directory in the repository)."""
        return f"{repo_url.rstrip('/')}/blob/{self.parent}/{prefix}{self.path}" if is_commit_id(self.parent) else None


@dataclass(frozen=True)
class Commit:
    """One commit that touched a record: the records it added, changed and withdrew, by their current paths."""

    sha: str
    date: str
    subject: str
    added: tuple[str, ...]
    changed: tuple[str, ...]
    withdrawn: tuple[str, ...]


@dataclass
class History:
    """The history of one data directory; `available` is False (with `notice`) when there is none to read."""

    available: bool
    notice: str | None = None
    records: dict[str, RecordHistory] = field(default_factory=dict)  # current path -> history
    withdrawn: dict[str, RecordHistory] = field(default_factory=dict)  # path when removed -> history
    withdrawals: dict[str, Withdrawal] = field(default_factory=dict)  # path when removed -> the removal
    commits: list[Commit] = field(default_factory=list)  # newest first
    toplevel: Path | None = None  # the work tree's root
    prefix: str = ""  # the data directory relative to the root, with a trailing slash (or "")
    problems: list[LogProblem] = field(default_factory=list)  # commits left out, oldest last

    def of(self, path: str) -> RecordHistory | None:
        """The history of the record at `path` (relative to the data directory), if it has any."""
        return self.records.get(path)


def git_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_ENVIRONMENT}
    env["LC_ALL"] = "C"
    return env


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run git in `cwd`; the caller decides what a failure means."""
    return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, env=git_environment(), check=False)


def locate(data: Path) -> tuple[Path, str] | str:
    """(the work tree's root, the data directory's prefix in it), or the notice saying why there is no history."""
    try:
        found = git(data, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository")
    except FileNotFoundError:
        return NO_GIT
    if found.returncode != 0:
        return NOT_A_REPOSITORY.format(data=data)
    toplevel, prefix, shallow = found.stdout.decode("utf-8").splitlines()[:3]
    if shallow == "true":
        return SHALLOW
    return Path(toplevel), prefix


def read_history(data: Path, until: int = 0) -> History:
    """The history of every record file under `data`, from one `git log` of the repository.

    The log is not limited to data/ by a pathspec: that makes git decide for every commit whether
    it touched data/ (a second tree diff per commit, twice the time at 10,000 commits); the paths
    outside data/ are dropped here instead. `--raw` gives each file's blob ids, so that old versions
    are read by id later, without walking trees again. `until` is the build's SOURCE_DATE_EPOCH (0:
    none): a commit dated after it, or before the repository's first commit, is left out (`problems`).
    """
    data = Path(data).resolve()
    where = locate(data) if data.is_dir() else NOT_A_REPOSITORY.format(data=data)
    if isinstance(where, str):
        return History(False, where)
    toplevel, prefix = where
    log = read_log(toplevel)
    if log is None:  # e.g. a repository without any commit
        return History(False, NO_COMMITS.format(data=data), toplevel=toplevel, prefix=prefix)
    earliest = first_commit_date(toplevel)
    if earliest is None:
        return History(False, NO_FIRST_DATE, toplevel=toplevel, prefix=prefix)
    try:
        history = parse_log(log, prefix, earliest, until)
    except LogError as error:
        return History(False, UNREADABLE.format(why=error), toplevel=toplevel, prefix=prefix)
    history.toplevel, history.prefix = toplevel, prefix
    if not history.commits:
        history.available, history.notice = False, NO_COMMITS.format(data=data)
    return history


def first_commit_date(toplevel: Path) -> int | None:
    """The date of the repository's first commit, on the line of first parents from HEAD (where a merge
    comes in as the second parent, its history cannot move this), or None when it has no valid date."""
    found = git(toplevel, "log", "--first-parent", "--max-parents=0", "--format=%ct", "HEAD")
    dates = found.stdout.decode("ascii", "replace").split()
    epoch = parse_epoch(dates[0]) if found.returncode == 0 and len(dates) == 1 else None
    return epoch if epoch is not None and epoch <= LAST_PRINTABLE else None


def read_log(toplevel: Path, parts: int | None = None) -> bytes | None:
    """The whole `git log` (LOG_ARGS) of the repository, or None when it has no commit.

    Nearly all the time goes into git's tree diffs, one per commit, on one core. A long history is
    cut into consecutive ranges of the same ordered log (--skip/--max-count: git diffs only the
    commits it shows) read by parallel processes into temporary files, and joined in order: the
    same bytes as one process, in about half the time on two cores.
    """
    counted = git(toplevel, "rev-list", "--count", "HEAD")
    if counted.returncode != 0:
        return None
    total = int(counted.stdout)
    if parts is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        parts = min(cores, MAX_PARTS, total // SPLIT_FROM)
    parts = max(1, parts)
    size = -(-total // parts)
    command = ["git", "-c", "core.quotepath=off", *LOG_ARGS]
    with contextlib.ExitStack() as stack:
        outputs = [stack.enter_context(tempfile.TemporaryFile()) for _ in range(parts)]
        running = [
            subprocess.Popen(
                [*command, f"--skip={i * size}", f"--max-count={size}"], cwd=toplevel, stdout=out, stderr=subprocess.DEVNULL, env=git_environment()
            )
            for i, out in enumerate(outputs)
        ]
        codes = [process.wait() for process in running]  # every one, also after a failure
        if any(codes):
            return None
        joined = bytearray()
        for out in outputs:
            out.seek(0)
            joined += out.read()
        return bytes(joined)


def _record_entries(entries: list[Entry], prefix: str) -> Iterator[tuple[str, str, str, str, str]]:
    """The entries of record files, paths relative to the data directory."""
    for entry in entries:
        if not (entry.old.startswith(prefix) or entry.new.startswith(prefix)):
            continue
        old, new = entry.old.removeprefix(prefix), entry.new.removeprefix(prefix)
        if _RECORD.fullmatch(new) or _RECORD.fullmatch(old):
            yield entry.status, old, new, entry.old_blob, entry.new_blob


def parse_log(log: bytes, prefix: str = "", earliest: int = 0, until: int = 0) -> History:  # noqa: C901  (one walk back in time: split, every part would share the map of which path holds which record)
    """The history in the output of `git log -z --raw --no-abbrev -M --format=LOG_FORMAT`, newest commit first.

    A commit that fails git_log.check is in `problems` and nowhere else: no change, date, subject or
    link of it is kept. Its renames and removals still move records' identities, so that the commits
    before it are attributed to the right records."""
    history = History(True)
    identity: dict[str, RecordHistory] = {}  # a path at the time of the commit being read -> the record it holds
    latest, latest_is = (until, "this build's SOURCE_DATE_EPOCH") if until > 0 else (LAST_PRINTABLE, "")
    head = True

    def record_at(path: str) -> RecordHistory:
        found = identity.get(path)
        if found is None:  # first seen, walking back in time: a record that exists now
            found = identity[path] = history.records.setdefault(path, RecordHistory(path))
        return found

    for raw in commits(log):
        if head:  # the commit built, first in the log
            head = False
            built = parse_epoch(raw.fields[2].decode("ascii", "replace"))
            if until > 0 and built is not None and built > until:
                # SOURCE_DATE_EPOCH is the commit built's date (the Makefile reads it so); set earlier by hand (as the tests
                # do, to build on a fixed day), the commit built is the limit: a commit dated after it is from the future.
                latest, latest_is = built, "the commit built"
        entries = list(_record_entries(raw.entries, prefix))
        if not entries:
            continue  # a commit outside data/ is not checked: nothing of it is published
        header = check(raw, earliest, latest, latest_is)
        if isinstance(header, LogProblem):
            history.problems.append(header)
            for status, old, new, _, _ in entries:  # only which record each path holds
                if status == "D":
                    identity.setdefault(old, RecordHistory(old))  # removed by a commit left out: no withdrawn page, no dates
                elif status == "R" and old != new:
                    moved = identity[old] = record_at(new)
                    if identity.get(new) is moved:
                        del identity[new]
            continue
        sha, date, subject = header.sha, header.date, header.subject
        added, changed, withdrawn = [], [], []
        for status, old, new, old_blob, new_blob in entries:
            if status == "D":
                record = identity.get(old)
                if record is None:  # its removal is the first thing seen of it: withdrawn
                    record = identity[old] = history.withdrawn[old] = RecordHistory(old)
                    history.withdrawals[old] = Withdrawal(old, date, subject, sha, old_blob, header.parent)
                record.changes.append(Change(date, WITHDRAWN, subject, sha, old, old_blob))
                withdrawn.append(record.path)
                continue
            record = record_at(new)
            if status == "R" and old != new:
                record.changes.append(Change(date, RENAMED, subject, sha, new, new_blob))
                identity[old] = record
                if identity.get(new) is record:
                    del identity[new]  # before the rename, nothing was at the new path (or another record was)
                changed.append(record.path)
            elif status == "A":
                record.changes.append(Change(date, ADDED, subject, sha, new, new_blob))
                added.append(record.path)
            else:
                record.changes.append(Change(date, CHANGED, subject, sha, new, new_blob))
                changed.append(record.path)
        history.commits.append(Commit(sha, date, subject, tuple(sorted(added)), tuple(sorted(changed)), tuple(sorted(withdrawn))))
    # A removed file whose path holds a live record again is that record's past, not a withdrawn page.
    for path in [p for p in history.withdrawn if p in history.records]:
        del history.withdrawn[path], history.withdrawals[path]
    return history


def read_blobs(history: History, blobs: list[str]) -> list[bytes | None]:
    """The contents of objects named by id (the blob ids of `Change.blob`), through one `git cat-file --batch`; a missing one gives None."""
    if not blobs or history.toplevel is None:
        return [None] * len(blobs)
    requests = "".join(f"{blob}\n" for blob in blobs).encode("ascii")
    done = subprocess.run(["git", "cat-file", "--batch"], cwd=history.toplevel, input=requests, capture_output=True, env=git_environment(), check=True)
    out, pos = done.stdout, 0
    contents: list[bytes | None] = []
    for _ in blobs:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) != 3:  # "<name> missing"
            contents.append(None)
            pos = end + 1
            continue
        size = int(header[2])
        contents.append(out[end + 1 : end + 1 + size])
        pos = end + 1 + size + 1
    return contents


def last_versions(history: History) -> dict[str, bytes | None]:
    """The last version of every withdrawn record file, by its path."""
    paths = sorted(history.withdrawals)
    return dict(zip(paths, read_blobs(history, [history.withdrawals[p].blob for p in paths]), strict=True))


def diff_url(repo_url: str, sha: str) -> str | None:
    """The commit's page on the repository host (GitHub, GitLab and Gitea all serve <repo>/commit/<sha>); None for anything but a commit id."""
    return f"{repo_url.rstrip('/')}/commit/{sha}" if is_commit_id(sha) else None


# ---------------------------------------------------------------- a claim's assessment over time

# A claim file's `assessment:` line and its `  status: <value>` line, each matched against one whole line.
# Past versions are not validated (a pull request can add a version and remove it again), so they are
# read line by line: one regular expression over the whole block backtracked exponentially on a few
# dozen comment lines inside it.
_ASSESSMENT_LINE = re.compile(r"assessment:[ \t]*(?:#.*)?")
_STATUS_LINE = re.compile(r"[ ]{2}status:[ \t]*[\"']?([a-z-]+)[\"']?[ \t]*(?:#.*)?")


@dataclass(frozen=True)
class StatusSpan:
    """A claim's assessment status from a commit on: `since` is that commit's date (RFC 3339, UTC)."""

    status: str
    since: str
    sha: str


def status_of(text: bytes | None) -> str | None:
    """The assessment status written in one version of a claim file (None if it has none or cannot be read)."""
    if text is None:
        return None
    inside = False  # in the lines of an `assessment:` block
    for line in text.decode("utf-8", "replace").split("\n"):
        if inside:
            found = _STATUS_LINE.fullmatch(line)
            if found:
                return found.group(1)
            # The block goes on over indented, blank and comment lines; any other line ends it.
            inside = line.startswith("  ") or line.lstrip(" \t").startswith("#") or not line.strip(" \t")
            if inside:
                continue
        inside = _ASSESSMENT_LINE.fullmatch(line) is not None
    return None


def status_histories(history: History, folder: str = "claims") -> dict[str, list[StatusSpan]]:
    """For every record under `folder/` whose status ever changed: its statuses, oldest first, each from the commit that set it.

    Only the versions of those files are read (one `git cat-file --batch` for all of them), and the
    status is read from the text, not by parsing YAML: at 10,000 claims this stays well under a second.
    """
    versions = []
    for path, record in sorted(history.records.items()):
        kept = [change for change in record.changes if change.action != WITHDRAWN]
        if path.startswith(f"{folder}/") and len({change.blob for change in kept}) > 1:  # one version has one status
            versions += [(path, change) for change in kept]
    texts = read_blobs(history, [change.blob for _, change in versions])
    spans: dict[str, list[StatusSpan]] = {}
    for (path, change), text in zip(reversed(versions), reversed(texts), strict=True):  # oldest first per record
        status = status_of(text)
        own = spans.setdefault(path, [])
        if status and (not own or own[-1].status != status):
            own.append(StatusSpan(status, change.date, change.sha))
    return {path: own for path, own in spans.items() if len(own) > 1}


def status_note(spans: list[StatusSpan], titles: dict[str, str]) -> str:
    """ "Disputed since 2026-11-20; previously unverified, corroborated" for the spans of one claim (newest status first)."""
    now, earlier = spans[-1], spans[:-1]
    previously = ", ".join(titles.get(s.status, s.status).lower() for s in reversed(earlier))
    return f"{titles.get(now.status, now.status)} since {now.since[:10]}; previously {previously}"


# ---------------------------------------------------------------- helpers for the page layer

_MEMO: dict[tuple[str, str, int], History] = {}


def read_history_memo(data: Path, until: int = 0) -> History:
    """read_history, remembered per data directory, HEAD commit and SOURCE_DATE_EPOCH: the live preview rebuilds
    after every edit, and the history changes only with a commit (one `git rev-parse`, a few milliseconds)."""
    data = Path(data).resolve()
    head = git(data, "rev-parse", "HEAD") if data.is_dir() else None
    key = (str(data), head.stdout.decode().strip() if head is not None and head.returncode == 0 else "", until)
    if key[1] and key in _MEMO:
        return _MEMO[key]
    history = read_history(data, until)
    _MEMO.clear()
    if key[1]:
        _MEMO[key] = history
    return history


def kind_and_id(path: str) -> tuple[str, str]:
    """("claims", "some-id") for "claims/some-id.yaml": a record's kind folder and id from its path."""
    kind, _, name = path.partition("/")
    return kind, name.removesuffix(".yaml")


def api_dates(record: RecordHistory | None) -> dict[str, str]:
    """`published` and `modified` (RFC 3339, UTC) for a record's API document; none without history."""
    return {"published": record.published, "modified": record.modified} if record is not None and record.changes else {}


def former_paths(history: History) -> dict[str, str]:
    """Old path -> current path of every renamed record whose old path holds nothing now: the addresses to redirect."""
    moved = {}
    for path, record in history.records.items():
        for change in record.changes:
            if change.path != path and change.path not in history.records and change.path not in history.withdrawn:
                moved[change.path] = path
    return dict(sorted(moved.items()))
