"""Run several explorer servers on loopback behind nginx, and keep them running.

Usage: ``python scripts/cluster.py --servers 3 --port 8600``

Starts ``--servers`` Streamlit servers (``streamlit run app.py`` on 127.0.0.1, ports
``--port``+1 upwards, or free ports with ``--port 0``) and Debian's nginx in front of them on
127.0.0.1:``--port``, as foreground children with a generated configuration in a temporary
folder (``--workdir`` keeps it, with the logs). It waits until every server answers
``/_stcore/health`` directly and through nginx, prints one ``ready`` line, restarts any server
that exits (``--restart-delay`` seconds later; ``--no-restart`` leaves it), and on Ctrl-C
(or SIGTERM) stops nginx and every server and exits 0.
``--print-config`` prints the nginx configuration and exits.

What nginx does (docs/deployment.md explains each setting):

- Affinity: every response sets a cookie naming the server that answered; a request that
  carries it goes to that server, one without it to the least busy server. A browser's
  page, websocket, uploads and downloads therefore all reach the server holding its session.
- Failover: when a session's server does not answer, nginx sends the request to another
  (``backup``), whose answer re-points the cookie; a server that failed once is left alone
  for ``fail_timeout`` (passive health checks). Streamlit's page reconnects its websocket and
  rebuilds the scenario from its link.
- ``/_stcore/stream`` is upgraded to a websocket and may stay open for hours; uploads are
  streamed to the server and may be as large as Streamlit's ``server.maxUploadSize``.

The output is meant for people and for tests: one line per event, ``server s1 pid 123
http://127.0.0.1:8601 healthy``, ``nginx pid 456 ...``, ``ready http://127.0.0.1:8600 ...``,
``server s1 exited with -9; restarting``, ``stopped``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from appserver import ROOT, free_port, server_command, wait_healthy

#: The cookie nginx sets to keep a browser on one server; its value is a server's name.
COOKIE = "explorer_server"
#: A server that failed this many requests within FAIL_TIMEOUT_S is left alone for as long
#: (passive health check).
MAX_FAILS = 2
FAIL_TIMEOUT_S = 5
#: How often the launcher looks for exited servers.
WATCH_INTERVAL_S = 0.5
#: Multipart framing nginx must allow on top of Streamlit's own upload limit.
UPLOAD_OVERHEAD_MB = 1


def upload_limit_mb(root: Path = ROOT) -> int:
    """Streamlit's ``server.maxUploadSize`` for this app (MB): the app's config, else 200."""
    config = root / ".streamlit" / "config.toml"
    if config.exists():
        limit = tomllib.loads(config.read_text()).get("server", {}).get("maxUploadSize")
        if isinstance(limit, int):
            return limit
    return 200


def nginx_config(port: int, backends: list[int], folder: Path, upload_mb: int) -> str:
    """The nginx configuration for servers on 127.0.0.1:``backends`` behind 127.0.0.1:``port``.

    Each server ``sN`` gets its own upstream group in which the others are ``backup``; the
    affinity cookie picks the group, so a session stays on its server while it lives and
    moves to a live one when it does not. Requests without the cookie use ``any``. Only
    the requests that place a session (a browser's first, the checks a page makes before it
    connects, and its websocket) set the cookie: one other request served elsewhere, say
    while its server was briefly marked failed, must not move the browser off its session.

    >>> text = nginx_config(8600, [8601, 8602], Path("/tmp/c"), 50)
    >>> "listen 127.0.0.1:8600;" in text and "server 127.0.0.1:8602 max_fails=2" in text
    True
    """
    names = [f"s{index + 1}" for index in range(len(backends))]
    peer = f"max_fails={MAX_FAILS} fail_timeout={FAIL_TIMEOUT_S}s"

    def group(name: str, first: int | None) -> str:
        lines = [f"    upstream {name} {{", f"        zone {name} 64k;"]
        if first is None:
            lines.append("        least_conn;")
        for backend in backends:
            backup = " backup" if first not in (None, backend) else ""
            lines.append(f"        server 127.0.0.1:{backend} {peer}{backup};")
        lines.append("    }")
        return "\n".join(lines)

    pools = "\n".join(f"        {name} {name};" for name in names)
    cookies = "\n".join(
        f'        "~^1 .*127\\.0\\.0\\.1:{backend}$" '
        f'"{COOKIE}={name}; Path=/; HttpOnly; SameSite=Lax";'
        for name, backend in zip(names, backends, strict=True)
    )
    groups = "\n\n".join(
        [group("any", None)]
        + [group(name, backend) for name, backend in zip(names, backends, strict=True)]
    )
    return f"""\
# Generated by scripts/cluster.py: {len(backends)} explorer servers behind one address.
daemon off;
pid {folder}/nginx.pid;
worker_processes 1;
error_log {folder}/error.log warn;

events {{
    worker_connections 4096;
}}

