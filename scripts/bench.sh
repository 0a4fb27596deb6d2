#!/usr/bin/env bash
# Speed and memory of jixiao beside its floors, on corpora of declaration workbooks made by the
# shared generator (../shared/bench/gen_corpus.py): c100 (100 workbooks) and c1000 (1,000).
#
#   floor-read   examples/floor_read.rs: bare calamine, every sheet's cells and merged ranges
#   floor-write  examples/floor_write.rs: bare rust_xlsxwriter writing the same forms (layout.json)
#   openpyxl     scripts/bench_baseline.py: merge-aware reading, what a Python script would do
#
# Prints hyperfine medians, the ratios to the floors, and peak RSS (GNU time, median of 3). No timing is
# asserted anywhere; this is for people to read. On a loaded machine the medians move; the
# user+sys CPU seconds (also printed) move less, and the instruction counts (callgrind, c100,
# one thread) do not move at all.
#
# Usage: scripts/bench.sh            RUNS=5 (c100) and RUNS_BIG=3 (c1000) by default
#        SKIP_OPENPYXL=1 scripts/bench.sh   to leave out the slow Python peer
#        INSTR=0 scripts/bench.sh           to leave out the instruction counts (valgrind)
#        JIXIAO=/tmp/old/jixiao scripts/bench.sh   to measure another build
# Needs: ../shared beside the checkout, hyperfine, GNU time, python3 with xlsxwriter (and
#   openpyxl for the peer): apt-get install -y hyperfine time; pip install xlsxwriter openpyxl.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bench
runs=${RUNS:-5}
runs_big=${RUNS_BIG:-3}
mkdir -p "$work"
# Only this run's figures are printed: a row left out this time (SKIP_OPENPYXL, INSTR=0) must
# not show an earlier run's.
rm -f "$work"/t-*.json "$work"/m-* "$work"/i-*
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done
python3 -c 'import xlsxwriter' || { echo "$0: pip install xlsxwriter" >&2; exit 2; }

cargo build --release -q --bin jixiao
# The floors in their own profile (Cargo.toml [profile.floor]: no LTO, their fastest build).
cargo build --profile floor -q --example floor_read --example floor_write
# JIXIAO=path/to/an/older/jixiao measures another build beside the same floors ("before").
bin=${JIXIAO:-target/release/jixiao}
floor_read=target/floor/examples/floor_read
floor_write=target/floor/examples/floor_write

# The corpora: deterministic for the generator's default seed, made once.
for n in 100 1000; do
  [ -f "$work/c$n/layout.json" ] && [ -f "$work/c$n/form_$(printf %05d $((n - 1))).xlsx" ] && continue
  python3 ../shared/bench/gen_corpus.py --files "$n" --sheets 1-15 --out "$work/c$n"
done

# The help is read whole before it is searched: `grep -q` stops reading at the first match, and
# under pipefail the help's SIGPIPE would then read as "no --jobs".
help=$("$bin" convert --help 2>/dev/null || true)
jobs_flag() { grep -q -- '--jobs' <<<"$help" && echo "--jobs $1" || true; }
one=$(jobs_flag 1)
all=$(jobs_flag "$(nproc)")

# measure NAME RUNS COMMAND: hyperfine median into $work/t-NAME.json; the median of three peak
# RSS (GNU time, KiB) into $work/m-NAME.
measure() {
  local name=$1 n=$2 cmd=$3 peaks=()
  hyperfine --style none --warmup 1 --runs "$n" -i --export-json "$work/t-$name.json" -n "$name" "$cmd" >/dev/null
  for _ in 1 2 3; do
    /usr/bin/time -f %M sh -c "$cmd" >/dev/null 2>"$work/time.txt" || true
    peaks+=("$(tail -n1 "$work/time.txt")")
  done
  printf '%s\n' "${peaks[@]}" | sort -n | sed -n 2p >"$work/m-$name"
}

for c in c100 c1000; do
  n=$runs; [ $c = c1000 ] && n=$runs_big
  xs="$work/$c/*.xlsx"
  measure "$c-floor-read" "$n" "$floor_read $xs"
  measure "$c-jixiao-json-1" "$n" "$bin convert $one $xs -o $work/$c.json -q"
  [ -n "$all" ] && measure "$c-jixiao-json-all" "$n" "$bin convert $all $xs -o $work/$c.json -q"
  rm -rf "$work/$c-csv"
  measure "$c-jixiao-csv" "$n" "rm -rf $work/$c-csv; $bin convert $xs --to csv -o $work/$c-csv -q"
  measure "$c-jixiao-check" "$n" "$bin check $xs -q >/dev/null"
