#!/usr/bin/env python3
"""GBK text read by Python's gb2312 codec: how much of it the encoding-repair stage reads back.

A scraper that trusts a charset detector's "GB2312" for a GBK page (chardet says GB2312 for most
simplified pages) and decodes with errors='replace' loses every character GB2312 lacks: Python's
codec writes U+FFFD for the lead byte and reads the trail byte again, as ASCII when it is one
(朱镕基 becomes 朱�F基) or as the lead of the next pair (out of step until it falls back in). This
takes the held-out reports (every fifth in sorted order, src/training_split.hpp), simplified and in
traditional script (OpenCC s2tw: most traditional characters are outside GB2312), encodes each as
GBK, decodes it so, runs `docpipe run tests/bench/configs/repair-json.xml` on the result and on the
clean copy, and counts, line by line, the damaged lines that come back as the clean copy's and the
clean lines that come out changed (false repairs), with the U+FFFD left. Python's gb2312 reads two
codes as other characters than its gbk (A1A4 as U+30FB, A1AA as U+2015): counted as the same.

  python3 tests/bench/encoding-repair/gbk_read_as_gb2312.py [--docpipe BIN] [--reports DIR] [--errors replace|ignore]
"""
import json
import os
import shutil
import tempfile

from held_out_reports import held_out, parser as make_parser, run_repair, traditional as to_traditional

parser = make_parser(__doc__)
parser.add_argument('--errors', default='replace', choices=['replace', 'ignore'])
parser.add_argument('--show', type=int, default=0, help='print this many lines not read back')
args = parser.parse_args()

work = tempfile.mkdtemp(prefix='gb2312-')
try:
    rows = []
    for script in ('simplified', 'traditional'):
        clean_dir, damaged_dir = os.path.join(work, script, 'clean'), os.path.join(work, script, 'damaged')
        os.makedirs(clean_dir)
        os.makedirs(damaged_dir)
        for path in held_out(args.reports):
            text = open(path, encoding='utf-8').read()
            if script == 'traditional':
                text = to_traditional(text)
            text = text.encode('gbk', errors='ignore').decode('gbk')  # only what GBK can hold
            name = os.path.basename(path)
            open(os.path.join(clean_dir, name), 'w', encoding='utf-8').write(text)
            damaged = text.encode('gbk').decode('gb2312', errors=args.errors)
            open(os.path.join(damaged_dir, name), 'w', encoding='utf-8').write(damaged)
        outs = {}
        for kind in ('clean', 'damaged'):
            outs[kind] = os.path.join(work, script, kind + '-out')
            run_repair(args.docpipe, os.path.join(work, script, kind), outs[kind])
        # Python's gb2312 reads two GB2312 codes as other characters than its gbk does (A1A4 as
        # U+30FB for U+00B7, A1AA as U+2015 for U+2014): the same marks, no damage.
        same = str.maketrans({'\u2015': '\u2014', '\u30fb': '\u00b7'})
        damaged_lines = back = clean_lines = changed = left = shown = 0
        for name in sorted(os.listdir(clean_dir)):
            want = json.load(open(os.path.join(outs['clean'], 'json', name[:-4] + '.json'), encoding='utf-8'))['text'].split('\n')
            got = json.load(open(os.path.join(outs['damaged'], 'json', name[:-4] + '.json'), encoding='utf-8'))['text'].split('\n')
            raw = open(os.path.join(damaged_dir, name), encoding='utf-8').read().split('\n')
            clean_raw = open(os.path.join(clean_dir, name), encoding='utf-8').read().split('\n')
            if len(want) != len(got) or len(raw) != len(clean_raw):
                continue
            for r, c, w, g in zip(raw, clean_raw, want, got):
                r, g = r.translate(same), g.translate(same)
                if r != c:
                    damaged_lines += 1
                    back += g == w
                    left += g.count('\ufffd')
                    if g != w and shown < args.show:
                        shown += 1
                        print(f'  {name}: {g[:160]}\n    want {w[:160]}')
                else:
                    clean_lines += 1
                    changed += g != w
        rows.append(f'{script:12} damaged lines {damaged_lines:6}  read back {back / max(1, damaged_lines):.3f}  '
                     f'U+FFFD left {left:6}  clean lines changed {changed} of {clean_lines}')
    print(f'GBK read as GB2312 (errors={args.errors}), held-out reports:')
    for r in rows:
        print('  ' + r)
finally:
    shutil.rmtree(work, ignore_errors=True)
