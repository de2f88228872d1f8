// Fractions (slash, mixed with 又, spaced 分 之), per-base percents (万分之, 百万分之), scientific
// notation and powers: what they read, and the look-alikes in reports that must stay unread.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "extract_helpers.hpp"

using number_extract_test::one;
using number_extract_test::scan;

TEST_CASE("scanner: slash fractions with their bounds, not paths, dates or codes", "[number-extract][scanner]") {
  // prov_guangdong_2024, city_dongguan_2026, city_zhengzhou_2024 write shares this way.
  auto m = one("占全国1/7，");
  CHECK(m.kind == "fraction");
  CHECK(m.text == "1/7");
  CHECK(m.value == Approx(1.0 / 7));
  m = one("典型村占比超1/3，");
  CHECK(m.qualifier == "at_least");
  CHECK(m.text == "超1/3");
  CHECK(one("力争1/3左右开发区").qualifier == "about");
  CHECK(one("３／５").value == Approx(0.6));
  CHECK(one("1 4/3的美梦").value == Approx(1 + 4.0 / 3));
  CHECK(one("-3/2").value == Approx(-1.5));
  // Not fractions.
  for (const char* text : {"http://www.gov.cn/art/2025/1/14/art_1.html", "国道318/317", "2024/1/24", "PM2/3"})
    for (const auto& mention : scan(text)) CHECK(mention.kind != "fraction");
}

TEST_CASE("scanner: Chinese fractions, mixed with 又, spaced, signed and bounded", "[number-extract][scanner]") {
  CHECK(one("三百五又三分之一").value == Approx(350 + 1.0 / 3));
  CHECK(one("3又一千分之23").value == Approx(3.023));
  CHECK(one("负一又二分之一").value == Approx(-1.5));
  CHECK(one("负３分之负一百五十七").value == Approx(157.0 / 3));
  CHECK(one("五 分之 一").value == Approx(0.2));
  CHECK(one("二分 之一").value == Approx(0.5));
  auto m = one("占三分之一以上");
  CHECK(m.qualifier == "at_least");
  CHECK(m.text == "三分之一以上");
  // 又 as "again" between counts is no mixed number.
  CHECK(scan("一年又一年").size() <= 2);
  for (const auto& mention : scan("一年又一年")) CHECK(mention.kind != "fraction");
}

TEST_CASE("scanner: per-base percents 万分之, 百万分之, and a thousands suffix", "[number-extract][scanner]") {
  auto m = one("万分之三");
  CHECK(m.kind == "percent");
  CHECK(m.value == Approx(0.03));
  CHECK(one("百万分之五").value == Approx(0.0005));
  CHECK(one("千万分之六").value == Approx(6e-5));
  CHECK(one("百 分 之2.4").value == Approx(2.4));
  CHECK(one("百分之15K").value == Approx(15000));
  // 千万 and 万分 are words when no 分之 follows.
  CHECK(scan("千万不要").empty());
  CHECK(scan("万分感谢").empty());
}

TEST_CASE("scanner: scientific notation and powers standing alone, not inside codes", "[number-extract][scanner]") {
  CHECK(one("2e5").value == Approx(200000));
  CHECK(one("-12e-1").value == Approx(-1.2));
  CHECK(one("12.32e+14").value == Approx(1.232e15));
  CHECK(one("２.７８９０e－１").value == Approx(0.2789));
  CHECK(one("2^-1").value == Approx(0.5));
  CHECK(one("-1.1^+23").value == Approx(-8.95430243255239));
  CHECK(one(".5").value == Approx(0.5));
  CHECK(one("-.5").value == Approx(-0.5));
  // A UUID in a scraped URL (city_shijiazhuang_2025): 80e5 and 49e7 are hex groups.
  for (const auto& mention : scan("a569b-80e5-43b6-7dc4-49e7-89f1")) CHECK(mention.value != Approx(8000000));
  CHECK(scan("a569b-80e5-43b6").size() <= 1);
  // Dotted sequences are integers, not decimals with a stray dot.
  auto parts = scan("2222.2222.22222.222");
  REQUIRE(parts.size() == 4);
  CHECK(parts[0].value == 2222);
  CHECK(parts[3].value == 222);
  // No sign after a dash.
  CHECK(one("－－9").value == 9);
  // Out of a double's range: no mention with an infinite value (the JSON export could not write it).
  const std::string digits(400, '9');
  for (const std::string& text : {std::string("1e999"), std::string("2^99999"), digits + "元", digits})
    for (const auto& mention : scan(text)) CHECK(std::isfinite(mention.value));
}

TEST_CASE("scanner: small spec forms that reports never contradict", "[number-extract][scanner]") {
  CHECK(one("百三").value == 130);
  CHECK(one("零十").value == 10);
  // “千百十”工程 (city_xiangtan_2024) and 千亿级 stay words.
  CHECK(scan("“千百十”工程").empty());
  auto m = scan("二百五, 还有二分之。");
  REQUIRE(m.size() == 2);
  CHECK(m[1].value == 2);
  auto btc = one("我有20个比特币");
  CHECK(btc.kind == "money");
  CHECK(btc.unit == "BTC");
  CHECK(one("打对折").value == 50);
  CHECK(scan("对折").empty());
  // 二三十: a rough span, nothing read (not 十 alone).
  CHECK(scan("二三十个百分点").empty());
  CHECK(scan("百分之二三十").empty());
  // Spaced digits are not joined, and the last one alone is no 20% discount.
  for (const auto& mention : scan("7 2 折")) CHECK(mention.kind != "percent");
}