done
# Export: the forms of c100 as one official workbook.
measure c100-floor-write "$runs" "$floor_write $work/c100/layout.json $work/floor-c100.xlsx"
measure c100-jixiao-write "$runs" "$bin convert $work/c100.json -o $work/jixiao-c100.xlsx -q"
if [ -z "${SKIP_OPENPYXL:-}" ] && python3 -c 'import openpyxl' 2>/dev/null; then
  measure c100-openpyxl-read 1 "python3 scripts/bench_baseline.py read $work/c100 $work/openpyxl-c100.json"
fi

# Instructions, one thread, c100: the figure a shared machine cannot disturb.
instr() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
if [ "${INSTR:-1}" != 0 ] && command -v valgrind >/dev/null; then
  instr $floor_read $work/c100/*.xlsx >"$work/i-floor"
  instr $bin convert $one $work/c100/*.xlsx -o $work/c100.json -q >"$work/i-jixiao"
fi

forms=$(python3 -c "import json;print(sum(len(f['sheets']) for f in json.load(open('$work/c100/layout.json'))))")
forms_big=$(python3 -c "import json;print(sum(len(f['sheets']) for f in json.load(open('$work/c1000/layout.json'))))")
echo "c100: 100 workbooks, $forms forms; c1000: 1,000 workbooks, $forms_big forms; $(nproc) cores; jixiao $(git describe --always --dirty 2>/dev/null || echo '?')"
echo
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
def t(name):
    p = f"{work}/t-{name}.json"
    if not os.path.exists(p):
        return None
    r = json.load(open(p))["results"][0]
    return r
def mem(name):
    p = f"{work}/m-{name}"
    try:
        return int(open(p).read().strip()) / 1024
    except Exception:
        return None
rows = [
    ("c100-floor-read", "floor-read", "c100: floor (calamine cells + merges, 1 thread)"),
    ("c100-jixiao-json-1", "floor-read", "c100 → JSON, --jobs 1"),
    ("c100-jixiao-json-all", "floor-read", "c100 → JSON, all cores"),
    ("c100-jixiao-csv", "floor-read", "c100 → CSV"),
    ("c100-jixiao-check", "floor-read", "c100 check"),
    ("c100-openpyxl-read", "floor-read", "c100: openpyxl merge-aware read"),
    ("c1000-floor-read", "floor-read", "c1000: floor (calamine cells + merges, 1 thread)"),
    ("c1000-jixiao-json-1", "floor-read", "c1000 → JSON, --jobs 1"),
    ("c1000-jixiao-json-all", "floor-read", "c1000 → JSON, all cores"),
    ("c1000-jixiao-csv", "floor-read", "c1000 → CSV"),
    ("c1000-jixiao-check", "floor-read", "c1000 check"),
    ("c100-floor-write", "floor-write", "c100: floor (rust_xlsxwriter, the same forms)"),
    ("c100-jixiao-write", "floor-write", "c100 JSON → official xlsx"),
]
print("| task | median | user+sys | × floor (median) | × floor (CPU) | peak RSS |")
print("|---|---|---|---|---|---|")
for name, floor, what in rows:
    r = t(name)
    if r is None:
        continue
    f = t(name.split("-")[0] + "-" + floor)
    cpu = r["user"] + r["system"]
    ratio = r["median"] / f["median"]
    fcpu = f["user"] + f["system"]
    m = mem(name)
    print(f"| {what} | {r['median']:.2f} s | {cpu:.2f} s | {ratio:.2f}× | {cpu / fcpu:.2f}× | {m:.0f} MiB |")
j1, jo = t("c1000-jixiao-json-1"), t("c100-openpyxl-read")
j100 = t("c100-jixiao-json-1")
if jo and j100:
    print(f"\nopenpyxl / jixiao --jobs 1 on c100: {jo['median'] / j100['median']:.0f}×")
try:
    fi, ji = (int(open(f"{work}/i-{k}").read()) for k in ("floor", "jixiao"))
    print(f"\ninstructions (callgrind, c100 → JSON, --jobs 1): {ji / 1e9:.2f} G, floor {fi / 1e9:.2f} G: {ji / fi:.2f}× the floor")
except (OSError, ValueError):
    pass
for kind in ["json-1", "json-all", "csv", "check"]:
    a, b = mem(f"c100-jixiao-{kind}"), mem(f"c1000-jixiao-{kind}")
    if a and b:
        print(f"peak RSS c1000 / c100 ({kind}): {b / a:.2f}× ({b:.0f} / {a:.0f} MiB)")
PY
