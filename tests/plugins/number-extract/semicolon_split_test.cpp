// section-split ends a sentence at `；`, the stage's own split does not: the facts read must not
// depend on which of the two ran (issue #5).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "indicator_table.hpp"
#include "number_extract.hpp"
#include "sentence_splitter.hpp"
#include "read_file.hpp"

using namespace number_extract;

namespace {

using number_extract_test::read_file;

// The stage's own sentences, each cut again after every `；` or `;` inside it, as section-split does.
std::vector<docpipe::Span> split_at_semicolons(const std::string& text) {
  std::vector<docpipe::Span> out;
  for (const docpipe::Span& s : split_sentences(text)) {
    std::size_t b = s.begin;
    for (std::size_t p = s.begin; p < s.end; ++p) {
      std::size_t after = 0;
      if (text.compare(p, 3, "；") == 0 && p + 3 <= s.end) after = p + 3;
      else if (text[p] == ';') after = p + 1;
      if (!after || after >= s.end) continue;
      out.push_back({b, after});
      b = after;
      while (b < s.end && text[b] == ' ') ++b;
    }
    out.push_back({b, s.end});
  }
  return out;
}

using Fact = std::tuple<std::string, std::string, std::string, std::string, double, std::string, int, std::size_t>;

std::vector<Fact> facts_of(const docpipe::Document& doc) {
  std::vector<Fact> out;
  for (const auto& i : doc.indicators)
    out.emplace_back(i.name, i.canonical, i.status, i.measure, i.value, i.unit, i.period, i.span.begin);
  return out;
}

// One text read twice: with the stage's own sentences, and with them cut at every `；`.
struct ReadBothWays {
  docpipe::Document whole, cut;
};

ReadBothWays read_both_ways(const std::string& text) {
  ReadBothWays r;
  r.whole.text = text;
  extract_numbers(r.whole, IndicatorTable::builtin());
  r.cut.text = text;
  r.cut.sentences = split_at_semicolons(text);
  extract_numbers(r.cut, IndicatorTable::builtin());
  return r;
}

}  // namespace

TEST_CASE("stage: clauses joined by ； read the same split there or not", "[number-extract][stage]") {
  // The year at the head holds for the whole sentence, and 增长6.4% continues the name before the ；.
  const std::string text =
      "2024年政府工作报告\n一、2023年工作回顾\n2022年全市地区生产总值完成341.7亿元；增长6.4%，"
      "固定资产投资增长8%。";
  const auto [whole, cut] = read_both_ways(text);
  REQUIRE(cut.sentences.size() == split_sentences(text).size() + 1);
  REQUIRE(whole.indicators.size() == 3);
  CHECK(whole.indicators[1].canonical == "gdp");
  CHECK(whole.indicators[1].measure == "growth");
  for (const auto& i : whole.indicators) CHECK(i.period == 2022);
  CHECK(facts_of(cut) == facts_of(whole));
  // Each fact still names the given sentence that holds it.
  REQUIRE(cut.indicators.size() == 3);
  CHECK(cut.indicators[2].sentence.of(text) == "增长6.4%，固定资产投资增长8%。");
}

TEST_CASE("stage: every report reads the same facts with sentences cut at ；", "[number-extract][stage][corpus]") {
  const std::filesystem::path dir = std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports";
  std::size_t reports = 0, changed_split = 0, facts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string text = read_file(entry.path());
    const auto [whole, cut] = read_both_ways(text);
    changed_split += cut.sentences.size() != split_sentences(text).size();
    INFO(entry.path().filename().string());
    CHECK(facts_of(cut) == facts_of(whole));
    facts += whole.indicators.size();
    ++reports;
  }
  CHECK(reports >= 195);
  CHECK(changed_split > 150);  // the test cuts sentences in most reports
  CHECK(facts > 10000);
}
