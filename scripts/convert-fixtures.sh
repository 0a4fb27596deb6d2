#!/usr/bin/env bash
# Converts every shared fixture workbook to .xls and .ods with LibreOffice, for the test
# `formats::fixtures_read_the_same_as_xls_and_ods` (run it with JIXIAO_CONVERTED_FIXTURES=OUTDIR).
#
#   scripts/convert-fixtures.sh OUTDIR [FIXTURES_DIR]
#
# OUTDIR mirrors the fixture tree: OUTDIR/other-layouts/x.6col.xls beside x.6col.ods.
set -euo pipefail
out=${1:?usage: scripts/convert-fixtures.sh OUTDIR [FIXTURES_DIR]}
here=$(cd "$(dirname "$0")/.." && pwd)
src=${2:-$here/../shared/fixtures}
command -v soffice >/dev/null || { echo "convert-fixtures: soffice not found (apt-get install libreoffice-calc-nogui)" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
# A private profile: no clash with another soffice running on the machine.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
cd "$src"
# One soffice run per directory and format: starting LibreOffice is the slow part.
find . -name '*.xlsx' -printf '%h\n' | sort -u | while read -r d; do
  mkdir -p "$out/$d"
  for ext in xls ods; do
    soffice -env:UserInstallation=file://"$profile" --headless --convert-to "$ext" --outdir "$out/$d" "$d"/*.xlsx >/dev/null 2>&1
  done
done
find . -name '*.xlsx' | while read -r f; do
  for ext in xls ods; do
    test -s "$out/${f%.xlsx}.$ext" || { echo "convert-fixtures: $f → .$ext failed" >&2; exit 1; }
  done
done
echo "convert-fixtures: $(find "$out" -name '*.xls' | wc -l) xls and $(find "$out" -name '*.ods' | wc -l) ods in $out"
