#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract_helpers.hpp"

using namespace number_extract;
using number_extract_test::facts;

TEST_CASE("indicators: name, growth, qualifier, status and period", "[number-extract][indicators]") {
  auto f = facts("主要预期目标是：地区生产总值增长7%左右，固定资产投资增长8%以上。");
  REQUIRE(f.size() == 2);
  CHECK(f[0].name == "地区生产总值");
  CHECK(f[0].canonical == "gdp");
  CHECK(f[0].measure == "growth");
  CHECK(f[0].value == 7);
  CHECK(f[0].unit == "%");
  CHECK(f[0].qualifier == "about");
  CHECK(f[0].status == "target");
  CHECK(f[0].period == 2024);
  CHECK(f[1].canonical == "fixed_asset_investment");
  CHECK(f[1].qualifier == "at_least");
}

TEST_CASE("indicators: a qualifier written once after a list holds for all of it", "[number-extract][indicators]") {
  auto f = facts("第一、第二、第三产业增加值分别增长6%、8%、5%左右。");
  REQUIRE(f.size() == 3);
  CHECK(f[0].canonical == "primary_industry_value_added");
  CHECK(f[1].canonical == "secondary_industry_value_added");
  CHECK(f[2].canonical == "tertiary_industry_value_added");
  CHECK(f[1].value == 8);
  for (auto& i : f) CHECK(i.qualifier == "about");
}

TEST_CASE("indicators: a list of bare ordinals shares the noun of its last member", "[number-extract][indicators]") {
  auto f = facts("一、二、三产业增加值分别增长4%、5.3%、3.4%。", {"actual", 2024});
  REQUIRE(f.size() == 3);
  CHECK(f[0].canonical == "primary_industry_value_added");
  CHECK(f[1].canonical == "secondary_industry_value_added");
  CHECK(f[1].value == Approx(5.3));
  CHECK(f[2].canonical == "tertiary_industry_value_added");
}

TEST_CASE("indicators: lists of names pair with lists of figures", "[number-extract][indicators]") {
  auto f = facts("城鎮及農村居民人均可支配收入增速分別達到6.6%和7%。");
  REQUIRE(f.size() == 2);
  CHECK(f[0].name == "城鎮居民人均可支配收入");
  CHECK(f[0].canonical == "urban_income");
  CHECK(f[0].measure == "growth");
  CHECK(f[0].value == Approx(6.6));
  CHECK(f[1].canonical == "rural_income");
  CHECK(f[1].value == 7);

  f = facts("一般公共預算收入、支出均增長3%以上。");
  REQUIRE(f.size() == 2);
  CHECK(f[0].canonical == "budget_revenue");
  CHECK(f[1].name == "一般公共預算支出");
  CHECK(f[1].canonical == "budget_expenditure");
  for (auto& i : f) CHECK((i.value == 3 && i.qualifier == "at_least"));

  f = facts("城乡居民人均可支配收入分别增长7%和9%。");
  REQUIRE(f.size() == 2);
  CHECK(f[0].canonical == "urban_income");
  CHECK(f[1].canonical == "rural_income");
}

TEST_CASE("indicators: levels, rates and decreases", "[number-extract][indicators]") {
  auto f = facts("城鎮新增就業5.8萬人，城鎮調查失業率5.5%左右，單位GDP能耗下降3%。");
  REQUIRE(f.size() == 3);
  CHECK(f[0].canonical == "new_urban_jobs");
  CHECK(f[0].measure == "level");
  CHECK(f[0].value == 58000);
  CHECK(f[0].unit == "人");
  CHECK(f[1].canonical == "unemployment_rate");
  CHECK(f[1].measure == "rate");
  CHECK(f[1].value == Approx(5.5));
  CHECK(f[2].canonical == "energy_intensity");
  CHECK(f[2].measure == "growth");
  CHECK(f[2].value == -3);
  // An intensity the table does not know is still no GDP figure.
  f = facts("单位GDP水耗下降4%。");
  REQUIRE(f.size() == 1);
  CHECK(f[0].canonical == "");
  CHECK(f[0].value == -4);
}

TEST_CASE("indicators: a clause without a name continues the previous one", "[number-extract][indicators]") {
  auto f = facts("預計全年地區生產總值完成341.7億元,增長6.4%。", {"estimate", 2023});
  REQUIRE(f.size() == 2);
  CHECK(f[0].measure == "level");
  CHECK(f[0].value == Approx(34170000000.0));
  CHECK(f[0].unit == "CNY");
  CHECK(f[1].name == "地區生產總值");
  CHECK(f[1].measure == "growth");
  CHECK(f[1].value == Approx(6.4));
  CHECK(f[1].status == "estimate");
  CHECK(f[1].period == 2023);
}

TEST_CASE("indicators: a stretch target continues the name and the measure", "[number-extract][indicators]") {
  auto f = facts("地区生产总值增长7.5%，力争达到8%；单位GDP能耗下降3%，力争4%。");
  REQUIRE(f.size() == 4);
  CHECK(f[1].canonical == "gdp");
  CHECK(f[1].measure == "growth");
  CHECK(f[1].value == 8);
  CHECK(f[3].canonical == "energy_intensity");
  CHECK(f[3].value == -4);
}

TEST_CASE("indicators: a clause that starts inside a quotation loses the quoted tail", "[number-extract][indicators]") {
  auto f = facts("推出“惠蓉贷”普惠信贷规模超1600亿元。", {"actual", 2024});
  REQUIRE(f.size() == 1);
  CHECK(f[0].name == "普惠信贷规模");
  CHECK(f[0].value == 1.6e11);
  CHECK(f[0].qualifier == "at_least");
}

TEST_CASE("indicators: ranges and verb-first clauses", "[number-extract][indicators]") {
  auto f = facts("地区生产总值增长5%—5.5%。");
  REQUIRE(f.size() == 1);
  CHECK(f[0].qualifier == "range");
  CHECK(f[0].value == 5);
  CHECK(f[0].value_high.value_or(0) == Approx(5.5));
  f = facts("完成地区生产总值1633亿元、增长7%。", {"actual", 2021});
  REQUIRE(f.size() == 2);
  CHECK(f[0].canonical == "gdp");
  CHECK(f[0].value == 1633e8);
  CHECK(f[1].canonical == "gdp");
}

TEST_CASE("indicators: counts of unnamed things are not indicators", "[number-extract][indicators]") {
  CHECK(facts("组建26个招商专班，举办推介会9次。").empty());
  CHECK(facts("2023年是全面贯彻党的二十大精神的开局之年。").empty());
  CHECK(facts("总量达到1500亿元。").empty());
  CHECK(facts("全社会研发经费投入连续9年保持两位数增长。").empty());
  // A generic word continues the name before it.
  auto f = facts("社会消费品零售总额增长7%，总量达到1500亿元。", {"actual", 2023});
  REQUIRE(f.size() == 2);
  CHECK(f[1].canonical == "retail_sales");
  CHECK(f[1].measure == "level");
}
