#!/usr/bin/env bash
# docpipe's benchmark suite: docpipe against the tools users would otherwise pick, on the same input in
# the same run, printed as medians and ratios (docpipe / peer), plus peak memory.
#
#   tests/bench/run.sh [--quick] [--out DIR]
#
# --quick: the 20 MB corpus only, one timed run per command and no per-stage micro-benchmarks (under a
#          minute once the corpus is built); otherwise 20 MB and 200 MB, five runs after a warm-up.
# Results: a table on stdout and DIR/bench-results.json (DIR defaults to build/bench).
# The corpus is built from ../shared/corpus/reports and the seed (DOCPIPE_SHARED_DIR overrides), repeated
# to size, with GB18030, Big5 and traditional-script copies. Nothing here asserts a time: it reports.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
bench="$root/tests/bench"
quick=0
out="$root/build/bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --out) out=$(realpath -m "$2"); shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
shared="${DOCPIPE_SHARED_DIR:-$root/../shared}"
runs=5; warm_up=1
[ $quick = 1 ] && { runs=1; warm_up=0; }
started=$(date +%s)
sizes=(20); [ $quick = 1 ] || sizes=(20 200)
mkdir -p "$out"
log() { echo "bench: [$(($(date +%s) - ${started:-$(date +%s)}))s] $*" >&2; }

# --- set-up: packages, build, peers ------------------------------------------------------------------
"$root/scripts/install-deps.sh" >&2
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt-get install -y -qq nodejs npm >&2
fi
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
micro_targets=""
[ $quick = 1 ] || micro_targets=$(cmake --build "$root/build" --target help | sed -n 's/^\(bench_[a-z_]*\):.*/\1/p' | sort -u | tr '\n' ' ')
# shellcheck disable=SC2086
cmake --build "$root/build" -j"$(nproc)" --target docpipe-runtime test_number_extract sqlite_floor $micro_targets >&2
docpipe="$root/build/bin/docpipe"
peers="$out/peers"
if [ ! -d "$peers/node_modules/@microsoft/recognizers-text-suite" ]; then
  mkdir -p "$peers" && cp "$bench/peers/package.json" "$peers/"
  (cd "$peers" && npm install --no-audit --no-fund --silent >&2) || log "npm install failed: Recognizers-Text comparisons are skipped"
