#!/usr/bin/env python3
"""The encoding-repair stage on a report passage mixed up by a real browser's decoder.

usage: browser_mixups.py BUILD_DIR OUT_DIR [--shared DIR]   (needs the `chromium` package)

python_battery.py damages text with Python's codecs; a page shown by a browser in the wrong charset
and copied from there went through the browser's decoder instead (WHATWG's, whose Big5 index is
HKSCS). This script writes the passage of python_battery.py (1200 characters of
shared/corpus/reports/city_changzhou_2016.txt) as GBK, UTF-8 and Big5 bytes into pages that declare
a wrong charset, lets headless Chromium read them (--dump-dom), runs
`docpipe run tests/bench/configs/repair-json.xml` over the text it shows and prints, per case, how
much of the passage comes back (difflib ratio) before and after the stage, and the U+FFFD left.
"""

import difflib
import html
import json
import pathlib
import re
import subprocess
import sys

from battery_passage import REPO, arguments, passage as battery_passage

CASES = {  # name: (bytes of the page's text, charset the page declares)
    "gbk_as_big5": ("gbk", "big5"),
    "utf8_as_gbk": ("utf-8", "gbk"),
    "big5_as_gbk": ("big5", "gbk"),
    "gbk_as_windows-1252": ("gbk", "windows-1252"),
    "utf8_as_windows-1252": ("utf-8", "windows-1252"),
}


def main():
    args = arguments(__doc__)
    repo = REPO
    passage, traditional = battery_passage(args.shared)
    out = pathlib.Path(args.out).resolve()
    pages, inputs = out / "pages", out / "in"
    pages.mkdir(parents=True, exist_ok=True)
    inputs.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (source, declared) in CASES.items():
        want = traditional if source == "big5" else passage
        page = pages / f"{name}.html"
        page.write_bytes(f'<html><head><meta charset="{declared}"></head><body><pre>'.encode() + want.encode(source, errors="replace")
                         + b"</pre></body></html>")
        dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                             capture_output=True, check=True, timeout=120).stdout.decode()
        shown = html.unescape(re.search(r"<pre>(.*)</pre>", dom, re.S).group(1))
        (inputs / f"{name}.txt").write_text(shown, encoding="utf-8")
        expected[name] = want
    result = subprocess.run([str(pathlib.Path(args.build) / "bin" / "docpipe"), "run", str(repo / "tests/bench/configs/repair-json.xml"),
                             str(inputs), "-o", str(out / "out"), "-q"], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"docpipe failed: {result.stderr}")
    for name, want in expected.items():
        shown = (inputs / f"{name}.txt").read_text(encoding="utf-8")
        text = json.loads((out / "out" / "json" / f"{name}.json").read_text(encoding="utf-8"))["text"]
        ratio = lambda s: difflib.SequenceMatcher(None, s, want, autojunk=False).ratio()
        print(f"{name:22} as shown {ratio(shown):.3f}  repaired {ratio(text):.3f} {'exact' if text == want else '     '}"
              f" U+FFFD {text.count(chr(0xFFFD)):3}")


if __name__ == "__main__":
    main()
