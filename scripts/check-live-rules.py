#!/usr/bin/env python3
"""The live rules of the blank input workbook, judged by LibreOffice and by `taphuan validate`.

1. `taphuan template --single` writes the blank workbook (all kinds, default settings);
2. openpyxl fills it with rows that break each live rule and rows that respect it (the
   boundary cases included: a handover exactly 10 days ahead, a staff plan sent at 09:00 sharp);
3. LibreOffice converts the filled workbook to HTML, evaluating the conditional formats on its
   own; the background colour of every cell is read from that HTML;
4. the coloured cells must be exactly the breaking ones listed below (written by hand from the
   rows, not from any output);
5. `taphuan validate --format json` on the same filled workbook must report exactly those cells
   under the live rules' ids, in the columns the live rules colour (IMPORT_DUPLICATE_COURSE
   reports the whole row: its course id cell is compared). The live rules judge what is typed:
   a finding on an empty cell or on another column (a date not entered by its deadline, which
   depends on the as-of moment) is left to validate and counted apart.
6. The one live rule that reads the clock, a course ended before today without two filled
   session reports a day (SESSION_REPORT_MISSING, which validate reports per course, with no
   cell), is compared course by course with validate judging at the present moment; its
   courses are dated relative to today.
7. The forms of a sample course (`taphuan forms`): the day-before check answered on the first
   day turns its answer yellow; each session row still empty once its session started (plus the
   grace hour) turns its report time red, judged against this machine's clock as LibreOffice
   reads it; the row filled does not.

    scripts/check-live-rules.py --taphuan PATH/taphuan [--keep DIR] [--render PNG]

--render writes a picture of the filled handover sheet with its live colours (LibreOffice's PDF,
first page, through pdftoppm), as docs/live-rules.png shows it.
needs python3 + openpyxl and soffice (libreoffice-calc-nogui). Exit status 0 when all agree.
"""
import argparse
import datetime as dt
import html.parser
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import libreoffice  # noqa: E402

D = dt.datetime
RED, YELLOW = "#FFC7CE", "#FFEB9C"

# Each sheet's rows, by header (without the " *" of required columns), and the cells a live
# rule must colour, as (sheet, header, row number in the sheet).
HANDOVER = "Bàn giao kế hoạch"
STAFF = "Kế hoạch nhân sự"
TRACKING = "Theo dõi khóa"
PRECHECK = "Chuẩn bị trước TH"
UNITS = "Danh sách đơn vị"


def course(cid, product, start, end, handed, agency="Phòng GD&ĐT huyện Krông Pắc"):
    return {"Mã khóa": cid, "Tên khóa": f"Tập huấn {product}", "Sản phẩm": product, "Đơn vị chủ quản": agency,
            "Hình thức": "Trực tiếp", "Địa điểm / link": "Hội trường UBND huyện", "Ngày bắt đầu": start,
            "Ngày kết thúc": end, "Số đơn vị": 12, "Người bàn giao (TNXT)": "Trần Văn Bình", "Ngày bàn giao": handed,
            "Nhóm triển khai": "Nhóm 1", "TNTK phụ trách": "Lê Thị Hoa"}


TODAY = dt.date.today()
S5 = dt.datetime.combine(TODAY - dt.timedelta(days=20), dt.time())
S6 = dt.datetime.combine(TODAY - dt.timedelta(days=30), dt.time())


def report(cid, day, part, hour):
    return {"Mã khóa": cid, "Ngày": day, "Buổi": part, "Giờ báo cáo": day + dt.timedelta(hours=hour),
            "Người báo cáo": "Nguyễn Văn An", "Số ĐV vắng": 0}


