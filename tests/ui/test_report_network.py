"""Building the PDF reaches nothing beyond this machine and leaves no file behind.

The build runs in a network namespace of its own (``unshare -rn``: only a loopback
interface, so even a regression cannot send a packet out) under ``strace``, which records
every address the process and its children (kaleido's Chromium) try to reach: a DNS
lookup, a CDN script, a Google service. Any address outside 127.0.0.0/8 and ::1 fails
the test, as does any file left in the fresh HOME and TMPDIR the build ran with.
"""

from __future__ import annotations

import ipaddress
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: A syscall's socket address as strace prints it.
_ADDRESS = re.compile(
    r"sa_family=(?P<family>AF_\w+)"
    r"(?:, sin6?_port=htons\((?P<port>\d+)\))?"
    r"(?:, (?:sin_addr=inet_addr\(\"(?P<v4>[^\"]+)\"\)"
    r"|sin6_flowinfo=[^,]+, inet_pton\(AF_INET6, \"(?P<v6>[^\"]+)\"))?"
)
_LOCAL_FAMILIES = {"AF_UNIX", "AF_NETLINK", "AF_UNSPEC"}
BUILD = textwrap.dedent(
    """
    import sys
    from datetime import date
    from tests.ui.test_report import sides_for
    from ui.counselor.report import build_report

    pdf = build_report(sides_for("short-sale-example", "car-example"),
                       prepared_on=date(2026, 3, 14))
    assert pdf.startswith(b"%PDF")
    print(len(pdf))
    """
)


@dataclass(frozen=True)
class Recording:
    """What a traced run did: its exit, output, every address it tried, files it left."""

    returncode: int
    output: str
    processes: int
    local: int
    outside: list[str]
    left: list[str]


def _outside(line: str) -> list[str]:
    """The addresses beyond loopback a strace line shows (none for local sockets)."""
    found = []
    for match in _ADDRESS.finditer(line):
        family, host = match["family"], match["v4"] or match["v6"]
        if family in _LOCAL_FAMILIES:
            continue
        if family in ("AF_INET", "AF_INET6") and host is not None:
            address = ipaddress.ip_address(host)
            mapped = getattr(address, "ipv4_mapped", None)
            if address.is_loopback or (mapped is not None and mapped.is_loopback):
                continue
        found.append(f"{family} {host}:{match['port']}")
    return found


def record(code: str, tmp_path: Path) -> Recording:
    """Run Python ``code`` (from the repository root) with a fresh HOME and TMPDIR in its
    own loopback-only network namespace, recording every address it tries to reach."""
    for tool in ("unshare", "strace"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: apt-get install -y strace util-linux")
    # Short paths: Chromium puts Unix sockets under TMPDIR, and a socket's path has a
    # length limit that pytest's own temporary folders exceed.
    short = Path(tempfile.mkdtemp(prefix="net-", dir="/tmp"))
    home, tmp, trace = short / "home", short / "tmp", tmp_path / "trace"
    for folder in (home, tmp, trace):
        folder.mkdir()
    script = tmp_path / "run.py"
    script.write_text(code)
    traced = [
        "strace", "-ff", "-qq", "-e", "signal=none",
        "-e", "trace=connect,sendto,sendmsg,sendmmsg",
        "-o", str(trace / "call"), sys.executable, str(script),
    ]  # fmt: skip
    inner = "ip link set lo up 2>/dev/null; exec " + " ".join(f"'{part}'" for part in traced)
    environment = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "LANG": "C.UTF-8",
    }
    done = subprocess.run(
        ["unshare", "-rn", "sh", "-c", inner],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    files = list(trace.iterdir())
    lines = [line for path in files for line in path.read_text(errors="replace").splitlines()]
    outside = sorted({address for line in lines for address in _outside(line)})
    local = sum("sa_family=AF_UNIX" in line for line in lines)
    left = sorted(str(path.relative_to(short)) for path in (*home.rglob("*"), *tmp.rglob("*")))
    shutil.rmtree(short)
    return Recording(done.returncode, done.stdout + done.stderr, len(files), local, outside, left)


def test_the_recording_catches_an_address_beyond_loopback(tmp_path):
    """The recorder itself: a child process connecting to a documentation address
    (192.0.2.1, which no packet reaches from the namespace) is caught."""
    probe = textwrap.dedent(
        """
        import socket, subprocess, sys
        child = "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\\n" \\
                "try: s.connect(('192.0.2.1', 53))\\nexcept OSError: pass"
        subprocess.run([sys.executable, "-c", child], check=True)
        socket.socket(socket.AF_INET).connect_ex(("127.0.0.1", 9))
        """
    )
    recording = record(probe, tmp_path)
    assert recording.returncode == 0, recording.output
    assert recording.outside == ["AF_INET 192.0.2.1:53"]


def test_building_the_pdf_reaches_nothing_beyond_loopback_and_leaves_no_file(tmp_path):
    """Issue 22: kaleido started with MathJax on, so its Chromium loaded a script from a
    CDN; it also looked up Google hosts, and left a 2.5 MB profile in the temp folder and
    files under HOME."""
    recording = record(BUILD, tmp_path)
    assert recording.returncode == 0, recording.output
    # Chromium and its helpers were traced (the browser talks over pipes and sockets).
    assert recording.processes > 5 and recording.local > 0, recording
    assert recording.outside == [], "addresses beyond loopback:\n" + "\n".join(recording.outside)
    assert recording.left == [], f"files left behind: {recording.left}"
