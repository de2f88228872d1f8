// The glossary-link plugin through the real loader and plugin boundary (sdk/testkit): the SDK
// contract, parameters, the external glossary and corpus mode across two worker instances.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "docpipe/atomic_file.hpp"
#include "docpipe/testkit/conformance_catch.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"

using namespace docpipe;
using namespace docpipe::testkit;

namespace {
const std::filesystem::path kPlugin = std::filesystem::path(DOCPIPE_PLUGIN_DIR) / "glossary-link.so";

Document document(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.raw = text;
  d.text = text;
  d.encoding.name = "UTF-8";
  d.source_map = SourceMap::identity(text.size());
  return d;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("glossary-link keeps the plugin contract") { require_conformance(kPlugin); }

TEST_CASE("external glossary relative to the config folder, corpus list merged across workers") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  const auto dir = std::filesystem::temp_directory_path() / "glossary-link-plugin-test";
  std::filesystem::remove_all(dir);
  write_file_atomically(dir / "config" / "policy.tsv", "新质生产力\t先进生产力\n");
  StageOptions options;
  options.config_dir = dir / "config";
  options.output_dir = dir / "out";
  options.workers = 2;
  const Params params{{"external-glossary", "policy.tsv"}, {"corpus-glossary", "terms.json"}};
  StageUnderTest first = plugin.create(params, options);
  options.worker = 1;
  StageUnderTest second = plugin.create(params, options);

  Document a = document("a", "发展新质生产力和“雙減”工作。\n名词解释\n1.“雙減”：减轻负担。\n");
  Document b = document("b", "落实“双减”。\n名词解释\n1.“双减”：减轻作业负担。\n2.千万工程：千村示范。\n");
  first.run(a);
  second.run(b);
  REQUIRE(a.glossary.entries.size() == 2);  // its own entry and the external one it uses
  CHECK(a.glossary.entries[1].origin == "policy.tsv");
  CHECK(b.glossary.entries.size() == 2);
  REQUIRE(first.finish().ok);
  REQUIRE(second.finish().ok);

  const std::string json = slurp(dir / "out" / "terms.json");
  CHECK(json.find(R"({"term": "千万工程", "definition": "千村示范。", "variants": [], "documents": ["b"]})") !=
        std::string::npos);
  CHECK(json.find(R"("variants": ["双减"], "documents": ["a", "b"])") != std::string::npos);
  CHECK(json.find("新质生产力") == std::string::npos);  // external terms are not the corpus's

  // A second run in the same process writes only its own documents.
  options.worker = 0;
  options.workers = 1;
  StageUnderTest again = plugin.create(params, options);
  Document c = document("c", "名词解释\n1.两拖欠：拖欠工程款。\n");
  again.run(c);
  REQUIRE(again.finish().ok);
  const std::string rerun = slurp(dir / "out" / "terms.json");
  CHECK(rerun.find("两拖欠") != std::string::npos);
  CHECK(rerun.find("千万工程") == std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a missing external glossary stops the stage with the path in the message") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  CHECK_THROWS_WITH(plugin.create({{"external-glossary", "/nonexistent/terms.tsv"}}),
                    Catch::Contains("/nonexistent/terms.tsv"));
}