SESSIONS = "Báo cáo trong TH"
ROWS = {
    HANDOVER: [
        # row 2: handed over exactly 10 days ahead: on time.
        course("TH-01", "Kế toán HCSN", D(2026, 12, 14), D(2026, 12, 15), D(2026, 12, 4, 16, 30)),
        # row 3: payroll needs 30 days, handed over 24 days ahead: late.
        course("TH-02", "Tính lương", D(2026, 12, 14), D(2026, 12, 15), D(2026, 11, 20, 10, 0)),
        # row 4: 6 days ahead: late.
        course("TH-03", "Kế toán xã", D(2026, 12, 21), D(2026, 12, 22), D(2026, 12, 15, 9, 0)),
        # row 5: the course id of row 2 again.
        course("TH-01", "Kế toán HCSN", D(2026, 12, 14), D(2026, 12, 15), D(2026, 12, 1, 8, 0)),
        # row 6: salary budgeting 41 days ahead, on time, but the supervising agency is empty.
        course("TH-04", "DT lương", D(2027, 1, 20), D(2027, 1, 21), D(2026, 12, 10, 8, 0), agency=None),
        # row 7: two days ended before today, three of its four sessions reported.
        course("TH-05", "Kế toán HCSN", S5, S5 + dt.timedelta(days=1), S5 - dt.timedelta(days=15)),
        # row 8: one day ended before today, both sessions reported.
        course("TH-06", "Kế toán HCSN", S6, S6, S6 - dt.timedelta(days=15)),
    ],
    SESSIONS: [
        report("TH-05", S5, "Sáng", 8), report("TH-05", S5, "Chiều", 13.5), report("TH-05", S5 + dt.timedelta(days=1), "Sáng", 8),
        report("TH-06", S6, "Sáng", 8), report("TH-06", S6, "Chiều", 13.5),
    ],
    STAFF: [
        # TH-01 starts Monday 14/12: due Saturday 12/12 09:00 (the week before). Sent 09:00 sharp: on time.
        {"Mã khóa": "TH-01", "Nhân viên": "Nguyễn Văn An", "Vai trò": "Giảng viên", "Từ ngày": D(2026, 12, 14),
         "Đến ngày": D(2026, 12, 15), "Người lập": "Lê Thị Hoa", "Thời điểm gửi TP": D(2026, 12, 12, 9, 0)},
        # TH-02, same week: sent 09:30 that Saturday, late.
        {"Mã khóa": "TH-02", "Nhân viên": "Phạm Thị Lan", "Vai trò": "Giảng viên", "Từ ngày": D(2026, 12, 14),
         "Đến ngày": D(2026, 12, 15), "Người lập": "Lê Thị Hoa", "Thời điểm gửi TP": D(2026, 12, 12, 9, 30)},
        # TH-02 again, sent later still: late too, but validate names the first late row of a
        # course only, and so does the colour.
        {"Mã khóa": "TH-02", "Nhân viên": "Đặng Văn Hùng", "Vai trò": "Trợ giảng", "Từ ngày": D(2026, 12, 14),
         "Đến ngày": D(2026, 12, 15), "Người lập": "Lê Thị Hoa", "Thời điểm gửi TP": D(2026, 12, 13, 8, 0)},
        # TH-03 starts Monday 21/12: due Saturday 19/12 09:00; sent on Friday 11/12: on time.
        {"Mã khóa": "TH-03", "Nhân viên": "Võ Minh Tuấn", "Vai trò": "Giảng viên", "Từ ngày": D(2026, 12, 21),
         "Đến ngày": D(2026, 12, 22), "Người lập": "Lê Thị Hoa", "Thời điểm gửi TP": D(2026, 12, 11, 17, 0)},
    ],
    TRACKING: [
        # TH-01 ends 15/12: survey the next day (on time), CRM two days after (late).
        {"Mã khóa": "TH-01", "Ngày cập nhật KQ khảo sát": D(2026, 12, 16), "Ngày cập nhật CRM": D(2026, 12, 17)},
        # TH-02 ends 15/12: survey three days after (late), CRM the next day.
        {"Mã khóa": "TH-02", "Ngày cập nhật KQ khảo sát": D(2026, 12, 18), "Ngày cập nhật CRM": D(2026, 12, 16)},
        # TH-03 ends 22/12: both the next day.
        {"Mã khóa": "TH-03", "Ngày cập nhật KQ khảo sát": D(2026, 12, 23), "Ngày cập nhật CRM": D(2026, 12, 23)},
    ],
    PRECHECK: [
        # TH-01 starts 14/12: checked the day before, on time.
        {"Mã khóa": "TH-01", "Ngày kiểm tra": D(2026, 12, 13, 8, 0), "Người kiểm tra": "Lê Thị Hoa"},
        # TH-02 starts 14/12: checked on the first morning, late.
        {"Mã khóa": "TH-02", "Ngày kiểm tra": D(2026, 12, 14, 7, 0), "Người kiểm tra": "Lê Thị Hoa"},
    ],
    UNITS: [
        # Score 2 (≤ 2) and not called: follow-up missing.
        {"Mã khóa": "TH-01", "Mã đơn vị": "DV01", "Tên đơn vị": "Trường TH Ea Kly", "Người liên hệ": "Hồ Văn Nam",
         "Điện thoại": "0912345678", "Điểm khảo sát (1-5)": 2},
        # Score 2 but called: fine.
        {"Mã khóa": "TH-01", "Mã đơn vị": "DV02", "Tên đơn vị": "Trường THCS Ea Phê", "Người liên hệ": "Đỗ Thị Mai",
         "Điện thoại": "0912345679", "Điểm khảo sát (1-5)": 2, "Đã gọi hỗ trợ": "Có"},
        # Not using the software and not called: follow-up missing.
        {"Mã khóa": "TH-01", "Mã đơn vị": "DV03", "Tên đơn vị": "UBND xã Ea Kênh", "Người liên hệ": "Y Bhin",
         "Điện thoại": "0912345680", "Điểm khảo sát (1-5)": 4, "Đã sử dụng": "Không"},
        # Score 5, using it: fine.
        {"Mã khóa": "TH-01", "Mã đơn vị": "DV04", "Tên đơn vị": "Trạm Y tế xã Hòa Đông", "Người liên hệ": "Lý Văn Sáu",
         "Điện thoại": "0912345681", "Điểm khảo sát (1-5)": 5, "Đã sử dụng": "Có"},
    ],
}

