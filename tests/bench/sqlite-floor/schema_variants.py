#!/usr/bin/env python3
"""What the figures table's key costs SQLite: the full run's `numbers` rows copied with one
INSERT ... SELECT into variants of the table (no binding, no analysis), best of seven each.

  python3 tests/bench/sqlite-floor/schema_variants.py OUT/docpipe.sqlite

OUT is the output folder of a full run, e.g. `docpipe run tests/bench/configs/full.xml
/tmp/bq15/corpus-20/gbk -o OUT -j 1`. The integer-key variants look each document id up in a
temporary table; the last row loads a constant key with no lookup, so the integer-key rows less
(integer key, no key) minus (constant key) give the key's own cost.
"""
import os
import sqlite3
import sys
import tempfile
import time

source = sys.argv[1]
columns = ('position INTEGER NOT NULL, text_begin INTEGER, text_end INTEGER, text TEXT, value REAL, '
           'value_high REAL, unit TEXT, kind TEXT, qualifier TEXT')
selected = 'position, text_begin, text_end, text, value, value_high, unit, kind, qualifier'
lookup = '(SELECT n FROM ids WHERE id = document_id)'
variants = [
    ('text key, WITHOUT ROWID (as now)', f'document_id TEXT NOT NULL, {columns}, PRIMARY KEY (document_id, position)',
     ' WITHOUT ROWID', f'document_id, {selected}', None),
    ('integer key, WITHOUT ROWID (+ lookup)', f'document INTEGER NOT NULL, {columns}, PRIMARY KEY (document, position)',
     ' WITHOUT ROWID', f'{lookup}, {selected}', None),
    ('integer key, no key (+ lookup)', f'document INTEGER NOT NULL, {columns}', '', f'{lookup}, {selected}', None),
    ('text key, no key', f'document_id TEXT NOT NULL, {columns}', '', f'document_id, {selected}', None),
    ('text key, key index built after the load', f'document_id TEXT NOT NULL, {columns}', '', f'document_id, {selected}',
     'CREATE UNIQUE INDEX t_key ON t (document_id, position)'),
    ('constant key, no key (no lookup)', f'document INTEGER NOT NULL, {columns}', '', f'1, {selected}', None),
]
with tempfile.TemporaryDirectory() as tmp:
    for name, table, suffix, values, after in variants:
        path = os.path.join(tmp, 'variant.sqlite')
        if os.path.exists(path):
            os.remove(path)
        db = sqlite3.connect(path, isolation_level=None)
        db.execute('PRAGMA journal_mode = OFF')
        db.execute('PRAGMA synchronous = OFF')
        db.execute('ATTACH ? AS s', (source,))
        db.execute('CREATE TEMP TABLE ids AS SELECT rowid AS n, id FROM s.documents')
        db.execute('CREATE INDEX temp.ids_id ON ids (id)')
        best = float('inf')
        for _ in range(7):
            db.execute('DROP TABLE IF EXISTS t')
            db.execute(f'CREATE TABLE t ({table}){suffix}')
            start = time.perf_counter()
            db.execute('BEGIN')
            db.execute(f'INSERT INTO t SELECT {values} FROM s.numbers')
            if after:
                db.execute(after)
            db.execute('COMMIT')
            best = min(best, time.perf_counter() - start)
        rows = db.execute('SELECT count(*) FROM t').fetchone()[0]
        db.close()
        print(f'{name:42s} {best * 1000:7.1f} ms  ({rows} rows)')
