// The indicator rules added while labelling twelve reports the extractor had not seen (issue #5):
// each case is a made-up sentence in the shape met in those reports.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract_helpers.hpp"
#include "report_context.hpp"

using namespace number_extract;
using number_extract_test::facts;

TEST_CASE("rules: a growth word that ends the name of a rate is part of the name", "[number-extract][indicators]") {
  auto f = facts("户籍人口自然增长率控制在9‰以内，人口自然增长率3％。");
  REQUIRE(f.size() == 2);
  CHECK(f[0].name == "户籍人口自然增长率");
  CHECK(f[0].canonical == "population_growth");
  CHECK(f[0].measure == "rate");
  CHECK(f[0].value == 9);
  CHECK(f[0].unit == "‰");
  CHECK(f[0].qualifier == "at_most");
  CHECK(f[1].name == "人口自然增长率");
  CHECK(f[1].measure == "rate");
  // A growth noun after an indicator name still makes growth.
  auto g = facts("地区生产总值增长率为6%。");
  REQUIRE(g.size() == 1);
  CHECK(g[0].canonical == "gdp");
  CHECK(g[0].measure == "growth");
}

TEST_CASE("rules: whole names joined by 和 are not rebuilt from each other", "[number-extract][indicators]") {
  auto f = facts("城镇居民人均可支配收入和农村居民人均纯收入均增长9%左右。");
  REQUIRE(f.size() == 2);
  CHECK(f[0].name == "城镇居民人均可支配收入");
  CHECK(f[0].canonical == "urban_income");
  CHECK(f[1].name == "农村居民人均纯收入");
  CHECK(f[1].canonical == "rural_income");
  for (auto& i : f) CHECK(i.qualifier == "about");
  // A short member is still rebuilt: 城镇、农村居民人均可支配收入.
  auto g = facts("城镇、农村居民人均可支配收入分别增长5%和7%。");
  REQUIRE(g.size() == 2);
  CHECK(g[0].name == "城镇居民人均可支配收入");
}

TEST_CASE("rules: 存贷款 with two figures gives deposits and loans, and the list continues", "[number-extract][indicators]") {
  auto f = facts("金融机构存贷款余额为1200亿元和900亿元，分别增长10.5%和8%。", {"actual", 2023});
  REQUIRE(f.size() == 4);
  CHECK(f[0].name == "金融机构存款余额");
  CHECK(f[0].canonical == "deposits");
  CHECK(f[0].value == Approx(1.2e11));
  CHECK(f[1].canonical == "loans");
  CHECK(f[2].canonical == "deposits");
  CHECK(f[2].measure == "growth");
  CHECK(f[2].value == Approx(10.5));
  CHECK(f[3].canonical == "loans");
  CHECK(f[3].value == 8);
  auto t = facts("金融機構存貸款餘額分別為30億元和20億元。", {"actual", 2023});
  REQUIRE(t.size() == 2);
  CHECK(t[1].name == "金融機構貸款餘額");
}

TEST_CASE("rules: a qualifier before the last figure of a list is its own", "[number-extract][indicators]") {
  auto f = facts("全市地区生产总值增长4.1%、约2.3万亿元。", {"actual", 2023});
  REQUIRE(f.size() == 2);
  CHECK(f[0].measure == "growth");
  CHECK(f[0].qualifier == "");
  CHECK(f[1].measure == "level");
  CHECK(f[1].value == Approx(2.3e12));
  CHECK(f[1].qualifier == "about");
  // A qualifier written after a list of figures of different units is not shared either.
  auto g = facts("一般公共预算收入增长3%、500亿元以上。", {"actual", 2023});
  REQUIRE(g.size() == 2);
  CHECK(g[0].qualifier == "");
  CHECK(g[1].qualifier == "at_least");
}

TEST_CASE("rules: 分别 over several figures does not continue a single earlier name", "[number-extract][indicators]") {
  auto f = facts("单位生产总值能耗下降3%，氨氮、氮氧化物排放量也出现下降，比上年分别下降2.1%和4.2%。", {"actual", 2023});
  REQUIRE(f.size() == 1);
  CHECK(f[0].canonical == "energy_intensity");
  CHECK(f[0].value == -3);
}

TEST_CASE("rules: one character before the verb names nothing; basis phrases are no part of a name", "[number-extract][indicators]") {
  auto f = facts("财政总收入完成500亿元（按可比口径，可达520亿元、增长12%），按可比口径实际利用外资15亿美元。", {"actual", 2023});
  REQUIRE(f.size() == 4);
  CHECK(f[1].canonical == "total_budget_revenue");
  CHECK(f[1].value == Approx(5.2e10));
  CHECK(f[2].canonical == "total_budget_revenue");
  CHECK(f[2].measure == "growth");
  CHECK(f[3].name == "实际利用外资");
  CHECK(f[3].canonical == "foreign_investment");
}

