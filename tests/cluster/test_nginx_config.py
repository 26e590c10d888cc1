"""The nginx configuration scripts/cluster.py writes, run by nginx in front of two small
HTTP servers that answer with their own name and the headers they were sent: which server
each request reaches, and which responses move a browser's affinity cookie."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from appserver import free_port, wait_healthy  # noqa: E402
from cluster import COOKIE, FAIL_TIMEOUT_S, nginx_config  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class Backend:
    """An HTTP server on 127.0.0.1 that answers every request with its name and headers."""

    def __init__(self, name: str, port: int) -> None:
        self.name, self.port = name, port
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        name = self.name

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                seen = "".join(f"{key.lower()}: {value}\n" for key, value in self.headers.items())
                body = f"{name}\n{seen}".encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_PUT = _answer

            def log_message(self, *args: object) -> None:
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def balancer(tmp_path: Path) -> Iterator[Balancer]:
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: install it with apt-get install -y nginx")
    backends = [Backend(f"s{index + 1}", free_port()) for index in range(2)]
    for backend in backends:
        backend.start()
    port = free_port()
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_config(port, [b.port for b in backends], tmp_path, upload_mb=1))
    nginx = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(config), "-e", "stderr"])
    try:
        wait_healthy(f"http://127.0.0.1:{port}", nginx)
        yield f"http://127.0.0.1:{port}", backends
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        for backend in backends:
            with contextlib.suppress(AssertionError, OSError):
                backend.stop()


Balancer = tuple[str, list[Backend]]


def fetch(
    url: str, cookie: str | None = None, method: str = "GET", data: bytes | None = None
) -> tuple[str, list[str], str | None]:
    """(the server that answered, the headers it was sent, the cookie nginx set or None)."""
    request = urllib.request.Request(url, method=method, data=data)
    if cookie:
        request.add_header("Cookie", f"{COOKIE}={cookie}")
    with urllib.request.urlopen(request, timeout=10) as response:
        name, *headers = response.read().decode().splitlines()
        set_cookie = response.headers.get("Set-Cookie")
    placed = None
    if set_cookie:
        assert "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie, set_cookie
        placed = set_cookie.split(";")[0].removeprefix(f"{COOKIE}=")
    return name, headers, placed


def test_a_browser_stays_on_the_server_its_cookie_names(balancer: Balancer) -> None:
    url, _ = balancer
    name, _, placed = fetch(url + "/mortgage")  # a browser's first request
    assert placed == name
    for path in ("/static/app.js", "/media/a.json", "/_stcore/health", "/_stcore/stream"):
        assert fetch(url + path, cookie=name)[0] == name
    answered, _, _ = fetch(url + "/_stcore/upload_file/session/file", name, "PUT", b"x" * 1000)
    assert answered == name


def test_only_a_page_connecting_moves_its_cookie_off_a_dead_server(balancer: Balancer) -> None:
    url, (first, second) = balancer
    first.stop()
    # A request the dead server cannot answer goes to the other one but leaves the cookie:
    # one request served elsewhere (a server briefly marked failed) must not move a
    # browser off the server that holds its session.
    for path in ("/media/a.json", "/static/app.js", "/mortgage"):
        name, _, placed = fetch(url + path, cookie="s1")
        assert (name, placed) == (second.name, None)
    # The checks a page makes before it reconnects, and its websocket, do move it.
    for path in ("/_stcore/health", "/_stcore/host-config", "/car/_stcore/health"):
        name, _, placed = fetch(url + path, cookie="s1")
        assert (name, placed) == (second.name, second.name)
    # Back, and past fail_timeout, the first server has the browsers that still name it.
    first.start()
    time.sleep(FAIL_TIMEOUT_S + 2)  # nginx counts it in whole seconds
    assert fetch(url + "/media/a.json", cookie="s1")[0] == first.name
    assert fetch(url + "/media/a.json", cookie="s2")[0] == second.name


def test_websocket_upgrade_and_the_browsers_host_reach_the_server(balancer: Balancer) -> None:
    url, _ = balancer
    request = urllib.request.Request(url + "/_stcore/stream")
    request.add_header("Upgrade", "websocket")
    request.add_header("Connection", "Upgrade")
    with urllib.request.urlopen(request, timeout=10) as response:
        _, *headers = response.read().decode().splitlines()
    host = url.removeprefix("http://")
    assert f"host: {host}" in headers  # Streamlit compares it with the page's Origin
    assert "upgrade: websocket" in headers
    assert "connection: upgrade" in headers
    _, plain, _ = fetch(url + "/media/a.json")
    assert "connection: close" in plain


def test_an_upload_over_the_limit_is_refused_by_nginx(balancer: Balancer) -> None:
    url, _ = balancer
    limit = 2 * 1024 * 1024  # upload_mb=1 plus the framing allowance
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(url + "/_stcore/upload_file/s/f", None, "PUT", b"x" * (limit + 1024))
    assert refused.value.code == 413
