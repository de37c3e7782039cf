"""Checks of the feature workbook by other tools; used by scripts/interop-write.

Every expected value below is written by hand from the workbook's specification in
Tests/XLSXTests/WriteFeatureWorkbook.swift, not copied from the writer's output.

    python3 interop_write.py openpyxl FEATURES.xlsx FEATURES-STREAMING.xlsx
    python3 interop_write.py csv FEATURES.csv FEATURES-STREAMING.csv
    python3 interop_write.py libreoffice-charts FEATURES-SAVED-BY-LIBREOFFICE.xlsx
"""
import csv
import datetime as dt
import sys

failures = []


def rgb(color):
    """openpyxl gives an `a:srgbClr` as its value or as an object holding it."""
    return color if isinstance(color, str) else getattr(color, "val", color)


def check(what, actual, expected):
    if actual != expected:
        failures.append(f"{what}: expected {expected!r}, got {actual!r}")


PLAN, LIST, HIDDEN = "Kế hoạch tuần", "Danh mục", "Ẩn"
HEADER = ["Mã lớp", "Tên lớp", "Đơn vị", "Số học viên", "Tỷ lệ hoàn thành",
          "Ngày bắt đầu", "Giờ khai mạc", "Đã duyệt", "Kinh phí (VND)", "Trạng thái"]
ROWS = [
    ["TH-001", "Bồi dưỡng kỹ năng số", "Trường Tiểu học số 1 xã Ea Kao", 35, 0.875,
     dt.datetime(2026, 12, 1), dt.datetime(2026, 12, 1, 7, 30), True, 12500000, "Đang học"],
    ["TH-002", "Sơ cấp cứu ban đầu", "Trạm Y tế xã Cư Êbur", 42, 0.5,
     dt.datetime(2026, 12, 3), dt.datetime(2026, 12, 3, 13, 45), False, 8750000, "Chưa bắt đầu"],
    ["TH-003", "Văn thư – lưu trữ", "Ủy ban Nhân dân xã Hòa Thắng", 26, 1,
     dt.datetime(2026, 12, 5), dt.datetime(2026, 12, 5, 8, 0), True, 6000000.5, "Hoàn thành"],
]


