#!/usr/bin/env bash
# Builds the libFuzzer targets with clang under ASan/UBSan in their own build folder and runs each for a
# fixed number of executions, regression inputs first. A crash leaves its input in
# tests/fuzz/findings/<target>/; once fixed, move it to tests/fuzz/regressions/<target>/ so every later
# run replays it.
#
# usage: tests/fuzz/run.sh [--runs N] [--build DIR] [--max-len BYTES]
#   defaults: 20000 runs per target, build folder build-fuzz, inputs up to 4096 bytes.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=20000 build="$root/build-fuzz" max_len=4096
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --max-len) max_len=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--build DIR] [--max-len BYTES]" >&2; exit 2 ;;
  esac
done
command -v clang++ >/dev/null || { echo "SKIPPED: fuzzers need clang++ (and libclang-rt-14-dev)"; exit 0; }
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link -g -O1"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DDOCPIPE_BUILD_FUZZERS=ON -DDOCPIPE_BUILD_TESTS=OFF \
  -DCMAKE_C_FLAGS="$san" -DCMAKE_CXX_FLAGS="$san" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" -j"${FUZZ_JOBS:-2}" --target fuzzers
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in fuzz_config_parser fuzz_document_codec fuzz_encoding_repair fuzz_section_split fuzz_number_extract fuzz_glossary; do
  seeds="$here/seeds/${target#fuzz_}" regressions="$here/regressions/${target#fuzz_}"
  work=$(mktemp -d)
  findings="$here/findings/${target#fuzz_}"
  mkdir -p "$findings"
  dirs=("$work")
  [ -d "$seeds" ] && dirs+=("$seeds")
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    "$build/fuzz/$target" "$regressions"/* >"$work/regressions.log" 2>&1 || {
      echo "FAILED: $target: a regression input crashes again"; tail -30 "$work/regressions.log"; status=1; }
  fi
  if "$build/fuzz/$target" -runs="$runs" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$findings/" "${dirs[@]}" >"$work/fuzz.log" 2>&1; then
    echo "ok: $target, $runs runs ($(grep -o 'cov: [0-9]*' "$work/fuzz.log" | tail -1))"
  else
    echo "FAILED: $target (input kept in $findings)"; tail -40 "$work/fuzz.log"; status=1
  fi
  rm -rf "$work"
done
rmdir "$here"/findings/* "$here/findings" 2>/dev/null || true
exit $status