TEST_CASE("rules: growth by an amount is an increase in the figure's unit", "[number-extract][indicators]") {
  auto f = facts("城镇新增就业比上年增加1.2万人，社会消费品零售总额增长300亿元，粮食产量减少5万吨。", {"actual", 2023});
  REQUIRE(f.size() == 3);
  CHECK(f[0].canonical == "new_urban_jobs");
  CHECK(f[0].measure == "increase");
  CHECK(f[0].value == 12000);
  CHECK(f[0].unit == "人");
  CHECK(f[1].measure == "increase");
  CHECK(f[1].unit == "CNY");
  CHECK(f[2].canonical == "grain_output");
  CHECK(f[2].measure == "increase");
  CHECK(f[2].value == -50000);
  // Raised to a level is a level.
  auto g = facts("城镇新增就业提高到6万人。");
  REQUIRE(g.size() == 1);
  CHECK(g[0].measure == "level");
}

TEST_CASE("rules: preliminary statistics are results even with target words", "[number-extract][indicators]") {
  const std::string s = "初步统计，城镇登记失业率控制在4%以内。";
  FoldedText t(s);
  auto numbers = scan_numbers(t);
  std::vector<const ScannedNumber*> ptrs;
  for (auto& n : numbers) ptrs.push_back(&n);
  const SentenceContext c = sentence_context(t, 0, t.size(), U"", 2006, ptrs);
  CHECK(c.status == "actual");
  CHECK(c.period == 2005);
  const std::string plan = "城镇登记失业率控制在4%以内。";
  FoldedText tp(plan);
  auto pn = scan_numbers(tp);
  std::vector<const ScannedNumber*> pp;
  for (auto& n : pn) pp.push_back(&n);
  CHECK(sentence_context(tp, 0, tp.size(), U"", 2006, pp).status == "target");
}

TEST_CASE("rules: 分别 pairs figures with the names of the clauses before it", "[number-extract][indicators]") {
  auto f = facts("全年接待游客1200万人次、旅游总收入150亿元，分别增长12%和15%。", {"actual", 2023});
  REQUIRE(f.size() == 4);
  CHECK(f[2].canonical == "tourist_visits");
  CHECK(f[2].value == 12);
  CHECK(f[3].canonical == "tourism_revenue");
  CHECK(f[3].value == 15);
}

TEST_CASE("rules: a comparison with a benchmark is not a figure of the statistic", "[number-extract][indicators]") {
  auto f = facts("地区生产总值增长7%，高于全国1.5个百分点，固定资产投资不低于5%。", {"actual", 2023});
  REQUIRE(f.size() == 2);
  CHECK(f[0].canonical == "gdp");
  CHECK(f[1].canonical == "fixed_asset_investment");
  CHECK(f[1].value == 5);
}

TEST_CASE("rules: a bare number in a list takes the unit written at its end", "[number-extract][indicators]") {
  auto f = facts("居民消费价格指数和工业生产者价格指数分别上升2.8和0.6个百分点。", {"actual", 2023});
  REQUIRE(f.size() == 2);
  CHECK(f[0].unit == "pp");
  CHECK(f[0].value == Approx(2.8));
  CHECK(f[0].measure == "growth");
}

TEST_CASE("rules: growth by a multiple is growth in percent", "[number-extract][indicators]") {
  auto f = facts("各项贷款余额增长2.07倍。", {"actual", 2023});
  REQUIRE(f.size() == 1);
  CHECK(f[0].canonical == "loans");
  CHECK(f[0].measure == "growth");
  CHECK(f[0].value == 207);
  CHECK(f[0].unit == "%");
}

TEST_CASE("rules: the base of a comparison is no name; the clause continues", "[number-extract][indicators]") {
  auto f = facts("赤字规模4.06万亿元，比上年年初预算增加1800亿元。", {"target", 2024});
  REQUIRE(f.size() == 2);
  CHECK(f[0].measure == "level");
  CHECK(f[1].name == "赤字规模");
  CHECK(f[1].measure == "increase");
  CHECK(f[1].value == Approx(1.8e11));
  auto g = facts("城镇居民人均可支配收入达到10245元，比2002年增长67.9%。", {"actual", 2007});
  REQUIRE(g.size() == 2);
  CHECK(g[1].canonical == "urban_income");
  CHECK(g[1].measure == "growth");
}

