#!/bin/sh
# Compares the corpus dump of a build (dump_corpus_facts: every mention, fact and diagnostic of every
# report, with the stage's own sentences and with sentences cut at ；) with a dump saved before a change.
#   compare_corpus_dump.sh BUILD_DIR save BASELINE.txt   # before the change
#   compare_corpus_dump.sh BUILD_DIR check BASELINE.txt  # after it: exit 0 when byte-identical
# Extra arguments are passed to dump_corpus_facts (the shared folder).
set -eu
build=$1 mode=$2 baseline=$3
shift 3
tool=$(find "$build" -name dump_corpus_facts -type f -perm -u+x | head -n 1)
[ -n "$tool" ] || { echo "dump_corpus_facts not built in $build" >&2; exit 2; }
case $mode in
  save) "$tool" "$@" > "$baseline"; wc -l < "$baseline" ;;
  check)
    current=$(mktemp)
    trap 'rm -f "$current"' EXIT
    "$tool" "$@" > "$current"
    if cmp -s "$baseline" "$current"; then echo "identical: $(wc -l < "$current") lines"; else
      diff "$baseline" "$current" | head -n 40; echo "DIFFERENT" >&2; exit 1; fi ;;
  *) echo "mode is save or check" >&2; exit 2 ;;
esac