fi
cp "$bench"/peers/*.js "$peers/"

# --- corpora -----------------------------------------------------------------------------------------
# make_corpus MB: OUT/corpus-MB/{utf8,gbk,big5,trad}/ (one file per document) and all.* (concatenated).
make_corpus() {
  local mb=$1 dir="$out/corpus-$1"
  [ -f "$dir/.done" ] && { echo "$dir"; return; }
  log "building the ${mb} MB corpus in $dir"
  rm -rf "$dir" && mkdir -p "$dir/utf8" "$dir/gbk"
  local target=$((mb * 1000000)) total=0 round=0
  local sources=("$shared"/seed/*.txt "$shared"/corpus/reports/*.txt)
  while [ $total -lt $target ]; do
    for f in "${sources[@]}"; do
      local name; name=$(printf '%03d_%s' $round "$(basename "$f")")
      cp "$f" "$dir/utf8/$name"
      total=$((total + $(stat -c %s "$f")))
      [ $total -ge $target ] && break
    done
    round=$((round + 1))
  done
  cat "$dir"/utf8/*.txt > "$dir/all.txt"
  for f in "$dir"/utf8/*.txt; do iconv -f UTF-8 -t GB18030 "$f" > "$dir/gbk/$(basename "$f")"; done
  cat "$dir"/gbk/*.txt > "$dir/all.gbk"
  if [ "$mb" = 20 ]; then
    mkdir -p "$dir/trad" "$dir/big5"
    opencc -c s2t.json -i "$dir/all.txt" -o "$dir/all_trad.txt"
    for f in "$dir"/utf8/*.txt; do
      opencc -c s2t.json -i "$f" -o "$dir/trad/$(basename "$f")"
      iconv -c -f UTF-8 -t BIG5 "$dir/trad/$(basename "$f")" > "$dir/big5/$(basename "$f")" || true
    done
    cat "$dir"/big5/*.txt > "$dir/all.big5"
    # Sentences for the number comparison: Recognizers-Text is slow, so a 1 MB slice, one per line.
    head -c 3000000 "$dir/all.txt" | sed 's/。/。\n/g' | awk 'length > 4' | head -c 1000000 > "$dir/sentences.txt"
  fi
  touch "$dir/.done"
  echo "$dir"
}

# --- timing ------------------------------------------------------------------------------------------
# Each run writes into an empty $out/tmp-out. The previous run's is renamed into $set_aside, which is
# deleted when the script exits, not between runs: on ext4, files created within a minute or so of
# deleting others make the inode allocator step over every recently freed inode (recently_deleted() in
# the kernel's ialloc.c), which perf put at a fifth of the full run's wall time (357 JSON files created
# right after deleting the previous run's 357); that is the benchmark timing its own clean-up. The
# outputs set aside are written back to disk (sync) before the next run starts, so no run pays for
# the write-back of the one before it.
set_aside="$out/set-aside.$$"
trap 'rm -rf "$set_aside"' EXIT
set_aside_out() {
  [ -e "$out/tmp-out" ] || return 0
  mkdir -p "$set_aside" && mv "$out/tmp-out" "$set_aside/$(date +%s%N)" && sync
}
# median_seconds CMD...: runs CMD $runs times (after one warm-up unless --quick), prints the median wall time.
median_seconds() {
  set_aside_out
  [ $warm_up = 1 ] && { "$@" >/dev/null 2>&1 || true; }
  local times=() i t0 t1
  for ((i = 0; i < runs; i++)); do
    set_aside_out
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { log "command failed: $*"; echo "nan"; return; }
    t1=$(date +%s.%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
mb_s() { awk -v bytes="$1" -v s="$2" 'BEGIN { if (s == "nan" || s <= 0) print "nan"; else printf "%.2f", bytes / 1e6 / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b <= 0) print "nan"; else printf "%.3f", a / b }'; }
bytes_of() { du -cb "$@" | tail -1 | cut -f1; }
run_docpipe() { "$docpipe" run "$bench/configs/$1.xml" "$2" -o "$out/tmp-out" -j "$3" -q; }

results=()
rows=()
# add_result TASK DOCPIPE_MB_S PEER PEER_MB_S GOAL_TEXT GOAL_MET
add_result() {
  local r; r=$(ratio "$2" "$4")
  results+=("{\"task\": \"$1\", \"docpipe_mb_s\": $2, \"peer\": \"$3\", \"peer_mb_s\": $4, \"ratio\": $r}")
  rows+=("$(printf '%-18s %12s  %-26s %10s %9s  %s' "$1" "$2" "$3" "$4" "$r" "$5")")
}
goal() { awk -v v="$1" -v g="$2" 'BEGIN { if (v == "nan") print "n/a"; else if (v + 0 >= g + 0) print "met"; else print "NOT met" }'; }

c20=$(make_corpus 20)
gbk_bytes=$(bytes_of "$c20/all.gbk")
utf8_bytes=$(bytes_of "$c20/all.txt")

log "decode-gbk"
iconv_gbk=$(mb_s "$gbk_bytes" "$(median_seconds iconv -f GB18030 -t UTF-8 "$c20/all.gbk" -o /dev/null)")
uconv_gbk=$(mb_s "$gbk_bytes" "$(median_seconds uconv -f gb18030 -t utf-8 "$c20/all.gbk" -o /dev/null)")
dp_gbk=$(mb_s "$gbk_bytes" "$(median_seconds run_docpipe repair "$c20/gbk" 1)")
add_result decode-gbk "$dp_gbk" "iconv GB18030->UTF-8" "$iconv_gbk" "(uconv: $uconv_gbk MB/s)"

log "decode-big5"
big5_bytes=$(bytes_of "$c20/all.big5")
iconv_big5=$(mb_s "$big5_bytes" "$(median_seconds iconv -f BIG5 -t UTF-8 "$c20/all.big5" -o /dev/null)")
dp_big5=$(mb_s "$big5_bytes" "$(median_seconds run_docpipe repair "$c20/big5" 1)")
add_result decode-big5 "$dp_big5" "iconv BIG5->UTF-8" "$iconv_big5" ""

log "repair-clean-utf8"
# Clean means clean: the corpus's copies of the damaged seed are left out here (they are where the
# lost-byte search spends its time; the analysis and full runs keep them).
clean_dir="$out/clean-utf8"
if [ ! -f "$clean_dir.txt" ]; then
  rm -rf "$clean_dir" && mkdir -p "$clean_dir"
  for f in "$c20"/utf8/*.txt; do
    damaged=0
    for seed in "$shared"/seed/*.txt; do [[ "$(basename "$f")" == *_"$(basename "$seed")" ]] && damaged=1; done
    [ $damaged = 1 ] || ln "$f" "$clean_dir/" 2>/dev/null || cp "$f" "$clean_dir/"
  done
  cat "$clean_dir"/*.txt > "$clean_dir.txt"
fi
clean_bytes=$(bytes_of "$clean_dir.txt")
iconv_utf8=$(mb_s "$clean_bytes" "$(median_seconds iconv -f UTF-8 -t UTF-8 "$clean_dir.txt" -o /dev/null)")
dp_utf8=$(mb_s "$clean_bytes" "$(median_seconds run_docpipe repair "$clean_dir" 1)")
add_result repair-clean-utf8 "$dp_utf8" "iconv validating UTF-8" "$iconv_utf8" \
  "goal ratio >= 1: $(goal "$(ratio "$dp_utf8" "$iconv_utf8")" 1)"

log "analysis"
dp_analysis=$(mb_s "$gbk_bytes" "$(median_seconds run_docpipe analysis "$c20/gbk" 1)")
add_result analysis "$dp_analysis" "iconv GB18030->UTF-8" "$iconv_gbk" \
  "goal ratio >= 0.5: $(goal "$(ratio "$dp_analysis" "$iconv_gbk")" 0.5)"

log "full"
dp_full=$(mb_s "$gbk_bytes" "$(median_seconds run_docpipe full "$c20/gbk" 1)")
cores=$(nproc)
dp_full_all=$(mb_s "$gbk_bytes" "$(median_seconds run_docpipe full "$c20/gbk" "$cores")")
add_result full "$dp_full" "iconv GB18030->UTF-8" "$iconv_gbk" "goal >= 50 MB/s on 1 core: $(goal "$dp_full" 50)"
add_result full-all-cores "$dp_full_all" "docpipe full on 1 core" "$dp_full" \
  "$cores cores; goal near-linear: $(goal "$(ratio "$dp_full_all" "$dp_full")" "$(awk -v c="$cores" 'BEGIN { print 0.8 * c }')")"

log "full-sqlite-floor"
# SQLite's share of the full run, at its floor: build/bench/sqlite_floor stores the very rows the full
# run stored (same schema and set-up, one transaction, no analysis, no savepoints) and times only that.
# What is left of 1/50 s per MB after it is the budget of everything else (decoding, the analysis
# stages, JSON) for the 50 MB/s goal, printed as the speed they would need together.
floor_dir="$out/floor-source"
rm -rf "$floor_dir"
sqlite_mb=nan
if "$docpipe" run "$bench/configs/full.xml" "$c20/gbk" -o "$floor_dir" -j 1 -q >/dev/null 2>&1; then
  sqlite_s=$("$root/build/bench/sqlite_floor" "$floor_dir/docpipe.sqlite" "$runs" | sed -n 's/.*"seconds": \([0-9.]*\).*/\1/p')
  sqlite_mb=$(mb_s "$gbk_bytes" "${sqlite_s:-nan}")
