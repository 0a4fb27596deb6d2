#!/usr/bin/env bash
# Renders workbooks the way a reader will see them printed: LibreOffice (headless) → PDF →
# one PNG per page at 60 dpi, to look at text cut off, missing borders or pages split.
#
# Usage: scripts/render.sh OUT_DIR WORKBOOK...
#   writes OUT_DIR/<name>.pdf and OUT_DIR/<name>-<page>.png for each WORKBOOK.
# Needs: soffice (libreoffice-calc-nogui), pdftoppm (poppler-utils), a CJK font (fonts-noto-cjk).
# Fails when soffice reports an error or produces no PDF.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 OUT_DIR WORKBOOK..." >&2
  exit 2
fi
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found (apt-get install -y libreoffice-calc-nogui poppler-utils fonts-noto-cjk)" >&2; exit 2; }
done

out=$1
shift
mkdir -p "$out"
# A private LibreOffice profile: no clash with a running instance, no state kept between runs.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

status=0
for workbook in "$@"; do
  name=$(basename "${workbook%.*}")
  pdf="$out/$name.pdf"
  rm -f "$pdf"
  if ! log=$(soffice "-env:UserInstallation=file://$profile" --headless --norestore \
      --convert-to pdf --outdir "$out" "$workbook" 2>&1); then
    echo "$0: $workbook: soffice failed: $log" >&2
    status=1
    continue
  fi
  if grep -qiE '^error|: error' <<<"$log" || [ ! -s "$pdf" ]; then
    echo "$0: $workbook: no PDF from soffice: $log" >&2
    status=1
    continue
  fi
  rm -f "$out/$name"-*.png
  pdftoppm -png -r 60 "$pdf" "$out/$name"
  pages=$(ls "$out/$name"-*.png | wc -l)
  echo "$workbook: $pages page(s) → $out/$name-*.png"
done
exit $status
