#!/usr/bin/env bash
# profile_subset.sh BENCH_OUT DEST: the small inputs the plugin READMEs quote callgrind counts on.
#   DEST/in   every ninth GB18030 report of BENCH_OUT/corpus-20/gbk (file-name order, from the first),
#             without the damaged seed copies: 39 reports, about 1.5 MB, a run of seconds under callgrind;
#   DEST/seed the two damaged seed copies (the lost-byte search's worst case).
# BENCH_OUT is the --out folder of tests/bench/run.sh (run it with --quick once to build the corpus).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 BENCH_OUT DEST" >&2; exit 2; }
src="$1/corpus-20/gbk"
[ -d "$src" ] || { echo "$0: no $src (run tests/bench/run.sh --quick --out $1 first)" >&2; exit 1; }
seed=dbdc0dc46ac71758
mkdir -p "$2/in" "$2/seed"
ls "$src" | awk 'NR % 9 == 1' | grep -v "$seed" | while read -r f; do cp "$src/$f" "$2/in/"; done
ls "$src" | grep "$seed" | while read -r f; do cp "$src/$f" "$2/seed/"; done
echo "$(ls "$2/in" | wc -l) reports in $2/in, $(ls "$2/seed" | wc -l) seed copies in $2/seed"
