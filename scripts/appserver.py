"""Start the app on loopback for browser tests, benchmarks and screenshots, and stop it after."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with code {process.returncode}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"the app did not become healthy within {timeout} s")


def server_command(script: str | Path, port: int) -> list[str]:
    """The command that serves ``script`` on 127.0.0.1:``port``: headless, no usage stats,
    no file watcher (every test, benchmark and the cluster launcher start the app this way)."""
    return [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip


@dataclass(frozen=True)
class Server:
    """A running app: its base URL, its process and the file its log goes to."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def rss_mb(self) -> float:
        """The server's resident memory in MB, read from /proc."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kilobytes = next(
            line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")
        )
        return int(kilobytes) / 1024


@contextlib.contextmanager
def running_server(script: str | Path = ROOT / "app.py", cwd: Path = ROOT) -> Iterator[Server]:
    """Run a Streamlit script on 127.0.0.1 at a free port; yield the server, stop it after."""
    port = free_port()
    command = server_command(script, port)
    with tempfile.TemporaryDirectory(prefix="app-log-") as folder:
        log = Path(folder) / "server.log"
        with log.open("wb") as sink:
            # The log goes to a file, not a pipe: an unread pipe would stall a chatty server.
            process = subprocess.Popen(
                command,
                cwd=cwd,
                stdout=sink,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
            url = f"http://127.0.0.1:{port}"
            try:
                wait_healthy(url, process)
                yield Server(url, process, log)
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@contextlib.contextmanager
def running_app(script: str | Path = ROOT / "app.py", cwd: Path = ROOT) -> Iterator[str]:
    """Run a Streamlit script on 127.0.0.1 at a free port; yield its base URL."""
    with running_server(script, cwd) as server:
        yield server.url
