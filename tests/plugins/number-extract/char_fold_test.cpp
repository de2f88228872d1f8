#include <catch2/catch.hpp>

#include "char_fold.hpp"

using number_extract::fold;

TEST_CASE("fold: full-width ASCII becomes ASCII", "[number-extract][fold]") {
  CHECK(fold(U'５') == U'5');
  CHECK(fold(U'％') == U'%');
  CHECK(fold(U'，') == U',');
  CHECK(fold(U'．') == U'.');
  CHECK(fold(U'\u3000') == U' ');
}

TEST_CASE("fold: traditional numerals, scale words and units become simplified", "[number-extract][fold]") {
  CHECK(fold(U'億') == U'亿');
  CHECK(fold(U'萬') == U'万');
  CHECK(fold(U'兩') == U'两');
  CHECK(fold(U'個') == U'个');
  CHECK(fold(U'噸') == U'吨');
  CHECK(fold(U'畝') == U'亩');
  CHECK(fold(U'長') == U'长');
  CHECK(fold(U'點') == U'点');
}

TEST_CASE("fold: other characters are unchanged", "[number-extract][fold]") {
  CHECK(fold(U'a') == U'a');
  CHECK(fold(U'亿') == U'亿');
  CHECK(fold(U'〇') == U'〇');
  CHECK(fold(U'—') == U'—');
  CHECK(fold(char32_t(0x1F600)) == char32_t(0x1F600));
}
