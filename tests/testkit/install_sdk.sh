#!/bin/bash
# Fixture of the installed-SDK tests: builds what `cmake --install` needs (the engine, every shipped
# plugin, the test kit) and installs the build tree into PREFIX, fresh.
# usage: install_sdk.sh BUILD_DIR PREFIX
set -euo pipefail
build=$1
prefix=$2
rm -rf "$prefix"
cmake --build "$build" -j2 --target docpipe-runtime docpipe_testkit > /dev/null
cmake --install "$build" --prefix "$prefix" > /dev/null
for f in bin/docpipe lib/cmake/docpipe/docpipeConfig.cmake lib/cmake/docpipe/docpipeConfigVersion.cmake \
         lib/cmake/docpipe/docpipe_add_plugin.cmake lib/libdocpipe_testkit.a include/docpipe/docpipe.hpp \
         include/docpipe/testkit/testkit.hpp; do
  [ -e "$prefix/$f" ] || { echo "installed tree lacks $f"; exit 1; }
done
ls "$prefix"/lib/docpipe/plugins/*.so > /dev/null || { echo "no plugin installed"; exit 1; }
echo "installed to $prefix"
