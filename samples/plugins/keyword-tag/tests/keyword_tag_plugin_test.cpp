// The built plugin, loaded through the engine's loader by the SDK's test kit.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "docpipe/testkit/testkit.hpp"

using namespace docpipe::testkit;

TEST_CASE("keyword-tag keeps the plugin contract (conformance)") {
  const ConformanceReport report = require_conformance(DOCPIPE_PLUGIN_FILE);
  CHECK(report.ok());
}

TEST_CASE("keyword-tag tags the configured keywords through the plugin boundary") {
  const PluginUnderTest plugin = PluginUnderTest::load(DOCPIPE_PLUGIN_FILE);
  CHECK(plugin.descriptor().name == "keyword-tag");
  StageUnderTest stage = plugin.create({{"keywords", "营商环境、放管服"}, {"type", "policy"}});
  docpipe::Document doc = document_from_bytes("深化“放管服”改革，持续优化营商环境。");
  stage.run(doc);
  CHECK_THAT(doc, HasAnnotation("policy").onText("放管服").from("keyword-tag"));
  CHECK_THAT(doc, HasAnnotation("policy").onText("营商环境"));
  CHECK_THAT(doc, !HasAnnotation("keyword"));
  REQUIRE(doc.provenance.size() == 1);
  CHECK(doc.provenance[0].plugin == "keyword-tag");
}

TEST_CASE("keyword-tag's parameters are validated like a pipeline config") {
  const PluginUnderTest plugin = PluginUnderTest::load(DOCPIPE_PLUGIN_FILE);
  CHECK_THROWS_WITH(plugin.create({{"overlaps", "some"}}), Catch::Contains("expected one of longest, all"));
  CHECK_THROWS_WITH(plugin.create({{"no-such", "1"}}), Catch::Contains("unknown parameter 'no-such'"));
  // Valid for the schema, refused by the stage: the failure comes back as a message, not a crash.
  CHECK_THROWS_WITH(plugin.create({{"keywords", "，、"}}), Catch::Contains("keyword list is empty"));
}

#ifdef DOCPIPE_SHARED_DIR
TEST_CASE("in every-occurrence mode, the count of a keyword equals a plain substring count on real reports") {
  const std::filesystem::path dir = std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports";
  if (!std::filesystem::is_directory(dir)) {
    WARN("no corpus at " << dir.string());
    return;
  }
  const PluginUnderTest plugin = PluginUnderTest::load(DOCPIPE_PLUGIN_FILE);
  // CJK-only keywords: no folding applies, so std::string::find is an independent count.
  const std::vector<std::string> words = {"高质量发展", "营商环境", "乡村振兴"};
  StageUnderTest stage = plugin.create({{"keywords", "高质量发展,营商环境,乡村振兴"}, {"overlaps", "all"}});
  int files = 0;
  std::size_t total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    if (++files > 40) break;
    docpipe::Document doc = document_from_file(entry.path());
    if (doc.text.empty()) continue;
    stage.run(doc);
    CHECK_THAT(doc, HasValidSpans());
    for (const std::string& w : words) {
      std::size_t expected = 0;
      for (auto p = doc.text.find(w); p != std::string::npos; p = doc.text.find(w, p + 1)) ++expected;
      INFO(entry.path().filename().string() << " keyword " << w);
      CHECK_THAT(doc, HasAnnotation("keyword").withAttribute("keyword", w).times(expected).exactly());
      total += expected;
    }
  }
  CHECK(total > 0);  // the corpus does talk about these
}
#endif
