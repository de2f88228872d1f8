#include <catch2/catch.hpp>

#include <string>

#include "folded_text.hpp"
#include "numeral_parser.hpp"

using number_extract::FoldedText;
using number_extract::parse_numeral;

namespace {
// Value of the numeral at the start of s, and how many code points it took.
std::pair<double, std::size_t> read(const std::string& s) {
  FoldedText t(s);
  auto n = parse_numeral(t, 0);
  REQUIRE(n);
  return {n->value, n->end};
}
}  // namespace

TEST_CASE("numeral: Chinese numerals", "[number-extract][numeral]") {
  CHECK(read("二十三") == std::pair<double, std::size_t>{23, 3});
  CHECK(read("两百零五").first == 205);
  CHECK(read("八千年").first == 8000);
  CHECK(read("八千年").second == 2);
  CHECK(read("一千零五十").first == 1050);
  CHECK(read("四亿五千六百四十二万零一十五").first == 456420015);
  CHECK(read("肆佰陸拾").first == 460);
  CHECK(read("壹百零壹萬壹千").first == 1011000);
  CHECK(read("十五").first == 15);
}

TEST_CASE("numeral: a lone digit after a multiplier stands for the next lower place", "[number-extract][numeral]") {
  CHECK(read("一万三").first == 13000);
  CHECK(read("四百五").first == 450);
  CHECK(read("九十二万四").first == 924000);
  CHECK(read("两千三点一").first == Approx(2300.1));
}

TEST_CASE("numeral: Arabic numbers with scale words", "[number-extract][numeral]") {
  CHECK(read("341.7億元").first == Approx(34170000000.0));
  CHECK(read("341.7億元").second == 6);
  CHECK(read("1254萬美元").first == 12540000);
  CHECK(read("5万4千6百").first == 54600);
  CHECK(read("4.78万亿").first == Approx(4.78e12));
  CHECK(read("10万万").first == 1e9);
  CHECK(read("1,234.5").first == Approx(1234.5));
  CHECK(read("５.５％").first == Approx(5.5));
  CHECK(read("１,０５０,０００,０００").first == 1050000000);
}

TEST_CASE("numeral: decimals, digit strings and bounds", "[number-extract][numeral]") {
  CHECK(read("一点五").first == Approx(1.5));
  CHECK(read("零点三").first == Approx(0.3));
  CHECK(read("两千万点五五四四").first == Approx(20000000.5544));
  FoldedText year("二〇二四年");
  auto y = parse_numeral(year, 0);
  REQUIRE(y);
  CHECK(y->value == 2024);
  CHECK(y->digit_string);
  FoldedText approx("十多万");
  auto a = parse_numeral(approx, 0);
  REQUIRE(a);
  CHECK(a->value == 100000);
  CHECK(a->approximate);
}

TEST_CASE("numeral: a multiplier that starts a unit is left to the unit", "[number-extract][numeral]") {
  CHECK(read("10万千瓦").first == 100000);
  CHECK(read("10万千瓦").second == 3);
  CHECK(read("5百分点").second == 1);
}

TEST_CASE("numeral: what is not a numeral", "[number-extract][numeral]") {
  FoldedText wan("万人");
  CHECK_FALSE(parse_numeral(wan, 0));
  FoldedText letters("abc");
  CHECK_FALSE(parse_numeral(letters, 0));
  // Thousands separators need exactly three digits after the comma: 1,23 is two numbers.
  CHECK(read("1,23").second == 1);
}
