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
tree or the clock, so two builds of one commit give the same history. Local edits not yet committed
have no history until they are committed. Merge commits carry no changes of their own (git log
shows no diff for them): a change merged from a branch is dated by its own commit on that branch.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ADDED, CHANGED, RENAMED, WITHDRAWN = "added", "changed", "renamed", "withdrawn"

NO_GIT = "no history: git is not installed, so records carry no publication dates"
NOT_A_REPOSITORY = "no history: {data} is not in a git repository (a tarball?), so records carry no publication dates"
SHALLOW = "no history: the repository is a shallow clone, so records carry no publication dates (fetch the full history: git fetch --unshallow)"
NO_COMMITS = "no history: no commit touches {data} yet, so records carry no publication dates"

# Variables git sets for hooks, which would point the commands below at another repository.
_GIT_ENVIRONMENT = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX")
# Per commit: \x01 id \x02 parent ids \x02 commit time \x02 subject, then its files (-z: NUL-separated).
LOG_FORMAT = "%x01%H%x02%P%x02%ct%x02%s"
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

    def last_version_url(self, repo_url: str, prefix: str) -> str:
        """The file's last version on the repository host (`prefix` is History.prefix: the data directory in the repository)."""
        return f"{repo_url.rstrip('/')}/blob/{self.parent}/{prefix}{self.path}"


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

    def of(self, path: str) -> RecordHistory | None:
        """The history of the record at `path` (relative to the data directory), if it has any."""
        return self.records.get(path)


def rfc3339(epoch: int) -> str:
    """A commit time as RFC 3339 in UTC: 2026-11-29T15:46:46Z."""
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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


def read_history(data: Path) -> History:
    """The history of every record file under `data`, from one `git log` of the repository.

    The log is not limited to data/ by a pathspec: that makes git decide for every commit whether
    it touched data/ (a second tree diff per commit, twice the time at 10,000 commits); the paths
    outside data/ are dropped here instead. `--raw` gives each file's blob ids, so that old versions
    are read by id later, without walking trees again.
    """
    data = Path(data).resolve()
    where = locate(data) if data.is_dir() else NOT_A_REPOSITORY.format(data=data)
    if isinstance(where, str):
        return History(False, where)
    toplevel, prefix = where
    log = read_log(toplevel)
    if log is None:  # e.g. a repository without any commit
        return History(False, NO_COMMITS.format(data=data), toplevel=toplevel, prefix=prefix)
    history = parse_log(log.decode("utf-8", "replace"), prefix)
    history.toplevel, history.prefix = toplevel, prefix
    if not history.commits:
        history.available, history.notice = False, NO_COMMITS.format(data=data)
    return history


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


def _entries(fields: list[str], prefix: str):
    """(status letter, old path, new path, old blob, new blob) per record file of one commit, paths relative to the data directory."""
    i = 0
    while i < len(fields):
        meta = fields[i].split()  # :old-mode new-mode old-blob new-blob status
        if len(meta) < 5:
            break
        status = meta[4]
        if status[:1] in "RC":
            old, new, i = fields[i + 1], fields[i + 2], i + 3
        else:
            old = new = fields[i + 1]
            i += 2
        if not (old.startswith(prefix) or new.startswith(prefix)):
            continue
        old, new = old.removeprefix(prefix), new.removeprefix(prefix)
        if _RECORD.fullmatch(new) or _RECORD.fullmatch(old):
            yield status[0], old, new, meta[2], meta[3]


def parse_log(text: str, prefix: str = "") -> History:
    """The history in the output of `git log -z --raw --no-abbrev -M --format=LOG_FORMAT`, newest commit first."""
    history = History(True)
    identity: dict[str, RecordHistory] = {}  # a path at the time of the commit being read -> the record it holds

    def record_at(path: str) -> RecordHistory:
        found = identity.get(path)
        if found is None:  # first seen, walking back in time: a record that exists now
            found = identity[path] = history.records.setdefault(path, RecordHistory(path))
        return found

    for chunk in text.split("\x01")[1:]:
        header, _, rest = chunk.partition("\x00")
        sha, parents, epoch, subject = [*header.split("\x02", 3), "", "", ""][:4]
        parent = parents.split(" ")[0]
        date = None
        added, changed, withdrawn = [], [], []
        rest = rest.strip("\n\x00")
        for status, old, new, old_blob, new_blob in _entries(rest.split("\x00") if rest else [], prefix):
            date = date or rfc3339(int(epoch))
            if status == "D":
                record = identity.get(old)
                if record is None:  # its removal is the first thing seen of it: withdrawn
                    record = identity[old] = history.withdrawn[old] = RecordHistory(old)
                    history.withdrawals[old] = Withdrawal(old, date, subject, sha, old_blob, parent)
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
        if date is not None and (added or changed or withdrawn):  # a date once any entry was read
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


def diff_url(repo_url: str, sha: str) -> str:
    """The commit's page on the repository host (GitHub, GitLab and Gitea all serve <repo>/commit/<sha>)."""
    return f"{repo_url.rstrip('/')}/commit/{sha}"


# ---------------------------------------------------------------- a claim's assessment over time

_STATUS = re.compile(r"^assessment:[ \t]*(?:#.*)?\n(?:(?:[ ]{2,}.*|[ \t]*#.*|[ \t]*)\n)*?[ ]{2}status:[ \t]*[\"']?([a-z-]+)[\"']?[ \t]*(?:#.*)?$", re.M)


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
    found = _STATUS.search(text.decode("utf-8", "replace"))
    return found.group(1) if found else None


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

_MEMO: dict[tuple[str, str], History] = {}


def read_history_memo(data: Path) -> History:
    """read_history, remembered per data directory and HEAD commit: the live preview rebuilds after
    every edit, and the history changes only with a commit (one `git rev-parse`, a few milliseconds)."""
    data = Path(data).resolve()
    head = git(data, "rev-parse", "HEAD") if data.is_dir() else None
    key = (str(data), head.stdout.decode().strip() if head is not None and head.returncode == 0 else "")
    if key[1] and key in _MEMO:
        return _MEMO[key]
    history = read_history(data)
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