else
  log "full-sqlite-floor: the full run failed"
fi
rm -rf "$floor_dir"
rest_mb=$(awk -v f="$sqlite_mb" 'BEGIN { if (f == "nan") print "nan"; else if (f <= 50) print "unreachable"; else printf "%.0f MB/s", 1 / (1 / 50 - 1 / f) }')
add_result full-sqlite-floor "$dp_full" "SQLite alone, same rows" "$sqlite_mb" \
  "for 50 MB/s all the rest must run at $rest_mb (iconv alone: $iconv_gbk MB/s)"

log "numbers"
rm -f "$out/recognizers-spec-rates.json" "$out/numbers-accuracy.txt" "$out/docpipe-spec-rates.txt"
sent_bytes=$(bytes_of "$c20/sentences.txt")
dp_numbers=$(mb_s "$sent_bytes" "$(median_seconds "$docpipe" run "$bench/configs/numbers.xml" "$c20/sentences.txt" -o "$out/tmp-out" -j 1 -q)")
rt_numbers=nan
rt_currency=nan
if [ -d "$peers/node_modules/@microsoft/recognizers-text-suite" ]; then
  rt_s=$(node "$peers/recognizers.js" "$c20/sentences.txt" number,percentage | sed 's/.*"seconds":\([0-9.e-]*\).*/\1/')
  rt_numbers=$(mb_s "$sent_bytes" "$rt_s")
  head -c 100000 "$c20/sentences.txt" > "$out/sentences-100k.txt"
  rt_c=$(node "$peers/recognizers.js" "$out/sentences-100k.txt" currency | sed 's/.*"seconds":\([0-9.e-]*\).*/\1/')
  rt_currency=$(mb_s "$(bytes_of "$out/sentences-100k.txt")" "$rt_c")
  node "$peers/recognizers_specs.js" "$shared/corpus/peer-specs/recognizers-text" > "$out/recognizers-spec-rates.json" || true
  # Accuracy on the same text: the seed's hand-labelled amounts, percentages and non-quantities.
  seed_out="$out/seed-numbers"
  rm -rf "$seed_out"
  if "$docpipe" run "$bench/configs/seed-numbers.xml" "$shared/seed/000_dbdc0dc46ac71758.txt" -o "$seed_out" -q >/dev/null 2>&1; then
    python3 -c 'import json, sys; sys.stdout.write(json.loads(open(sys.argv[1], encoding="utf-8").readline())["text"])' \
      "$seed_out/documents.jsonl" > "$seed_out/text.txt"
    node "$peers/recognizers_mentions.js" "$seed_out/text.txt" > "$seed_out/recognizers.jsonl"
    python3 "$bench/numbers-accuracy/score.py" "$bench/numbers-accuracy/seed_gold.tsv" "$seed_out/documents.jsonl" \
      "$seed_out/recognizers.jsonl" --json "$seed_out/accuracy.json" > "$out/numbers-accuracy.txt" || log "seed accuracy: scoring failed"
  else
    log "seed accuracy: docpipe failed on the seed"
  fi
