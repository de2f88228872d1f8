#include <catch2/catch.hpp>

#include <map>
#include <span>
#include <vector>

#include "docpipe/utf8.hpp"
#include <opencc/opencc.h>

#include "fold_pairs.hpp"
#include "script_fold.hpp"

using docpipe::glossary_link::ScriptFold;

TEST_CASE("script fold: traditional and simplified forms fold together") {
  const ScriptFold& f = ScriptFold::instance();
  CHECK(f.fold_string("雙減") == f.fold_string("双减"));
  CHECK(f.fold_string("楓橋經驗") == f.fold_string("枫桥经验"));
  CHECK(f.fold_string("兩拖欠") == f.fold_string("两拖欠"));
  CHECK(f.fold_string("千萬工程") == f.fold_string("千万工程"));
  CHECK(f.fold_string("雙減") != f.fold_string("双碱"));
}

TEST_CASE("script fold: width, case, quotes and blanks") {
  const ScriptFold& f = ScriptFold::instance();
  CHECK(f.fold_string("ＶＯＣｓ") == f.fold_string("vocs"));
  CHECK(f.fold_string("“綠島”") == f.fold_string("綠島"));
  CHECK(f.fold_string("「綠島」") == f.fold_string("\"绿岛\""));
  CHECK(f.fold_string("人民 代表\n大會") == f.fold_string("人民代表大会"));
  CHECK(f.fold(U'（') == U'(');
  CHECK(f.fold(U'“') == ScriptFold::dropped);
}

TEST_CASE("script fold: one code point to one, idempotent") {
  const ScriptFold& f = ScriptFold::instance();
  std::size_t changed = 0;
  for (char32_t cp = 0; cp < ScriptFold::table_limit; ++cp) {
    const char32_t once = f.fold(cp);
    if (once == ScriptFold::dropped) continue;
    INFO("U+" << std::hex << unsigned(cp) << " -> U+" << unsigned(once) << " -> U+" << unsigned(f.fold(once)));
    REQUIRE(f.fold(once) == once);
    if (once != cp) ++changed;
  }
  // t2s converts a few thousand characters; almost all of them one to one.
  CHECK(changed > 2000);
  CHECK(f.non_one_to_one() < changed / 10);
}

// The table compiled into the plugin was asked of OpenCC at build time; it must be what OpenCC says
// now, character for character, or matching would differ from a table built at run time.
TEST_CASE("script fold: the built-in t2s pairs are what OpenCC converts") {
  const auto now = docpipe::glossary_link::read_opencc_pairs(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
  const auto builtin = docpipe::glossary_link::builtin_t2s_pairs();
  REQUIRE(builtin.size() == now.pairs.size());
  for (std::size_t i = 0; i < builtin.size(); ++i) {
    INFO("pair " << i << ": U+" << std::hex << unsigned(builtin[i].from));
    REQUIRE(builtin[i].from == now.pairs[i].from);
    REQUIRE(builtin[i].to == now.pairs[i].to);
  }
  CHECK(docpipe::glossary_link::builtin_t2s_non_one_to_one() == now.non_one_to_one);
  const ScriptFold at_run_time(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
  const ScriptFold& f = ScriptFold::instance();
  std::size_t differ = 0;
  for (char32_t cp = 0; cp < ScriptFold::table_limit; ++cp) differ += f.fold(cp) != at_run_time.fold(cp);
  CHECK(differ == 0);
  CHECK(f.dropped_code_points() == at_run_time.dropped_code_points());
  CHECK(f.non_one_to_one() == at_run_time.non_one_to_one());
}

namespace {

/// The fold as first written: every pass over every entry of the table. The plugin's table visits
/// only the entries that can change; both must agree entry for entry.
struct PlainFold {
  std::vector<char32_t> table;
  std::vector<char32_t> dropped;
  std::map<char32_t, std::vector<char32_t>> sources;
};

bool plain_dropped(char32_t cp) {
  switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case '"': case '\'': case '`': case '*':
    case 0x00A0: case 0x3000: case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x201E: case 0x2033:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0xFF02: case 0xFF07:
      return true;
    default:
      return false;
  }
}

PlainFold plain_fold(std::span<const docpipe::glossary_link::FoldPair> pairs) {
  const char32_t limit = ScriptFold::table_limit;
  PlainFold f;
  auto& t = f.table;
  t.resize(limit);
  for (char32_t cp = 0; cp < limit; ++cp) t[cp] = cp;
  for (char32_t cp = 'A'; cp <= 'Z'; ++cp) t[cp] = cp + 32;
  for (char32_t cp = 0xFF01; cp <= 0xFF5E; ++cp) {
    const char32_t ascii = cp - 0xFEE0;
    t[cp] = ascii >= 'A' && ascii <= 'Z' ? ascii + 32 : ascii;
  }
  t[0x30FB] = t[0x2027] = t[0xFF65] = 0x00B7;
  t[0x2014] = t[0x2015] = 0x2014;
  for (const auto& p : pairs)
    if (p.from < limit) t[p.from] = p.to;
  for (char32_t cp = 0; cp < limit; ++cp) {
    char32_t to = t[cp];
    for (int hops = 0; hops < 8 && to < limit && t[to] != to; ++hops) to = t[to];
    t[cp] = to;
  }
  for (char32_t cp = 0; cp < limit; ++cp) {
    if (plain_dropped(cp) || (t[cp] < limit && plain_dropped(t[cp]))) {
      t[cp] = ScriptFold::dropped;
      f.dropped.push_back(cp);
    } else if (t[cp] != cp) {
      f.sources[t[cp]].push_back(cp);
    }
  }
  return f;
}

}  // namespace

TEST_CASE("script fold: the table equals the one every entry of which is visited") {
  const ScriptFold& f = ScriptFold::instance();
  const PlainFold plain = plain_fold(docpipe::glossary_link::builtin_t2s_pairs());
  std::size_t differ = 0;
  for (char32_t cp = 0; cp < ScriptFold::table_limit; ++cp) differ += f.fold(cp) != plain.table[cp];
  CHECK(differ == 0);
  CHECK(f.dropped_code_points() == plain.dropped);
  std::size_t sources_differ = 0;
  for (const auto& [folded, from] : plain.sources) sources_differ += f.sources(folded) != from;
  CHECK(sources_differ == 0);
  // Code points nothing folds to have no sources.
  std::size_t extra = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) extra += !plain.sources.count(cp) && !f.sources(cp).empty();
  CHECK(extra == 0);
  // A chain of pairs (a -> b -> c) folds to its end.
  const docpipe::glossary_link::FoldPair chain[] = {{0x4E00, 0x4E01}, {0x4E01, 0x4E02}};
  const ScriptFold chained(chain, 0);
  CHECK(chained.fold(0x4E00) == 0x4E02);
  CHECK(chained.sources(0x4E02) == std::vector<char32_t>{0x4E00, 0x4E01});
  const PlainFold plain_chained = plain_fold(chain);
  CHECK(chained.fold(0x4E00) == plain_chained.table[0x4E00]);
}
