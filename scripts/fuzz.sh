#!/usr/bin/env bash
# Fuzzes jixiao's readers and jobs with examples/fuzz.rs (issue 10), in bounded chunks, under
# `nice` and a 2.5 GiB memory ceiling (an input that needs more aborts and is kept).
#
#   scripts/fuzz.sh [ITERATIONS_PER_TARGET] [TARGET...]
#
# Seeds come from ../shared/fixtures and the real forms of tests/real (built into xlsx by their
# test): the xlsx as they are, .xls and .ods made by LibreOffice
# (skipped without soffice), JSON models and flat CSV tables made by jixiao itself. Crashes are
# left in target/fuzz/out as crash-TARGET-N.bin (and current-TARGET.bin after an abort or a
# hang); each becomes a regression case in tests/it/hostile.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
shift || true
TARGETS=${*:-xlsx xls ods json csv model}
CHUNK=${CHUNK:-20000}
WORK=target/fuzz
# The input of the running iteration is written every iteration: on tmpfs when there is one.
OUT=$WORK/out
[ -d /dev/shm ] && OUT=/dev/shm/jixiao-fuzz-$(id -u)-$$
mkdir -p "$WORK/out" "$OUT"
nice cargo build -q --release --example fuzz --bin jixiao
BIN=target/release/examples/fuzz
JX=target/release/jixiao
FIX=../shared/fixtures

real_forms() { # the real published forms of tests/real, built into xlsx by their test, once
  local d="$WORK/real"
  if [ ! -d "$d" ] || [ -z "$(ls -A "$d")" ]; then
    mkdir -p "$d"
    JIXIAO_REAL_OUT="$PWD/$d" nice cargo test -q --locked --test it issue_11_real_forms_read_exactly >/dev/null 2>&1 || true
  fi
  echo "$d"
}

seed_dir() { # target → directory of seeds, made once
  local t=$1 d="$WORK/seeds/$1"
  if [ -d "$d" ] && [ -n "$(ls -A "$d")" ]; then echo "$d"; return; fi
  mkdir -p "$d"
  case $t in
    # The real forms are in no layout jixiao describes: their JSON carries each form's own
    # grid, which --layout source paints back (issue 11).
    xlsx) cp "$FIX"/*.xlsx "$FIX"/other-layouts/*.xlsx "$(real_forms)"/*.xlsx "$d"/ ;;
    xls|ods)
      if command -v soffice >/dev/null; then
        for f in "$FIX"/*.xlsx; do
          timeout 120 soffice --headless --convert-to "$t" --outdir "$d" "$f" >/dev/null 2>&1 || true
        done
      fi ;;
    json|model)
      for f in "$FIX"/*.xlsx "$(real_forms)"/*.xlsx; do
        "$JX" convert -q "$f" -o "$d/$(basename "$f" .xlsx).json" 2>/dev/null || true
      done ;;
    csv)
      for f in "$FIX"/*.xlsx; do
        local c="$WORK/csv-tmp"; rm -rf "$c"
        if "$JX" convert -q "$f" --to csv -o "$c" 2>/dev/null; then
          for t2 in declarations self_evaluations indicators legacy_2020; do
            cat "$c/$t2.csv" 2>/dev/null || true; printf '\f'
          done > "$d/$(basename "$f" .xlsx).tables"
        fi
      done ;;
  esac
  echo "$d"
}

for t in $TARGETS; do
  d=$(seed_dir "$t")
  if [ -z "$(ls -A "$d")" ]; then echo "$t: no seeds (soffice missing?)"; continue; fi
  done_n=0 chunk=0
  while [ "$done_n" -lt "$N" ]; do
    n=$(( N - done_n < CHUNK ? N - done_n : CHUNK ))
    if ! ( ulimit -v 2621440; nice -n 19 "$BIN" "$t" "$n" "$d" "$OUT" $((chunk * 7919 + 17)) ) \
        >"$WORK/out/log-$t-$chunk.txt" 2>&1; then
      echo "$t: chunk $chunk aborted (memory or hang): kept $WORK/out/abort-$t-$chunk.bin"
      cp "$OUT/current-$t.bin" "$WORK/out/abort-$t-$chunk.bin" || true
    fi
    cp "$OUT"/crash-* "$WORK/out/" 2>/dev/null || true
    tail -1 "$WORK/out/log-$t-$chunk.txt"
    done_n=$(( done_n + n )); chunk=$(( chunk + 1 ))
  done
done
rm -rf "${OUT:?}"/current-* 
# A crash or an abort fails the run (CI runs this bounded): move each into tests/corpus and
# tests/it/hostile.rs once fixed, and empty target/fuzz/out.
if ls "$WORK/out" | grep -E '^(crash|abort)-'; then exit 1; fi
echo "no crashes"
