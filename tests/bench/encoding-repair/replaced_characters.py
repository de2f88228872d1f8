#!/usr/bin/env python3
"""False repairs where `?` stands for a character, not for a lost lead byte.

A page saved in an encoding that lacks a character writes `?` for it (Python's errors='replace',
iconv -c with a substitute, most CMSs): 朱镕基 in a GB2312 page is 朱?基. The lost-lead-byte search
of encoding-repair starts at every `?`, so it must leave these alone. This makes copies of the
held-out reports (every fifth in sorted order, as src/training_split.hpp holds out; simplified and
OpenCC s2tw traditional) with K Han characters each replaced by `?` (chosen by a seeded random
generator), runs `docpipe run tests/bench/configs/repair-json.xml` over them, and counts the `?`
sites a mojibake repair changed (false repairs: each site is one character, never mojibake) and
the sites left as they were.

  python3 tests/bench/encoding-repair/replaced_characters.py [--docpipe BIN] [--reports DIR] [-k K] [--seed S]
"""
import json
import os
import random
import shutil
import tempfile

from held_out_reports import held_out, parser as make_parser, run_repair, traditional as to_traditional

parser = make_parser(__doc__)
parser.add_argument('-k', type=int, default=10, help='characters replaced per copy')
parser.add_argument('--seed', type=int, default=1)
parser.add_argument('--show', type=int, default=0, help='print this many false repairs')
args = parser.parse_args()


def is_han(c):
    return '\u4e00' <= c <= '\u9fff' or '\u3400' <= c <= '\u4dbf'


rng = random.Random(args.seed)
work = tempfile.mkdtemp(prefix='replaced-characters-')
sites = {}  # copy id -> list of (offset in code points, the character replaced)
try:
    src = os.path.join(work, 'in')
    os.mkdir(src)
    reports = held_out(args.reports)
    for path in reports:
        simplified = open(path, encoding='utf-8').read()
        traditional = to_traditional(simplified)
        for script, text in (('s', simplified), ('t', traditional)):
            # Only characters between two Han characters: where a lost lead byte could also be read.
            candidates = [i for i in range(1, len(text) - 1) if is_han(text[i]) and is_han(text[i - 1]) and is_han(text[i + 1])]
            chosen = sorted(rng.sample(candidates, min(args.k, len(candidates))))
            chars = list(text)
            for i in chosen:
                chars[i] = '?'
            name = f'{script}_{os.path.basename(path)[:-4]}'
            open(os.path.join(src, name + '.txt'), 'w', encoding='utf-8').write(''.join(chars))
            sites[name] = [(i, text[i]) for i in chosen]
    out = os.path.join(work, 'out')
    run_repair(args.docpipe, src, out)
    total = changed = shown = 0
    by_script = {'s': [0, 0], 't': [0, 0]}
    for name, places in sites.items():
        doc = json.load(open(os.path.join(out, 'json', name + '.json'), encoding='utf-8'))
        repairs = [r for r in doc['repairs'] if r['kind'].startswith('mojibake')]
        for offset, char in places:
            # Input offsets in code points: the copies are UTF-8 and clean but for the `?`, so a
            # repair's source span (bytes) covers the site when its bytes do.
            site_byte = len(open(os.path.join(src, name + '.txt'), encoding='utf-8').read()[:offset].encode('utf-8'))
            hit = [r for r in repairs if r['source_begin'] <= site_byte < r['source_end']]
            total += 1
            by_script[name[0]][0] += 1
            if hit:
                changed += 1
                by_script[name[0]][1] += 1
                if shown < args.show:
                    shown += 1
                    print(f"  {name} {char}: {hit[0]['before']!r} -> {hit[0]['after']!r} ({hit[0]['kind']}, {hit[0]['confidence']:.3f})")
    print(f'replaced characters: {len(reports)} held-out reports x 2 scripts x {args.k} sites = {total} sites')
    for script, (n, bad) in by_script.items():
        print(f"  {'simplified' if script == 's' else 'traditional'}: {bad} of {n} sites changed by a mojibake repair "
              f"(false-repair rate {bad / max(1, n):.3f})")
finally:
    shutil.rmtree(work)
