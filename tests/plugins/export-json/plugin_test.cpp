// export-json through the real loader and plugin boundary (sdk/testkit): the SDK contract, its
// parameters, and the files it writes below the run's output folder.
#include <catch2/catch.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "docpipe/testkit/conformance_catch.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"
#include "sample_documents.hpp"
#include "test_support.hpp"

using namespace docpipe::testkit;

namespace {
const std::filesystem::path kPlugin = std::filesystem::path(DOCPIPE_PLUGIN_DIR) / "export-json.so";
}

TEST_CASE("export-json keeps the plugin contract") { require_conformance(kPlugin); }

TEST_CASE("export-json writes OUT/<folder>/<id>.json per document, pretty or compact") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  CHECK(plugin.descriptor().concurrency == docpipe::Concurrency::per_worker);
  for (const char* pretty : {"true", "false"}) {
    StageOptions options;
    options.output_dir = test_support::scratch_folder(std::string("json-plugin-") + pretty);
    StageUnderTest stage = plugin.create({{"pretty", pretty}}, options);
    auto doc = fixtures::traditional();
    stage.run(doc);
    REQUIRE(stage.finish().ok);
    const std::string content = test_support::read_file(options.output_dir / "json" / "congtai_2024.json");
    CHECK((std::count(content.begin(), content.end(), '\n') > 1) == (std::string(pretty) == "true"));
    const auto o = Poco::JSON::Parser().parse(content).extract<Poco::JSON::Object::Ptr>();
    // The stage sees the provenance of the stages before it, and the boundary added nothing yet.
    CHECK(o->getArray("provenance")->size() == fixtures::traditional().provenance.size());
  }
  StageOptions options;
  options.output_dir = test_support::scratch_folder("json-plugin-folder");
  StageUnderTest stage = plugin.create({{"folder", "exports/json"}}, options);
  auto doc = fixtures::simplified();
  stage.run(doc);
  CHECK(std::filesystem::exists(options.output_dir / "exports" / "json" / "city_example_2023.json"));
  CHECK_THROWS_AS(plugin.create({{"pretty", "maybe"}}, options), TestkitError);
}
