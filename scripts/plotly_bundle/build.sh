#!/usr/bin/env bash
# Build static/plotly-deficiency.min.js, the plotly.js the app's charts are drawn with:
# plotly.js's core plus only the trace types of entry.js, about a quarter of the full
# bundle (1.2 of 4.8 MB), so a first load evaluates 0.3 s of script instead of 1.75 s.
# Generated, not committed: scripts/run.sh and scripts/test.sh call this, and it does
# nothing when the file already matches package.json and entry.js. Without Node.js the
# app serves the full plotly.js instead (ui/kit/chart_view.served_plotly_js).
#
# After upgrading plotly (the pinned Python package), set package.json's plotly.js to the
# release that plotly ships,
#   .venv/bin/python -c "import plotly.offline; print(plotly.offline.get_plotlyjs_version())"
# tests/ui/test_chart_view.py fails until the two match.
set -euo pipefail
cd "$(dirname "$0")"
out=../../static/plotly-deficiency.min.js
version=$(node -p "require('./package.json').devDependencies['plotly.js']")
traces=$(grep -o "plotly.js/lib/[a-z0-9]*'" entry.js | sed "s#plotly.js/lib/##; s#'##" | grep -vx core | paste -sd, -)
banner="/*! plotly.js v${version} (MIT License, Copyright 2012-2026 Plotly, Inc.): core (scatter) + ${traces}, built by scripts/plotly_bundle/build.sh */"
if [ -f "$out" ] && [ "$(head -n 1 "$out")" = "$banner" ]; then
  echo "static/plotly-deficiency.min.js is up to date (plotly.js ${version}: scatter,${traces})"
  exit 0
fi
echo "Building static/plotly-deficiency.min.js (plotly.js ${version}: scatter,${traces})..."
npm ci --no-audit --no-fund --loglevel=error
# Only map traces bring a stylesheet (maplibre's), and none is bundled: drop .css imports.
npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
  --define:global=window --define:define.amd=false --loader:.css=empty --legal-comments=eof \
  --banner:js="$banner" --log-level=warning --outfile="$out.tmp"
mv "$out.tmp" "$out"
