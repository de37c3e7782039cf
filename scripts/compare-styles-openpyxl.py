#!/usr/bin/env python3
"""Our style reader against openpyxl on the corpus: for every cell both read, the font (name,
size, bold, italic, underline, strike, colour), the fill (pattern, foreground, background
colours), the border (style and colour of each side) and the number format code.

    scripts/compare-styles-openpyxl.py OURS.tsv CORPUS_DIR [--min 0.99] [--jobs 2]

OURS.tsv is written by the Swift test ReadStyleCorpusTests (one line per cell: file, sheet,
cell, then the fields above as our reader gives them). Colours print as rgb:AARRGGBB,
theme:N:TINT or indexed:N; "-" for none or automatic; openpyxl's default black of an unset
fill colour (rgb:00000000) counts as none on both sides. Prints the share of matching cells
per attribute and exits 1 when one is below --min.
"""
import argparse
import collections
import os
import sys
import warnings


def colour(c):
    if c is None:
        return "-"
    t = getattr(c, "type", None)
    if t == "rgb":
        v = str(c.rgb).upper()
        return "-" if v == "00000000" else "rgb:" + v
    if t == "theme":
        return f"theme:{c.theme}:{round(float(c.tint or 0), 6):g}"
    if t == "indexed":
        return f"indexed:{c.indexed}"
    return "-"


def theirs(path):
    """file → {(sheet, cell): (font, fill, border, numfmt)} as openpyxl reads them."""
    import openpyxl
    warnings.simplefilter("ignore")
    out = {}
    try:
        wb = openpyxl.load_workbook(path)
    except Exception:
        return None
    for ws in wb.worksheets:
        for (r, c), cell in getattr(ws, "_cells", {}).items():
            f = cell.font
            font = "|".join([f.name or "Calibri", f"{float(f.sz if f.sz is not None else 11):g}", str(bool(f.b)), str(bool(f.i)),
                             f.u or "-", str(bool(f.strike)), colour(f.color)])
            fl = cell.fill
            if getattr(fl, "tagname", "") == "patternFill":
                fill = "|".join([fl.fill_type or "none", colour(fl.fgColor), colour(fl.bgColor)])
            else:
                fill = "gradient"
            b = cell.border
            border = "|".join(f"{(s.style if s is not None and s.style else '-')}/{colour(s.color) if s is not None and s.style else '-'}"
                              for s in (b.left, b.right, b.top, b.bottom))
            out[(ws.title, cell.coordinate)] = (font, fill, border, cell.number_format)
    return out


def compare(item):
    path, ours = item
    t = theirs(path)
    if t is None:
        return None
    counts = collections.Counter()
    examples = []
    for key, mine in ours.items():
        if key not in t:
            counts["only ours"] += 1
            continue
        counts["cells"] += 1
        for name, a, b in zip(("font", "fill", "border", "number format"), mine, t[key]):
            if a == b:
                counts[name] += 1
            elif len(examples) < 2:
                examples.append(f"{os.path.basename(path)} {key[0]}!{key[1]} {name}: ours {a} openpyxl {b}")
    return counts, examples


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ours")
    ap.add_argument("corpus")
    ap.add_argument("--min", type=float, default=0.99)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    files = collections.defaultdict(dict)
    with open(args.ours, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            files[p[0]][(p[1], p[2])] = ("|".join(p[3:10]), "|".join(p[10:13]), "|".join(p[13:17]), p[17])
    total = collections.Counter()
    examples = []
    skipped = 0
    # Workers that end (a file openpyxl cannot hold) break the pool with an error, not a hang.
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(args.jobs) as pool:
        for result in pool.map(compare, [(os.path.join(args.corpus, k), v) for k, v in files.items()], chunksize=4):
            if result is None:
                skipped += 1
                continue
            total.update(result[0])
            examples += result[1]
    cells = total["cells"]
    print(f"{len(files) - skipped} workbooks, {cells} cells read by both ({total['only ours']} only by us; {skipped} workbooks openpyxl cannot open)")
    worst = 1.0
    for name in ("font", "fill", "border", "number format"):
        share = total[name] / cells if cells else 0
        worst = min(worst, share)
        print(f"{name}: {total[name]} of {cells} cells match ({100 * share:.2f} %)")
    for e in examples[:12]:
        print("  e.g.", e)
    sys.exit(0 if worst >= args.min else 1)


if __name__ == "__main__":
    main()
