#!/usr/bin/env python3
"""Checks, with openpyxl and LibreOffice rather than our reader, the copy of
Tests/XLSXTests/Fixtures/annotate/styled-xlsxwriter.xlsx that the annotation test writes: the
marks are there (fills, notes, the added sheet and its links) and everything the fixture was made
with is still there, cell by cell, as scripts/make-annotate-fixtures.py made it.

usage: scripts/check-annotated-copy.py COPY.xlsx
Prints "N passed, M failed" and exits non-zero on any failure.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import libreoffice  # noqa: E402
import openpyxl

RED, AMBER, BLUE = "FFFFC7CE", "FFFFEB9C", "FFDDEBF7"


def main():
    path = sys.argv[1]
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL:", what)

    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["Bàn giao", "Số liệu", "Kết quả"], f"sheet names {wb.sheetnames}")
    ws = wb["Bàn giao"]

    # The header keeps its font and border; A1 is red now, B1 keeps the green it had.
    a1 = ws["A1"]
    check(a1.value == "Mã lớp", f"A1 value {a1.value!r}")
    check(a1.fill.fill_type == "solid" and a1.fill.fgColor.rgb == RED, f"A1 fill {a1.fill.fgColor.rgb}")
    check(a1.font.name == "Times New Roman" and a1.font.sz == 12 and a1.font.b, f"A1 font {a1.font.name} {a1.font.sz} {a1.font.b}")
    check(a1.font.color is not None and a1.font.color.rgb == "FF1F4E79", f"A1 font colour {a1.font.color}")
    check(a1.border.bottom.style == "thick", f"A1 bottom border {a1.border.bottom.style}")
    check(a1.comment is not None and "[R1] tiêu đề" in a1.comment.text, "A1 note")
    b1 = ws["B1"]
    check(b1.fill.fgColor.rgb == "FFC6EFCE" and b1.font.name == "Times New Roman" and b1.font.b, f"B1 untouched {b1.fill.fgColor.rgb}")
    check(b1.comment is None, "B1 has no note")

    # An unmarked body cell.
    a2 = ws["A2"]
    check(a2.value == "TL-01" and a2.font.name == "Arial" and a2.font.sz == 10, f"A2 {a2.value} {a2.font.name}")
    check(all(getattr(a2.border, side).style == "thin" for side in ("left", "right", "top", "bottom")), "A2 thin borders")
    check(a2.fill.fill_type is None, f"A2 fill {a2.fill.fill_type}")

    # C3: the drop-down cell with Lan's note; the note keeps Lan's text and gets ours.
    c3 = ws["C3"]
    check(c3.value == "Chưa" and c3.font.i and c3.font.name == "Arial", f"C3 {c3.value} italic {c3.font.i}")
    check(c3.fill.fgColor.rgb == AMBER, f"C3 fill {c3.fill.fgColor.rgb}")
    check(c3.border.left.style == "thin", "C3 border")
    check(c3.comment is not None and "Kiểm tra lại với đơn vị" in c3.comment.text and "[R2] trạng thái" in c3.comment.text,
          f"C3 note {c3.comment.text if c3.comment else None!r}")
    check(c3.comment is not None and c3.comment.author == "Lan", "C3 note author")
    dvs = ws.data_validations.dataValidation
    check(len(dvs) == 1 and dvs[0].type == "list" and str(dvs[0].sqref) == "C2:C5"
          and dvs[0].formula1 == '"Đã bàn giao,Chưa"', f"validation {[(d.type, str(d.sqref), d.formula1) for d in dvs]}")

    # B4: date format and the tall row kept.
    b4 = ws["B4"]
    check(b4.value == datetime.datetime(2026, 11, 16) and b4.number_format == "dd/mm/yyyy", f"B4 {b4.value} {b4.number_format}")
    check(b4.fill.fgColor.rgb == BLUE, f"B4 fill {b4.fill.fgColor.rgb}")
    check(ws.row_dimensions[4].height == 30, f"row 4 height {ws.row_dimensions[4].height}")
    check(b4.comment is not None and "[R3]" in b4.comment.text, "B4 note")

    # The merged cell.
    check("A7:D7" in {str(r) for r in ws.merged_cells.ranges}, f"merges {ws.merged_cells.ranges}")
    a7 = ws["A7"]
    check(a7.value == "Ghi chú chung" and a7.font.b and a7.alignment.horizontal == "center", "A7 look")
    check(a7.fill.fgColor.rgb == RED and a7.comment is not None and "[R4]" in a7.comment.text, "A7 mark")

    # Cells that were not there: E2 in an existing row, F9 in a new row.
    check(ws["E2"].fill.fgColor.rgb == AMBER and ws["E2"].value is None, "E2 created and filled")
    check(ws["F9"].fill.fgColor.rgb == AMBER and ws["F9"].comment is not None and "[R5]" in ws["F9"].comment.text, "F9 created")

    # Sheet-wide things.
    check(ws.freeze_panes == "A2", f"frozen {ws.freeze_panes}")
    check([str(cf.sqref) for cf in ws.conditional_formatting] == ["D2:D5"], "conditional format")
    check(12 < ws.column_dimensions["A"].width < 13 and 16 < ws.column_dimensions["B"].width < 17, "column widths")
    # openpyxl reads pictures only with Pillow installed.
    check(len(ws._images) == 1, f"picture {len(ws._images)}")
    notes = sorted(c.coordinate for row in ws.iter_rows() for c in row if c.comment)
    check(notes == ["A1", "A7", "B4", "C3", "F9"], f"notes on {notes}")

    data = wb["Số liệu"]
    check(len(data._charts) == 1 and data["B5"].value == 6, "chart sheet")

    out = wb["Kết quả"]
    check(out["A1"].value == "Ô" and out["A1"].font.b, "added sheet header")
    check(out.freeze_panes == "A2", "added sheet frozen")
    check(out["A3"].value == "C3" and out["A3"].hyperlink is not None and out["A3"].hyperlink.location == "'Bàn giao'!C3", "link")
    check(out["B3"].fill.fgColor.rgb == AMBER, "added sheet fill")
    check(out["C2"].value == 2 and out["D2"].value is True, "number and boolean")

    with tempfile.TemporaryDirectory() as tmp:
        r = libreoffice.convert([path], "pdf", tmp)
        pdf = libreoffice.output_of(path, "pdf", tmp)
        check(r.returncode == 0 and os.path.exists(pdf) and os.path.getsize(pdf) > 1000, "LibreOffice converts to PDF")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
