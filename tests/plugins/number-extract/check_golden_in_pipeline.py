#!/usr/bin/env python3
"""Checks the hand-labelled golden tables (golden/*.tsv) against a full pipeline run: encoding-repair,
section-split, number-extract and export-json through the real engine, instead of the stage alone
(which golden_test.cpp covers). Standard library only; not a ctest test, since it needs the engine
and other engineers' plugins built.

Usage: check_golden_in_pipeline.py BUILD_DIR [SHARED_DIR]
Exit status 0 when every labelled passage matches exactly (facts, status, period).
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import golden_tsv
from golden_tsv import number

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = """<pipeline name="number-extract-golden">
  <stage plugin="encoding-repair"/>
  <stage plugin="section-split"/>
  <stage plugin="number-extract"/>
  <stage plugin="export-json"/>
</pipeline>
"""


def load(path):
    """A table's header and its facts as tab-joined lines, values normalized as the export's are."""
    header, rows = golden_tsv.load(path)
    facts = []
    for f in rows:
        f[3] = number(f[3])
        f[4] = number(f[4]) if f[4] else ""
        facts.append("\t".join(f))
    return header, facts


def main():
    build = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "../../../../shared")
    goldens = sorted(glob.glob(os.path.join(HERE, "golden", "*.tsv")))
    labelled = [load(g) for g in goldens]
    sources = sorted({os.path.join(shared, h["source"]) for h, _ in labelled})
    out = tempfile.mkdtemp(prefix="number-extract-golden-")
    config = os.path.join(out, "pipeline.xml")
    with open(config, "w", encoding="utf-8") as f:
        f.write(CONFIG)
    subprocess.run([os.path.join(build, "bin", "docpipe"), "run", config, *sources, "-o", out], check=True)
    passed = 0
    for path, (header, want) in zip(goldens, labelled):
        doc_id = os.path.splitext(os.path.basename(header["source"]))[0]
        doc = json.load(open(os.path.join(out, "json", doc_id + ".json"), encoding="utf-8"))
        text = doc["text"]  # the export counts code points, as Python does
        begin = text.find(header["anchor"])
        end = text.find(header["until"], begin) if "until" in header else text.find("。", begin)
        got, context_ok = [], True
        for i in doc["indicators"]:
            if not (begin <= i["begin"] and i["end"] <= end):
                continue
            high = number(i["value_high"]) if i.get("value_high") is not None else ""
            got.append("\t".join([i["name"], i["canonical"], i["measure"], number(i["value"]), high, i["unit"],
                                  i["qualifier"]]))
            context_ok = context_ok and i["status"] == header["status"] and str(i["period"]) == header["period"]
        same = sorted(got) == sorted(want) and context_ok
        passed += same
        if not same:
            print("DIFF %s\n  missing %s\n  extra %s" % (os.path.basename(path), set(want) - set(got), set(got) - set(want)))
    print("%d / %d labelled passages match through the pipeline" % (passed, len(goldens)))
    return 0 if passed == len(goldens) else 1


if __name__ == "__main__":
    sys.exit(main())
