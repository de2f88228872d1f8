// export-sqlite through the real loader and plugin boundary (sdk/testkit).
#include <catch2/catch.hpp>

#include "docpipe/testkit/conformance_catch.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"
#include "sample_documents.hpp"
#include "sqlite_test_support.hpp"
#include "test_support.hpp"

using namespace docpipe::testkit;

namespace {
const std::filesystem::path kPlugin = std::filesystem::path(DOCPIPE_PLUGIN_DIR) / "export-sqlite.so";
}

TEST_CASE("export-sqlite keeps the plugin contract") { require_conformance(kPlugin); }

TEST_CASE("export-sqlite stores the run in OUT/<path> at finish; a second run updates it") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  CHECK(plugin.descriptor().concurrency == docpipe::Concurrency::serialized);
  StageOptions options;
  options.output_dir = test_support::scratch_folder("sqlite-plugin");
  {
    StageUnderTest stage = plugin.create({{"path", "store/corpus.db"}}, options);
    for (auto doc : fixtures::all()) stage.run(doc);
    CHECK_FALSE(std::filesystem::exists(options.output_dir / "store" / "corpus.db"));
    REQUIRE(stage.finish().ok);
  }
  {
    StageUnderTest stage = plugin.create({{"path", "store/corpus.db"}}, options);
    auto doc = fixtures::traditional();
    doc.numbers.clear();
    stage.run(doc);
    REQUIRE(stage.finish().ok);
  }
  auto s = sqlite_test::open(options.output_dir / "store" / "corpus.db");
  CHECK(sqlite_test::scalar(*s, "SELECT COUNT(*) FROM documents") == static_cast<Poco::Int64>(fixtures::all().size()));
  CHECK(sqlite_test::scalar(*s, "SELECT COUNT(*) FROM numbers WHERE document_id = 'congtai_2024'") == 0);
  CHECK(sqlite_test::scalar(*s, "SELECT COUNT(*) FROM numbers WHERE document_id = 'city_example_2023'") == 2);
  // The export holds the runs of the stages before it; its own is appended after it returns.
  CHECK(sqlite_test::scalar(*s, "SELECT COUNT(*) FROM provenance WHERE document_id = 'congtai_2024'") ==
        static_cast<Poco::Int64>(fixtures::traditional().provenance.size()));
}
