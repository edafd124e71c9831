"""`newskg explore`: serve the Streamlit explorer over a graph store.

The app finds its store in the `NEWSKG_STORE` environment variable, which this command sets; every
asset (fonts, JavaScript, the world outline) is served from the app's own static folder.

Example:
    >>> cmd = streamlit_command(port=8600, host="127.0.0.1")
    >>> cmd[1:4], "--server.port=8600" in cmd, "--server.enableStaticServing=true" in cmd
    (['-m', 'streamlit', 'run'], True, True)
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import webbrowser
from importlib import resources
from pathlib import Path

__all__ = ["register", "app_path", "streamlit_command", "explorer_env", "explore"]

STORE_ENV = "NEWSKG_STORE"


def app_path() -> Path:
    """The explorer's main script (its static folder and .streamlit config sit beside it)."""
    return Path(str(resources.files("newskg.app.explorer").joinpath("main.py")))


def _default_store() -> str:
    from newskg.graph.store import DEFAULT_STORE

    return str(DEFAULT_STORE)


def streamlit_command(*, port: int = 8501, host: str = "localhost") -> list[str]:
    """The `streamlit run` command line that serves the explorer headless on host:port."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_path()),
        f"--server.port={port}",
        f"--server.address={host}",
        "--server.headless=true",
        "--server.enableStaticServing=true",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
        "--global.developmentMode=false",
    ]


def _open_when_up(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    """Open the browser once the server answers its health check (gives up when it dies)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2):
                webbrowser.open(url)
                return
        except OSError:
            time.sleep(0.3)


def explorer_env(store: str) -> dict[str, str]:
    """The server's environment: the store as an absolute path, or an endpoint URL unchanged.

    >>> explorer_env("http://127.0.0.1:7878")[STORE_ENV]
    'http://127.0.0.1:7878'
    """
    remote = store.startswith(("http://", "https://"))
    return dict(os.environ, **{STORE_ENV: store if remote else str(Path(store).resolve())})


def explore(store: str, *, port: int = 8501, host: str = "localhost", browser: bool = True) -> int:
    """Serve the explorer until interrupted; returns streamlit's exit status."""
    env = explorer_env(store)
    url = f"http://{'localhost' if host in ('0.0.0.0', '::') else host}:{port}/"
    print(f"newskg explore: serving {store} at {url} (Ctrl-C stops)", file=sys.stderr, flush=True)
    proc = subprocess.Popen(streamlit_command(port=port, host=host), env=env)
    if browser:
        threading.Thread(target=_open_when_up, args=(url, proc), daemon=True).start()
    # SIGTERM (a test harness, a service manager) must stop the server too, not orphan it
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return proc.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _run(args: argparse.Namespace) -> int:
    store = args.store or _default_store()
    if not store.startswith(("http://", "https://")) and not Path(store).exists():
        print(
            f"newskg explore: {store} does not exist yet; the explorer starts on an empty graph "
            f"(fill it with `newskg build app/sample_articles --store {store}`)",
            file=sys.stderr,
        )
    return explore(store, port=args.port, host=args.host, browser=not args.no_browser)


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `newskg` parser."""
    p = sub.add_parser(
        "explore",
        help="open the explorer (Streamlit) in a browser",
        description="Serve the Streamlit explorer over a graph store: overview, interactive graph, "
        "entities with their evidence, articles, SPARQL, map, adding articles, export.",
    )
    p.add_argument(
        "--store", help="graph store directory or http(s):// SPARQL endpoint (default: data/newskg.oxigraph)"
    )
    p.add_argument("--port", type=int, default=8501, help="port to serve on (default: 8501)")
    p.add_argument("--host", default="localhost", help="address to bind (default: localhost)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.set_defaults(func=_run)