EXPECTED = {
    (HANDOVER, "Ngày bàn giao", 3): ("HANDOVER_LATE", RED),
    (HANDOVER, "Ngày bàn giao", 4): ("HANDOVER_LATE", RED),
    (HANDOVER, "Mã khóa", 5): ("IMPORT_DUPLICATE_COURSE", RED),
    (HANDOVER, "Đơn vị chủ quản", 6): ("IMPORT_MISSING_VALUE", YELLOW),
    (STAFF, "Thời điểm gửi TP", 3): ("STAFF_PLAN_LATE", RED),
    (TRACKING, "Ngày cập nhật CRM", 2): ("CRM_LATE", RED),
    (TRACKING, "Ngày cập nhật KQ khảo sát", 3): ("SURVEY_LATE", RED),
    (PRECHECK, "Ngày kiểm tra", 3): ("PRECHECK_LATE", YELLOW),
    (UNITS, "Đã gọi hỗ trợ", 2): ("FOLLOW_UP_MISSING", YELLOW),
    (UNITS, "Đã gọi hỗ trợ", 4): ("FOLLOW_UP_MISSING", YELLOW),
    (HANDOVER, "Ngày kết thúc", 7): ("SESSION_REPORT_MISSING", RED),
}
# The column each live rule colours (IMPORT_MISSING_VALUE: every required column).
LIVE = {"HANDOVER_LATE": (HANDOVER, "Ngày bàn giao"), "IMPORT_DUPLICATE_COURSE": (HANDOVER, "Mã khóa"),
        "STAFF_PLAN_LATE": (STAFF, "Thời điểm gửi TP"), "CRM_LATE": (TRACKING, "Ngày cập nhật CRM"),
        "SURVEY_LATE": (TRACKING, "Ngày cập nhật KQ khảo sát"), "PRECHECK_LATE": (PRECHECK, "Ngày kiểm tra"),
        "FOLLOW_UP_MISSING": (UNITS, "Đã gọi hỗ trợ"), "IMPORT_MISSING_VALUE": None}
CHECKED_SHEETS = [HANDOVER, STAFF, TRACKING, PRECHECK, UNITS, SESSIONS]


def headers(ws):
    return {str(c.value).removesuffix(" *"): c.column for c in ws[1] if c.value}


def fill(path, out):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    for sheet, rows in ROWS.items():
        ws = wb[sheet]
        columns = headers(ws)
        for r, row in enumerate(rows, start=2):
            for header, value in row.items():
                if value is not None:
                    ws.cell(r, columns[header], value)
    wb.save(out)
    return {sheet: headers(wb[sheet]) for sheet in ROWS}


class Colours(html.parser.HTMLParser):
    """The background colour of each cell of each table (sheet) of LibreOffice's HTML."""

    def __init__(self):
        super().__init__()
        self.tables, self.row, self.column = [], 0, 0
        self.occupied = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.tables.append({})
            self.row, self.occupied = 0, set()
        elif tag == "tr":
            self.row += 1
            self.column = 1
        elif tag == "td" and self.tables:
            while (self.row, self.column) in self.occupied:
                self.column += 1
            span, down = int(a.get("colspan", 1)), int(a.get("rowspan", 1))
            for dr in range(down):
                for dc in range(span):
                    self.occupied.add((self.row + dr, self.column + dc))
            if a.get("bgcolor"):
                self.tables[-1][(self.row, self.column)] = a["bgcolor"].upper()
            self.column += span


