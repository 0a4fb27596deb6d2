#!/usr/bin/env python3
"""Checks the xlsx writer against the official 8-column fixtures, cell for cell.

For each FIXTURE (an 8-column 申报表 or 自评表 workbook):
  writer: a minimal positional reader here (openpyxl, independent of jixiao's reader) turns
          the fixture into a Document JSON; `jixiao convert DOC.json -o OUT.xlsx` writes it;
  convert: `jixiao convert INPUT -o OUT.xlsx` reads and writes with jixiao alone;
and OUT.xlsx must equal FIXTURE: cell values, value types, number formats of numbers, merged
ranges, sheet names. `INPUT=FIXTURE` compares another layout of the same forms (6-column, 9-column)
with its 8-column fixture (convert check only).

Usage: scripts/compare-fixtures.py JIXIAO_BINARY FIXTURE.xlsx | INPUT.xlsx=FIXTURE.xlsx ...
Needs: pip install openpyxl
"""
import json, os, subprocess, sys, tempfile
import openpyxl


def value(ws, ref):
    """Merge-resolved value."""
    cell = ws[ref]
    for m in ws.merged_cells.ranges:
        if cell.coordinate in m:
            return ws.cell(m.min_row, m.min_col).value
    return cell.value


def text(ws, ref):
    v = value(ws, ref)
    return "" if v is None else str(v)


def decimals(fmt):
    return len(fmt.split(".")[1]) if "." in fmt else 0


def figure(ws, ref):
    c = ws[ref]
    if c.value is None:
        return None
    if isinstance(c.value, str):
        return c.value
    return f"{c.value:.{decimals(c.number_format)}f}"


def amount(ws, ref):
    v = ws[ref].value
    return None if v is None else f"{v:.2f}"


def unit(label):
    return "万元" if "万元" in label else "元"


def year(ws):
    digits = "".join(ch for ch in text(ws, "A2") if ch.isdigit())
    return int(digits) if digits else None


def declaration(ws):
    has_nature = text(ws, "E3") == "项目性质"
    indicators = []
    for r in range(13, ws.max_row + 1):
        indicators.append({
            "level1": text(ws, f"B{r}"), "level2": text(ws, f"C{r}"),
            "name": text(ws, f"D{r}"), "target": {"raw": text(ws, f"G{r}")},
        })
    form = {
        "kind": "declaration", "year": year(ws),
        "project_name": text(ws, "C3"),
        "project_category": text(ws, "H3"), "department": text(ws, "C4"),
        "implementing_unit": text(ws, "F4"), "planned_start": text(ws, "C5"),
        "planned_end": text(ws, "F5"),
        "funds": {
            "unit": unit(text(ws, "A6")),
            "project_total": amount(ws, "E6"), "project_fiscal": amount(ws, "E7"),
            "project_other": amount(ws, "E9"), "annual_total": amount(ws, "H6"),
            "annual_fiscal": amount(ws, "H7"), "annual_carryover": amount(ws, "H8"),
            "annual_other": amount(ws, "H9"),
        },
        "overall_goal": text(ws, "B11"), "annual_goal": text(ws, "F11"),
        "indicators": indicators,
    }
    if has_nature:
        form["project_nature"] = text(ws, "F3")
    return form


def self_evaluation(ws):
    total = next(r for r in range(13, ws.max_row + 1) if text(ws, f"A{r}") == "总分")
    rows = {}
    for name, r in (("total", 6), ("fiscal", 7), ("carryover", 8), ("other", 9)):
        cols = zip(["initial_budget", "annual_budget", "executed", "weight", "rate", "score"], "CDEFGH")
        rows[name] = {k: figure(ws, f"{c}{r}") for k, c in cols}
    indicators = []
    for r in range(13, total):
        indicators.append({
            "level1": text(ws, f"A{r}"), "level2": text(ws, f"B{r}"), "name": text(ws, f"C{r}"),
            "target": {"raw": text(ws, f"D{r}")}, "actual": {"raw": text(ws, f"E{r}")},
            "weight": figure(ws, f"F{r}"), "score": figure(ws, f"G{r}"),
            "deviation_reason": text(ws, f"H{r}"),
        })
    return {
        "kind": "self_evaluation", "year": year(ws), "project_name": text(ws, "B3"),
        "department": text(ws, "B4"), "implementing_unit": text(ws, "F4"),
        "funds": {"unit": unit(text(ws, "A5")), **rows},
        "expected_goal": text(ws, "B11"), "actual_result": text(ws, "F11"),
        "indicators": indicators,
        "total_weight": figure(ws, f"F{total}"), "total_score": figure(ws, f"G{total}"),
        "grade": text(ws, f"F{total + 1}"),
    }


def compare(fixture, written):
    problems = []
    a, b = openpyxl.load_workbook(fixture), openpyxl.load_workbook(written)
    if [ws.title for ws in a] != [ws.title for ws in b]:
        problems.append(f"sheet names {[ws.title for ws in a]} != {[ws.title for ws in b]}")
    for wa, wb in zip(a, b):
        ma = sorted(str(m) for m in wa.merged_cells.ranges)
        mb = sorted(str(m) for m in wb.merged_cells.ranges)
        if ma != mb:
            problems.append(f"{wa.title}: merges differ: only fixture {sorted(set(ma) - set(mb))}, only written {sorted(set(mb) - set(ma))}")
        for r in range(1, max(wa.max_row, wb.max_row) + 1):
            for c in range(1, 9):
                ca, cb = wa.cell(r, c), wb.cell(r, c)
                va, vb = ca.value, cb.value
                if va == "":
                    va = None
                if va != vb or type(va) is not type(vb) and not (isinstance(va, (int, float)) and isinstance(vb, (int, float))):
                    problems.append(f"{wa.title}!{ca.coordinate}: fixture {va!r}, written {vb!r}")
                elif isinstance(va, (int, float)) and ca.number_format != cb.number_format:
                    problems.append(f"{wa.title}!{ca.coordinate}: format {ca.number_format!r} vs {cb.number_format!r}")
    return problems


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        return [f"{' '.join(cmd)} failed: {result.stderr.strip()}"]
    return []


def report(label, problems):
    print(f"{label}: {'OK' if not problems else f'{len(problems)} differences'}")
    for p in problems[:40]:
        print("   ", p)
    return bool(problems)


def main():
    jixiao, args = sys.argv[1], sys.argv[2:]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for arg in args:
            source, _, fixture = arg.partition("=")
            out = os.path.join(tmp, "out.xlsx")
            if not fixture:
                fixture = source
                wb = openpyxl.load_workbook(fixture)
                forms = [self_evaluation(ws) if "自评表" in text(ws, "A1") else declaration(ws) for ws in wb]
                doc = os.path.join(tmp, "doc.json")
                with open(doc, "w") as f:
                    json.dump({"schema_version": 1, "forms": forms}, f, ensure_ascii=False)
                problems = run([jixiao, "convert", "-q", doc, "-o", out]) or compare(fixture, out)
                failed |= report(f"writer  {fixture} ({len(forms)} forms)", problems)
            problems = run([jixiao, "convert", "-q", source, "-o", out]) or compare(fixture, out)
            failed |= report(f"convert {source} -> {os.path.basename(fixture)}", problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
