#!/usr/bin/env python3
"""Opens every sample workbook with openpyxl (an independent reader) and checks it against
samples/README.md: the sheets listed, the header row, the number of data rows, and that every
cell the answer key names lies inside the sheet's data. Exit status 1 on any difference."""
import os
import re
import sys

import openpyxl

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples")
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()


def table(heading):
    part = readme.split(heading, 1)[1]
    if heading.startswith("\n|"):
        part = heading.strip() + part
    rows = []
    for line in part.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not cells[0].startswith("---"):
                rows.append(cells)
        elif rows:
            break
    return rows[1:]


problems = []
sheets = {}
for path, sheet, kind, header_row, data_rows, _ in table("## Các file"):
    if kind == "—":
        continue
    wb = openpyxl.load_workbook(os.path.join(root, path), read_only=False)
    ws = wb[sheet]
    header_row, data_rows = int(header_row), int(data_rows)
    header = [c.value for c in ws[header_row]]
    if not header or header[0] in (None, ""):
        problems.append(f"{path} › {sheet}: no header in row {header_row}")
    count = sum(1 for row in ws.iter_rows(min_row=header_row + 1, values_only=True) if any(v not in (None, "") for v in row))
    if count != data_rows:
        problems.append(f"{path} › {sheet}: {count} data rows, README says {data_rows}")
    sheets[(path, sheet)] = (ws, header_row, len([h for h in header if h not in (None, "")]))

for row in table("\n| # | Quy tắc | Báo?"):
    path, sheet, cell = row[4], row[5], row[6]
    if cell == "—":
        continue
    ws, header_row, width = sheets[(path, sheet)]
    m = re.fullmatch(r"([A-Z]+)(\d+)", cell)
    col = openpyxl.utils.column_index_from_string(m.group(1))
    if int(m.group(2)) <= header_row or int(m.group(2)) > ws.max_row or col > width:
        problems.append(f"key {row[0]}: {path} › {sheet}!{cell} lies outside the data")

for p in problems:
    print(p)
print(f"openpyxl: {len(sheets)} sheets checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
