#!/usr/bin/env python3
"""Scores docpipe's number-extract and Microsoft Recognizers-Text against the hand-labelled seed.

    score.py GOLD.tsv DOCPIPE_DOCUMENTS.jsonl RECOGNIZERS_MENTIONS.jsonl [--json OUT.json]

GOLD.tsv: seed_gold.tsv beside this file. DOCPIPE_DOCUMENTS.jsonl: export-jsonl of the seed (its text is
the text both systems read). RECOGNIZERS_MENTIONS.jsonl: recognizers_mentions.js over that text.
Offsets on both sides are code points. A labelled amount or percentage is found when a mention of the
same kind overlaps it with the same value (and, for money, the same currency). A mention of that kind
overlapping no labelled one is a false one. A labelled non-quantity is a false figure for a system when
any of its quantity mentions overlaps it (for docpipe every kind but `name`; for Recognizers-Text any
number, percentage or currency mention).
"""
import json
import math
import sys

RT_CURRENCY = {"Chinese yuan": "CNY", "United States dollar": "USD", "Euro": "EUR"}


def load_gold(path, text):
    gold = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        kind, surface, occurrence, value, unit, note = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
        at = -1
        for _ in range(int(occurrence)):
            at = text.find(surface, at + 1)
            if at < 0:
                sys.exit(f"score.py: {path}: '{surface}' occurs fewer than {occurrence} times in the text")
        gold.append({"kind": kind, "begin": at, "end": at + len(surface), "surface": surface,
                     "value": float(value) if value else None, "unit": unit, "note": note})
    return gold


def docpipe_mentions(doc):
    out = []
    for n in doc["numbers"]:
        kind = {"money": "money", "percent": "percent", "name": "name"}.get(n["kind"], "other")
        out.append({"kind": kind, "begin": n["begin"], "end": n["end"], "text": n["text"],
                    "value": n["value"], "unit": n["unit"] if kind == "money" else ""})
    return out


def recognizers_mentions(path):
    out = []
    for line in open(path, encoding="utf-8"):
        m = json.loads(line)
        kind = {"currency": "money", "percentage": "percent"}.get(m["model"], "other")
        value = m["value"]
        try:
            value = float(str(value).rstrip("%")) if value is not None else None
        except ValueError:
            value = None
        out.append({"kind": kind, "begin": m["start"], "end": m["end"] + 1, "text": m["text"], "value": value,
                    "unit": RT_CURRENCY.get(m["unit"], m["unit"] or "") if kind == "money" else ""})
    return out


def overlaps(a, b):
    return a["begin"] < b["end"] and b["begin"] < a["end"]


def same_value(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


def score(gold, mentions):
    result = {}
    for kind in ("money", "percent"):
        labelled = [g for g in gold if g["kind"] == kind]
        found = [m for m in mentions if m["kind"] == kind]
        right = sum(1 for g in labelled if any(overlaps(g, m) and same_value(g["value"], m["value"]) and
                                               (kind != "money" or m["unit"] == g["unit"]) for m in found))
        false = [m["text"] for m in found if not any(overlaps(g, m) for g in labelled)]
        result[kind] = {"labelled": len(labelled), "right": right, "false": false}
    not_quantities = [g for g in gold if g["kind"] == "not-quantity"]
    wrong = [g["surface"] for g in not_quantities
             if any(overlaps(g, m) for m in mentions if m["kind"] != "name")]
    result["not-quantity"] = {"labelled": len(not_quantities), "read_as_figures": wrong}
    return result


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    doc = json.loads(open(sys.argv[2], encoding="utf-8").readline())
    gold = load_gold(sys.argv[1], doc["text"])
    results = {"docpipe": score(gold, docpipe_mentions(doc)),
               "recognizers-text": score(gold, recognizers_mentions(sys.argv[3]))}
    print("accuracy on the seed's hand-labelled figures (tests/bench/numbers-accuracy/seed_gold.tsv):")
    print(f"{'system':18} {'amounts right':>14} {'false amounts':>14} {'percents right':>15} {'false percents':>15}"
          f" {'non-quantities read as figures':>31}")
    for system, r in results.items():
        print(f"{system:18} {r['money']['right']:>8} / {r['money']['labelled']:<3} {len(r['money']['false']):>14}"
              f" {r['percent']['right']:>9} / {r['percent']['labelled']:<3} {len(r['percent']['false']):>15}"
              f" {len(r['not-quantity']['read_as_figures']):>24} / {r['not-quantity']['labelled']}")
    for system, r in results.items():
        examples = r["money"]["false"] + r["percent"]["false"] + r["not-quantity"]["read_as_figures"]
        if examples:
            shown = ", ".join(dict.fromkeys(examples))
            print(f"  {system} false: {shown[:300]}{' ...' if len(shown) > 300 else ''}")
    if "--json" in sys.argv:
        with open(sys.argv[sys.argv.index("--json") + 1], "w", encoding="utf-8") as f:
            json.dump(results, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
