// The section-split plugin through the real loader and plugin boundary (sdk/testkit): the SDK
// contract, the same result as the core library, and the effect of its parameters.
#include <catch2/catch.hpp>

#include <filesystem>

#include "docpipe/testkit/conformance_catch.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"

#include "outline.hpp"
#include "section_splitter.hpp"

using namespace docpipe;
using namespace docpipe::testkit;

namespace {
const std::filesystem::path kPlugin = std::filesystem::path(DOCPIPE_PLUGIN_DIR) / "section-split.so";

Document document(const std::string& path) {
  Document d = section_split_test::document_from(path);
  d.encoding.name = "UTF-8";
  d.source_map = SourceMap::identity(d.text.size());
  return d;
}
const std::string seed = std::string(DOCPIPE_SHARED_DIR) + "/seed/000_dbdc0dc46ac71758.txt";
const std::string yibin = std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports/city_yibin_2025.txt";
}  // namespace

TEST_CASE("section-split keeps the plugin contract") { require_conformance(kPlugin); }

TEST_CASE("through the plugin boundary the seed splits as the core library splits it") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  StageUnderTest stage = plugin.create();
  Document through_plugin = document(seed);
  stage.run(through_plugin);
  Document direct = document(seed);
  section_split::split_document(direct);
  CHECK(section_split_test::outline(through_plugin) == section_split_test::outline(direct));
  CHECK(through_plugin.paragraphs.size() == direct.paragraphs.size());
  CHECK(through_plugin.sentences.size() == direct.sentences.size());
  CHECK(through_plugin.text == direct.text);  // not a repair stage
}

TEST_CASE("parameters: sentences off, unlabeled part headings off") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  StageUnderTest quiet = plugin.create({{"sentences", "false"}});
  Document a = document(seed);
  quiet.run(a);
  CHECK(a.sentences.empty());
  CHECK(!a.paragraphs.empty());

  StageUnderTest framed = plugin.create();
  StageUnderTest flat = plugin.create({{"plain-headings", "false"}});
  Document with_frame = document(yibin);
  Document without_frame = document(yibin);
  framed.run(with_frame);
  flat.run(without_frame);
  auto top_level_unlabeled = [](const Document& d) {
    std::size_t n = 0;
    for (const auto& s : d.sections) n += s.parent < 0 && s.label.empty() && s.kind == "body";
    return n;
  };
  CHECK(top_level_unlabeled(with_frame) == 3);
  CHECK(top_level_unlabeled(without_frame) == 0);
}

TEST_CASE("a text with no heading gets paragraphs, sentences and an info diagnostic") {
  const PluginUnderTest plugin = PluginUnderTest::load(kPlugin);
  StageUnderTest stage = plugin.create();
  Document d;
  d.id = "plain";
  d.text = d.raw = "这是一段没有标题的文字。第二句话！\n第二段。\n";
  d.encoding.name = "UTF-8";
  d.source_map = SourceMap::identity(d.text.size());
  stage.run(d);
  CHECK(d.sections.empty());
  CHECK(d.paragraphs.size() == 2);
  CHECK(d.sentences.size() == 3);
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].code == "section-split-no-headings");
}
