#!/usr/bin/env bash
# The long fuzz runs of issue 6 ("Unbreakable"): at least 2,000 cases per page against the
# app (AppTest) and at least 100,000 examples over the package's public functions.
# The quick ("ci") versions of the same files run with every `pytest`.
# Hours, not minutes: the app fuzz costs about a second per case on 2 cores.
# Usage: scripts/fuzz_full.sh [app|package]   (both when no argument)
set -euo pipefail
cd "$(dirname "$0")/.."
export HYPOTHESIS_PROFILE=full
what="${1:-all}"
if [[ "$what" == all || "$what" == package ]]; then
    # 5,000 examples for each of the file's tests: over 100,000 in total.
    PACKAGE_FUZZ_EXAMPLES="${PACKAGE_FUZZ_EXAMPLES:-5000}" \
        .venv/bin/pytest tests/package/test_fuzz_package.py -q -p no:randomly
fi
if [[ "$what" == all || "$what" == app ]]; then
    # 2,000 cases per registered page, each a random URL and up to 6 actions.
    FUZZ_EXAMPLES="${FUZZ_EXAMPLES:-2000}" \
        .venv/bin/pytest tests/app/test_fuzz_app.py -q -p no:randomly -k test_fuzz_page
fi
