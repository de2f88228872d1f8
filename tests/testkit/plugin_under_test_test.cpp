// Tests of loading and driving plugins through the real loader, with the engine's test plugins.
#include <cstdlib>

#include <catch2/catch.hpp>

#include "docpipe/testkit/documents.hpp"
#include "docpipe/testkit/matchers.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"

using namespace docpipe;
using namespace docpipe::testkit;

namespace {
const std::filesystem::path engine_plugins = DOCPIPE_TEST_PLUGIN_DIR;
}

TEST_CASE("a plugin loads through the engine's loader and runs on a document") {
  const PluginUnderTest plugin = PluginUnderTest::load(engine_plugins / "test-good.so");
  CHECK(plugin.descriptor().name == "test-good");
  StageUnderTest stage = plugin.create({{"word", "报告"}});
  Document doc = document_from_bytes("政府工作报告：报告");
  CHECK(&stage.run(doc) == &doc);
  CHECK_THAT(doc, HasAnnotation("test-word").onText("报告").times(2).exactly());
  REQUIRE(doc.provenance.size() == 1);
  CHECK(doc.provenance[0].plugin == "test-good");
  CHECK(doc.provenance[0].version == "1.0.0");
  CHECK(stage.finish().ok);
}

TEST_CASE("find looks for <name>.so along the folders, in order") {
  CHECK(PluginUnderTest::find("test-good", {"/nonexistent", engine_plugins}).descriptor().name == "test-good");
  CHECK_THROWS_WITH(PluginUnderTest::find("no-such-plugin", {engine_plugins}),
                    Catch::Contains("no plugin 'no-such-plugin'") && Catch::Contains(engine_plugins.string()));
}

TEST_CASE("the loader's refusals come back as TestkitError with the engine's message") {
  CHECK_THROWS_AS(PluginUnderTest::load(engine_plugins / "test-wrong-abi.so"), TestkitError);
  CHECK_THROWS_WITH(PluginUnderTest::load(engine_plugins / "test-wrong-abi.so"), Catch::Contains("ABI"));
  CHECK_THROWS_WITH(PluginUnderTest::load(engine_plugins / "test-not-a-plugin.so"), Catch::Contains("not a docpipe plugin"));
}

TEST_CASE("parameters are resolved like a pipeline config: defaults, refusals, unknown names") {
  const PluginUnderTest plugin = PluginUnderTest::load(engine_plugins / "test-good.so");
  const ParamValues defaults = plugin.resolve_params();
  CHECK(defaults.get("word") == "報告");
  CHECK(defaults.get_int("limit") == 10);
  CHECK(defaults.get("mode") == "fast");
  CHECK(plugin.resolve_params({{"limit", "100"}}).get_int("limit") == 100);
  CHECK_THROWS_WITH(plugin.resolve_params({{"limit", "101"}}), Catch::Contains("expected an integer from 1 to 100"));
  CHECK_THROWS_WITH(plugin.resolve_params({{"mode", "medium"}}), Catch::Contains("expected one of fast, slow"));
  CHECK_THROWS_WITH(plugin.resolve_params({{"colour", "red"}}), Catch::Contains("unknown parameter 'colour'"));
}

TEST_CASE("a stage's exceptions become failed statuses, and a failing constructor a TestkitError") {
  const PluginUnderTest plugin = PluginUnderTest::load(engine_plugins / "test-throws.so");
  StageUnderTest stage = plugin.create();
  Document boom = document_from_bytes("BOOM");
  const abi::Status status = stage.process(boom);
  CHECK_FALSE(status.ok);
  CHECK_THAT(status.message, Catch::Contains("boom in document test"));
  Document not_std = document_from_bytes("INT");
  CHECK_THAT(stage.process(not_std).message, Catch::Contains("not derived from std::exception"));
  CHECK_THROWS_WITH(stage.run(boom), Catch::Contains("plugin 'test-throws' failed on document 'test'"));
  Document fine = document_from_bytes("fine");
  CHECK(stage.process(fine).ok);
  CHECK_THROWS_WITH(plugin.create({{"fail-at-start", "true"}}), Catch::Contains("refusing to start as configured"));
}

TEST_CASE("each stage gets its own output folder, removed with it, unless one is given") {
  const PluginUnderTest plugin = PluginUnderTest::load(engine_plugins / "test-good.so");
  const std::filesystem::path given = make_temp_dir();
  std::filesystem::path made;
  {
    const StageUnderTest a = plugin.create();
    const StageUnderTest b = plugin.create();
    CHECK(a.output_dir() != b.output_dir());
    CHECK(std::filesystem::is_directory(a.output_dir()));
    made = a.output_dir();
    StageOptions options;
    options.output_dir = given;
    CHECK(plugin.create({}, options).output_dir() == given);
    StageUnderTest moved = std::move(const_cast<StageUnderTest&>(a));
    CHECK(std::filesystem::is_directory(made));  // a move keeps the folder alive
  }
  if (!std::getenv("DOCPIPE_TESTKIT_KEEP")) CHECK_FALSE(std::filesystem::exists(made));
  CHECK(std::filesystem::is_directory(given));
  std::filesystem::remove_all(given);
}
