#!/usr/bin/env python3
"""Lost lead bytes in GBK or Big5 files, read by docpipe itself: exact documents (--byte trail: lost trail bytes).

The seed is GBK text whose lost lead bytes another decoder read out of step (dropping user-defined
pairs and invalid pairs) and saved as UTF-8; bench_encoding_repair generates that form. A user may
instead have the GBK bytes themselves with a lead byte turned into `?`. Then this stage's own decoder
reads them out of step, and differently: a user-defined pair becomes a private-use character, and the
lead byte before an invalid trail (an ASCII byte below 0x40) becomes U+FFFD while the ASCII byte
stays. This makes copies of the held-out reports (every fifth in sorted order, as
src/training_split.hpp holds out; simplified and OpenCC s2tw traditional, each kept to characters GBK
holds), each a GBK file with one lead byte, drawn by a seeded generator, replaced by `?`, runs
`docpipe run tests/bench/configs/repair-json.xml` over them and over the same copies undamaged, and
counts the documents whose text comes out as the undamaged copy's. With --encoding big5 the copies are
Big5 (traditional only: OpenCC s2tw, kept to characters Big5 holds), which the decoder reads out of
step in Big5. With --byte trail the trail byte
becomes `?` instead: the decoder writes U+FFFD for the lead and keeps the `?`, and the stage reads the
character back from its lead byte (src/legacy_lost_trail.*).

  python3 tests/bench/encoding-repair/legacy_bytes_damage.py [--encoding gbk|big5] [--byte lead|trail] [--copies N]
      [--seed S] [--show N] [--docpipe BIN] [--reports DIR]
"""
import difflib
import json
import os
import random
import shutil
import tempfile

from held_out_reports import held_out, parser as make_parser, run_repair, traditional as to_traditional

parser = make_parser(__doc__)
parser.add_argument('--copies', type=int, default=3, help='damaged copies per report and script')
parser.add_argument('--seed', type=int, default=3)
parser.add_argument('--show', type=int, default=0, help='print the first difference of this many documents')
parser.add_argument('--encoding', choices=('gbk', 'big5'), default='gbk')
parser.add_argument('--byte', choices=('lead', 'trail'), default='lead',
                    help="which byte of the character becomes '?' (trail: read back from the lead byte)")
args = parser.parse_args()


def run(folder, out):
    run_repair(args.docpipe, folder, out)


rng = random.Random(args.seed)
work = tempfile.mkdtemp(prefix='legacy-bytes-damage-')
try:
    damaged_dir, clean_dir = os.path.join(work, 'damaged'), os.path.join(work, 'clean')
    os.mkdir(damaged_dir)
    os.mkdir(clean_dir)
    reports = held_out(args.reports)
    names = []
    for path in reports:
        simplified = open(path, encoding='utf-8').read()
        traditional = to_traditional(simplified)
        scripts = (('s', simplified), ('t', traditional)) if args.encoding == 'gbk' else (('t', traditional),)
        for script, text in scripts:
            raw = text.encode(args.encoding, errors='ignore')  # only the damage made here
            leads, i = [], 0
            while i < len(raw):
                if raw[i] >= 0x81:
                    leads.append(i)
                    i += 2
                else:
                    i += 1
            for copy in range(args.copies):
                damaged = bytearray(raw)
                damaged[rng.choice(leads) + (args.byte == 'trail')] = ord('?')
                name = f'{script}{copy}_{os.path.basename(path)}'
                open(os.path.join(damaged_dir, name), 'wb').write(bytes(damaged))
                open(os.path.join(clean_dir, name), 'wb').write(raw)
                names.append(name[:-4])
    run(damaged_dir, os.path.join(work, 'out-damaged'))
    run(clean_dir, os.path.join(work, 'out-clean'))
    counts = {'s': [0, 0], 't': [0, 0]}
    shown = 0
    for name in names:
        got = json.load(open(os.path.join(work, 'out-damaged', 'json', name + '.json'), encoding='utf-8'))['text']
        want = json.load(open(os.path.join(work, 'out-clean', 'json', name + '.json'), encoding='utf-8'))['text']
        counts[name[0]][0] += 1
        counts[name[0]][1] += got == want
        if got != want and shown < args.show:
            shown += 1
            op = next(o for o in difflib.SequenceMatcher(None, want, got, autojunk=False).get_opcodes() if o[0] != 'equal')
            print(f'  {name}: {want[max(0, op[1] - 4):op[2] + 4]!r} -> {got[max(0, op[3] - 4):op[4] + 4]!r}')
    print(f'{args.encoding.upper()} files with one {args.byte} byte replaced by ?: {len(reports)} held-out reports x {args.copies} copies, seed {args.seed}')
    for script, (n, exact) in counts.items():
        if n == 0:
            continue
        print(f"  {'simplified' if script == 's' else 'traditional'}: {exact} of {n} documents exact ({exact / max(1, n):.3f})")
finally:
    shutil.rmtree(work)
