"""Baseline for scripts/bench.sh: what a Python script does with openpyxl.

  read  WORKBOOK|DIR OUT.json   load every sheet (of every workbook of DIR), dump every
                               non-empty cell and the merges as JSON
  copy  WORKBOOK OUT.xlsx   load and save again (openpyxl's round trip)
"""
import json
import os
import sys

import openpyxl


def main():
    mode, src, out = sys.argv[1:4]
    if mode == "copy":
        openpyxl.load_workbook(src).save(out)
        return
    files = [src]
    if os.path.isdir(src):
        files = sorted(os.path.join(src, f) for f in os.listdir(src) if f.endswith(".xlsx"))
    sheets = []
    for path in files:
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            cells = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
            sheets.append({"file": path, "sheet": ws.title, "cells": cells,
                           "merges": [str(m) for m in ws.merged_cells.ranges]})
    with open(out, "w", encoding="utf-8") as f:
        json.dump(sheets, f, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
