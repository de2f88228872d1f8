#include <catch2/catch.hpp>

#include "marker_finder.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;

TEST_CASE("markers follow a word; list numbers and years do not count") {
  const std::string text = "“雙減”(6)工作,“瞪羚”企業（14）,清单 [2]进口。\n(1)第一项；（2）第二项：(3)第三项(2025)";
  auto ms = find_markers(text, {0, text.size()}, 100);
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].number == 6);
  CHECK(ms[0].span.of(text) == "(6)");
  CHECK(ms[1].number == 14);
  CHECK(ms[2].span.of(text) == "[2]");
}

TEST_CASE("full-width and tortoise-shell brackets") {
  const std::string text = "清单［4］进口，旅游公路〔6〕建设";
  auto ms = find_markers(text, {0, text.size()}, 100);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].number == 4);
  CHECK(ms[1].span.of(text) == "〔6〕");
}

TEST_CASE("numbers above the limit are ignored") {
  const std::string text = "工程(16)和项目(99)";
  auto ms = find_markers(text, {0, text.size()}, 20);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].number == 16);
}
