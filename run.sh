#!/usr/bin/env bash
# Set-up, build, then the main job: the default pipeline over samples/documents into out/ (with out/docpipe.sqlite).
# Extra arguments go to `docpipe run` (e.g. ./run.sh -j 1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target docpipe-runtime
./build/bin/docpipe run configs/default.xml samples/documents -o out "$@"
