"""Helpers for tests that start a real server process on loopback (oxigraph serve, newskg explore)."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable


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
