#!/usr/bin/env python3
"""Writes the ZIP fixtures of Tests/XLSXTests/Fixtures/zip with tools other than ours:
Info-ZIP `zip` and Python's zipfile. Run from the repository root; the output is committed."""
import io, os, subprocess, tempfile, zipfile

OUT = "Tests/XLSXTests/Fixtures/zip"
os.makedirs(OUT, exist_ok=True)
TEXT = ("Xin chào, Trường Tiểu học số 3 xã Hòa Thắng\n" * 200).encode()
NAMES = {"a.txt": TEXT, "thư mục/bảng.xml": b"<x>" + TEXT + b"</x>", "empty.txt": b""}

def py(name, **kw):
    comment = kw.pop("comment", None)
    with zipfile.ZipFile(os.path.join(OUT, name), "w", **kw) as z:
        for n, data in NAMES.items():
            z.writestr(n, data)
        if comment:
            z.comment = comment

py("python-stored.zip", compression=zipfile.ZIP_STORED)
py("python-deflated.zip", compression=zipfile.ZIP_DEFLATED)
py("python-comment.zip", compression=zipfile.ZIP_DEFLATED, comment=b"PK\x05\x06 a comment that looks like a record " * 3)

# ZIP64 forced on every entry.
with zipfile.ZipFile(os.path.join(OUT, "python-zip64.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    for n, data in NAMES.items():
        with z.open(n, "w", force_zip64=True) as f:
            f.write(data)

# Data descriptors: zipfile writes them when the target cannot seek.
class Unseekable(io.RawIOBase):
    def __init__(self, f): self.f = f
    def writable(self): return True
    def write(self, b): return self.f.write(b)
    def seekable(self): return False
    def tell(self): raise OSError("unseekable")
with open(os.path.join(OUT, "python-descriptors.zip"), "wb") as raw:
    with zipfile.ZipFile(Unseekable(raw), "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in NAMES.items():
            with z.open(n, "w") as f:
                f.write(data)

# Info-ZIP, stored and deflated, with a directory entry.
with tempfile.TemporaryDirectory() as d:
    os.makedirs(os.path.join(d, "sub"))
    with open(os.path.join(d, "a.txt"), "wb") as f: f.write(TEXT)
    with open(os.path.join(d, "sub", "b.xml"), "wb") as f: f.write(b"<x>" + TEXT + b"</x>")
    for name, flag in (("infozip-stored.zip", "-0"), ("infozip-deflated.zip", "-9")):
        path = os.path.abspath(os.path.join(OUT, name))
        if os.path.exists(path): os.remove(path)
        subprocess.run(["zip", "-q", "-X", "-r", flag, path, "a.txt", "sub"], cwd=d, check=True)

# A CP437 name (no UTF-8 flag): "é" is 0x82 in code page 437.
with open(os.path.join(OUT, "cp437-name.zip"), "wb") as raw:
    with zipfile.ZipFile(raw, "w") as z:
        info = zipfile.ZipInfo("caf\u00e9.txt")
        z.writestr(info, b"coffee")
data = bytearray(open(os.path.join(OUT, "cp437-name.zip"), "rb").read())
# zipfile encodes non-ASCII names as UTF-8 and sets bit 11; rewrite to CP437 without the flag.
utf8, cp = "caf\u00e9.txt".encode(), "caf\u00e9.txt".encode("cp437")
assert len(utf8) == len(cp) + 1
out = bytearray()
i = 0
while i < len(data):
    sig = bytes(data[i:i+4])
    if sig == b"PK\x03\x04":
        hdr = bytearray(data[i:i+30]); n = int.from_bytes(hdr[26:28], "little"); e = int.from_bytes(hdr[28:30], "little")
        flags = int.from_bytes(hdr[6:8], "little") & ~0x800; hdr[6:8] = flags.to_bytes(2, "little")
        hdr[26:28] = len(cp).to_bytes(2, "little")
        size = int.from_bytes(hdr[18:22], "little")
        out += hdr + cp + data[i+30+n:i+30+n+e+size]; i += 30 + n + e + size
    elif sig == b"PK\x01\x02":
        cd_start = len(out)
        hdr = bytearray(data[i:i+46]); n = int.from_bytes(hdr[28:30], "little"); e = int.from_bytes(hdr[30:32], "little"); c = int.from_bytes(hdr[32:34], "little")
        flags = int.from_bytes(hdr[8:10], "little") & ~0x800; hdr[8:10] = flags.to_bytes(2, "little")
        hdr[28:30] = len(cp).to_bytes(2, "little")
        out += hdr + cp + data[i+46+n:i+46+n+e+c]; i += 46 + n + e + c
        cd_size = len(out) - cd_start
    elif sig == b"PK\x05\x06":
        eocd = bytearray(data[i:i+22]); eocd[12:16] = cd_size.to_bytes(4, "little"); eocd[16:20] = cd_start.to_bytes(4, "little")
        out += eocd; i += 22
    else:
        raise SystemExit("unexpected record at %d" % i)
open(os.path.join(OUT, "cp437-name.zip"), "wb").write(out)
with zipfile.ZipFile(os.path.join(OUT, "cp437-name.zip")) as z:
    assert z.namelist() == ["caf\u00e9.txt"], z.namelist()
    assert z.testzip() is None
print("fixtures written to", OUT)
