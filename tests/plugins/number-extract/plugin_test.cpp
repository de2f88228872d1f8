// number-extract through the real loader and plugin boundary (sdk/testkit): the SDK contract, the
// seed end to end, and the extra indicator table parameter.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "docpipe/testkit/conformance_catch.hpp"
#include "docpipe/testkit/documents.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"

using namespace docpipe::testkit;

namespace {
const std::filesystem::path kPlugin = std::filesystem::path(DOCPIPE_PLUGIN_DIR) / "number-extract.so";
const std::filesystem::path kSeed = std::filesystem::path(DOCPIPE_SHARED_DIR) / "seed/000_dbdc0dc46ac71758.txt";

const docpipe::Indicator* find(const docpipe::Document& doc, const std::string& canonical, const std::string& status,
                               const std::string& measure) {
  for (const auto& i : doc.indicators)
    if (i.canonical == canonical && i.status == status && i.measure == measure) return &i;
  return nullptr;
}
}  // namespace

TEST_CASE("number-extract keeps the plugin contract", "[number-extract][plugin]") { require_conformance(kPlugin); }

TEST_CASE("number-extract reads the seed's targets and results through the plugin boundary", "[number-extract][plugin]") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  CHECK(plugin.descriptor().kind == docpipe::StageKind::extract);
  StageUnderTest stage = plugin.create();
  docpipe::Document doc = document_from_file(kSeed);
  stage.run(doc);
  REQUIRE(stage.finish().ok);
  const auto* gdp_target = find(doc, "gdp", "target", "growth");
  REQUIRE(gdp_target);
  CHECK(gdp_target->value == 7);
  CHECK(gdp_target->qualifier == "about");
  CHECK(gdp_target->period == 2024);
  const auto* gdp_level = find(doc, "gdp", "estimate", "level");
  REQUIRE(gdp_level);
  CHECK(gdp_level->value == Approx(34170000000.0));
  CHECK(gdp_level->unit == "CNY");
  CHECK(gdp_level->period == 2023);
  CHECK(span_text(doc, gdp_level->span) == "341.7億元");
  CHECK(doc.numbers.size() > 200);
}

TEST_CASE("number-extract adds a user's indicator table; a missing one stops the stage", "[number-extract][plugin]") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  const auto dir = make_temp_dir("number-extract");
  std::ofstream(dir / "extra.tsv") << "tech_contracts\t技術合同成交額\t技术合同成交额\n";
  StageOptions options;
  options.config_dir = dir;
  StageUnderTest stage = plugin.create({{"indicator-table", "extra.tsv"}}, options);
  docpipe::Document doc = document_from_file(kSeed);
  stage.run(doc);
  bool found = false;
  for (const auto& i : doc.indicators) found = found || i.canonical == "tech_contracts";
  CHECK(found);
  CHECK(find(doc, "gdp", "target", "growth"));  // the built-in table still applies
  CHECK_THROWS_AS(plugin.create({{"indicator-table", "missing.tsv"}}, options), TestkitError);
}
