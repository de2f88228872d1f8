#include <catch2/catch.hpp>

#include <string>

#include "sentence_splitter.hpp"

using number_extract::split_sentences;

TEST_CASE("sentences: split at full stops and line breaks, spaces trimmed", "[number-extract][sentences]") {
  const std::string text = "一、回顾 \n地区生产总值增长6%。 固定资产投资增长8%！最后一句";
  auto s = split_sentences(text);
  REQUIRE(s.size() == 4);
  CHECK(s[0].of(text) == "一、回顾");
  CHECK(s[1].of(text) == "地区生产总值增长6%。");
  CHECK(s[2].of(text) == "固定资产投资增长8%！");
  CHECK(s[3].of(text) == "最后一句");
}

TEST_CASE("sentences: a closing quote stays with its sentence; no empty sentences", "[number-extract][sentences]") {
  const std::string text = "他说“好。”\n\n\n下一句。";
  auto s = split_sentences(text);
  REQUIRE(s.size() == 2);
  CHECK(s[0].of(text) == "他说“好。”");
  CHECK(split_sentences("").empty());
  CHECK(split_sentences(" \n ").empty());
}

TEST_CASE("sentences: malformed bytes next to terminators split as a decoder would", "[number-extract][sentences]") {
  // A lost lead byte (\xE4 then a line break) and a cut-off 。 (\xE3\x80) must not hide the
  // terminators after them: the splitter looks at bytes, skipping whole characters only when valid.
  const std::string text = "增长6%\xE4\n第二句\xE3\x80。第三句";
  auto s = split_sentences(text);
  REQUIRE(s.size() == 3);
  CHECK(s[0].of(text) == "增长6%\xE4");
  CHECK(s[1].of(text) == "第二句\xE3\x80。");
  CHECK(s[2].of(text) == "第三句");
}
