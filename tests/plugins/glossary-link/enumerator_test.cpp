#include <catch2/catch.hpp>

#include "enumerator.hpp"

using namespace docpipe::glossary_link;

TEST_CASE("enumerators in every style") {
  auto e = read_enumerator("12.“雙減”:", 0);
  REQUIRE(e);
  CHECK(e->number == 12);
  CHECK(e->style == NumberStyle::dotted);
  CHECK(e->span.end == 3);
  CHECK(read_enumerator("3、招商", 0)->number == 3);
  CHECK(read_enumerator("４．", 0)->number == 4);
  CHECK(read_enumerator("（48）“枫桥经验”", 0)->style == NumberStyle::parenthesized);
  CHECK(read_enumerator("[39]持续", 0)->style == NumberStyle::bracketed);
  CHECK(read_enumerator("【7】", 0)->number == 7);
}

TEST_CASE("things that are not enumerators") {
  CHECK_FALSE(read_enumerator("18.5cm", 0));
  CHECK(read_enumerator("6.5项工作", 0, true)->number == 6);
  CHECK_FALSE(read_enumerator("2019年", 0));
  CHECK_FALSE(read_enumerator("1234.", 0));
  CHECK_FALSE(read_enumerator("0.", 0));
  CHECK_FALSE(read_enumerator("(試行)", 0));
  CHECK_FALSE(read_marker("12.", 0));
  CHECK(read_marker("(14),", 0)->number == 14);
}
