#!/usr/bin/env python3
"""Writes Tests/XLSXTests/Fixtures/annotate/styled-xlsxwriter.xlsx with XlsxWriter (a writer that
lays parts out as Excel does), for the tests of adding marks to a workbook: a sheet "Bàn giao"
with fonts, borders, fills, a date format, a drop-down, frozen panes, a merged cell, a tall row,
a conditional format, a note and a picture; a sheet "Số liệu" with a chart, left unmarked.
scripts/check-annotated-copy.py states what each cell must still have after marking.

Run from the repository root; the output is committed."""
import datetime, struct, zlib
import xlsxwriter

OUT = "Tests/XLSXTests/Fixtures/annotate/styled-xlsxwriter.xlsx"


def png(width=8, height=8):
    raw = b"".join(b"\x00" + b"\x22\x66\xcc" * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    import io
    wb = xlsxwriter.Workbook(OUT)
    wb.set_properties({"created": datetime.datetime(2026, 11, 1, 8, 0, 0)})
    ws = wb.add_worksheet("Bàn giao")
    header = wb.add_format({"bold": True, "font_name": "Times New Roman", "font_size": 12, "font_color": "#1F4E79",
                            "bg_color": "#C6EFCE", "bottom": 5})
    body = wb.add_format({"border": 1, "font_name": "Arial", "font_size": 10})
    italic = wb.add_format({"border": 1, "italic": True, "font_name": "Arial", "font_size": 10})
    date = wb.add_format({"border": 1, "num_format": "dd/mm/yyyy", "font_name": "Arial", "font_size": 10})
    merged = wb.add_format({"align": "center", "bold": True, "bg_color": "#FFF2CC", "border": 2})
    ws.write_row(0, 0, ["Mã lớp", "Ngày bàn giao", "Trạng thái", "Số đơn vị"], header)
    rows = [("TL-01", datetime.date(2026, 11, 2), "Đã bàn giao", 12),
            ("TL-02", datetime.date(2026, 11, 9), "Chưa", 8),
            ("KT-03", datetime.date(2026, 11, 16), "Đã bàn giao", 20),
            ("KT-04", datetime.date(2026, 11, 23), "Chưa", 5)]
    for i, (code, day, state, units) in enumerate(rows, start=1):
        ws.write_string(i, 0, code, body)
        ws.write_datetime(i, 1, datetime.datetime.combine(day, datetime.time()), date)
        ws.write_string(i, 2, state, italic)
        ws.write_number(i, 3, units, body)
    ws.set_row(3, 30)
    ws.set_column(0, 0, 12)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 18)
    ws.data_validation(1, 2, 4, 2, {"validate": "list", "source": ["Đã bàn giao", "Chưa"]})
    ws.conditional_format(1, 3, 4, 3, {"type": "cell", "criteria": ">", "value": 10,
                                       "format": wb.add_format({"font_color": "#9C0006"})})
    ws.merge_range(6, 0, 6, 3, "Ghi chú chung", merged)
    ws.write_comment(2, 2, "Kiểm tra lại với đơn vị", {"author": "Lan"})
    ws.freeze_panes(1, 0)
    ws.insert_image(1, 5, "logo.png", {"image_data": io.BytesIO(png())})

    data = wb.add_worksheet("Số liệu")
    data.write_row(0, 0, ["Tuần", "Lớp"])
    for i in range(4):
        data.write_row(i + 1, 0, [i + 1, [3, 5, 2, 6][i]])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "Lớp", "categories": "='Số liệu'!$A$2:$A$5", "values": "='Số liệu'!$B$2:$B$5"})
    data.insert_chart(1, 3, chart)
    wb.close()


if __name__ == "__main__":
    main()
