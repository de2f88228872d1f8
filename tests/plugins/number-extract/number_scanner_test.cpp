#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract_helpers.hpp"

using number_extract::FoldedText;
using number_extract::scan_numbers;
using number_extract_test::one;
using number_extract_test::scan;

TEST_CASE("scanner: money with scale words, in yuan and dollars", "[number-extract][scanner]") {
  auto m = one("完成341.7億元");
  CHECK(m.text == "341.7億元");
  CHECK(m.value == Approx(34170000000.0));
  CHECK(m.unit == "CNY");
  CHECK(m.kind == "money");
  m = one("實際利用外資1254萬美元");
  CHECK(m.value == 12540000);
  CHECK(m.unit == "USD");
  m = one("8亿元人民币");
  CHECK(m.text == "8亿元人民币");
  CHECK(m.unit == "CNY");
}

TEST_CASE("scanner: measures keep the unit as written, scale words multiplied out", "[number-extract][scanner]") {
  auto m = one("惠及1.35萬戶");
  CHECK(m.value == 13500);
  CHECK(m.unit == "戶");
  CHECK(m.kind == "measure");
  CHECK(one("9000畝").unit == "畝");
  CHECK(one("47微克/立方米").unit == "微克/立方米");
  CHECK(one("12.1公里").value == Approx(12.1));
  m = one("粮食产量250万吨");
  CHECK(m.value == 2500000);
  CHECK(m.unit == "吨");
  m = one("新增装机10万千瓦");
  CHECK(m.value == 100000);
  CHECK(m.unit == "千瓦");
}

TEST_CASE("scanner: percents and percentage points", "[number-extract][scanner]") {
  auto m = one("增长５.５％");
  CHECK(m.value == Approx(5.5));
  CHECK(m.unit == "%");
  CHECK(m.kind == "percent");
  m = one("提高1.5個百分點");
  CHECK(m.unit == "pp");
  CHECK(m.kind == "percentage_point");
  m = one("百分之五十");
  CHECK(m.value == 50);
  CHECK(m.unit == "%");
  CHECK(one("九成以上").value == 90);
}

TEST_CASE("scanner: ranges, approximations and bounds", "[number-extract][scanner]") {
  auto m = one("增长4.5%—5%");
  CHECK(m.value == Approx(4.5));
  REQUIRE(m.value_high);
  CHECK(*m.value_high == 5);
  CHECK(m.qualifier == "range");
  CHECK(m.unit == "%");
  m = one("3至5年");
  CHECK(m.value == 3);
  CHECK(m.value_high.value_or(0) == 5);
  CHECK(m.unit == "年");
  CHECK(one("250余種").qualifier == "at_least");
  CHECK(one("7%左右").qualifier == "about");
  CHECK(one("8%以上").qualifier == "at_least");
  CHECK(one("3%以內").qualifier == "at_most");
  CHECK(one("5%以下").qualifier == "at_most");
  m = one("超30億元");
  CHECK(m.text == "超30億元");
  CHECK(m.qualifier == "at_least");
  CHECK(m.value == 3e9);
  m = one("上万人");
  CHECK(m.value == 10000);
  CHECK(m.qualifier == "about");
}

TEST_CASE("scanner: Chinese numerals, fractions and negatives", "[number-extract][scanner]") {
  CHECK(one("已有八千年历史").value == 8000);
  CHECK(one("二十三").value == 23);
  CHECK(one("两百零五").value == 205);
  auto m = one("三分之一");
  CHECK(m.kind == "fraction");
  CHECK(m.value == Approx(1.0 / 3));
  CHECK(one("一点五").value == Approx(1.5));
  CHECK(one("零点三").value == Approx(0.3));
  m = one("负增长-2.5%");
  CHECK(m.value == Approx(-2.5));
}

TEST_CASE("scanner: years, dates and ordinals", "[number-extract][scanner]") {
  auto m = one("2024年1月24日在");
  CHECK(m.kind == "date");
  CHECK(m.text == "2024年1月24日");
  CHECK(m.value == 20240124);
  m = one("二〇二四年");
  CHECK(m.kind == "year");
  CHECK(m.value == 2024);
  m = one("2023年是");
  CHECK(m.kind == "year");
  m = one("2021—2025年");
  CHECK(m.kind == "year");
  CHECK(m.value_high.value_or(0) == 2025);
  m = one("第十一屆人民代表大會");
  CHECK(m.kind == "ordinal");
  CHECK(m.value == 11);
  // A house number is no day of the month.
  m = one("59號院");
  CHECK(m.kind == "measure");
  CHECK(m.unit == "號");
  // A number of years is a measure, not a year.
  m = one("用3年时间");
  CHECK(m.kind == "measure");
  CHECK(m.unit == "年");
}

TEST_CASE("scanner: names made of numerals are names, not quantities", "[number-extract][scanner]") {
  for (const char* text : {"黨的二十大精神", "“十四五”規劃", "長三角地区", "“100+10”", "一带一路", "12345熱線"}) {
    auto m = one(text);
    INFO(text);
    CHECK(m.kind == "name");
    CHECK(m.value == 0);
  }
}

TEST_CASE("scanner: labels, footnote markers, identifiers and words are no numbers", "[number-extract][scanner]") {
  for (const char* text : {"项目库(1)优质", "（一）加快发展", "1.推进改革", "一、工作回顾", "PM2.5平均浓度", "5G基站",
                           "一般公共预算", "进一步推进", "统一大市场", "一是抓项目", "千方百计", "登陆", "百姓",
                           "二三級醫院", "八五普法"}) {
    INFO(text);
    CHECK(scan(text).empty());
  }
}

TEST_CASE("scanner: mentions come in text order and do not overlap", "[number-extract][scanner]") {
  const std::string text = "2023年，地区生产总值完成341.7亿元，增长6.4%；城镇新增就业5.8万人，城镇调查失业率5.5%左右。";
  FoldedText t(text);
  auto all = scan_numbers(t);
  REQUIRE(all.size() == 5);
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].mention->span.end <= all[i].mention->span.begin);
  CHECK(all[3].mention->value == 58000);
  CHECK(all[3].mention->unit == "人");
}

TEST_CASE("scanner: values are the decimals the report wrote, without binary noise", "[number-extract][scanner]") {
  // Each of these came out one unit in the last place off (14719999999.999998) before rounding.
  CHECK(one("完成147.2億元").value == 14720000000.0);
  CHECK(one("參保率96.96%").value == 96.96);
  CHECK(one("下降2.87%").value == 2.87);  // the sign of a decrease belongs to the indicator
  CHECK(one("1.35萬戶").value == 13500.0);
}
