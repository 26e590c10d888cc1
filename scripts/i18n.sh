#!/usr/bin/env bash
# Keep the message catalogs in step with the code (Babel's extract and update) and report
# how much of each is translated. The app reads the .po files itself; there is no .mo.
#   bash scripts/i18n.sh          extract, update both catalogs, report coverage
# Two catalogs: the package's own words (deficiency/locale, domain "deficiency") and the
# app's (locale, domain "messages"). Untranslated messages read in English until filled in;
# tests/i18n/test_catalogs.py fails while any is empty.
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
  # Coverage. Not Babel's compile: the app reads the .po itself, and compile's printf check
  # takes "25% of" / "25% de" for printf conversions and refuses them.
  .venv/bin/python - "$directory/es/LC_MESSAGES/$domain.po" <<'PY'
import sys
from babel.messages.pofile import read_po
with open(sys.argv[1], "rb") as handle:
    catalog = read_po(handle, locale="es")
messages = [m for m in catalog if m.id]
done = [m for m in messages if not m.fuzzy and all(m.string if isinstance(m.string, tuple) else (m.string,))]
print(f"{sys.argv[1]}: {len(done)} of {len(messages)} messages translated")
PY
}

catalog deficiency/locale deficiency deficiency
catalog locale messages app.py ui pages
