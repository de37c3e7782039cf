#!/usr/bin/env python3
"""Writes the template fixtures of Tests/XLSXTests/Fixtures/template with tools other than ours:

- report-openpyxl.xlsx: made by openpyxl, then given a PNG image by hand (openpyxl needs PIL
  for images), so the sheet holds a chart, an image, merges, a validation, a conditional
  format, a hyperlink, a print area, a defined name and formulas below a repeated block;
- report-libreoffice.xlsx: the same workbook opened and saved again by LibreOffice
  (`soffice --convert-to xlsx`), so the parts are LibreOffice's own;
- nested-openpyxl.xlsx: teams, each with its courses and a subtotal;
- notes-breaks-openpyxl.xlsx: a block whose row has a note and a page break below it, with a
  note and a page break below the block as well; notes-breaks-libreoffice.xlsx: the same saved
  again by LibreOffice (its notes' VML carries `<x:Anchor>` rows too).

Run from the repository root (`scripts/make-template-fixtures.py [FILE...]` remakes only the
files named); the output is committed."""
import os, shutil, struct, subprocess, sys, tempfile, zipfile, zlib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import libreoffice  # noqa: E402
import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

out = "Tests/XLSXTests/Fixtures/template"

def png(width=4, height=4):
    raw = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

def build(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kế hoạch"
    ws["A1"] = "Báo cáo tuần {{week}} — {{team}}"
    ws.merge_cells("A1:D1")
    ws["A2"] = "Ngày"; ws["B2"] = "{{date}}"; ws["B2"].number_format = "dd/mm/yyyy"
    for col, text in zip("ABCD", ["STT", "Khoá", "Học viên", "Phí"]):
        ws[col + "3"] = text
    ws["A4"] = "{{#courses}}"
    ws["A5"] = "{{@index}}"; ws["B5"] = "{{title}}"; ws["C5"] = "{{students}}"; ws["D5"] = "=C5*2"
    ws["E5"] = "{{note}}"; ws.merge_cells("E5:F5")
    ws["A6"] = "{{/courses}}"
    ws["A7"] = "Tổng"; ws["C7"] = "=SUM(C5:C5)"; ws["D7"] = "=SUM(D4:D6)"
    ws["A8"] = "Ký tên"; ws.merge_cells("A8:B8")
    ws["A8"].hyperlink = "https://example.gov.vn/ky-ten"
    ws["A9"] = "=C7+1"
    validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    ws.add_data_validation(validation); validation.add("C5")
    ws.conditional_formatting.add("D5", CellIsRule(operator="greaterThan", formula=["$C$7"], fill=PatternFill("solid", fgColor="FFC7CE")))
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=3, min_row=4, max_row=6))
    ws.add_chart(chart, "H10")
    ws.print_area = "A1:F9"
    summary = wb.create_sheet("Tổng hợp")
    summary["A1"] = "='Kế hoạch'!C7"
    summary["A2"] = "=SUM('Kế hoạch'!C5:C5)"
    wb.defined_names["TongHV"] = DefinedName("TongHV", attr_text="'Kế hoạch'!$C$7")
    plain = path + ".tmp"
    wb.save(plain)
    add_image(plain, path, anchor_row=10)  # 0-based: row 11
    os.remove(plain)

def add_image(src, dst, anchor_row):
    """Adds a picture anchored at A(anchor_row+1) to the first drawing."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/drawings/drawing1.xml":
                text = data.decode()
                pic = ('<twoCellAnchor><from><col>0</col><colOff>0</colOff><row>%d</row><rowOff>0</rowOff></from>'
                       '<to><col>1</col><colOff>0</colOff><row>%d</row><rowOff>0</rowOff></to>'
                       '<pic><nvPicPr><cNvPr id="3" name="Con dấu"/><cNvPicPr/></nvPicPr>'
                       '<blipFill><a:blip r:embed="rIdImage1"/><a:stretch><a:fillRect/></a:stretch></blipFill>'
                       '<spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></spPr></pic><clientData/></twoCellAnchor>'
                       % (anchor_row, anchor_row + 2))
                data = text.replace("</wsDr>", pic + "</wsDr>").encode()
            elif item.filename == "xl/drawings/_rels/drawing1.xml.rels":
                data = data.decode().replace("</Relationships>",
                    '<Relationship Id="rIdImage1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>').encode()
            elif item.filename == "[Content_Types].xml":
                data = data.decode().replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default ', 1).encode()
            zout.writestr(item, data)
        zout.writestr("xl/media/image1.png", png())

def build_nested(path):
    """Teams, each with its courses and a subtotal, then a grand total."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Đơn vị"
    ws["A1"] = "Đơn vị"
    ws["A2"] = "{{#teams}}"
    ws["A3"] = "Nhóm {{name}}"; ws.merge_cells("A3:B3")
    ws["A4"] = "{{#courses}}"
    ws["A5"] = "{{title}}"; ws["B5"] = "{{students}}"
    ws["A6"] = "{{/courses}}"
    ws["A7"] = "Cộng"; ws["B7"] = "=SUM(B5:B5)"
    ws["A8"] = "{{/teams}}"
    ws["A9"] = "Tổng"; ws["B9"] = "=SUM(B2:B8)"
    wb.save(path)

def build_notes(path):
    """Classes: a note on the block's row and a page break after it (a page per class), a note
    above the block, and a note and a page break below it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lớp"
    ws["A1"] = "Lớp"; ws["A1"].comment = Comment("Tiêu đề", "Phòng đào tạo")
    ws["A2"] = "{{#classes}}"
    ws["A3"] = "{{name}}"; ws["B3"] = "{{students}}"
    ws["A3"].comment = Comment("Ghi chú lớp", "Phòng đào tạo")
    ws["A4"] = "{{/classes}}"
    ws["A5"] = "Tổng"; ws["B5"] = "=SUM(B3:B3)"
    ws["B5"].comment = Comment("Tổng số học viên", "Phòng đào tạo")
    ws["A6"] = "Ký tên"
    ws.row_breaks.append(Break(id=3))
    ws.row_breaks.append(Break(id=5))
    wb.save(path)

def main():
    os.makedirs(out, exist_ok=True)
    wanted = sys.argv[1:]
    if not wanted or "nested-openpyxl.xlsx" in wanted:
        build_nested(os.path.join(out, "nested-openpyxl.xlsx"))
    if not wanted or any(name.startswith("notes-breaks-") for name in wanted):
        made = os.path.join(out, "notes-breaks-openpyxl.xlsx")
        build_notes(made)
        resave(made, "notes-breaks-libreoffice.xlsx")
    if not wanted or any(name.startswith("report-") for name in wanted):
        made = os.path.join(out, "report-openpyxl.xlsx")
        build(made)
        resave(made, "report-libreoffice.xlsx")

def resave(made, name):
    """Opens `made` in LibreOffice and saves it again as `name`."""
    work = tempfile.mkdtemp()
    shutil.copy(made, os.path.join(work, name))
    libreoffice.convert([os.path.join(work, name)], "xlsx:Calc MS Excel 2007 XML", os.path.join(work, "lo")).check_returncode()
    shutil.copy(os.path.join(work, "lo", name), os.path.join(out, name))
    shutil.rmtree(work)

if __name__ == "__main__":
    main()