http {{
    # Everything nginx writes stays in this folder.
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    log_format cluster '$time_iso8601 $status $request_method $uri '
                       'cookie=$cookie_{COOKIE} upstream=$upstream_addr '
                       'time=$request_time';
    access_log {folder}/access.log cluster;
    server_tokens off;

    # A websocket handshake asks to upgrade the connection. Other requests close theirs:
    # a kept-alive connection the server had just closed failed the next request, and
    # nginx counted that against a live server.
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ""      close;
    }}

    # Affinity: the cookie names the server that holds this browser's session.
    map $cookie_{COOKIE} $explorer_pool {{
{pools}
        default any;
    }}

    # The requests that place a session: a browser's first (no cookie yet), the checks a
    # page makes before it connects, and the websocket.
    map "$explorer_pool $uri" $explorer_places {{
        "~^any "                     1;
        "~/_stcore/health$"          1;
        "~/_stcore/host-config$"     1;
        "~/_stcore/stream$"          1;
        default                      0;
    }}

    # On those, the cookie names whichever server answered (the last one tried).
    map "$explorer_places $upstream_addr" $explorer_cookie {{
{cookies}
        default "";
    }}

{groups}

    server {{
        listen 127.0.0.1:{port};

        client_max_body_size {upload_mb + UPLOAD_OVERHEAD_MB}m;
        proxy_http_version 1.1;
        # Streamlit checks a websocket's Origin against its Host: pass the browser's Host.
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_connect_timeout 2s;
        proxy_next_upstream error timeout;
        proxy_next_upstream_tries 3;
        add_header Set-Cookie $explorer_cookie always;

        location /_stcore/stream {{
            proxy_pass http://$explorer_pool;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_buffering off;
        }}

        location /_stcore/upload_file/ {{
            proxy_pass http://$explorer_pool;
            proxy_request_buffering off;
        }}

        location / {{
            proxy_pass http://$explorer_pool;
        }}
    }}
}}
"""


class ClusterError(RuntimeError):
    """The cluster cannot start or keep running; the message says why."""


def _log(message: str) -> None:
    print(message, flush=True)


def in_use(port: int) -> bool:
    """Whether something already listens on 127.0.0.1:``port`` (a health check would reach it)."""
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Backend:
    """One explorer server: its name (the cookie's value), port, process and log file."""

    name: str
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    #: Seconds to wait before the next restart: doubles while the server keeps failing fast.
    backoff: float = 0.0
    #: When an exited server is due to start again (monotonic clock), once it has exited.
    restart_at: float | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, secret: str) -> None:
        self.started = time.monotonic()
        with self.log.open("ab") as sink:
            # Its own process group: a Ctrl-C in the terminal reaches the launcher only,
            # which then stops nginx first and the servers after, in order.
            self.process = subprocess.Popen(
                server_command(ROOT / "app.py", self.port),
                cwd=ROOT,
                stdout=sink,
                stderr=subprocess.STDOUT,
                env={
                    **os.environ,
                    "PYTHONUNBUFFERED": "1",
                    # One secret for all servers, so anything Streamlit signs reads the same
                    # on each of them (an operator's own setting wins).
                    "STREAMLIT_SERVER_COOKIE_SECRET": os.environ.get(
                        "STREAMLIT_SERVER_COOKIE_SECRET", secret
                    ),
                },
                start_new_session=True,
            )


