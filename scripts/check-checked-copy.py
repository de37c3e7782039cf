#!/usr/bin/env python3
"""Checks a checked copy written by `taphuan validate --checked-copy DIR` with tools other than
ours: openpyxl must find, for every finding with a cell in the JSON report, the fill of its
severity and a note naming its rule on that cell, and on the "Kết quả kiểm tra" sheet a row with
a hyperlink to it; every header the "Cách đọc cột" sheet names must link to that header cell;
LibreOffice (when `soffice` is installed) must open and convert every copy.

usage: scripts/check-checked-copy.py FINDINGS.json DIR
Prints "N passed, M failed" and exits non-zero on any failure.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import libreoffice  # noqa: E402
import openpyxl

FILLS = {"error": "FFFFC7CE", "warning": "FFFFEB9C", "info": "FFDDEBF7"}
RANK = {"info": 0, "warning": 1, "error": 2}


def target(cell):
    if ":" in cell:
        return "A" + cell.split(":")[0]
    return cell


def main():
    report, folder = sys.argv[1], sys.argv[2]
    findings = json.load(open(report, encoding="utf-8"))["findings"]
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL:", what)

    books = {}
    worst = {}
    for f in findings:
        if f["file"] and f["sheet"] and f["cell"]:
            key = (f["file"], f["sheet"], target(f["cell"]))
            worst[key] = max(worst.get(key, "info"), f["severity"], key=RANK.get)
    for f in findings:
        if not f["file"]:
            continue
        path = os.path.join(folder, f["file"])
        if path not in books:
            books[path] = openpyxl.load_workbook(path)
        wb = books[path]
        links = {(c.hyperlink.location if c.hyperlink else None) for row in wb["Kết quả kiểm tra"].iter_rows(min_row=2) for c in row}
        if not (f["sheet"] and f["cell"]) or f["sheet"] not in wb.sheetnames:
            continue
        ref = target(f["cell"])
        cell = wb[f["sheet"]][ref]
        key = (f["file"], f["sheet"], ref)
        check(cell.fill.fgColor.rgb == FILLS[worst[key]], f"{key} fill {cell.fill.fgColor.rgb}")
        check(cell.comment is not None and f["rule"] in cell.comment.text, f"{key} note for {f['rule']}")
        quoted = "'" + f["sheet"].replace("'", "''") + "'" if any(ch in f["sheet"] for ch in " -&'") or not f["sheet"].isascii() else f["sheet"]
        check(f"{quoted}!{ref}" in links, f"{key} link from the findings sheet")
    # "Cách đọc cột": every header it names links to that very header cell of its sheet.
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.xlsx"), recursive=True)):
        wb = books.get(path) or openpyxl.load_workbook(path)
        if "Cách đọc cột" not in wb.sheetnames:
            check(False, f"{path}: no 'Cách đọc cột' sheet")
            continue
        rows = 0
        for row in wb["Cách đọc cột"].iter_rows(min_row=2):
            link = row[1].hyperlink.location if row[1].hyperlink else None
            if not link:
                continue
            rows += 1
            sheet, ref = link.rsplit("!", 1)
            sheet = sheet.strip("'").replace("''", "'")
            written = None
            if sheet in wb.sheetnames:
                ws = wb[sheet]
                written = ws[ref].value
                # A header merged down over a two-row header holds its text in the merge's first cell.
                for merged in ws.merged_cells.ranges:
                    if written is None and ref in merged:
                        written = ws.cell(merged.min_row, merged.min_col).value
            header = row[2].value or ""
            check(written is not None and str(written).strip() in header, f"{path} › Cách đọc cột: {header!r} links to {link} holding {written!r}")
        none = any("đọc như dữ liệu" in str(c.value or "") for c in wb["Cách đọc cột"]["A"])
        check((rows > 0) != none, f"{path}: 'Cách đọc cột' lists {rows} columns and says none was read: {none}")
    with tempfile.TemporaryDirectory() as out:
        for path in sorted(glob.glob(os.path.join(folder, "**", "*.xlsx"), recursive=True)):
            r = libreoffice.convert([path], "csv", out, timeout=120)
            check(r.returncode == 0 and os.path.exists(libreoffice.output_of(path, "csv", out)), f"LibreOffice opens {path}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
