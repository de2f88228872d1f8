#include <catch2/catch.hpp>

#include "front_matter.hpp"

using section_split::read_front_matter;

TEST_CASE("front matter fields are read and the body starts after the closing line") {
  const std::string text = "---\nsource: https://example.org/a\ntitle: \"2024年某市政府工作报告\"\n---\n**政府工作报告**\n";
  auto fm = read_front_matter(text);
  REQUIRE(fm.present);
  CHECK(fm.fields.at("title") == "2024年某市政府工作报告");
  CHECK(fm.fields.at("source") == "https://example.org/a");
  CHECK(text.substr(fm.body_begin).rfind("**政府工作报告**", 0) == 0);
}

TEST_CASE("an empty front matter block and a rule in the middle of the text") {
  auto empty = read_front_matter("---\n---\n拉萨市市长\n");
  CHECK(empty.present);
  CHECK(empty.fields.empty());
  // a `---` rule that does not open the text is not front matter
  auto rule = read_front_matter("标题\n---\n正文\n---\n");
  CHECK_FALSE(rule.present);
  CHECK(rule.body_begin == 0);
  // an unclosed block is not front matter either
  CHECK_FALSE(read_front_matter("---\ntitle: x\n正文没有结束\n").present);
}
