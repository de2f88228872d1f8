"""The hand-labelled golden tables (golden/*.tsv, golden-gaps/*.tsv), read one way for both scripts
that score the extractor against them (golden_precision_recall.py, check_golden_in_pipeline.py).
A table is header lines `key<TAB>value` (source, anchor, until, status, period) and fact lines
`name canonical measure value high unit qualifier`; `#` starts a comment line."""

HEADER_KEYS = ("source", "anchor", "until", "status", "period")
FACT_FIELDS = 7


def number(v):
    """A value as the tables and the scripts compare it: ten significant digits."""
    return "%.10g" % float(v)


def load(path):
    """The header (a dict) and the fact rows (lists of FACT_FIELDS strings, padded with "") of a table."""
    header, facts = {}, []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if f[0] in HEADER_KEYS:
            header[f[0]] = f[1]
        else:
            facts.append((f + [""] * FACT_FIELDS)[:FACT_FIELDS])
    return header, facts