def check_openpyxl(path, streaming):
    import openpyxl
    tag = "streaming " if streaming else ""
    wb = openpyxl.load_workbook(path)
    check(tag + "sheet names", wb.sheetnames, [PLAN, LIST] if streaming else [PLAN, LIST, HIDDEN])
    ws = wb[PLAN]
    check(tag + "A1", ws["A1"].value, "KẾ HOẠCH TẬP HUẤN TUẦN 48")
    check(tag + "header", [c.value for c in ws[2]], HEADER)
    for r, expected in enumerate(ROWS, start=3):
        got = [c.value for c in ws[r]]
        for i, (a, e) in enumerate(zip(got, expected)):
            if isinstance(e, dt.datetime) and isinstance(a, dt.datetime):
                a = a.replace(microsecond=0) if abs((a - a.replace(microsecond=0)).total_seconds()) < 0.001 else a
            check(f"{tag}{ws.cell(r, i + 1).coordinate}", a, e)
    check(tag + "A7 formula", ws["A7"].value, "=SUM(D3:D5)")
    check(tag + "A8 error", ws["A8"].value, "#N/A")
    # Fonts, fills, number formats.
    check(tag + "title font", (ws["A1"].font.name, ws["A1"].font.sz, ws["A1"].font.b), ("Times New Roman", 14, True))
    check(tag + "header font", (ws["A2"].font.b, ws["A2"].font.color.rgb), (True, "FFFFFFFF"))
    check(tag + "header fill", (ws["A2"].fill.fill_type, ws["A2"].fill.fgColor.rgb), ("solid", "FF4472C4"))
    check(tag + "header border", ws["A2"].border.left.style, "thin")
    check(tag + "header alignment", (ws["A2"].alignment.horizontal, ws["A2"].alignment.wrap_text), ("center", True))
    check(tag + "E3 format", ws["E3"].number_format, "0.0%")
    check(tag + "F3 format", ws["F3"].number_format, "dd/mm/yyyy")
    check(tag + "G3 format", ws["G3"].number_format, "dd/mm/yyyy hh:mm")
    check(tag + "I3 format", ws["I3"].number_format, "#,##0")
    check(tag + "I3 font", (ws["I3"].font.i, ws["I3"].font.u), (True, "single"))
    check(tag + "I3 alignment", (ws["I3"].alignment.horizontal, ws["I3"].alignment.indent), ("right", 1))
    check(tag + "D3 protection", ws["D3"].protection.locked, False)
    # Sheet features.
    check(tag + "merges", [str(m) for m in ws.merged_cells.ranges], ["A1:J1"])
    check(tag + "freeze panes", ws.freeze_panes, "B3")
    check(tag + "autofilter", ws.auto_filter.ref, "A2:J5")
    check(tag + "row 1 height", ws.row_dimensions[1].height, 30)
    check(tag + "column A width", ws.column_dimensions["A"].width, 12)
    check(tag + "B3 note", (ws["B3"].comment.text, ws["B3"].comment.author) if ws["B3"].comment else None,
          ("Lớp thí điểm", "Phòng Đào tạo"))
    check(tag + "B8 link", ws["B8"].hyperlink.target if ws["B8"].hyperlink else None,
          "https://example.gov.vn/tap-huan?tuan=48&nam=2026")
    check(tag + "B7 link", ws["B7"].hyperlink.location if ws["B7"].hyperlink else None, "'Danh mục'!A1")
    check(tag + "orientation", ws.page_setup.orientation, "landscape")
    check(tag + "paper", str(ws.page_setup.paperSize), "9")
    check(tag + "fit to width", (ws.page_setup.fitToWidth, ws.sheet_properties.pageSetUpPr.fitToPage), (1, True))
    check(tag + "print titles", ws.print_title_rows, "$1:$2")
    dvs = {str(d.sqref): d for d in ws.data_validations.dataValidation}
    check(tag + "J3:J5 list", (dvs["J3:J5"].type, dvs["J3:J5"].formula1) if "J3:J5" in dvs else None,
          ("list", '"Chưa bắt đầu,Đang học,Hoàn thành"'))
    wl = wb[LIST]
    check(tag + "list values", [wl.cell(r, 1).value for r in range(1, 7)],
          ["Đơn vị", "Trường Tiểu học số 1 xã Ea Kao", "Trường THCS số 2 phường Bến Nghé",
           "Trạm Y tế xã Cư Êbur", "Ủy ban Nhân dân xã Hòa Thắng", "Nhà văn hóa phường Tự An"])
    check(tag + "title", wb.properties.title, "Kế hoạch tập huấn tuần 48")
    check(tag + "creator", wb.properties.creator, "Phòng Đào tạo")
    if streaming:
        return
    check("D4 note", ws["D4"].comment.text if ws["D4"].comment else None, "Số liệu tạm, chờ xác nhận")
    check("tab colour", ws.sheet_properties.tabColor.rgb, "FF0070C0")
    check("hidden sheet", wb[HIDDEN].sheet_state, "hidden")
    check("hidden sheet A1", wb[HIDDEN]["A1"].value, "bí mật")
    check("print area", ws.print_area, "'Kế hoạch tuần'!$A$1:$J$13")
    check("defined name", wb.defined_names["DanhSachDonVi"].attr_text, "'Danh mục'!$A$2:$A$6")
    check("C3:C5 list from range", (dvs["C3:C5"].type, dvs["C3:C5"].formula1, dvs["C3:C5"].promptTitle, dvs["C3:C5"].prompt),
          ("list", "'Danh mục'!$A$2:$A$6", "Đơn vị", "Chọn đơn vị trong danh mục"))
    check("D3:D5 whole", (dvs["D3:D5"].type, dvs["D3:D5"].operator, dvs["D3:D5"].formula1, dvs["D3:D5"].formula2,
                          dvs["D3:D5"].errorTitle, dvs["D3:D5"].error),
          ("whole", None, "1", "200", "Sai số học viên", "Nhập số nguyên từ 1 đến 200"))
    check("E3:E5 decimal", (dvs["E3:E5"].type, dvs["E3:E5"].formula1, dvs["E3:E5"].formula2, dvs["E3:E5"].errorStyle),
          ("decimal", "0", "1", "warning"))
    # 2026-01-01 and 2026-12-31 as 1900-system serials: 46023 and 46387.
    check("F3:F5 date", (dvs["F3:F5"].type, dvs["F3:F5"].formula1, dvs["F3:F5"].formula2), ("date", "46023", "46387"))
    # openpyxl does not decode Excel's `_xHHHH_` escapes (calamine and LibreOffice do), so it
    # shows the escape as written: proof that the control character was escaped, not dropped.
    extras = {"A9": "Chú ý: hạn chót 05/12", "A10": "Tab\there_x0001_end", "A11": "_x0041_ literal",
              "A12": "  hai dấu cách đầu", "A13": "Dòng 1\nDòng 2", "B9": "=IF(D3>30,\"Lớn\",\"Nhỏ\")",
              "B10": -0.0625, "B11": 1.5e-07, "B12": "<a & b> \"c\""}
    for ref, e in extras.items():
        check(ref, ws[ref].value, e)
    check("C7 fill", ws["C7"].fill.fgColor.rgb, "FFFFF2CC")
    charts = ws._charts
    check("charts", [c.tagname for c in charts], ["barChart", "barChart", "lineChart", "pieChart", "doughnutChart"])
    if len(charts) == 5:
        column, bar, line, pie, doughnut = charts
        check("column/bar direction", (column.type, bar.type), ("col", "bar"))
        check("chart 1 series", [(s.val.numRef.f, s.cat.strRef.f) for s in column.series],
              [("'Kế hoạch tuần'!$D$3:$D$5", "'Kế hoạch tuần'!$A$3:$A$5")])
        check("chart 1 title", column.title.tx.rich.p[0].r[0].t if column.title else None, "Học viên theo lớp")
        check("chart 2 series", [s.val.numRef.f for s in bar.series], ["'Kế hoạch tuần'!$I$3:$I$5"])
        check("chart 1 anchor", (column.anchor._from.col, column.anchor._from.row), (11, 1))
        # Line: orange line and circle markers, not smoothed, colours not varied.
        ls = line.series[0]
        check("line series", (ls.val.numRef.f, ls.cat.strRef.f, ls.tx.v),
              ("'Kế hoạch tuần'!$D$3:$D$5", "'Kế hoạch tuần'!$A$3:$A$5", "Số học viên"))
        check("line style", (rgb(ls.spPr.ln.solidFill.srgbClr), ls.marker.symbol, ls.smooth, line.varyColors),
              ("ED7D31", "circle", False, False))
        check("line anchor", (line.anchor._from.col, line.anchor._from.row, line.anchor.to.col, line.anchor.to.row),
              (11, 31, 18, 43))
        # Pie: one series, cached category labels, a colour per slice, percentages, first slice at 90°.
        ps = pie.series[0]
        check("pie series", (ps.val.numRef.f, ps.cat.strRef.f, ps.tx.v),
              ("'Kế hoạch tuần'!$D$3:$D$5", "'Kế hoạch tuần'!$A$3:$A$5", "Tỷ lệ học viên"))
        check("pie cached categories", [p.v for p in ps.cat.strRef.strCache.pt], ["TH-001", "TH-002", "TH-003"])
        check("pie cached values", [p.v for p in ps.val.numRef.numCache.pt], [35, 42, 26])
        check("pie slices", [(d.idx, rgb(d.spPr.solidFill.srgbClr)) for d in ps.dPt],
              [(0, "4472C4"), (1, "ED7D31"), (2, "A5A5A5")])
        check("pie labels", (ps.dLbls.showPercent, ps.dLbls.showVal, ps.dLbls.showCatName) if ps.dLbls else None,
              (True, False, False))
        check("pie angle, colours varied", (pie.firstSliceAng, pie.varyColors), (90, True))
        check("pie title", pie.title.tx.rich.p[0].r[0].t if pie.title else None, "Phần học viên")
        # Doughnut: hole 40 %, the middle slice without a colour of its own.
        ds = doughnut.series[0]
        check("doughnut series", (ds.val.numRef.f, ds.tx.v), ("'Kế hoạch tuần'!$I$3:$I$5", "Kinh phí"))
        check("doughnut slices", [(d.idx, rgb(d.spPr.solidFill.srgbClr)) for d in ds.dPt], [(0, "70AD47"), (2, "FFC000")])
        check("doughnut hole", (doughnut.holeSize, doughnut.firstSliceAng), (40, 0))
    check("D7 rotation", ws["D7"].alignment.textRotation, 45)
    # calamine decodes the escapes as Excel does: the control character comes back, and the
    # literal `_x0041_` stays literal.
    import python_calamine
    rows = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_name(PLAN).to_python()
    check("calamine A10", rows[9][0], "Tab\there\x01end")
    check("calamine A11", rows[10][0], "_x0041_ literal")
    check("calamine F3", rows[2][5], dt.date(2026, 12, 1))
    wr = openpyxl.load_workbook(path, rich_text=True)[PLAN]["A9"].value
    check("A9 rich runs", [(getattr(r, "text", r), getattr(getattr(r, "font", None), "b", None)) for r in wr],
          [("Chú ý: ", True), ("hạn chót 05/12", None)])


