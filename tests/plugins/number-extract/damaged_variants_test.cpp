// Generalisation to damage nobody labelled: the golden passages of the corpus, converted to
// traditional script with OpenCC and with their full-width punctuation folded to ASCII (the damage the
// seed shows), must give the same facts (canonical id, measure, value, unit, qualifier, status,
// period) as the clean text. Names are compared through their canonical ids, since their script
// changes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <opencc/opencc.h>

#include "indicator_table.hpp"
#include "number_extract.hpp"
#include "read_file.hpp"

namespace {

using number_extract_test::read_file;

std::string to_traditional(const std::string& text) {
  opencc_t cc = opencc_open("s2t.json");
  REQUIRE(cc != reinterpret_cast<opencc_t>(-1));
  char* out = opencc_convert_utf8(cc, text.data(), text.size());
  std::string result(out);
  opencc_convert_utf8_free(out);
  opencc_close(cc);
  return result;
}

std::string fold_punctuation(std::string s) {
  const std::pair<const char*, const char*> folds[] = {{"，", ","}, {"；", ";"}, {"：", ":"}, {"（", "("}, {"）", ")"}};
  for (const auto& [from, to] : folds)
    for (std::size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, std::string(from).size(), to);
  return s;
}

// The facts of the passage from the first `anchor` to the next full stop.
std::vector<std::string> passage_facts(const std::string& text, const std::string& anchor) {
  docpipe::Document doc;
  doc.text = text;
  number_extract::extract_numbers(doc, number_extract::IndicatorTable::builtin());
  const std::size_t begin = doc.text.find(anchor);
  REQUIRE(begin != std::string::npos);
  const std::size_t end = doc.text.find("。", begin);
  std::vector<std::string> out;
  for (const auto& i : doc.indicators) {
    if (i.span.begin < begin || i.span.end > end) continue;
    char value[64];
    std::snprintf(value, sizeof value, "%.10g/%.10g", i.value, i.value_high.value_or(0));
    out.push_back(i.canonical + " " + i.measure + " " + value + " " + i.unit + " " + i.qualifier + " " + i.status + " " +
                  std::to_string(i.period));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("damage: traditional script and ASCII punctuation give the same target facts", "[number-extract][damage]") {
  const std::filesystem::path shared(DOCPIPE_SHARED_DIR);
  const char* reports[] = {"city_baoding_2024", "city_bijie_2021", "city_chengdu_2025", "city_chifeng_2023",
                           "city_dali_bai_ap_2022", "city_guyuan_2024", "city_haikou_2024", "city_hami_2023",
                           "city_kizilsu_kirghiz_ap_2026", "city_changchun_2023"};
  for (const char* name : reports) {
    DYNAMIC_SECTION(name) {
      const std::string clean = read_file(shared / "corpus/reports" / (std::string(name) + ".txt"));
      REQUIRE(!clean.empty());
      const auto want = passage_facts(clean, "主要预期目标");
      REQUIRE(want.size() >= 3);
      const std::string damaged = fold_punctuation(to_traditional(clean));
      CHECK(passage_facts(damaged, "主要預期目標") == want);
    }
  }
}
