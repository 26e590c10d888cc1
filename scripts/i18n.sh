#!/usr/bin/env bash
# Keep the message catalogs in step with the code (Babel's extract and update), then check
# them (compile with --statistics, into a throwaway folder: the app reads the .po itself).
#   bash scripts/i18n.sh          extract, update both catalogs, report coverage
# Two catalogs: the package's own words (deficiency/locale, domain "deficiency") and the
# app's (locale, domain "messages"). Untranslated messages read in English until filled in;
# tests/repo/test_catalogs.py fails while any is empty.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=.venv/bin/pybabel
keywords=(-k N_ -k pgettext:1c,2 -k ngettext:1,2 -c Translators:)
common=(--no-location --sort-output --no-wrap --project="Deficiency balance explorer"
        --copyright-holder="Deficiency balance explorer contributors")

# catalog DIRECTORY DOMAIN SOURCES...
catalog() {
  local directory=$1 domain=$2
  shift 2
  local template="$directory/$domain.pot"
  "$pybabel" -q extract -F babel.cfg "${keywords[@]}" "${common[@]}" -o "$template" "$@"
  if [ ! -f "$directory/es/LC_MESSAGES/$domain.po" ]; then
    "$pybabel" -q init -i "$template" -d "$directory" -D "$domain" -l es --no-wrap
  fi
  "$pybabel" -q update -i "$template" -d "$directory" -D "$domain" --no-wrap \
    --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date
  rm -f "$template"
  local out
  out=$(mktemp -d)
  cp -r "$directory/es" "$out/"
  "$pybabel" compile -d "$out" -D "$domain" --statistics 2>&1 | sed "s|$out|$directory|"
  rm -rf "$out"
}

catalog deficiency/locale deficiency deficiency
catalog locale messages app.py ui pages
