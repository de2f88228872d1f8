#!/usr/bin/env python3
"""How much of the benchmark's simplified-script damage can be repaired exactly at all.

    python3 tests/bench/encoding-repair/upper_bound.py [CORPUS_REPORTS_DIR]

Damages held-out chunks like bench_encoding_repair (lead byte of a random pair -> '?', GBK read
out of step from there; its own random draws, so the same distribution, not the same chunks) and
follows the out-of-step decoder byte by byte. Python's gbk codec stands in for the ICU table (they
differ on a few symbols only). Prints: mean pairs read out of step and dropped per run, the share of
runs that swallow a digit (never exact: the digit cannot be named), and the share that also keep to
at most two dropped pairs in a row (what the search tries). Standard library only; not part of the
build.
"""
import os
import random
import sys

reports = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/corpus/reports'
files = sorted(f for f in os.listdir(reports) if f.endswith('.txt'))
held = [open(os.path.join(reports, f), encoding='utf-8').read() for i, f in enumerate(files) if i % 5 == 4]


def chunks(text, min_bytes=300):
    out, cur = [], ''
    for line in text.split('\n'):
        cur += line + '\n'
        if len(cur.encode()) >= min_bytes:
            out.append(cur[:-1])
            cur = ''
    return out


def decodes(b, i):
    try:
        b[i:i + 2].decode('gbk')
        return True
    except UnicodeDecodeError:
        return False


rng = random.Random(20240124)
n = pairs_read = dropped = no_digit = reachable = 0
for text in held:
    cs = chunks(text)
    rng.shuffle(cs)
    for c in cs[:5]:
        try:
            b = c.encode('gbk')
        except UnicodeEncodeError:
            continue
        starts, i = [], 0
        while i < len(b):
            if b[i] < 0x80:
                i += 1
            else:
                starts.append(i)
                i += 2
        if len(starts) <= 4:
            continue
        i = starts[rng.randrange(4, len(starts))] + 1
        in_row = max_in_row = 0
        lost = None
        while i < len(b) and b[i] >= 0x80:
            if i + 1 >= len(b):
                break  # the text ends inside the run
            t = b[i + 1]
            pairs_read += 1
            if decodes(b, i):
                in_row = 0
            elif 0x40 <= t <= 0xFE and t != 0x7F:
                dropped += 1
                in_row += 1
                max_in_row = max(max_in_row, in_row)
            else:
                lost = chr(t)  # an invalid trail: this ASCII byte goes with the lead
                break
            i += 2
            if t < 0x80:
                break
        n += 1
        if not (lost and lost.isdigit()):
            no_digit += 1
            reachable += max_in_row <= 2
print(f'simplified, {n} damaged chunks: {pairs_read / n:.1f} pairs read out of step and {dropped / n:.1f} dropped per run; '
      f'no digit swallowed (upper bound of exact repair) {no_digit / n:.3f}; and at most two dropped pairs in a row {reachable / n:.3f}')
