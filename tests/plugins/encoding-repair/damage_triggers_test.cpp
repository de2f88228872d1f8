#include <catch2/catch.hpp>

#include "char_model.hpp"
#include "damage_triggers.hpp"
#include "docpipe/utf8.hpp"
#include "lost_byte_repair.hpp"
#include "repairer.hpp"
#include "test_support.hpp"

using namespace encoding_repair;

namespace {
const std::string kBefore = "全面推进经济发展";
const std::string kAfter = "稳中向好，成效明显。";
}  // namespace

TEST_CASE("a ? before a line break, a space, a digit or the end of the text starts no damage") {
  for (const std::string follower : {"\n", " ", "1", "\xF0\x9F\x98\x80"}) {  // last: an emoji, no GBK code
    const std::string text = kBefore + "?" + follower + kAfter;
    CHECK_FALSE(may_start_damage(text, kBefore.size()));
  }
  for (const std::string trigger : {"?", "\xEF\xBF\xBD"}) CHECK_FALSE(may_start_damage(kBefore + trigger, kBefore.size()));
}

TEST_CASE("a ? or U+FFFD before what an out-of-step GBK decoder writes may start damage") {
  for (const std::string trigger : {"?", "\xEF\xBF\xBD"})
    for (const std::string follower : {"剀", "a", ",", "?", "\xE2\x82\xAC"}) {  // last: the euro sign
      const std::string text = kBefore + trigger + follower + kAfter;
      CHECK(may_start_damage(text, kBefore.size()));
    }
}

TEST_CASE("a trigger ruled out never gets a lost-byte repair from the search") {
  // The filter stands in for the search: whatever it rules out, the search must find nothing at.
  const CharModel& model = CharModel::embedded();
  std::vector<std::string> followers;
  for (char c = 1; c < 0x7F; ++c) followers.emplace_back(1, c);
  for (const char32_t c : {U'é', U'а', U'ก', U'€', U'中', U'，', U'\uFFFD', U'\U0001F600', U'\u00A0'})
    followers.push_back(docpipe::utf8::encode(c));
  std::size_t ruled_out = 0;
  for (const std::string& follower : followers)
    for (const std::string trigger : {"?", "\xEF\xBF\xBD"}) {
      const std::string text = kBefore + trigger + follower + kAfter;
      if (may_start_damage(text, kBefore.size())) continue;
      ++ruled_out;
      for (const LostByteFix& f : find_lost_byte_fixes(text, model)) CHECK(f.begin != kBefore.size());
    }
  CHECK(ruled_out > 60);
}

TEST_CASE("counting damage starts: only the ones that may start damage count") {
  CHECK(count_damage_starts("经济?\n发展? 好") == 0);
  CHECK(count_damage_starts("经济?剀囅\n发展\xEF\xBF\xBD" "a好?") == 2);
  std::size_t replacements = 0;
  CHECK(count_damage_starts("\xEF\xBF\xBD\xEF\xBF\xBD\n发展\xEF\xBF\xBD" "a", &replacements) == 1);
  CHECK(replacements == 3);
}

TEST_CASE("Big5 forced on UTF-8 text: the lost-byte search stays within a budget linear in the text") {
  // Found by the test kit: UTF-8 bytes read as Big5 give a U+FFFD every few bytes, and each used
  // to cost a lost-byte search (about 20 s for 69 KB). The count of searched starts and of
  // lost-byte edits must stay within damage_search_budget(), which grows linearly.
  const std::string report = test::read_file(std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports" / "city_hangzhou_2026.txt");
  REQUIRE(report.size() > 16000);
  for (const std::size_t size : {4000u, 8000u, 16000u}) {
    RepairSettings settings;
    settings.encoding = "big5";
    docpipe::Document d = test::raw_document(report.substr(0, size));
    Repairer(settings).process(d);
    std::size_t lost_byte = 0, skipped = 0;
    for (const auto& r : d.repairs) lost_byte += r.kind == "mojibake-lost-byte";
    for (const auto& diag : d.diagnostics) skipped += diag.code == "mojibake-search-skipped";
    CHECK(lost_byte <= damage_search_budget(d.text.size()));
    CHECK(skipped == 1);
  }
}

TEST_CASE("the budget leaves real damage searched: the seed's starts are well within it") {
  const std::string seed = test::read_file(test::seed_path());
  CHECK(count_damage_starts(seed) > 0);
  CHECK(count_damage_starts(seed) * 4 < damage_search_budget(seed.size()));
}
