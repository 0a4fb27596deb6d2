#!/usr/bin/env bash
# Cross-builds jixiao.exe for Windows and runs a smoke test under Wine: convert, check, template
# and score on fixtures copied under Chinese file names. Every output (stdout, stderr, exit code
# and the files written) must be identical to the Linux build's.
#
#   bash scripts/test-windows.sh            # builds target/x86_64-pc-windows-gnu/release/jixiao.exe
#
# Needs ../shared/fixtures beside the clone. Wine's prefix lives in ~/.cache/jixiao-wine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
fixtures=${JIXIAO_FIXTURES:-$root/../shared/fixtures}

bash scripts/ci-windows.sh
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
cargo build --release --locked --quiet --target x86_64-pc-windows-gnu --bin jixiao
cargo build --locked --quiet --bin jixiao
exe=$root/target/x86_64-pc-windows-gnu/release/jixiao.exe
linux=$root/target/debug/jixiao

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/linux" "$work/windows"
cp "$exe" "$work/bin/"
# Rust's std needs bcryptprimitives.dll (ProcessPrng), which Debian's Wine 8 lacks.
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bin/bcryptprimitives.dll" \
  scripts/windows/bcryptprimitives.c

export WINEPREFIX=${WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/jixiao-wine}
export WINEDEBUG=-all LC_ALL=C.UTF-8
mkdir -p "$WINEPREFIX"
# The first Wine run sets the prefix up and says so: do it before comparing outputs.
wine "$work/bin/jixiao.exe" --version >/dev/null 2>&1 || true

# The same inputs, under Chinese names, for both builds.
for side in linux windows; do
  cp "$fixtures/xinjiang-2026-declarations.xlsx" "$work/$side/新疆办2026年申报表.xlsx"
  cp "$fixtures/xinjiang-2023-self-evaluations.xlsx" "$work/$side/新疆办2023年自评表.xlsx"
done

# One line per step: the arguments (relative names, so both builds print the same paths).
steps=(
  "check 新疆办2026年申报表.xlsx 新疆办2023年自评表.xlsx"
  "check --lang en 新疆办2023年自评表.xlsx"
  "convert 新疆办2026年申报表.xlsx -o 申报表.json"
  "convert 新疆办2026年申报表.xlsx -o 平表 --to csv"
  "convert 平表 -o 申报表-从平表.xlsx"
  "template --kind self-evaluation --from 新疆办2026年申报表.xlsx -o 2026年自评表.xlsx"
  "score 新疆办2023年自评表.xlsx -o 自评表-已计分.json --explain"
)

run() { # side, command...
  local side=$1
  shift
  (cd "$work/$side" && "$@")
}

status=0
n=0
for step in "${steps[@]}"; do
  n=$((n + 1))
  read -r -a args <<<"$step"
  set +e
  run linux "$linux" "${args[@]}" >"$work/linux.out" 2>"$work/linux.err"
  lcode=$?
  run windows wine "$work/bin/jixiao.exe" "${args[@]}" >"$work/windows.out" 2>"$work/windows.err"
  wcode=$?
  set -e
  # Paths print with the system's separator (平表\declarations.csv on Windows).
  sed -i 's#\\#/#g' "$work/windows.out" "$work/windows.err"
  # The summary's elapsed time (用时 0.1 秒 / took 0.1 s) differs from run to run.
  sed -i -E 's/(用时|took) [0-9.]+ ?(秒|s)/\1 N \2/' "$work"/linux.out "$work"/linux.err "$work"/windows.out "$work"/windows.err
  if [ "$lcode" != "$wcode" ] || ! cmp -s "$work/linux.out" "$work/windows.out" ||
    ! cmp -s "$work/linux.err" "$work/windows.err"; then
    echo "FAIL $n: jixiao $step (exit linux $lcode, windows $wcode)"
    diff "$work/linux.out" "$work/windows.out" | head -20 || true
    diff "$work/linux.err" "$work/windows.err" | head -20 || true
    status=1
  else
    echo "ok   $n: jixiao $step (exit $lcode, $(wc -l <"$work/linux.out") lines out, $(wc -l <"$work/linux.err") lines err)"
  fi
done

# The files both builds wrote: the same names, the same bytes; workbooks compared part by part
# (the zip headers name the system that wrote them).
same_files() {
  python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
a, b = sys.argv[1:]
def files(root):
    return sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)
if files(a) != files(b):
    sys.exit(f"file lists differ: {files(a)} vs {files(b)}")
for f in files(a):
    pa, pb = os.path.join(a, f), os.path.join(b, f)
    if f.endswith(".xlsx"):
        za, zb = zipfile.ZipFile(pa), zipfile.ZipFile(pb)
        if za.namelist() != zb.namelist() or any(za.read(n) != zb.read(n) for n in za.namelist()):
            sys.exit(f"{f}: parts differ")
    elif open(pa, "rb").read() != open(pb, "rb").read():
        sys.exit(f"{f}: bytes differ")
PY
}
if same_files "$work/linux" "$work/windows"; then
  echo "ok   files: $(cd "$work/linux" && find . -type f | wc -l) files identical: $(cd "$work/linux" && find . -type f | sort | tr '\n' ' ')"
else
  echo "FAIL files differ:"
  status=1
fi
[ "$status" = 0 ] && echo "test-windows: jixiao.exe ($(du -h "$exe" | cut -f1)) under $(wine --version) matches the Linux build"
exit "$status"
