// export-csv through the real loader and plugin boundary (sdk/testkit).
#include <catch2/catch.hpp>

#include "csv_reader.hpp"
#include "docpipe/testkit/conformance_catch.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"
#include "sample_documents.hpp"
#include "test_support.hpp"

using namespace docpipe::testkit;

namespace {
const std::filesystem::path kPlugin = std::filesystem::path(DOCPIPE_PLUGIN_DIR) / "export-csv.so";
}

TEST_CASE("export-csv keeps the plugin contract") { require_conformance(kPlugin); }

TEST_CASE("export-csv writes OUT/csv/*.csv with the BOM and text options") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  CHECK(plugin.descriptor().concurrency == docpipe::Concurrency::serialized);
  StageOptions options;
  options.output_dir = test_support::scratch_folder("csv-plugin");
  StageUnderTest stage = plugin.create({{"bom", "true"}, {"text", "true"}}, options);
  for (auto doc : fixtures::all()) stage.run(doc);
  REQUIRE(stage.finish().ok);
  std::string documents = test_support::read_file(options.output_dir / "csv" / "documents.csv");
  REQUIRE(documents.rfind("\xEF\xBB\xBF", 0) == 0);
  const auto records = csv_test::parse(documents.substr(3));
  REQUIRE(records.size() == fixtures::all().size() + 1);
  CHECK(records[0].back() == "text");
  CHECK(records[1].back() == fixtures::traditional().text);
  const auto glossary = csv_test::parse(test_support::read_file(options.output_dir / "csv" / "glossary.csv").substr(3));
  CHECK(glossary.size() == 1 + 1 + 2);  // header, congtai's entry, the simplified document's two
}
