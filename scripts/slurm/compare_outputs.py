#!/usr/bin/env python3
"""Compares two docpipe output folders: every file except the run report and .docpipe/, with wall
times zeroed, appended files (JSONL, CSV) compared as sorted lines and SQLite databases row by row.
Standard library only. Exit 0 when equal, 1 with the differences listed."""
import os
import re
import sqlite3
import sys

MS_JSON = re.compile(rb'"milliseconds": ?[-0-9.eE+]+')
MS_CSV = re.compile(rb',[-0-9.eE+]+(\r?)$')


def sqlite_rows(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    out = {}
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
        cur = con.execute(f'SELECT * FROM "{table}"')
        keep = [i for i, d in enumerate(cur.description) if d[0] != "milliseconds"]
        rows = [[row[i] for i in keep] for row in cur]
        # The store's own write time is the one cell that must differ between runs.
        if table == "docpipe_meta":
            rows = [r for r in rows if not r or r[0] != "written"]
        out[table] = sorted(repr(r) for r in rows)
    con.close()
    return out


def comparable(folder):
    files = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d != ".docpipe"]
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, folder)
            if rel == "run-report.json":
                continue
            if name.endswith(".sqlite"):
                for table, rows in sqlite_rows(path).items():
                    files[f"{rel}#{table}"] = rows
                continue
            data = MS_JSON.sub(b'"milliseconds":0', open(path, "rb").read())
            if name == "provenance.csv":
                data = b"\n".join(MS_CSV.sub(rb",0\1", line) for line in data.split(b"\n"))
            if name.endswith((".jsonl", ".csv")):
                data = sorted(data.split(b"\n"))
            files[rel] = data
    return files


def main():
    a, b = comparable(sys.argv[1]), comparable(sys.argv[2])
    diffs = sorted(set(a) ^ set(b)) + sorted(k for k in set(a) & set(b) if a[k] != b[k])
    for d in diffs:
        print("differs:", d)
    print(f"compared {len(a)} outputs, {len(diffs)} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