TEST_CASE("rules: a contribution or share of an indicator is not that indicator", "[number-extract][indicators]") {
  auto f = facts("工业对GDP的贡献率达到38.4%，消费拉动经济增长2.1个百分点。", {"actual", 2023});
  REQUIRE(f.size() == 2);
  CHECK(f[0].name == "工业对GDP的贡献率");
  CHECK(f[0].canonical.empty());
  CHECK(f[1].canonical.empty());
  auto s = facts("高技术制造业规上工业增加值比重达到40.4%，空气优良天数比例91%。", {"actual", 2023});
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical.empty());
  CHECK(s[0].measure == "rate");
  CHECK(s[1].canonical == "good_air_days");
  // A share written with 占 that the table names itself keeps its id.
  auto r = facts("研发经费投入占地区生产总值比重达到2.5%。", {"actual", 2023});
  REQUIRE(r.size() == 1);
  CHECK(r[0].canonical == "rd_intensity");
}

TEST_CASE("rules: a combined name is not its part", "[number-extract][indicators]") {
  auto f = facts("工农业总产值完成476.7亿元，农业总产值120亿元。", {"actual", 1992});
  REQUIRE(f.size() == 2);
  CHECK(f[0].canonical.empty());
  CHECK(f[0].name == "工农业总产值");
  CHECK(f[1].canonical == "agricultural_output");
}

TEST_CASE("rules: whom a sum is for names no statistic", "[number-extract][indicators]") {
  // 为 as "for": the words after it are the beneficiary, not an indicator.
  CHECK(facts("全年为企业降低各类成本1448亿元。", {"actual", 2022}).empty());
  CHECK(facts("全年再为企业和个人减税8000多亿元。", {"actual", 2017}).empty());
  CHECK(facts("累计为经营主体减负1000亿元。", {"actual", 2024}).empty());
  CHECK(facts("集中采购药品价格平均下降50%，每年可节约资金18亿元。", {"actual", 2024}).size() == 1);
  // 为 as a verb after a name still reads a level.
  auto f = facts("地区生产总值为3000亿元。", {"actual", 2023});
  REQUIRE(f.size() == 1);
  CHECK(f[0].canonical == "gdp");
}

TEST_CASE("rules: an adverb or modal at the edge of a name is no part of it", "[number-extract][indicators]") {
  auto f = facts("城乡居民基础养老金最低标准再提高20元，拟增加中央预算稳定调节基金1032亿元。", {"target", 2025});
  REQUIRE(f.size() == 2);
  CHECK(f[0].name == "城乡居民基础养老金最低标准");
  CHECK(f[0].measure == "increase");
  CHECK(f[0].value == 20);
  CHECK(f[1].name == "中央预算稳定调节基金");
  auto g = facts("城镇化率再提高1个百分点，地方一般公共预算收入可达400亿元。", {"target", 2025});
  REQUIRE(g.size() == 2);
  CHECK(g[0].canonical == "urbanization_rate");
  CHECK(g[1].canonical == "budget_revenue");
  CHECK(g[1].name == "地方一般公共预算收入");
}

TEST_CASE("rules: a rebuilt member's tail never starts with the end of the long member's noun", "[number-extract][indicators]") {
  auto f = facts("二氧化硫、化学需氧量排放分别下降2%和3%。", {"target", 2009});
  REQUIRE(f.size() == 2);
  CHECK(f[0].name == "二氧化硫排放");
  CHECK(f[0].value == -2);
  CHECK(f[1].name == "化学需氧量排放");
  // Stems of one length are rebuilt as before.
  auto g = facts("城镇、农村居民人均可支配收入分别增长8%和8.5%。", {"target", 2019});
  REQUIRE(g.size() == 2);
  CHECK(g[0].canonical == "urban_income");
}

TEST_CASE("rules: firms counted in their measure word are a statistic", "[number-extract][indicators]") {
  auto f = facts("新增规模以上工业企业230家以上、规模以上服务业企业170家。", {"target", 2019});
  REQUIRE(f.size() == 2);
  CHECK(f[0].name == "新增规模以上工业企业");
  CHECK(f[0].measure == "level");
  CHECK(f[0].unit == "家");
  CHECK(f[0].qualifier == "at_least");
  CHECK(f[1].value == 170);
  // Other things counted without a verb are still left out.
  CHECK(facts("组建26个专班。", {"target", 2019}).empty());
  CHECK(facts("新建学校12所。", {"target", 2019}).empty());
  // The tail of a figure is no class of firms (世界500强企业12家: 强企业).
  CHECK(facts("落户世界500强企业12家。", {"actual", 2019}).empty());
}