def check_forms(taphuan, work):
    """Step 7; returns the problems found."""
    import openpyxl
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(work, "forms.xlsx")
    subprocess.run([taphuan, "forms", "--course", "TL-2611-06", "-o", path, "--force", os.path.join(root, "samples")],
                   check=True, stdout=subprocess.DEVNULL)
    wb = openpyxl.load_workbook(path)
    checklist, sessions = wb["Danh sách kiểm tra"], wb[SESSIONS]
    answer = next(r for r in range(10, 40) if checklist.cell(r, 2).value == "Ngày kiểm tra")
    # TL-2611-06 starts on the first session's day: checking that day is late.
    columns = {str(c.value): c.column for c in sessions[9] if c.value}
    first_day = sessions.cell(10, columns["Ngày"]).value
    checklist.cell(answer, 3, first_day.replace(hour=7))
    sessions.cell(10, columns["Số ĐV vắng"], 0)
    filled = os.path.join(work, "forms-filled.xlsx")
    wb.save(filled)
    expected = {("Danh sách kiểm tra", answer, 3): YELLOW}
    now = dt.datetime.now()
    for r in range(11, sessions.max_row + 1):
        day, part = sessions.cell(r, columns["Ngày"]).value, sessions.cell(r, columns["Buổi"]).value
        if isinstance(day, dt.datetime):
            start = day.replace(hour=8, minute=0) if part == "Sáng" else day.replace(hour=13, minute=30)
            if now > start + dt.timedelta(minutes=60):
                expected[(SESSIONS, r, columns["Giờ báo cáo"])] = RED
    libreoffice.convert([filled], "html", work)
    parser = Colours()
    with open(os.path.join(work, "forms-filled.html"), encoding="utf-8", errors="replace") as f:
        parser.feed(f.read())
    found = {}
    for i, name in enumerate(wb.sheetnames[:3]):
        for (row, column), colour in parser.tables[i].items():
            if row >= 10 and colour in (RED, YELLOW):
                found[(name, row, column)] = colour
    problems = [f"forms: {k[0]} row {k[1]} column {k[2]}: coloured {found.get(k)}, expected {expected.get(k)}"
                for k in sorted(set(found) | set(expected)) if found.get(k) != expected.get(k)]
    return problems, len(found)


