#!/usr/bin/env python3
"""The encoding-repair stage on one report passage damaged by Python's own codecs.

usage: python_battery.py BUILD_DIR OUT_DIR [--shared DIR]

The mix-up benchmark (bench_encoding_repair --mixup) damages text with the stage's own tables; this
script damages it with another implementation, Python's codecs (errors='replace' where the wrong
codec rejects bytes; cases 20-23 errors='ignore'), plus mixed files, UTF-16 without a BOM and HTML, runs
`docpipe run tests/bench/configs/repair-json.xml` over them and prints, per file, the encoding the
stage detected, how much of the expected text comes back (difflib ratio), the U+FFFD left and the
repairs by kind. The passage is 1200 characters of shared/corpus/reports/city_changzhou_2016.txt;
traditional copies are made with the `opencc` command (s2tw).
Case 19 is not Python's codecs: the passage read twice the way a browser reads GBK (whatwg_gbk).
"""

import collections
import difflib
import json
import pathlib
import subprocess
import sys

from battery_passage import REPO, arguments, passage as battery_passage


def whatwg_gbk(text):
    """The UTF-8 of text read the way WHATWG's gb18030 decoder (browsers) reads GBK: a lone 0x80 is
    `€`, user-defined pairs are Private Use Area characters, a lead before an ASCII byte is U+FFFD
    and the ASCII byte is read again. Its four-byte codes are not modelled."""
    data, out, i = text.encode(), [], 0
    while i < len(data):
        b = data[i]
        if b < 0x80 or b == 0x80:
            out.append(chr(b) if b < 0x80 else "\u20ac")
            i += 1
            continue
        t = data[i + 1] if i + 1 < len(data) else None
        if b == 0xFF or t is None or not (0x40 <= t <= 0xFE and t != 0x7F):
            out.append("\ufffd")
            i += 2 if t is not None and t >= 0x80 and b != 0xFF else 1
            continue
        out.append(bytes([b, t]).decode("gb18030", errors="replace"))
        i += 2
    return "".join(out)


def damaged_inputs(passage, traditional):
    a, b, c = passage[:400], passage[400:800], passage[800:]
    return {
        "01_utf8": (passage.encode(), passage),
        "02_gbk": (passage.encode("gbk"), passage),
        "03_big5": (traditional.encode("big5", errors="replace"), traditional),
        "04_utf8_as_gbk": (passage.encode().decode("gbk", errors="replace").encode(), passage),
        "05_gbk_as_latin1": (passage.encode("gbk").decode("latin-1").encode(), passage),
        "06_gbk_as_cp1252": (passage.encode("gbk").decode("cp1252", errors="replace").encode(), passage),
        "07_utf8_as_cp1252": (passage.encode().decode("cp1252", errors="replace").encode(), passage),
        "08_big5_as_gbk": (traditional.encode("big5", errors="replace").decode("gbk", errors="replace").encode(), traditional),
        "09_gbk_as_big5": (passage.encode("gbk").decode("big5", errors="replace").encode(), passage),
        "10_mixed_utf8_gbk": (a.encode() + b.encode("gbk") + c.encode(), passage),
        "11_utf16le": (b"\xff\xfe" + passage.encode("utf-16-le"), passage),
        "12_utf16be": (b"\xfe\xff" + passage.encode("utf-16-be"), passage),
        "13_partial_utf8_as_gbk": ((a + b.encode().decode("gbk", errors="replace") + c).encode(), passage),
        "14_mixed_gbk_utf8": (a.encode("gbk") + b.encode() + c.encode("gbk"), passage),
        "15_utf8_as_latin1": (passage.encode().decode("latin-1").encode(), passage),
        "16_gb18030_4byte": ((passage + "𠮷䶮€").encode("gb18030"), passage + "𠮷䶮€"),
        "17_double_utf8_as_gbk": (passage.encode().decode("gbk", errors="replace").encode()
                                  .decode("gbk", errors="replace").encode(), passage),
        "18_utf16le_nobom": (passage.encode("utf-16-le"), passage),
        "19_double_utf8_as_gbk_www": (whatwg_gbk(whatwg_gbk(passage)).encode(), passage),
        "20_utf8_as_gbk_ignore": (passage.encode().decode("gbk", errors="ignore").encode(), passage),
        "21_utf8_as_cp1252_ignore": (passage.encode().decode("cp1252", errors="ignore").encode(), passage),
        "22_gbk_as_big5_ignore": (passage.encode("gbk").decode("big5", errors="ignore").encode(), passage),
        "23_big5_as_gbk_ignore": (traditional.encode("big5", errors="replace").decode("gbk", errors="ignore").encode(), traditional),
    }


def main():
    args = arguments(__doc__)
    repo = REPO
    passage, traditional = battery_passage(args.shared)
    out = pathlib.Path(args.out)
    inputs = out / "in"
    inputs.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (data, want) in damaged_inputs(passage, traditional).items():
        (inputs / f"{name}.txt").write_bytes(data)
        expected[name] = want
    result = subprocess.run([str(pathlib.Path(args.build) / "bin" / "docpipe"), "run",
                             str(repo / "tests/bench/configs/repair-json.xml"), str(inputs), "-o", str(out / "out"), "-q"],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"docpipe failed: {result.stderr}")
    for name, want in expected.items():
        path = out / "out" / "json" / f"{name}.json"
        if not path.exists():
            print(f"{name:26} failed (see {out / 'out' / 'run-report.json'})")
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        text = doc["text"]
        ratio = difflib.SequenceMatcher(None, text, want, autojunk=False).ratio()
        kinds = collections.Counter(r["kind"] for r in doc["repairs"])
        print(f"{name:26} {doc['encoding']['detected']:10} restored {ratio:.3f} {'exact' if text == want else '     '}"
              f" U+FFFD {text.count(chr(0xFFFD)):3}  {dict(kinds)}")


if __name__ == "__main__":
    main()
