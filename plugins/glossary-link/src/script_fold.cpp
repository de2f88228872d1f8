#include "script_fold.hpp"

#include <memory>
#include <mutex>

#include "docpipe/utf8.hpp"

namespace docpipe::glossary_link {
namespace {

bool is_dropped(char32_t cp) {
  switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case '"': case '\'': case '`': case '*':  // `*`: markdown emphasis around terms
    case 0x00A0: case 0x3000: case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x201E: case 0x2033:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0xFF02: case 0xFF07:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool is_han(char32_t cp) noexcept {
  for (const HanRange& r : kHanRanges)
    if (cp >= r.first && cp <= r.last) return true;
  return cp >= 0x30000 && cp <= 0x3134F;
}

ScriptFold::ScriptFold(const std::string& opencc_config) : ScriptFold(read_opencc_pairs(opencc_config)) {}

ScriptFold::ScriptFold(const FoldPairs& read) : ScriptFold(read.pairs, read.non_one_to_one) {}

ScriptFold::ScriptFold(std::span<const FoldPair> pairs, std::size_t non_one_to_one)
    : table_(table_limit), non_one_to_one_(non_one_to_one) {
  for (char32_t cp = 0; cp < table_limit; ++cp) table_[cp] = cp;
  for (char32_t cp = 'A'; cp <= 'Z'; ++cp) table_[cp] = cp + 32;
  for (char32_t cp = 0xFF01; cp <= 0xFF5E; ++cp) {
    char32_t ascii = cp - 0xFEE0;
    table_[cp] = ascii >= 'A' && ascii <= 'Z' ? ascii + 32 : ascii;
  }
  table_[0x30FB] = table_[0x2027] = table_[0xFF65] = 0x00B7;  // middle dots
  table_[0x2014] = table_[0x2015] = 0x2014;                    // dashes of `——`

  for (const FoldPair& p : pairs)
    if (p.from < table_limit) table_[p.from] = p.to;
  // Chains (a -> b where b -> c) would make the fold depend on which form a text uses: follow each
  // to its end, so that fold(fold(c)) == fold(c).
  for (char32_t cp = 0; cp < table_limit; ++cp) {
    char32_t f = table_[cp];
    for (int hops = 0; hops < 8 && f < table_limit && table_[f] != f; ++hops) f = table_[f];
    table_[cp] = f;
  }
  for (char32_t cp = 0; cp < table_limit; ++cp) {
    if (is_dropped(cp) || (table_[cp] < table_limit && is_dropped(table_[cp]))) {
      table_[cp] = dropped;
      dropped_.push_back(cp);
    } else if (table_[cp] != cp) {
      sources_[table_[cp]].push_back(cp);
    }
  }
}

const std::vector<char32_t>& ScriptFold::sources(char32_t folded) const {
  static const std::vector<char32_t> none;
  auto it = sources_.find(folded);
  return it == sources_.end() ? none : it->second;
}

const ScriptFold& ScriptFold::instance() {
  static std::once_flag once;
  static std::unique_ptr<ScriptFold> fold;
  std::call_once(once, [] { fold = std::make_unique<ScriptFold>(builtin_t2s_pairs(), builtin_t2s_non_one_to_one()); });
  return *fold;
}

std::u32string ScriptFold::fold_string(std::string_view utf8_text) const {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < utf8_text.size()) {
    const char32_t f = fold(utf8::next(utf8_text, pos));
    if (f != dropped) out.push_back(f);
  }
  return out;
}

}  // namespace docpipe::glossary_link
