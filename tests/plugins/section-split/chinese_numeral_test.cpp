#include <catch2/catch.hpp>

#include "chinese_numeral.hpp"

using section_split::parse_any_number;
using section_split::parse_digit_year;
using section_split::parse_label_numeral;

TEST_CASE("label numerals read one to ninety-nine") {
  std::size_t len = 0;
  CHECK(parse_label_numeral("一、", len) == 1);
  CHECK(len == 3);
  CHECK(parse_label_numeral("十、", len) == 10);
  CHECK(parse_label_numeral("十二、", len) == 12);
  CHECK(len == 6);
  CHECK(parse_label_numeral("二十三）", len) == 23);
  CHECK(parse_label_numeral("九十九", len) == 99);
}

TEST_CASE("label numerals stop where the numeral stops, so 十四五 and 二〇 are no labels") {
  std::size_t len = 0;
  // `十四五` reads as 14 followed by 五: the caller then sees no `、` after the numeral
  CHECK(parse_label_numeral("十四五、", len) == 14);
  CHECK(len == 6);
  CHECK(parse_label_numeral("二二", len) == 2);
  CHECK(len == 3);
  CHECK(parse_label_numeral("〇一", len) == 0);
  CHECK(len == 0);
  CHECK(parse_label_numeral("年来", len) == 0);
}

TEST_CASE("digit-by-digit years") {
  std::size_t len = 0;
  CHECK(parse_digit_year("二〇二四年", len) == 2024);
  CHECK(len == 12);
  CHECK(parse_digit_year("一九九三年", len) == 1993);
  CHECK(parse_digit_year("二〇二", len) == 0);
}

TEST_CASE("any number: Arabic, full-width or Chinese") {
  std::size_t len = 0;
  CHECK(parse_any_number("24日", len) == 24);
  CHECK(len == 2);
  CHECK(parse_any_number("\xEF\xBC\x91\xEF\xBC\x92", len) == 12);  // １２
  CHECK(parse_any_number("二十四日", len) == 24);
  CHECK(parse_any_number("日", len) == -1);
}