fi
if [ -x "$root/build/tests/test_number_extract" ]; then
  "$root/build/tests/test_number_extract" "[conformance]" 2>/dev/null | sed -n 's/^recognizers-text /  /p' > "$out/docpipe-spec-rates.txt" || true
fi
add_result numbers "$dp_numbers" "Recognizers-Text num+pct" "$rt_numbers" \
  "goal ratio >= 100: $(goal "$(ratio "$dp_numbers" "$rt_numbers")" 100) (RT currency model: $rt_currency MB/s)"

log "t2s"
# Both converters run at a few MB/s, so --quick times them on the first ~5 MB of documents only.
trad_dir="$c20/trad" trad_all="$c20/all_trad.txt"
if [ $quick = 1 ]; then
  trad_dir="$out/trad-5mb" trad_all="$out/trad-5mb.txt"
  if [ ! -f "$trad_all" ]; then
    rm -rf "$trad_dir" && mkdir -p "$trad_dir"
    for f in "$c20"/trad/*.txt; do
      cp "$f" "$trad_dir/"
      [ "$(bytes_of "$trad_dir")" -ge 5000000 ] && break
    done
    cat "$trad_dir"/*.txt > "$trad_all"
  fi
fi
trad_bytes=$(bytes_of "$trad_all")
opencc_t2s=$(mb_s "$trad_bytes" "$(median_seconds opencc -c t2s.json -i "$trad_all" -o /dev/null)")
dp_t2s=$(mb_s "$trad_bytes" "$(median_seconds run_docpipe t2s "$trad_dir" 1)")
add_result t2s "$dp_t2s" "opencc t2s" "$opencc_t2s" ""

# --- memory: peak RSS of the full pipeline at 20 MB and at 200 MB -------------------------------------
peak_kb() { set_aside_out; /usr/bin/time -f '%M' "$docpipe" run "$bench/configs/full.xml" "$1" -o "$out/tmp-out" -j 1 -q 2>&1 >/dev/null | tail -1; }
rss20=$(peak_kb "$c20/gbk")
rss200=nan
if [ $quick = 0 ]; then
  c200=$(make_corpus 200)
  rss200=$(peak_kb "$c200/gbk")
fi
[ -s "$out/seed-numbers/accuracy.json" ] && results+=("{\"task\": \"numbers-accuracy-seed\", \"results\": $(cat "$out/seed-numbers/accuracy.json")}")
results+=("{\"task\": \"full-memory\", \"rss_20mb\": $rss20, \"rss_200mb\": $rss200}")
set_aside_out

# --- report -------------------------------------------------------------------------------------------
{
  echo "docpipe benchmark — $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/model name/ { $1 = $2 = $3 = ""; print; exit }' /proc/cpuinfo | sed 's/^ *//'), corpus 20 MB (GB18030 copy $((gbk_bytes / 1000000)) MB), $([ "$runs" = 1 ] && echo "one run per command (--quick)" || echo "median of $runs runs")"
  printf '%-18s %12s  %-26s %10s %9s  %s\n' task "docpipe MB/s" peer "peer MB/s" ratio "goal"
  printf '%s\n' "${rows[@]}"
  echo "peak RSS, full pipeline, 1 core: 20 MB corpus ${rss20} KB; 200 MB corpus ${rss200} KB$(
    [ "$rss200" != nan ] && awk -v a="$rss20" -v b="$rss200" 'BEGIN { printf " (ratio %.2f; goal <= 2: %s)", b / a, (b <= 2 * a) ? "met" : "NOT met" }')"
  if [ -f "$out/recognizers-spec-rates.json" ]; then
    echo "Recognizers-Text on its own spec files (cases it supports): $(cat "$out/recognizers-spec-rates.json")"
  fi
  if [ -s "$out/docpipe-spec-rates.txt" ]; then
    echo "docpipe number-extract on the same spec files (cases .NET supports; differences by design in tests/plugins/number-extract/decided-differently.md):"
    cat "$out/docpipe-spec-rates.txt"
  fi
  if [ -s "$out/numbers-accuracy.txt" ]; then cat "$out/numbers-accuracy.txt"; fi
} | tee "$out/bench-table.txt"

micro=$(find "$root/build" -maxdepth 3 -type f -executable -name 'bench_*' | sort)
if [ $quick = 1 ]; then
  echo
  echo "Per-stage micro-benchmarks: skipped with --quick (run without it, or build/bench/bench_* directly)."
elif [ -n "$micro" ]; then
  echo
  echo "Per-stage micro-benchmarks:"
  for b in $micro; do echo "== $(basename "$b")"; "$b" 2>&1 | tail -15 || true; done
fi

{
  echo "["
  for i in "${!results[@]}"; do
    printf '  %s%s\n' "${results[$i]}" "$([ "$i" -lt $((${#results[@]} - 1)) ] && echo ,)"
  done
  echo "]"
} > "$out/bench-results.json"
log "wrote $out/bench-results.json and $out/bench-table.txt ($(($(date +%s) - started)) s)"
