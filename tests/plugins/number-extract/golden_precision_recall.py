#!/usr/bin/env python3
"""Precision and recall of indicator facts over hand-labelled passages (golden/*.tsv format).

Runs number-extract alone (then export-json) through the engine, as golden_test.cpp does, and
compares each labelled passage's facts with the extracted ones. A fact is the canonical id (the
name as written when it has none), measure, value, value_high, unit, qualifier, status and period.
Not a ctest test: it measures, golden_test.cpp asserts. Standard library only.

Usage: golden_precision_recall.py BUILD_DIR GOLDEN_DIR... [--shared DIR] [--diff]
"""
import argparse
import glob
import json
import os
import subprocess
import tempfile

from golden_tsv import load, number

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = '<pipeline name="number-extract-alone"><stage plugin="number-extract"/><stage plugin="export-json"/></pipeline>'


def key(name, canonical, measure, value, high, unit, qualifier, status, period):
    return (canonical or name, measure, number(value), number(high) if high not in ("", None) else "", unit,
            qualifier, status, str(period))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--shared", default=os.path.join(HERE, "../../../../shared"))
    ap.add_argument("--diff", action="store_true")
    a = ap.parse_args()
    goldens = sorted(g for d in a.dirs for g in glob.glob(os.path.join(d, "*.tsv")))
    labelled = [load(g) for g in goldens]
    out = tempfile.mkdtemp(prefix="number-extract-pr-")
    config = os.path.join(out, "pipeline.xml")
    open(config, "w", encoding="utf-8").write(CONFIG)
    sources = sorted({os.path.join(a.shared, h["source"]) for h, _ in labelled})
    subprocess.run([os.path.join(a.build, "bin", "docpipe"), "run", config, *sources, "-o", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    correct = labelled_count = extracted = exact = 0
    for path, (h, facts) in zip(goldens, labelled):
        doc = json.load(open(os.path.join(out, "json", os.path.splitext(os.path.basename(h["source"]))[0] + ".json"),
                             encoding="utf-8"))
        text = doc["text"]
        begin = text.find(h["anchor"])
        until = text.find(h["until"], begin) if "until" in h else None
        want = [key(*f, h["status"], h["period"]) for f in facts]
        got = []
        for i in doc["indicators"]:
            inside = (i["sentence_begin"] <= begin < i["sentence_end"]) if until is None else (
                begin <= i["begin"] and i["end"] <= until)
            if inside:
                got.append(key(i["name"], i["canonical"], i["measure"], i["value"], i["value_high"], i["unit"],
                               i["qualifier"], i["status"], i["period"]))
        left, missing = list(got), []
        for w in want:
            if w in left:
                left.remove(w)
            else:
                missing.append(w)
        hits = len(want) - len(missing)
        correct += hits
        labelled_count += len(want)
        extracted += len(got)
        exact += not missing and not left
        if a.diff and (missing or left):
            print(os.path.basename(path))
            for m in missing:
                print("  missing", "\t".join(m))
            for x in left:
                print("  extra  ", "\t".join(x))
    precision = correct / extracted if extracted else 0
    recall = correct / labelled_count if labelled_count else 0
    print("%d passages (%d exact); facts labelled %d, extracted %d, correct %d; precision %.3f, recall %.3f"
          % (len(goldens), exact, labelled_count, extracted, correct, precision, recall))


if __name__ == "__main__":
    main()
