"""What python_battery.py and browser_mixups.py share: their arguments and the passage they damage.

The passage is 1200 characters of shared/corpus/reports/city_changzhou_2016.txt; its traditional
copy is made with the `opencc` command (s2tw).
"""
import argparse
import pathlib
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[3]


def arguments(doc):
    """BUILD_DIR, OUT_DIR and --shared, parsed for the script described by the first line of @p doc."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("out")
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    return ap.parse_args()


def passage(shared):
    """The passage and its traditional copy."""
    text = (pathlib.Path(shared) / "corpus" / "reports" / "city_changzhou_2016.txt").read_text(encoding="utf-8")[300:1500]
    traditional = subprocess.run(["opencc", "-c", "s2tw"], input=text.encode(), capture_output=True, check=True).stdout.decode()
    return text, traditional
