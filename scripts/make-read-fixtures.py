#!/usr/bin/env python3
"""Writes the reader's fixtures, one per known trap (STYLE.md point 6), into
Tests/XLSXTests/Fixtures/read/. Hand-written packages are assembled with zipfile so every
byte is chosen here; the others are written by xlsxwriter and openpyxl. Never by our writer.
"""
import datetime
import os
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "XLSXTests", "Fixtures", "read")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="{wb}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '</Types>')


def package(name, parts, workbook_part="xl/workbook.xml", root_target=None):
    """parts: {name: xml text}; writes _rels/.rels pointing at the workbook."""
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT.format(wb="/" + workbook_part))
        z.writestr("_rels/.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
                   f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="{root_target or workbook_part}"/>'
                   '</Relationships>')
        for part, text in parts.items():
            z.writestr(part, text)
    return path


def workbook(sheets, extra=""):
    s = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"{st}/>' for i, (n, st) in enumerate(sheets))
    return f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">{extra}<sheets>{s}</sheets></workbook>'


def rels(targets):
    body = "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>' for i, t, target in targets)
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{body}</Relationships>'


def sheet(data, before="", after=""):
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:r="{REL}">{before}<sheetData>{data}</sheetData>{after}</worksheet>'


def main():
    os.makedirs(OUT, exist_ok=True)

    # Absolute relationship targets, workbook outside xl/, sheet names with state.
    package("absolute-targets.xlsx", {
        "book/main.xml": workbook([("Data", ""), ("Hidden", ' state="hidden"'), ("Secret", ' state="veryHidden"')]),
        "book/_rels/main.xml.rels": rels([("rId1", "worksheet", "/book/sheets/one.xml"),
                                          ("rId2", "worksheet", "/book/sheets/two.xml"),
                                          ("rId3", "worksheet", "sheets/../sheets/three.xml"),
                                          ("rId9", "sharedStrings", "/book/strings.xml")]),
        "book/strings.xml": f'<sst xmlns="{MAIN}"><si><t>absolute</t></si></sst>',
        "book/sheets/one.xml": sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>'),
        "book/sheets/two.xml": sheet('<row r="1"><c r="A1"><v>2</v></c></row>'),
        "book/sheets/three.xml": sheet('<row r="1"><c r="A1"><v>3</v></c></row>'),
    }, workbook_part="book/main.xml", root_target="/book/main.xml")

    # No sharedStrings part at all; inline strings (plain, rich, with an escape) and t="str".
    package("inline-strings-no-sst.xlsx", {
        "xl/workbook.xml": workbook([("Sheet1", "")]),
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml")]),
        "xl/worksheets/sheet1.xml": sheet(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>plain inline</t></is></c>'
            '<c r="B1" t="inlineStr"><is><r><t>rich </t></r><r><rPr><b/></rPr><t>inline</t></r></is></c>'
            '<c r="C1" t="inlineStr"><is><t>line_x000D_break</t></is></c>'
            '<c r="D1" t="str"><f>"for"&amp;"mula"</f><v>formula</v></c></row>'),
    })

    # Rich text with phonetic runs; an empty <t/> keeping its index; escapes.
    package("rich-phonetic-empty-si.xlsx", {
        "xl/workbook.xml": workbook([("Sheet1", "")]),
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                            ("rId2", "sharedStrings", "sharedStrings.xml")]),
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">'
            '<si><r><rPr><b/><sz val="12"/><color rgb="FFFF0000"/><rFont val="Arial"/></rPr><t>東京</t></r>'
            '<r><t xml:space="preserve"> tower</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
            '<si><t/></si>'
            '<si><t>after empty</t></si>'
            '<si><t>tab_x0009_and_x005F_x0041_</t></si>'
            '</sst>',
        "xl/worksheets/sheet1.xml": sheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
            '<c r="D1" t="s"><v>3</v></c></row>'),
    })

    # Every element under a namespace prefix (x:), as .NET's Open XML SDK writes them.
    package("namespace-prefixes.xlsx", {
        "xl/workbook.xml": f'<x:workbook xmlns:x="{MAIN}" xmlns:rel="{REL}"><x:workbookPr date1904="0"/>'
            '<x:sheets><x:sheet name="Prefixed" sheetId="1" rel:id="R1"/></x:sheets>'
            '<x:definedNames><x:definedName name="Total">Prefixed!$B$2</x:definedName></x:definedNames></x:workbook>',
        "xl/_rels/workbook.xml.rels": rels([("R1", "worksheet", "worksheets/sheet1.xml"),
                                            ("R2", "sharedStrings", "sharedStrings.xml")]),
        "xl/sharedStrings.xml": f'<x:sst xmlns:x="{MAIN}"><x:si><x:t>prefixed text</x:t></x:si></x:sst>',
        "xl/worksheets/sheet1.xml": f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
            '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>'
            '<x:row r="2"><x:c r="B2"><x:v>7.5</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c>'
            '<x:c r="D2" t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData>'
            '<x:mergeCells count="1"><x:mergeCell ref="A1:C1"/></x:mergeCells></x:worksheet>',
    })

    # Part names whose case differs from the relationships' targets.
    package("case-differing-names.xlsx", {
        "xl/workbook.xml": workbook([("Sheet1", "")]),
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                            ("rId2", "sharedStrings", "sharedStrings.xml")]),
        "xl/SharedStrings.xml": f'<sst xmlns="{MAIN}"><si><t>found anyway</t></si></sst>',
        "XL/Worksheets/Sheet1.XML": sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
    })

    # Rows and cells without r; a cell with r after cells without.
    package("no-r-attributes.xlsx", {
        "xl/workbook.xml": workbook([("Sheet1", "")]),
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml")]),
        "xl/worksheets/sheet1.xml": sheet(
            '<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>'
            '<row><c><v>4</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>'
            '<row r="5"><c><v>7</v></c></row>'
            '<row><c t="inlineStr"><is><t>row six</t></is></c></row>'),
    })

    # A declared dimension of the whole grid, with five cells, and styled blanks.
    package("huge-dimension.xlsx", {
        "xl/workbook.xml": workbook([("Sheet1", "")]),
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml")]),
        "xl/worksheets/sheet1.xml": sheet(
            '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'
            '<row r="1048576"><c r="A1048576"><v>3</v></c><c r="B1048576" s="0"/><c r="XFD1048576"><v>5</v></c></row>'
            '<row r="7"><c r="C7"><v>4</v></c></row>',
            before='<dimension ref="A1:XFD1048576"/>'),
    })

    # Dates, 1900 system: through the phantom 29 Feb 1900; xlsxwriter writes the serials.
    import xlsxwriter
    for name, system in (("dates-1900.xlsx", False), ("dates-1904.xlsx", True)):
        wb = xlsxwriter.Workbook(os.path.join(OUT, name), {"date_1904": system})
        ws = wb.add_worksheet("Dates")
        dmy = wb.add_format({"num_format": "dd/mm/yyyy"})
        dt = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
        tm = wb.add_format({"num_format": "hh:mm:ss"})
        dur = wb.add_format({"num_format": "[h]:mm:ss"})
        loc = wb.add_format({"num_format": "[$-42A]dd mmmm yyyy"})
        # Serial numbers written raw so the file holds exactly these numbers.
        for row, serial in enumerate([59, 60, 61, 45627, 1, 0.5, 45627.75]):
            ws.write_number(row, 0, serial, dmy)
            ws.write_number(row, 1, serial)
        ws.write_number(0, 2, 45627.395833333336, dt)
        ws.write_number(1, 2, 0.75, tm)
        ws.write_number(2, 2, 1.0833333333333333, dur)
        ws.write_number(3, 2, 45627, loc)
        ws.write_datetime(4, 2, datetime.datetime(2024, 12, 1, 9, 30), dt)
        wb.close()

    # Sheet structure by openpyxl: merged ranges, widths, hidden rows/cols, freeze panes,
    # validations, hyperlinks, notes, a shared formula's cells.
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.worksheet.datavalidation import DataValidation
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kế hoạch"
    ws["A1"] = "Mã lớp"
    ws["B1"] = "Số học viên"
    ws["C1"] = "Ngày khai giảng"
    ws["A2"], ws["B2"], ws["C2"] = "TH-01", 30, datetime.datetime(2024, 12, 1)
    ws["A3"], ws["B3"], ws["C3"] = "TH-02", 25, datetime.datetime(2025, 1, 15)
    ws.merge_cells("D1:F1")
    ws["D1"] = "Ghi chú"
    ws.column_dimensions["A"].width = 18.5
    ws.column_dimensions["E"].hidden = True
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[2].height = 24
    ws.freeze_panes = "B2"
    dv = DataValidation(type="list", formula1='"Có,Không"', allow_blank=True)
    dv.add("G2:G10")
    ws.add_data_validation(dv)
    ws["H2"] = "link"
    ws["H2"].hyperlink = "https://example.org/tap-huan"
    ws["A2"].comment = Comment("Lớp mở đầu", "Phòng Đào tạo")
    wb.create_sheet("Trống")
    wb.save(os.path.join(OUT, "sheet-structure.xlsx"))

    # A shared formula written the way Excel writes them (anchor text, then si only).
    package("shared-formula.xlsx", {
        "xl/workbook.xml": workbook([("Sheet1", "")]),
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml")]),
        "xl/worksheets/sheet1.xml": sheet(
            '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>10</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">A1+$B$1*B1</f><v>101</v></c></row>'
            '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>20</v></c><c r="C2"><f t="shared" si="0"/><v>202</v></c></row>'
            '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>30</v></c><c r="C3"><f t="shared" si="0"/><v>303</v></c></row>'),
    })


if __name__ == "__main__":
    main()
