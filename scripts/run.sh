#!/usr/bin/env bash
# Install the runtime dependencies into .venv (once) and start the app on http://127.0.0.1:8501.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m streamlit run app.py --server.address 127.0.0.1 "$@"
