#include <catch2/catch.hpp>

#include "corruption_generator.hpp"

using namespace encoding_repair::bench;

// The generator must reproduce the seed's damage byte for byte from the clean text.
TEST_CASE("the generator reproduces the seed's examples") {
  auto s = damage("活力。回車巷歷史", 2);
  REQUIRE(s);
  CHECK(s->damaged == "活力?;剀囅餁v史");
  CHECK(s->expected == "活力。回車巷歷史");
  CHECK(s->site == std::string("活力").size());
  s = damage("環保績效創A，", 1);
  REQUIRE(s);
  CHECK(s->damaged == "環??冃揂,");
  CHECK(s->expected == "環保績效創A,");
  s = damage("推廣去做”。“楓橋經驗”由此成為全國政法戰線的", 5);
  REQUIRE(s);
  CHECK(s->damaged == "推廣去做”?!皸鳂蚪涷灐庇纱顺蔀槿珖☉鹁€的");
}

TEST_CASE("an invalid trail either vanishes with its lead or becomes ?") {
  const auto vanish = damage("高地。”<b>", 2, InvalidPair::vanish);
  const auto mark = damage("高地。”<b>", 2, InvalidPair::question_mark);
  REQUIRE(vanish);
  REQUIRE(mark);
  CHECK(mark->damaged == "高地?!?b>");
  CHECK(vanish->damaged == "高地?!b>");
}

TEST_CASE("text without a GBK encoding cannot be damaged") {
  CHECK_FALSE(damage("emoji 😀 中", 0));
  CHECK_FALSE(damage("中文", 5));
}
