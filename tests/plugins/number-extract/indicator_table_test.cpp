#include <catch2/catch.hpp>

#include <stdexcept>

#include "folded_text.hpp"
#include "indicator_table.hpp"

using number_extract::IndicatorTable;

TEST_CASE("indicator table: the built-in table is embedded and matches both scripts", "[number-extract][table]") {
  const IndicatorTable& t = IndicatorTable::builtin();
  CHECK(t.size() > 100);
  CHECK(IndicatorTable::builtin_tsv().find("gdp\t") != std::string_view::npos);
  CHECK(t.lookup("地区生产总值") == "gdp");
  CHECK(t.lookup("地區生產總值") == "gdp");
  CHECK(t.lookup("社會消費品零售總額") == "retail_sales");
  CHECK(t.lookup("规上工业增加值") == "industrial_value_added");
  CHECK(t.lookup("城镇调查失业率") == "unemployment_rate");
  CHECK(t.lookup("农作物") == "");
  CHECK(t.lookup("地区 生产 总值") == "gdp");
}

TEST_CASE("indicator table: the longest contained pattern wins", "[number-extract][table]") {
  const IndicatorTable& t = IndicatorTable::builtin();
  CHECK(t.lookup("城镇居民人均可支配收入") == "urban_income");
  CHECK(t.lookup("农村居民人均可支配收入") == "rural_income");
  CHECK(t.lookup("全体居民人均可支配收入") == "resident_income");
  CHECK(t.lookup("人均地区生产总值") == "gdp_per_capita");
  CHECK(t.lookup("一般公共预算支出") == "budget_expenditure");
  CHECK(t.lookup("单位国内生产总值能耗") == "energy_intensity");
}

TEST_CASE("indicator table: `=` patterns match whole names only", "[number-extract][table]") {
  const IndicatorTable& t = IndicatorTable::builtin();
  CHECK(t.lookup("经济") == "gdp");
  CHECK(t.lookup("經濟") == "gdp");
  CHECK(t.lookup("民营经济") == "");
  CHECK(t.lookup("服务业增加值") == "tertiary_industry_value_added");
  CHECK(t.lookup("信息技术服务业增加值") == "");
  CHECK(t.lookup("机电产品出口") == "");
  CHECK(t.lookup("出口") == "exports");
  CHECK(t.lookup("数字经济核心产业增加值占比") == "digital_economy_share");
}

TEST_CASE("indicator table: users add ids and patterns; bad lines are reported", "[number-extract][table]") {
  IndicatorTable t = IndicatorTable::builtin();
  t.add_tsv("# my table\n\nsilk_output\t蚕茧产量\t蠶繭產量\r\ngdp\t经济规模\n", "mine.tsv");
  CHECK(t.lookup("全市蠶繭產量") == "silk_output");
  CHECK(t.lookup("经济规模") == "gdp");
  CHECK(t.lookup("地区生产总值") == "gdp");
  try {
    t.add_tsv("ok\tpattern\nbroken_line_without_patterns\n", "bad.tsv");
    FAIL("a line without patterns must be rejected");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("bad.tsv:2") != std::string::npos);
  }
}

TEST_CASE("indicator table: a folded name gives what its UTF-8 form gives", "[number-extract][table]") {
  const auto& table = number_extract::IndicatorTable::builtin();
  // The extractor looks names up by their folded code points (no UTF-8 round trip); both forms,
  // traditional script and scattered spaces included, must agree.
  for (const char* name : {"地區生產總值", "地区 生产总值", "城鎮居民人均可支配收入", "社会消费品零售总额", "不是指标的名字", ""}) {
    INFO(name);
    CHECK(table.lookup(std::u32string_view(number_extract::fold_utf8(name))) == table.lookup(std::string_view(name)));
  }
  CHECK(table.lookup(std::u32string_view(number_extract::fold_utf8("地區生產總值"))) == "gdp");
}

TEST_CASE("indicator table: a combined word is not its part", "[number-extract][table]") {
  const auto& t = number_extract::IndicatorTable::builtin();
  CHECK(t.lookup("工农业总产值") == "");
  CHECK(t.lookup("农业总产值") == "agricultural_output");
  CHECK(t.lookup("全省农业总产值") == "agricultural_output");
  CHECK(t.lookup("金融机构存贷款余额") == "");
  CHECK(t.lookup("金融机构贷款余额") == "loans");
  CHECK(t.lookup("進出口總額") == "trade");
}

TEST_CASE("indicator table: ids that are ratios by their own patterns", "[number-extract][table]") {
  const auto& t = number_extract::IndicatorTable::builtin();
  CHECK(t.is_ratio("good_air_days"));
  CHECK(t.is_ratio("unemployment_rate"));
  CHECK_FALSE(t.is_ratio("industrial_value_added"));
  CHECK_FALSE(t.is_ratio("gdp"));
}
