#!/bin/bash
# Uses the installed SDK from outside the source tree, as a plugin author would.
#   out_of_tree_test.sh PREFIX WORK SOURCE_DIR SHARED_DIR sample
#     copies samples/plugins/keyword-tag to WORK, builds it against PREFIX, runs its test-kit tests, then
#     runs PREFIX/bin/docpipe with keyword-tag (and export-json when installed) and checks the
#     keyword annotations in the output, offsets included.
#   out_of_tree_test.sh PREFIX WORK SOURCE_DIR SHARED_DIR new-plugin KIND
#     generates a plugin of KIND with PREFIX/bin/docpipe new-plugin, builds it against PREFIX and
#     runs its generated tests (conformance included), then runs it in a pipeline.
set -euo pipefail
prefix=$1
work=$2
source_dir=$3
shared_dir=$4
mode=$5
rm -rf "$work"
mkdir -p "$work"
docpipe=$prefix/bin/docpipe

build_and_test() {  # FOLDER
  cmake -S "$1" -B "$1/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" > "$work/configure.log" ||
    { cat "$work/configure.log"; exit 1; }
  # Out of tree means out of tree: nothing may come from the docpipe sources.
  if grep -q "$source_dir/" "$1/build/build.ninja" "$1/build/CMakeCache.txt"; then
    echo "the build of $1 uses files from the docpipe source tree:"
    grep -oh "$source_dir/[^ ]*" "$1/build/build.ninja" "$1/build/CMakeCache.txt" | sort -u | head
    exit 1
  fi
  cmake --build "$1/build" -j2 > "$work/build.log" || { cat "$work/build.log"; exit 1; }
  ctest --test-dir "$1/build" --output-on-failure
}

if [ "$mode" = sample ]; then
  cp -r "$source_dir/samples/plugins/keyword-tag" "$work/keyword-tag"
  build_and_test "$work/keyword-tag"
  plugin_dir=$work/keyword-tag/build/plugins
  [ -f "$plugin_dir/keyword-tag.so" ] || { echo "no keyword-tag.so built"; exit 1; }
  exporter=""
  [ -f "$prefix/lib/docpipe/plugins/export-json.so" ] && exporter='<stage plugin="export-json"/>'
  cat > "$work/pipeline.xml" <<XML
<pipeline name="sdk-sample">
  <plugins path="$plugin_dir"/>
  <stage plugin="keyword-tag"><param name="keywords">营商环境,高质量发展,ＧＤＰ</param></stage>
  $exporter
</pipeline>
XML
  mkdir -p "$work/in"
  printf '持续优化营商环境，推动高质量发展。\nGDP增长5%%，营商环境评价位居前列。\n' > "$work/in/written.txt"
  inputs=("$work/in/written.txt")
  corpus_file=$(ls "$shared_dir"/corpus/reports/*.txt 2>/dev/null | head -1 || true)
  [ -n "$corpus_file" ] && inputs+=("$corpus_file")
  "$docpipe" plugins inspect keyword-tag --plugin-path "$plugin_dir" > "$work/inspect.txt"
  grep -q "keywords" "$work/inspect.txt" || { cat "$work/inspect.txt"; exit 1; }
  "$docpipe" run "$work/pipeline.xml" "${inputs[@]}" -o "$work/out" -q
  if [ -z "$exporter" ]; then echo "export-json not installed: pipeline ran, annotations not checked"; exit 0; fi
  # The exporter knows nothing of keyword-tag, yet carries its annotations; offsets are code points.
  python3 - "$work/out" "$work/in/written.txt" "$corpus_file" <<'PY'
import json, pathlib, sys
out, written, corpus = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
docs = {}
for f in out.rglob("*.json"):
    d = json.loads(f.read_text(encoding="utf-8"))
    if isinstance(d, dict) and "annotations" in d:
        docs[d["source"]] = d
assert written in docs, f"no JSON for {written}: {sorted(docs)}"
def keywords(d):
    return [(a["attributes"]["keyword"], d["text"][a["begin"]:a["end"]]) for a in d["annotations"] if a["type"] == "keyword"]
got = keywords(docs[written])
assert got == [("营商环境", "营商环境"), ("高质量发展", "高质量发展"), ("ＧＤＰ", "GDP"), ("营商环境", "营商环境")], got
if corpus:
    d = docs[corpus]
    text = d["text"]
    expected = sum(text.count(w) for w in ("营商环境", "高质量发展"))
    found = [k for k in keywords(d) if k[0] != "ＧＤＰ"]
    assert all(k == t for k, t in found), found[:5]
    assert len(found) == expected, (len(found), expected)
    print(f"{corpus}: {len(found)} keyword annotations, as many as occurrences")
print("keyword annotations exported with exact code point offsets")
PY
  exit 0
fi

if [ "$mode" = new-plugin ]; then
  kind=$6
  name="my-$kind-plugin"
  "$docpipe" new-plugin "$name" --kind "$kind" --dir "$work/$name"
  build_and_test "$work/$name"
  printf '<pipeline name="generated">\n  <plugins path="%s"/>\n  <stage plugin="%s"/>\n</pipeline>\n' \
    "$work/$name/build/plugins" "$name" > "$work/pipeline.xml"
  printf '政府工作报告  全文\n' > "$work/doc.txt"
  "$docpipe" run "$work/pipeline.xml" "$work/doc.txt" -o "$work/out" -q
  exit 0
fi
echo "unknown mode $mode"
exit 2
