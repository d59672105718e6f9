"""Offline: the build and the tests make no network connection.

They run in a network namespace with no interface but loopback (`unshare --net`, which needs
root or user namespaces) and, always, with every Python socket guarded by
tests/hostile/inject/sitecustomize.py: a connection or name lookup that is not for loopback
fails and is written to a log. The namespace makes a connection impossible for any program;
the guard makes an attempt visible even when the code that tried swallowed the error. Where
`unshare` is not permitted the guard alone is used, and the test says so in its output: it
never skips, in CI or anywhere else.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXED_EPOCH, LIVE_DATA, REPO

INJECT = Path(__file__).resolve().parent / "hostile" / "inject"
# Bring loopback up inside a fresh namespace (local test servers use it); harmless where it fails.
WITH_LOOPBACK = ["sh", "-c", 'ip link set lo up 2>/dev/null; exec "$@"', "sh"]
PROBE = """
import ipaddress, socket
host = "{host}"
attempts = [lambda: socket.create_connection((host, 80), timeout=3)]
try:
    family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    attempts.append(lambda: socket.socket(family, socket.SOCK_STREAM).connect((host, 80)))
except ValueError:
    pass
for attempt in attempts:
    try:
        attempt()
    except OSError:
        print("blocked")
    else:
        print("connected")
"""


@functools.cache
def namespace_prefix() -> list[str] | None:
    """The command prefix that runs a program without network access, or None where not permitted."""
    if shutil.which("unshare") is None:
        return None
    for prefix in (["unshare", "--net", "--"], ["unshare", "--user", "--map-root-user", "--net", "--"]):
        if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode == 0:
            return [*prefix, *WITH_LOOPBACK]
    return None


def offline(command: list[str], log: Path, *, guard: bool = True, **env: str) -> subprocess.CompletedProcess:
    """Run a command in the network namespace when permitted, with Python's sockets guarded."""
    environment = {**os.environ, **env}
    if guard:  # the guard's sitecustomize first, then what the caller put on the path (a copy's own package)
        environment.update(PYTHONPATH=os.pathsep.join(filter(None, [str(INJECT), environment.get("PYTHONPATH")])), TRACKER_NET_GUARD=str(log))
    prefix = namespace_prefix() or []
    return subprocess.run([*prefix, *command], cwd=REPO, env=environment, capture_output=True, text=True, check=False)


def isolation() -> str:
    """How the network is cut off on this machine, for the test output."""
    return "network namespace (unshare --net) + socket guard" if namespace_prefix() else "socket guard only (unshare not permitted here)"


def test_the_build_makes_no_network_connection(tmp_path: Path):
    """scripts/build.py on the real data, offline: it succeeds and attempts no connection."""
    log = tmp_path / "network.log"
    print(f"isolation: {isolation()}")
    if namespace_prefix():
        # The namespace really has no way out: a raw connection fails even without the guard.
        probe = offline([sys.executable, "-c", PROBE.format(host="192.0.2.1")], log, guard=False)
        assert probe.stdout.split() == ["blocked", "blocked"], probe.stdout + probe.stderr
    site = tmp_path / "site"
    result = offline([sys.executable, "scripts/build.py", "--data", str(LIVE_DATA), "--site-dir", str(site)], log, SOURCE_DATE_EPOCH=FIXED_EPOCH)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "index.html").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert not log.exists() or log.read_text() == "", f"network access attempted:\n{log.read_text()}"


def test_the_validator_and_the_unit_tests_make_no_network_connection(tmp_path: Path):
    """The loader, schema, rule and property tests, run offline, pass and try nothing."""
    log = tmp_path / "network.log"
    tests = ["tests/test_loader.py", "tests/test_rules.py", "tests/test_schemas.py", "tests/test_properties.py"]
    result = offline([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests], log, HYPOTHESIS_STORAGE_DIRECTORY=str(tmp_path / "hypothesis"))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert not log.exists() or log.read_text() == "", f"network access attempted:\n{log.read_text()}"


@pytest.mark.parametrize("target", ["example.org", "192.0.2.1", "2001:db8::1"])
def test_the_socket_guard_blocks_and_records_attempts(tmp_path: Path, target: str):
    """The fallback works on its own: without a namespace, a connection attempt fails and is logged."""
    log = tmp_path / "network.log"
    environment = {**os.environ, "PYTHONPATH": str(INJECT), "TRACKER_NET_GUARD": str(log)}
    result = subprocess.run([sys.executable, "-c", PROBE.format(host=target)], env=environment, capture_output=True, text=True, check=False)
    outcomes = result.stdout.split()
    assert outcomes and set(outcomes) == {"blocked"}, result.stdout + result.stderr
    assert log.read_text().count(target) == len(outcomes)


def test_the_socket_guard_lets_loopback_through(tmp_path: Path):
    """Local servers (the browser tests serve the site on 127.0.0.1) keep working under the guard."""
    log = tmp_path / "network.log"
    code = (
        "import socket, threading\n"
        "server = socket.create_server(('127.0.0.1', 0))\n"
        "port = server.getsockname()[1]\n"
        "threading.Thread(target=lambda: server.accept()[0].sendall(b'ok'), daemon=True).start()\n"
        "print(socket.create_connection(('localhost', port), timeout=3).recv(2).decode())\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(INJECT), "TRACKER_NET_GUARD": str(log)}
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr
    assert not log.exists()
