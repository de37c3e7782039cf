#!/usr/bin/env python3
"""The one way the scripts run LibreOffice: headless, without restoring, with a profile of its
own (so that conversions may run side by side and never meet a user's profile), converting
files into a folder.

As a module:   import libreoffice; libreoffice.convert(["a.xlsx"], "pdf", outdir)
As a command:  scripts/libreoffice.py FILTER OUTDIR FILE...   (exit status: LibreOffice's, or 1
               when a file produced no output)

FILTER is what `--convert-to` takes: `pdf`, `csv`, `xlsx:Calc MS Excel 2007 XML`,
`csv:Text - txt - csv (StarCalc):44,34,76,1`.
"""
import os
import shutil
import subprocess
import sys
import tempfile

INSTALL = "apt-get install -y libreoffice-calc-nogui"


def executable():
    """The soffice command; exits naming the package when LibreOffice is not installed."""
    found = shutil.which("soffice")
    if not found:
        sys.exit(f"soffice not found: LibreOffice is needed ({INSTALL})")
    return found


def command(files, to, outdir, profile):
    """The command line converting `files` to `to` into `outdir` with the profile folder `profile`."""
    return [executable(), "--headless", "--norestore", "-env:UserInstallation=file://" + os.path.abspath(profile),
            "--convert-to", to, "--outdir", outdir] + list(files)


def output_of(path, to, outdir):
    """Where the conversion of `path` lands: its name with the filter's extension, in `outdir`."""
    return os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + "." + to.split(":", 1)[0])


def convert(files, to, outdir, timeout=180):
    """Converts `files` with a fresh profile; returns the finished process (stdout and stderr captured)."""
    os.makedirs(outdir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="taphuan-lo-profile-")
    try:
        return subprocess.run(command(files, to, outdir, profile), capture_output=True, timeout=timeout,
                              env=dict(os.environ, HOME=profile))
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    to, outdir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    result = convert(files, to, outdir)
    missing = [f for f in files if not os.path.exists(output_of(f, to, outdir))]
    if result.returncode != 0 or missing:
        sys.stderr.write(result.stdout.decode(errors="replace") + result.stderr.decode(errors="replace"))
        for f in missing:
            sys.stderr.write(f"LibreOffice did not convert {f}\n")
        sys.exit(result.returncode or 1)


if __name__ == "__main__":
    main()
