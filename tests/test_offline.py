"""Offline: the build and the tests make no network connection.

tests/conftest.py guards the whole test session: every socket of the pytest processes, and of every
Python process they start, goes through the guard of tests/hostile/inject/sitecustomize.py (a
connection or name lookup that is not for loopback or a Unix socket fails and is logged), and a
non-empty log fails the session. The live site (conftest.live_site) is moreover built in a network
namespace with no interface but loopback (`unshare --net`, where root or user namespaces permit it),
which cuts off programs that are not Python too, such as Pagefind's indexer. These tests show that
each piece works: the guard refuses and records, lets loopback through, and the namespace has no way out.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import INJECT, NETWORK_LOG, no_network_prefix

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


@pytest.fixture
def own_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The session's guard writes to a log of this test's (the guard reads the variable at each attempt),
    so the attempts made on purpose here do not fail the session."""
    log = tmp_path / "network.log"
    monkeypatch.setenv("TRACKER_NET_GUARD", str(log))
    return log


@pytest.mark.parametrize(("family", "address"), [(socket.AF_INET, ("192.0.2.1", 80)), (socket.AF_INET6, ("2001:db8::1", 80, 0, 0))])
def test_the_session_guard_refuses_a_connection_in_this_process(own_log: Path, family: socket.AddressFamily, address: tuple):
    """A test that connects anywhere but loopback fails at once, and the attempt is recorded."""
    with socket.socket(family, socket.SOCK_STREAM) as sock, pytest.raises(OSError, match=r"network access blocked by the offline test: connect"):
        sock.connect(address)
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        assert sock.connect_ex(address) != 0
    assert own_log.read_text().count(address[0]) == 2


def test_the_session_guard_refuses_a_name_lookup_in_this_process(own_log: Path):
    with pytest.raises(socket.gaierror, match=r"name lookup blocked by the offline test: example\.org"):
        socket.create_connection(("example.org", 443), timeout=3)
    assert "getaddrinfo 'example.org'" in own_log.read_text()


def test_the_session_guard_lets_loopback_and_unix_sockets_through(own_log: Path, tmp_path: Path):
    """Local servers (the browser tests serve the site on 127.0.0.1) keep working under the guard."""
    with socket.create_server(("127.0.0.1", 0)) as server, socket.create_connection(("localhost", server.getsockname()[1]), timeout=3) as client:
        accepted, _ = server.accept()
        accepted.sendall(b"ok")
        assert client.recv(2) == b"ok"
        accepted.close()
    path = str(tmp_path / "unix.sock")
    with socket.socket(socket.AF_UNIX) as server, socket.socket(socket.AF_UNIX) as client:
        server.bind(path)
        server.listen()
        client.connect(path)
    assert not own_log.exists()


def test_processes_started_by_tests_are_guarded_too(own_log: Path):
    """The session puts the guard on PYTHONPATH: a Python program a test starts is refused and recorded."""
    assert str(INJECT) in os.environ["PYTHONPATH"].split(os.pathsep)
    result = subprocess.run([sys.executable, "-c", PROBE.format(host="192.0.2.1")], capture_output=True, text=True, check=False)
    assert result.stdout.split() == ["blocked", "blocked"], result.stdout + result.stderr
    assert own_log.read_text().count("192.0.2.1") == 2


def test_the_session_log_is_the_one_the_session_checks():
    """The log conftest.py reads at the end of the session is the one the guard writes to."""
    assert os.environ["TRACKER_NET_GUARD"] == str(NETWORK_LOG)


@pytest.mark.parametrize("target", ["example.org", "192.0.2.1", "2001:db8::1"])
def test_the_socket_guard_blocks_and_records_attempts(tmp_path: Path, target: str):
    """The guard on its own, in a fresh process: a connection attempt fails and is logged."""
    log = tmp_path / "network.log"
    environment = {**os.environ, "PYTHONPATH": str(INJECT), "TRACKER_NET_GUARD": str(log)}
    result = subprocess.run([sys.executable, "-c", PROBE.format(host=target)], env=environment, capture_output=True, text=True, check=False)
    outcomes = result.stdout.split()
    assert outcomes and set(outcomes) == {"blocked"}, result.stdout + result.stderr
    assert log.read_text().count(target) == len(outcomes)


def test_the_network_namespace_has_no_way_out():
    """Where permitted, the namespace the live site is built in cuts off a raw connection even without the guard."""
    prefix = no_network_prefix()
    print(f"isolation: {'network namespace (unshare --net) + socket guard' if prefix else 'socket guard only (unshare not permitted here)'}")
    if not prefix:
        return  # the guard alone (tested above): never a skip, in CI or anywhere else
    environment = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "TRACKER_NET_GUARD"}}
    result = subprocess.run([*prefix, sys.executable, "-c", PROBE.format(host="192.0.2.1")], env=environment, capture_output=True, text=True, check=False)
    assert result.stdout.split() == ["blocked", "blocked"], result.stdout + result.stderr
