"""What the encoding-repair bench scripts share: the held-out reports and running the stage on them.

Every fifth report in sorted order is held out of the character model's training
(plugins/encoding-repair/src/training_split.hpp), so repairs are measured on text the model never saw.
"""
import argparse
import glob
import os
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))
REPAIR_JSON = os.path.join(ROOT, 'tests', 'bench', 'configs', 'repair-json.xml')


def parser(doc):
    """An argument parser described by the first line of @p doc, with --docpipe and --reports."""
    p = argparse.ArgumentParser(description=doc.split('\n')[0])
    p.add_argument('--docpipe', default=os.path.join(ROOT, 'build', 'bin', 'docpipe'))
    p.add_argument('--reports', default=os.path.join(ROOT, '..', 'shared', 'corpus', 'reports'))
    return p


def held_out(reports):
    """Paths of the held-out reports in @p reports, sorted."""
    return [p for i, p in enumerate(sorted(glob.glob(os.path.join(reports, '*.txt')))) if i % 5 == 4]


def traditional(text):
    """@p text in traditional script as most traditional pages write it (OpenCC s2tw)."""
    return subprocess.run(['opencc', '-c', 's2tw.json'], input=text.encode(), capture_output=True, check=True).stdout.decode()


def run_repair(docpipe, folder, out):
    """docpipe's repair stage and JSON export over @p folder into @p out (two workers, quiet)."""
    subprocess.run([docpipe, 'run', REPAIR_JSON, folder, '-o', out, '-j', '2', '-q'], check=True)
