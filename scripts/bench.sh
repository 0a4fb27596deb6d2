#!/usr/bin/env bash
# Speed and memory of jixiao beside a baseline (openpyxl, what a hand-written Python script
# would use), on one large workbook made from the shared fixtures. Prints medians, ratios and
# peak memory as a Markdown table. No timing is asserted anywhere; this is for people to read.
#
# Usage: scripts/bench.sh [COPIES]   (default 20: every fixture form COPIES times, ~700 forms)
# Needs: ../shared beside the checkout, hyperfine, GNU time, python3 with openpyxl
#   (apt-get install -y hyperfine time; pip install openpyxl).
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-20}
work=target/bench
mkdir -p "$work"
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done
python3 -c 'import openpyxl' || { echo "$0: pip install openpyxl" >&2; exit 2; }

cargo build --release -q
bin=target/release/jixiao

# The workload: every current-layout fixture form, COPIES times, in one official workbook.
"$bin" convert ../shared/fixtures/*-declarations.xlsx ../shared/fixtures/*-self-evaluations.xlsx -o "$work/all.json" -q
python3 - "$work/all.json" "$work/big.json" "$copies" <<'PY'
import json, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
doc = json.load(open(src, encoding="utf-8"))
forms = []
for i in range(n):
    for f in doc["forms"]:
        f = dict(f, project_name=f"{f['project_name']}-{i + 1}")
        f.pop("source", None)
        forms.append(f)
doc["forms"] = forms
json.dump(doc, open(dst, "w", encoding="utf-8"), ensure_ascii=False)
PY
"$bin" convert "$work/big.json" -o "$work/big.xlsx" -q
forms=$(python3 -c "import json;print(len(json.load(open('$work/big.json'))['forms']))")
size=$(du -k "$work/big.xlsx" | cut -f1)

hyperfine --style none --warmup 1 --runs "${RUNS:-10}" --export-json "$work/times.json" \
  -n jixiao-read "$bin convert $work/big.xlsx -o $work/jixiao.json -q" \
  -n openpyxl-read "python3 scripts/bench_baseline.py read $work/big.xlsx $work/openpyxl.json" \
  -n jixiao-roundtrip "$bin convert $work/big.xlsx -o $work/jixiao-copy.xlsx -q" \
  -n openpyxl-roundtrip "python3 scripts/bench_baseline.py copy $work/big.xlsx $work/openpyxl-copy.xlsx" \
  -n jixiao-check "sh -c '$bin check $work/big.xlsx -q --format json >/dev/null; test \$? -le 1'" >/dev/null

peak() { /usr/bin/time -f %M "$@" >/dev/null 2>"$work/time.txt" || true; tail -n1 "$work/time.txt"; }
declare -A mem
mem[jixiao-read]=$(peak "$bin" convert "$work/big.xlsx" -o "$work/jixiao.json" -q)
mem[openpyxl-read]=$(peak python3 scripts/bench_baseline.py read "$work/big.xlsx" "$work/openpyxl.json")
mem[jixiao-roundtrip]=$(peak "$bin" convert "$work/big.xlsx" -o "$work/jixiao-copy.xlsx" -q)
mem[openpyxl-roundtrip]=$(peak python3 scripts/bench_baseline.py copy "$work/big.xlsx" "$work/openpyxl-copy.xlsx")
mem[jixiao-check]=$(peak "$bin" check "$work/big.xlsx" -q --format json)

echo "workload: $forms forms, one workbook of ${size} KiB ($work/big.xlsx); $(nproc) cores"
echo
python3 - "$work/times.json" "${mem[jixiao-read]}" "${mem[openpyxl-read]}" "${mem[jixiao-roundtrip]}" "${mem[openpyxl-roundtrip]}" "${mem[jixiao-check]}" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
mem = dict(zip(["jixiao-read", "openpyxl-read", "jixiao-roundtrip", "openpyxl-roundtrip", "jixiao-check"], map(int, sys.argv[2:])))
print("| task | jixiao median | openpyxl median | speed ratio | jixiao peak RSS | openpyxl peak RSS | memory ratio |")
print("|---|---|---|---|---|---|---|")
for task, what in [("read", "xlsx → model JSON (baseline: cells + merges to JSON)"), ("roundtrip", "xlsx → official xlsx (baseline: load + save)")]:
    j, o = r[f"jixiao-{task}"], r[f"openpyxl-{task}"]
    print(f"| {what} | {j['median']*1000:.0f} ms | {o['median']*1000:.0f} ms | {o['median']/j['median']:.1f}× faster "
          f"| {mem[f'jixiao-{task}']/1024:.0f} MiB | {mem[f'openpyxl-{task}']/1024:.0f} MiB | {mem[f'openpyxl-{task}']/mem[f'jixiao-{task}']:.1f}× less |")
c = r["jixiao-check"]
print(f"| check (all rules) | {c['median']*1000:.0f} ms | — | — | {mem['jixiao-check']/1024:.0f} MiB | — | — |")
PY
