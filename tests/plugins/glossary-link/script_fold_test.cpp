#include <catch2/catch.hpp>

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
