#!/usr/bin/env bash
# Install the runtime dependencies into .venv (once) and start the app on http://127.0.0.1:8501.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
# The small plotly.js the charts load fastest with needs Node.js to build; without it (or if
# the build fails) the app serves the full plotly.js, the same charts loading slower.
if command -v npm >/dev/null 2>&1; then
  bash scripts/plotly_bundle/build.sh || echo "Could not build the small plotly.js; serving the full one."
else
  echo "Node.js not found: serving the full plotly.js (first loads about 1.5 s slower)."
fi
exec .venv/bin/python -m streamlit run app.py --server.address 127.0.0.1 "$@"
