// Tests of the keyword matcher: list splitting, folding, overlap policies and malformed input.
#include <catch2/catch.hpp>

#include "keyword_matcher.hpp"

using keyword_tag::KeywordMatcher;
using keyword_tag::MatchMode;

namespace {
std::vector<std::string> matched(const KeywordMatcher& m, const std::string& text, MatchMode mode) {
  std::vector<std::string> out;
  for (const auto& k : m.find(text, mode)) out.push_back(text.substr(k.begin, k.end - k.begin));
  return out;
}
}  // namespace

TEST_CASE("keyword lists split on ASCII and Chinese separators, trimmed, without repeats") {
  CHECK(keyword_tag::split_keyword_list("高质量发展，营商环境、 乡村振兴 ;GDP\n新质生产力,,高质量发展") ==
        std::vector<std::string>{"高质量发展", "营商环境", "乡村振兴", "GDP", "新质生产力"});
  CHECK(keyword_tag::split_keyword_list("\u3000放管服\u3000") == std::vector<std::string>{"放管服"});
  CHECK(keyword_tag::split_keyword_list(" , ，、").empty());
}

TEST_CASE("an empty keyword list is refused") {
  CHECK_THROWS_AS(KeywordMatcher({}, true), std::invalid_argument);
}

TEST_CASE("longest mode takes the leftmost-longest match and does not overlap") {
  KeywordMatcher m({"高质量", "高质量发展", "发展"}, true);
  CHECK(matched(m, "推动高质量发展，促进发展", MatchMode::longest) == std::vector<std::string>{"高质量发展", "发展"});
  CHECK(matched(m, "推动高质量发展，促进发展", MatchMode::all) ==
        std::vector<std::string>{"高质量", "高质量发展", "发展", "发展"});
}

TEST_CASE("full-width Latin, digits and case fold onto the configured spelling") {
  KeywordMatcher m({"5G", "GDP"}, true);
  const std::string text = "新建５Ｇ基站，ｇｄｐ增长，gdp与GdP";
  const auto found = m.find(text, MatchMode::longest);
  REQUIRE(found.size() == 4);
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "５Ｇ");
  CHECK(found[0].keyword == 0);
  for (std::size_t i = 1; i < 4; ++i) CHECK(found[i].keyword == 1);
  KeywordMatcher exact_case({"GDP"}, false);
  CHECK(matched(exact_case, "gdp GDP ＧＤＰ", MatchMode::longest) == std::vector<std::string>{"GDP", "ＧＤＰ"});
}

TEST_CASE("matches start and end on code point boundaries and malformed bytes never match") {
  KeywordMatcher m({"发展"}, true);
  // 发 is E5 8F 91: a text with a stray lead byte before it and a truncated copy after it.
  const std::string text = std::string("\xE5") + "发展" + "\xE5\x8F" + "发展";
  const auto found = m.find(text, MatchMode::all);
  REQUIRE(found.size() == 2);
  CHECK(found[0].begin == 1);
  CHECK(found[1].begin == 1 + 6 + 2);
  CHECK(m.find("\xFF\xFE\xE5\x8F", MatchMode::all).empty());
}

TEST_CASE("two keywords that fold alike count as the first one configured") {
  KeywordMatcher m({"ＧＤＰ", "GDP"}, true);
  const auto found = m.find("GDP", MatchMode::all);
  REQUIRE(found.size() == 1);
  CHECK(m.keywords()[found[0].keyword] == "ＧＤＰ");
}
