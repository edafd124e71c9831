"""Helpers for tests that start a real server process on loopback (oxigraph serve, newskg explore)."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float, fail: Callable[[str], None]) -> None:
    """Poll `url` until it answers 2xx; call `fail(reason)` if the process dies or time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if 200 <= r.status < 300:
                    return
        except OSError:
            pass
        if proc.poll() is not None:
            fail(f"the server exited with status {proc.returncode}")
            return
        if time.monotonic() > deadline:
            fail(f"no answer from {url} in {seconds:.0f} s")
            return
        time.sleep(0.2)


def stop(proc: subprocess.Popen, seconds: float = 20) -> None:
    """Terminate the process, killing it if it does not stop in time."""
    proc.terminate()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """A real `oxigraph serve` on a free loopback port over `location`; yields its base URL.

    Skips the test when the server (PyPI package oxigraph, a test dependency) is not installed.
    """
    if not Path(OXIGRAPH).exists():
        pytest.skip("the `oxigraph` server (PyPI package oxigraph, a test dependency) is not installed")
    port = free_port()
    cmd = [
        OXIGRAPH,
        "serve",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:

        def fail(why: str) -> None:
            err = proc.stderr.read().decode() if proc.poll() is not None else ""
            pytest.fail(f"oxigraph serve did not start ({why}): {err}")

        wait_until_up(url + "/query?query=ASK%7B%7D", proc, 20, fail)
        yield url
    finally:
        stop(proc, 10)
        proc.stderr.close()
