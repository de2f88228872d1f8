#!/usr/bin/env python3
"""Share of U+FFFD, by UTF-8 bytes, in reports decoded with the wrong codec and errors replaced.

The encoding-repair stage calls a copy "lost upstream" (warning characters-lost-upstream, nothing
searched) when U+FFFD from the input are at least half its bytes (Repairer::lost_upstream). This
prints, over the first N reports of the corpus (simplified; OpenCC s2tw for the Big5 sources), the
lowest and highest share for the copies that are lost (GBK or Big5 read as UTF-8) and for the lossy
mix-ups the mix-up pass still reads (Python's own codecs), so the threshold can be checked.

  python3 tests/bench/encoding-repair/replacement_share.py [REPORTS_DIR] [N]
"""
import glob
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
reports = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', '..', '..', '..', 'shared', 'corpus', 'reports')
count = int(sys.argv[2]) if len(sys.argv) > 2 else 15


def share(text):
    return 3 * text.count('\ufffd') / max(1, len(text.encode('utf-8')))


cases = {
    'gbk read as utf-8 (lost)': lambda s, t: s.encode('gbk', 'ignore').decode('utf-8', 'replace'),
    'big5 read as utf-8 (lost)': lambda s, t: t.encode('big5', 'ignore').decode('utf-8', 'replace'),
    'big5 read as gbk (mix-up)': lambda s, t: t.encode('big5', 'ignore').decode('gbk', 'replace'),
    'utf-8 read as gbk (mix-up)': lambda s, t: s.encode('utf-8').decode('gbk', 'replace'),
    'gbk read as big5 (mix-up)': lambda s, t: s.encode('gbk', 'ignore').decode('big5', 'replace'),
}
shares = {name: [] for name in cases}
for path in sorted(glob.glob(os.path.join(reports, '*.txt')))[:count]:
    simplified = open(path, encoding='utf-8').read()
    traditional = subprocess.run(['opencc', '-c', 's2tw.json'], input=simplified.encode(), capture_output=True,
                                 check=True).stdout.decode()
    for name, make in cases.items():
        shares[name].append(share(make(simplified, traditional)))
for name, values in shares.items():
    print(f'{name:28s} U+FFFD share of bytes: min {min(values):.2f} max {max(values):.2f} ({len(values)} reports)')
