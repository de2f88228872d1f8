// Bounds and ranges beyond the plain `以上` / `超过` words: 及以上, spaced comparisons, A和B之间,
// 比X大; discounts with tenths and spaces; spaced percentage points; web addresses left unread.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract_helpers.hpp"

using number_extract_test::one;
using number_extract_test::scan;

TEST_CASE("scanner: 及以上 and 或者以上 close a bound; spaced suffixes", "[number-extract][scanner]") {
  // city_chengdu_2025, prov_jilin_2023 write these.
  auto m = one("65岁及以上老年人");
  CHECK(m.qualifier == "at_least");
  CHECK(m.text == "65岁及以上");
  CHECK(one("5000万元及以上").qualifier == "at_least");
  CHECK(one("五类及以下").qualifier == "at_most");
  CHECK(one("三十或者以上").qualifier == "at_least");
  CHECK(one("15% 以内").qualifier == "at_most");
}

TEST_CASE("scanner: spaced comparison words bound; a lone sign only when adjacent", "[number-extract][scanner]") {
  auto m = one("找出 小于 或 等于100 的质数");
  CHECK(m.qualifier == "at_most");
  CHECK(m.text == "小于 或 等于100");
  CHECK(one("< = 100").qualifier == "at_most");
  CHECK(one(">100").qualifier == "at_least");
  // national_2008_gbkscrape: `<U+00A0> 2` is a page number after an HTML leftover, not a bound.
  CHECK(one("<U+00A0> 2<U+00A0>").qualifier.empty());
}

TEST_CASE("scanner: A和B之间 and A到B are ranges; 和 alone is a list", "[number-extract][scanner]") {
  auto m = one("这个数字是位于20和30之间的");
  CHECK(m.qualifier == "range");
  CHECK(m.value == 20);
  CHECK(m.value_high == 30);
  CHECK(m.text == "位于20和30之间");
  CHECK(one("10000与20000间").value_high == 20000);
  auto ranks = one("他的排名在第十和第十五之间");
  CHECK(ranks.kind == "ordinal");
  CHECK(ranks.value_high == 15);
  CHECK(ranks.text == "在第十和第十五之间");
  CHECK(scan("第十和第十五届").size() == 2);  // no 之间: two ordinals
  CHECK(one("请给我一到五个苹果").value_high == 5);
  CHECK(one("这些苹果大概有20 - 100个").value_high == 100);
  // A list, not a range (the indicator extractor pairs it with its names).
  CHECK(scan("分别增长6.6%和7%").size() == 2);
  CHECK(scan("统一到位").empty());
}

TEST_CASE("scanner: comparisons with 比 bound the figure", "[number-extract][scanner]") {
  auto m = one("他的年龄比三十大一些");
  CHECK(m.qualifier == "at_least");
  CHECK(m.text == "比三十大");
  CHECK(one("小明的身高比 170 低").qualifier == "at_most");
  // 比 before a year compares with that year: no bound.
  CHECK(one("比2020年增长").qualifier.empty());
}

TEST_CASE("scanner: discounts with tenths and spaces, spaced percentage points", "[number-extract][scanner]") {
  // city_quanzhou_2023: 超七成五财力投向民生.
  CHECK(one("七成五财力").value == 75);
  CHECK(one("七成 六").value == 76);
  CHECK(one("陆 点 五 折").value == Approx(65));
  CHECK(one("十 成").value == 100);
  CHECK(one("九 九 折").value == 99);
  CHECK(scan("成为七成").size() == 1);
  auto m = one("六   个 百 分点");
  CHECK(m.kind == "percentage_point");
  CHECK(m.value == 6);
  CHECK(one("一 百 五 十 个 百 分 点").value == 150);
}

TEST_CASE("scanner: the digits of a web address are no figures", "[number-extract][scanner]") {
  CHECK(scan("http://www.gov.cn/zfgb/2025/1366/content_123.htm").empty());
  CHECK(scan("www.test.com/search?q=30%25%2020%").empty());
  // The figure after the address is read again.
  CHECK(one("见http://a.cn/1/2 增长5%").value == 5);
}