@dataclass
class Cluster:
    """Servers behind nginx; :meth:`watch` restarts the servers that exit."""

    port: int
    backends: list[Backend]
    folder: Path
    restart: bool = True
    restart_delay: float = 0.0
    nginx: subprocess.Popen[bytes] | None = None
    secret: str = field(default_factory=lambda: secrets.token_hex(32))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def config_path(self) -> Path:
        return self.folder / "nginx.conf"

    def start(self) -> None:
        taken = [port for port in [self.port] + [b.port for b in self.backends] if in_use(port)]
        if taken:
            raise ClusterError(f"port {', '.join(map(str, taken))} already in use on 127.0.0.1")
        for backend in self.backends:
            backend.start(self.secret)
        for backend in self.backends:
            self._wait(backend)
        self.config_path.write_text(
            nginx_config(self.port, [b.port for b in self.backends], self.folder, upload_limit_mb())
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        command = [nginx, "-p", str(self.folder), "-c", str(self.config_path)]
        command += ["-e", str(self.folder / "error.log")]
        checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise ClusterError(f"nginx rejected {self.config_path}: {checked.stderr.strip()}")
        self.nginx = subprocess.Popen(command, start_new_session=True)
        try:
            wait_healthy(self.url, self.nginx)
        except RuntimeError as error:
            raise ClusterError(f"nginx: {error}; see {self.folder / 'error.log'}") from error
        _log(f"nginx pid {self.nginx.pid} config {self.config_path}")

    def _wait(self, backend: Backend) -> None:
        assert backend.process is not None
        try:
            wait_healthy(backend.url, backend.process, timeout=60)
        except RuntimeError as error:
            raise ClusterError(f"server {backend.name}: {error}; see {backend.log}") from error
        _log(f"server {backend.name} pid {backend.process.pid} {backend.url} healthy")

    def watch(self) -> None:
        """Restart every server that has exited (when restarting is on); fail if nginx exited.

        A server starts again ``restart_delay`` seconds after it exits; one that exits
        within a minute of starting waits longer, twice as long each time up to a minute,
        so a server that cannot start does not spin.
        """
        if self.nginx is not None and self.nginx.poll() is not None:
            raise ClusterError(
                f"nginx exited with {self.nginx.returncode}; see {self.folder / 'error.log'}"
            )
        now = time.monotonic()
        for backend in self.backends:
            process = backend.process
            if process is None or process.poll() is None:
                continue
            if not self.restart:
                _log(f"server {backend.name} exited with {process.returncode}; not restarting")
                backend.process = None
                continue
            if backend.restart_at is None:
                lived = now - backend.started
                backend.backoff = 0.0 if lived > 60 else min(60.0, max(1.0, backend.backoff * 2))
                wait = max(self.restart_delay, backend.backoff)
                backend.restart_at = now + wait
                _log(
                    f"server {backend.name} exited with {process.returncode}; restarting"
                    + (f" in {wait:.0f} s" if wait else "")
                )
            if now < backend.restart_at:
                continue
            backend.restart_at = None
            backend.start(self.secret)
            try:
                self._wait(backend)
            except ClusterError as error:  # it failed again: the next watch restarts it
                _log(f"server {backend.name} did not start: {error}")

    def stop(self) -> None:
        """nginx first (no new requests), then every server; each gets 10 s before a kill."""
        processes = [self.nginx] + [backend.process for backend in self.backends]
        for process in processes:
            if process is not None and process.poll() is None:
                process.terminate()
        for process in processes:
            if process is None:
                continue
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _folder(workdir: Path | None) -> contextlib.AbstractContextManager[str]:
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        return contextlib.nullcontext(str(workdir.resolve()))
    return tempfile.TemporaryDirectory(prefix="explorer-cluster-")


@contextlib.contextmanager
def running_cluster(
    servers: int,
    port: int,
    *,
    restart: bool = True,
    restart_delay: float = 0.0,
    workdir: Path | None = None,
) -> Iterator[Cluster]:
    """Start the cluster; yield it once every server and nginx answer; stop everything after.

    ``port`` 0 picks free loopback ports for nginx and every server; otherwise the servers
    take the ports after ``port``.
    """
    if port == 0:
        port = free_port()
        ports = [free_port() for _ in range(servers)]
    else:
        ports = [port + 1 + index for index in range(servers)]
    with _folder(workdir) as name:
        folder = Path(name)
        if os.geteuid() == 0:
            # nginx's workers drop root; they must reach their temporary files in here.
            folder.chmod(0o711)
        backends = [
            Backend(f"s{index + 1}", backend_port, folder / f"s{index + 1}.log")
            for index, backend_port in enumerate(ports)
        ]
        cluster = Cluster(port, backends, folder, restart, restart_delay)
        try:
            cluster.start()
            yield cluster
        finally:
            cluster.stop()


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", type=int, default=3, help="how many servers (default 3)")
    parser.add_argument(
        "--port", type=int, default=8600, help="nginx's port; 0 picks free ports (default 8600)"
    )
    parser.add_argument("--workdir", type=Path, help="keep the config and logs in this folder")
    parser.add_argument(
        "--no-restart", action="store_true", help="leave a server that exits stopped"
    )
    parser.add_argument(
        "--restart-delay", type=float, default=0.0, help="seconds before a restart (default 0)"
    )
    parser.add_argument("--print-config", action="store_true", help="print nginx's config, exit")
    args = parser.parse_args()
    if args.servers < 1:
        parser.error("--servers must be at least 1")
    if args.print_config:
        backends = [args.port + 1 + index for index in range(args.servers)]
        folder = args.workdir or Path("/tmp/explorer-cluster")
        print(nginx_config(args.port, backends, folder, upload_limit_mb()), end="")
        return 0
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        print("nginx is missing: install it with apt-get install -y nginx", file=sys.stderr)
        return 1
    # Set both explicitly: a shell starting the launcher in the background ignores SIGINT.
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        with running_cluster(
            args.servers,
            args.port,
            restart=not args.no_restart,
            restart_delay=args.restart_delay,
            workdir=args.workdir,
        ) as cluster:
            _log(f"ready {cluster.url} ({args.servers} servers; Ctrl-C stops them)")
            while True:
                time.sleep(WATCH_INTERVAL_S)
                cluster.watch()
    except KeyboardInterrupt:
        pass
    except ClusterError as error:
        print(f"error: {error}", file=sys.stderr, flush=True)
        _log("stopped")
        return 1
    _log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
