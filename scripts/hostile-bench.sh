#!/usr/bin/env bash
# Time and peak memory of jixiao on hostile inputs (issue 10): the fuzz findings in
# tests/corpus and large cases built here (a 1.1 GB cell zipped to ~1 MB, a stray cell at
# XFD1048576, a merge over A20:XFD1048576, 200,000 rows). Bounds, not timed tests: each run
# must end within 30 s and 2 GiB. Prints one line per case.
set -euo pipefail
cd "$(dirname "$0")/.."
nice cargo build -q --release --bin jixiao
JX=$PWD/target/release/jixiao
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
python3 - "$W" <<'PY'
import sys, zipfile, shutil
w = sys.argv[1]
src = "../shared/fixtures/xinjiang-2026-declarations.xlsx"
def patch(name, edit, compress=zipfile.ZIP_DEFLATED):
    zin = zipfile.ZipFile(src)
    with zipfile.ZipFile(f"{w}/{name}", "w", compress) as z:
        for i in zin.infolist():
            b = zin.read(i.filename)
            if i.filename == "xl/worksheets/sheet1.xml":
                b = edit(b.decode()).encode()
            z.writestr(i.filename, b)
patch("bomb.xlsx", lambda s: s.replace('<t>机关服务费</t>', '<t>' + 'x' * 1_100_000_000 + '</t>', 1))
patch("stray.xlsx", lambda s: s.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'))
patch("merge.xlsx", lambda s: s.replace('<mergeCell ref="G21:H21" />', '<mergeCell ref="A20:XFD1048576" />'))
patch("rows.xlsx", lambda s: s.replace('</sheetData>', ''.join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>行{r}</t></is></c></row>' for r in range(30, 200030)) + '</sheetData>'))
PY
cp tests/corpus/* "$W"/
printf '%-40s %5s %8s %10s\n' case exit seconds peak_KiB
for f in "$W"/*; do
  code=0
  /usr/bin/time -o "$W/t" -f '%e %M' timeout 60 "$JX" check "$f" >/dev/null 2>&1 || code=$?
  printf '%-40s %5s %8s %10s\n' "$(basename "$f")" "$code" $(tail -1 "$W/t")
done
