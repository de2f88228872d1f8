#include <catch2/catch.hpp>

#include "marker_alignment.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;

namespace {
struct Aligned {
  std::string before, after;
};
std::optional<Aligned> align(const std::string& text, const std::string& marker, const std::string& title) {
  const std::size_t m = text.find(marker);
  const ScriptFold& f = ScriptFold::instance();
  auto a = align_marker(text, {m, m + marker.size()}, f.fold_string(title), {0, text.size()}, f);
  if (!a) return std::nullopt;
  return Aligned{std::string(a->before.of(text)), std::string(a->after.of(text))};
}
}  // namespace

TEST_CASE("title equal to the quoted text") {
  auto a = align("工作經驗,“雙減”(6)工作", "(6)", "雙減");
  REQUIRE(a);
  CHECK(a->before == "雙減");
  CHECK(a->after.empty());
}

TEST_CASE("title longer than the quoted text: its start, or its end") {
  auto a = align("培育一批“獨角獸”(13)、“瞪羚”企業", "(13)", "“獨角獸”企業");
  REQUIRE(a);
  CHECK(a->before == "獨角獸");
  auto b = align("加快全市“六大產業生態圈20條產業鏈”(9)布局", "(9)", "邯鄲市“六大產業生態圈20條產業鏈”");
  REQUIRE(b);
  CHECK(b->before == "六大產業生態圈20條產業鏈");  // not `市“…`: one character before a quote is chance
}

TEST_CASE("title shorter than the quoted text before the marker") {
  auto a = align("加快“兩山一線”“兩河一湖”鄉村振興示範帶(15)建設", "(15)", "“兩河一湖”鄉村振興示范帶");
  REQUIRE(a);
  CHECK(a->before == "兩河一湖”鄉村振興示範帶");  // 範 in the text, 范 in the title: folded alike
}

TEST_CASE("title around the marker, and across scripts") {
  auto a = align("入選全省“100+10”(1)優質產業項目庫,為", "(1)", "全省“100+10”优质产业项目库");
  REQUIRE(a);
  CHECK(a->before == "全省“100+10");
  CHECK(a->after == "優質產業項目庫");
}

TEST_CASE("a whole title a few characters before its marker") {
  auto a = align("构建“七要件”工作闭环运作体系[20]，组建", "[20]", "“七要件”工作闭环");
  REQUIRE(a);
  CHECK(a->before == "七要件”工作闭环");
  CHECK_FALSE(align("构建“七要件”工作闭环和其他很多运作体系[20]", "[20]", "“七要件”工作闭环"));  // too far
}

TEST_CASE("no alignment when the text does not spell the title") {
  CHECK_FALSE(align("积极引进CMO、CD-MO[23]、安全", "[23]", "CDMO"));
  CHECK_FALSE(align("完全无关的文字(5)", "(5)", "舒適午休"));
  CHECK_FALSE(align("舒適午休。(5)", "(5)", "舒適午休"));  // a sentence end stops the search
}
