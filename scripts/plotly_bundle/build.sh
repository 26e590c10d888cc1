#!/usr/bin/env bash
# Rebuild static/plotly-deficiency.min.js, the plotly.js the app's charts are drawn with:
# plotly.js's core plus only the trace types of entry.js, about a quarter of the full
# bundle (1.2 of 4.8 MB), so a first load evaluates 0.3 s of script instead of 1.75 s.
#
# Run it after changing entry.js or upgrading plotly (the pinned Python package): set
# package.json's plotly.js to the release that plotly bundles,
#   .venv/bin/python -c "import plotly.offline; print(plotly.offline.get_plotlyjs_version())"
# and tests/ui/test_chart_view.py fails until the two match. Needs Node.js and npm; the
# app itself, its tests and CI use the committed file and need neither.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
version=$(node -p "require('plotly.js/package.json').version")
traces=$(grep -o "plotly.js/lib/[a-z0-9]*'" entry.js | sed "s#plotly.js/lib/##; s#'##" | grep -vx core | paste -sd, -)
# Only map traces bring a stylesheet (maplibre's), and none is bundled: drop .css imports.
npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
  --define:global=window --define:define.amd=false --loader:.css=empty --legal-comments=eof \
  --banner:js="/*! plotly.js v${version} (MIT License, Copyright 2012-2026 Plotly, Inc.): core (scatter) + ${traces}, built by scripts/plotly_bundle/build.sh */" \
  --outfile=../../static/plotly-deficiency.min.js
