#include <catch2/catch.hpp>

#include "docpipe/utf8.hpp"
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