def check_csv(path, streaming):
    tag = "streaming csv " if streaming else "csv "
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    check(tag + "A1", rows[0][0], "KẾ HOẠCH TẬP HUẤN TUẦN 48")
    check(tag + "header", rows[1][:10], HEADER)
    # As LibreOffice shows them through our number formats.
    expected = [
        ["TH-001", "Bồi dưỡng kỹ năng số", "Trường Tiểu học số 1 xã Ea Kao", "35", "87.5%",
         "01/12/2026", "01/12/2026 07:30", "TRUE", "12,500,000", "Đang học"],
        ["TH-002", "Sơ cấp cứu ban đầu", "Trạm Y tế xã Cư Êbur", "42", "50.0%",
         "03/12/2026", "03/12/2026 13:45", "FALSE", "8,750,000", "Chưa bắt đầu"],
        ["TH-003", "Văn thư – lưu trữ", "Ủy ban Nhân dân xã Hòa Thắng", "26", "100.0%",
         "05/12/2026", "05/12/2026 08:00", "TRUE", "6,000,001", "Hoàn thành"],
    ]
    for i, e in enumerate(expected):
        check(f"{tag}row {i + 3}", rows[i + 2][:10], e)
    check(tag + "A7 (formula result)", rows[6][0], "103")
    check(tag + "A8", rows[7][0], "#N/A")
    if not streaming:
        check(tag + "A9", rows[8][0], "Chú ý: hạn chót 05/12")
        check(tag + "B9", rows[8][1], "Lớn")
        check(tag + "A11", rows[10][0], "_x0041_ literal")
        check(tag + "B12", rows[11][1], "<a & b> \"c\"")