def render(filled, work, png):
    """The handover sheet alone (the others hidden, so they still feed its rules) as a PNG."""
    import openpyxl
    from openpyxl.worksheet.properties import PageSetupProperties
    wb = openpyxl.load_workbook(filled)
    for ws in wb.worksheets:
        if ws.title != HANDOVER:
            ws.sheet_state = "hidden"
    ws = wb[HANDOVER]
    wb.active = wb.sheetnames.index(HANDOVER)
    ws.print_area = "A1:O8"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1
    path = os.path.join(work, "render.xlsx")
    wb.save(path)
    libreoffice.convert([path], "pdf", work)
    base = png[:-4] if png.endswith(".png") else png
    subprocess.run(["pdftoppm", "-png", "-r", "170", "-f", "1", "-l", "1", "-singlefile", os.path.join(work, "render.pdf"), base], check=True)
    # The page is mostly blank below eight rows: keep the table and a margin (Pillow).
    from PIL import Image, ImageChops
    image = Image.open(base + ".png").convert("RGB")
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    if box:
        image.crop((max(0, box[0] - 12), max(0, box[1] - 12), min(image.width, box[2] + 12), min(image.height, box[3] + 12))).save(base + ".png")
    print("rendered", base + ".png")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--taphuan", required=True)
    ap.add_argument("--keep", help="folder to keep the files in")
    ap.add_argument("--render", help="PNG of the filled handover sheet to write")
    args = ap.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="live-rules-")
    os.makedirs(work, exist_ok=True)
    subprocess.run([args.taphuan, "template", "--single", "blank.xlsx", "-o", work, "--force"], check=True, stdout=subprocess.DEVNULL)
    filled = os.path.join(work, "filled.xlsx")
    columns = fill(os.path.join(work, "blank.xlsx"), filled)
    libreoffice.convert([filled], "html", work)
    parser = Colours()
    with open(os.path.join(work, "filled.html"), encoding="utf-8", errors="replace") as f:
        parser.feed(f.read())
    import openpyxl
    names = openpyxl.load_workbook(filled, read_only=True).sheetnames
    failures = []
    if len(parser.tables) != len(names):
        failures.append(f"LibreOffice's HTML has {len(parser.tables)} tables for {len(names)} sheets")
    by_column = {s: {c: h for h, c in columns[s].items()} for s in CHECKED_SHEETS}
    coloured = {}
    for sheet in CHECKED_SHEETS:
        table = parser.tables[names.index(sheet)] if len(parser.tables) == len(names) else {}
        for (row, column), colour in table.items():
            if row >= 2 and colour in (RED, YELLOW):
                coloured[(sheet, by_column[sheet].get(column, f"column {column}"), row)] = colour
    expected_colours = {k: v[1] for k, v in EXPECTED.items()}
    for cell in sorted(set(coloured) | set(expected_colours)):
        if coloured.get(cell) != expected_colours.get(cell):
            failures.append(f"LibreOffice: {cell[0]} › {cell[1]} row {cell[2]}: coloured {coloured.get(cell)}, expected {expected_colours.get(cell)}")
    # The same workbook through validate, long after every deadline.
    result = subprocess.run([args.taphuan, "validate", filled, "--format", "json", "--as-of", "2027-06-30T00:00"],
                            capture_output=True, text=True)
    report = json.loads(result.stdout)
    reported, apart = set(), 0
    values = openpyxl.load_workbook(filled)
    for f in report.get("findings", []):
        rule = f.get("rule")
        if rule not in LIVE or f.get("sheet") not in CHECKED_SHEETS or not f.get("cell"):
            continue
        cell = f["cell"]
        letters = "".join(ch for ch in cell.split(":")[0] if ch.isalpha())
        row = int("".join(ch for ch in cell.split(":")[0] if ch.isdigit()))
        if letters:
            index = 0
            for ch in letters:
                index = index * 26 + ord(ch.upper()) - 64
            header = by_column[f["sheet"]].get(index, letters)
        else:
            header = "Mã khóa"  # a whole-row finding: the live rule colours its course id
        place = LIVE[rule]
        empty = values[f["sheet"]][cell.split(":")[0] if letters else f"A{row}"].value is None
        # A late-date rule's cell holds the date; the follow-up rule colours the empty "called" cell.
        if place is not None and (place != (f["sheet"], header) or (empty and rule != "FOLLOW_UP_MISSING")):
            apart += 1
            continue
        reported.add((f["sheet"], header, row))
    # The clock-reading rule, course by course, with validate judging now (Vietnam time).
    from zoneinfo import ZoneInfo
    now = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%Y-%m-%dT%H:%M")
    result = subprocess.run([args.taphuan, "validate", filled, "--format", "json", "--as-of", now], capture_output=True, text=True)
    missing = {f.get("course") for f in json.loads(result.stdout).get("findings", []) if f.get("rule") == "SESSION_REPORT_MISSING"}
    ids = {r: row.get("Mã khóa") for r, row in enumerate(ROWS[HANDOVER], start=2)}
    ended = {ids[row] for (sheet, header, row) in coloured if sheet == HANDOVER and header == "Ngày kết thúc"}
    if missing != ended:
        failures.append(f"SESSION_REPORT_MISSING: validate (as of {now}) names {sorted(missing)}, the live colours {sorted(ended)}")
    session_cells = {c for c in coloured if c[0] == HANDOVER and c[1] == "Ngày kết thúc"}
    for cell in sorted(reported ^ (set(coloured) - session_cells)):
        side = "validate only" if cell in reported else "colour only"
        failures.append(f"validate and the live colours disagree ({side}): {cell[0]} › {cell[1]} row {cell[2]}")
    if args.render:
        render(filled, work, args.render)
    problems, forms_coloured = check_forms(args.taphuan, work)
    failures += problems
    for f in failures:
        print("FAIL:", f)
    print(f"live rules: {len(coloured)} cells coloured by LibreOffice, {len(EXPECTED)} expected, "
          f"{len(reported) + len(missing)} reported by validate in the live rules' cells ({apart} more on cells not typed yet, left to validate); "
          f"forms: {forms_coloured} cells coloured; {len(failures)} problems ({work})")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
