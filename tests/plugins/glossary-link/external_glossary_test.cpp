#include <catch2/catch.hpp>

#include <filesystem>

#include "docpipe/atomic_file.hpp"
#include "external_glossary.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;

TEST_CASE("TSV: header, comments, aliases") {
  const std::string tsv =
      "term\tdefinition\taliases\n# policy terms\n\n双减\t减轻作业负担和校外培训负担\t雙減|“双减”政策\n千万工程\t千村示范、万村整治\n";
  auto es = parse_glossary_tsv(tsv, "terms.tsv");
  REQUIRE(es.size() == 2);
  CHECK(es[0].term == "双减");
  CHECK(es[0].aliases == std::vector<std::string>{"雙減", "“双减”政策"});
  CHECK(es[1].definition == "千村示范、万村整治");
  CHECK(es[1].aliases.empty());
  CHECK(es[1].origin == "terms.tsv");
  CHECK(es[1].number == 0);
  CHECK_THROWS_WITH(parse_glossary_tsv("\tno term\n", "x.tsv"), Catch::Contains("x.tsv:1"));
}

TEST_CASE("XML: attributes or children") {
  const std::string xml = R"(<glossary>
    <entry term="枫桥经验" aliases="楓橋經驗|枫桥式"><definition>依靠群众就地化解矛盾</definition></entry>
    <entry><term>两拖欠</term><definition>拖欠工程款和农民工工资</definition><alias>兩拖欠</alias></entry>
  </glossary>)";
  auto es = parse_glossary_xml(xml, "t.xml");
  REQUIRE(es.size() == 2);
  CHECK(es[0].aliases.size() == 2);
  CHECK(es[0].definition == "依靠群众就地化解矛盾");
  CHECK(es[1].term == "两拖欠");
  CHECK(es[1].aliases == std::vector<std::string>{"兩拖欠"});
  CHECK_THROWS(parse_glossary_xml("<glossary><entry>", "bad.xml"));
  CHECK_THROWS(parse_glossary_xml("<glossary><entry definition='x'/></glossary>", "bad.xml"));
}

TEST_CASE("load_external_glossary picks the format and reports unreadable files") {
  const auto dir = std::filesystem::temp_directory_path() / "glossary-link-test";
  write_file_atomically(dir / "a.tsv", "双减\t定义\n");
  write_file_atomically(dir / "b.txt", "<glossary><entry term='双减'/></glossary>");
  CHECK(load_external_glossary(dir / "a.tsv").size() == 1);
  CHECK(load_external_glossary(dir / "b.txt").size() == 1);
  CHECK_THROWS_WITH(load_external_glossary(dir / "missing.tsv"), Catch::Contains("missing.tsv"));
  std::filesystem::remove_all(dir);
}