def check_libreoffice_charts(path):
    """The workbook LibreOffice saved again as .xlsx after opening ours: the charts it kept are
    the charts it read, with their kinds and ranges."""
    import openpyxl
    ws = openpyxl.load_workbook(path)[PLAN]
    charts = ws._charts
    kinds = [(c.tagname, getattr(c, "type", None) if c.tagname == "barChart" else None) for c in charts]
    check("LibreOffice chart kinds", kinds,
          [("barChart", "col"), ("barChart", "bar"), ("lineChart", None), ("pieChart", None), ("doughnutChart", None)])
    if len(charts) != 5:
        return
    refs = [[(s.val.numRef.f.replace("$", ""), s.cat.strRef.f.replace("$", "") if s.cat and s.cat.strRef else None)
             for s in c.series] for c in charts]
    plan = "'Kế hoạch tuần'!"
    check("LibreOffice line series", refs[2], [(plan + "D3:D5", plan + "A3:A5")])
    check("LibreOffice pie series", refs[3], [(plan + "D3:D5", plan + "A3:A5")])
    check("LibreOffice doughnut series", [r[0] for r in refs[4]], [plan + "I3:I5"])
    pie, doughnut = charts[3], charts[4]
    check("LibreOffice pie slice colours", sorted((d.idx, rgb(d.spPr.solidFill.srgbClr).upper()) for d in pie.series[0].dPt)[:3],
          [(0, "4472C4"), (1, "ED7D31"), (2, "A5A5A5")])
    check("LibreOffice pie first slice", pie.firstSliceAng, 90)
    check("LibreOffice pie percentages", bool(pie.series[0].dLbls and pie.series[0].dLbls.showPercent), True)
    # LibreOffice 7.4 draws every doughnut with a hole of 50 % and saves 50, whatever it read
    # (Excel's own chart_doughnut02 with a hole of 10 comes back as 50 too): not judged here.
    check("LibreOffice doughnut kept", doughnut.series[0].val.numRef.f.replace("$", ""), plan + "I3:I5")
    check("LibreOffice line not smoothed", bool(charts[2].series[0].smooth), False)


def main():
    if sys.argv[1] == "libreoffice-charts":
        check_libreoffice_charts(sys.argv[2])
        if failures:
            print("\n".join("FAIL: " + f for f in failures))
            sys.exit(1)
        print("libreoffice-charts: all checks passed")
        return
    mode, full, streaming = sys.argv[1], sys.argv[2], sys.argv[3]
    if mode == "openpyxl":
        check_openpyxl(full, False)
        check_openpyxl(streaming, True)
    else:
        check_csv(full, False)
        check_csv(streaming, True)
    if failures:
        print("\n".join("FAIL: " + f for f in failures))
        sys.exit(1)
    print(f"{mode}: all checks passed")


main()
