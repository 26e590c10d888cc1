#!/usr/bin/env bash
# Install the test tools (and Debian's chromium for the browser tests) and run every check.
# Exits non-zero when any check fails.
#   bash scripts/test.sh           everything: ruff, mypy, the quick benchmarks, the whole pytest suite
#   bash scripts/test.sh --quick   the inner loop: ruff, mypy and pytest of all but the browser
#                                  and slow tests, on four processes (under 2.5 minutes; docs/testing.md)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: bash scripts/test.sh [--quick]" >&2; exit 2 ;;
esac

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt

# Install a Debian package when its command is missing: install_missing COMMAND PACKAGE WHY
install_missing() {
  if command -v "$1" >/dev/null 2>&1; then
    return
  fi
  echo "Installing $2 $3..."
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null
}
# chromium also draws the charts of the printable report (kaleido), outside the browser tests.
install_missing chromium chromium "(Debian's) for the browser tests and the report's charts"
# strace records what the PDF build tries to reach (tests/ui/test_report_network.py).
install_missing strace strace "for the network-recording test"

# nginx for the cluster's failover test and scripts/cluster.py: Debian's package, and no
# system service (the launcher runs nginx itself on loopback). Where systemd runs, the
# service is masked first, or installing it would start nginx on port 80 of every address.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing Debian's nginx for the cluster test..."
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  if [ -d /run/systemd/system ]; then
    $as_root systemctl mask nginx.service >/dev/null
  fi
  $as_root apt-get update -qq && $as_root apt-get install -y -qq nginx >/dev/null
fi

if [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund
fi
# The plotly.js the app serves (tests/ui/test_chart_view.py checks it is built and current).
bash scripts/plotly_bundle/build.sh

echo "== ruff (lint and format) =="
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy (strict on deficiency/ and ui/) =="
.venv/bin/mypy
if [ "$quick" = 1 ]; then
  # Four processes on two cores: many tests wait on a page run or a subprocess, so two
  # workers leave a core idle (docs/testing.md).
  echo "== pytest, all but the browser and slow tests (-m 'not browser and not slow', four processes) =="
  .venv/bin/python -m pytest -q -m "not browser and not slow" -n 4
  echo "== quick loop passed in ${SECONDS} s =="
  exit 0
fi
echo "== engine benchmark (quick mode: checks the vectorized path against the exact one) =="
.venv/bin/python -m benchmarks.bench_engine --quick
echo "== caseload benchmark (quick mode: 20,000 rows, CSV and Parquet, this machine and a Dask LocalCluster; every result the same) =="
.venv/bin/python benchmarks/bench_batch.py --quick
echo "== page rerun benchmark (quick mode: every page reruns through AppTest without error) =="
.venv/bin/python -m benchmarks.bench_pages --quick
echo "== browser benchmark (quick mode: every page loads and redraws in Chromium; timings reported, not enforced) =="
.venv/bin/python benchmarks/bench_browser.py --quick
echo "== capacity benchmark (quick mode: one server, sessions over its websocket; no leak, no error) =="
.venv/bin/python benchmarks/bench_capacity.py --quick
echo "== downloads benchmark (quick mode: every download click saves its file while sessions move) =="
.venv/bin/python benchmarks/bench_downloads.py --quick
# .ci/run sets RUN_PYTEST=0 and calls pytest itself, so CI's own file shows the test run.
if [ "${RUN_PYTEST:-1}" != 0 ]; then
  echo "== pytest, all but the browser tests (slow ones included, four processes) =="
  .venv/bin/python -m pytest -q -m "not browser" -n 4
  echo "== pytest, the browser tests (one process: one app server, one Chromium) =="
  .venv/bin/python -m pytest -q -m browser
fi
