// export-jsonl through the real loader and plugin boundary (sdk/testkit).
#include <catch2/catch.hpp>

#include "docpipe/testkit/conformance_catch.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"
#include "sample_documents.hpp"
#include "test_support.hpp"

using namespace docpipe::testkit;

namespace {
const std::filesystem::path kPlugin = std::filesystem::path(DOCPIPE_PLUGIN_DIR) / "export-jsonl.so";
}

TEST_CASE("export-jsonl keeps the plugin contract") { require_conformance(kPlugin); }

TEST_CASE("export-jsonl appends one line per document and publishes the file at finish") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  CHECK(plugin.descriptor().concurrency == docpipe::Concurrency::serialized);
  StageOptions options;
  options.output_dir = test_support::scratch_folder("jsonl-plugin");
  StageUnderTest stage = plugin.create({{"path", "sub/all.jsonl"}}, options);
  for (auto doc : fixtures::all()) stage.run(doc);
  CHECK_FALSE(std::filesystem::exists(options.output_dir / "sub" / "all.jsonl"));
  REQUIRE(stage.finish().ok);
  const std::string content = test_support::read_file(options.output_dir / "sub" / "all.jsonl");
  CHECK(std::count(content.begin(), content.end(), '\n') == static_cast<long>(fixtures::all().size()));
}
