#include "script_fold.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <mutex>

#include "docpipe/utf8.hpp"

namespace docpipe::glossary_link {
namespace {

/// The code points matching skips: quotes, blanks, zero-width characters, and `*` (markdown emphasis
/// around terms).
constexpr char32_t kDropped[] = {' ',    '\t',   '\n',   '\r',   '\f',   '\v',   '"',    '\'',   '`',    '*',
                                 0x00A0, 0x3000, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2018, 0x2019, 0x201C, 0x201D,
                                 0x201E, 0x2033, 0x300C, 0x300D, 0x300E, 0x300F, 0xFF02, 0xFF07};

bool is_dropped(char32_t cp) { return std::find(std::begin(kDropped), std::end(kDropped), cp) != std::end(kDropped); }

}  // namespace

bool is_han(char32_t cp) noexcept {
  for (const HanRange& r : kHanRanges)
    if (cp >= r.first && cp <= r.last) return true;
  return cp >= 0x30000 && cp <= 0x3134F;
}

ScriptFold::ScriptFold(const std::string& opencc_config) : ScriptFold(read_opencc_pairs(opencc_config)) {}

ScriptFold::ScriptFold(const FoldPairs& read) : ScriptFold(read.pairs, read.non_one_to_one) {}

ScriptFold::ScriptFold(std::span<const FoldPair> pairs, std::size_t non_one_to_one)
    : table_(new char32_t[table_limit]), non_one_to_one_(non_one_to_one) {
  // Only the code points set below, and those matching skips, can end up other than themselves (for
  // any other, both passes below leave the entry as it is): the passes visit those alone, in the
  // same ascending order, instead of all 196 K entries, which was most of this stage's start-up.
  for (char32_t cp = 0; cp < table_limit; ++cp) table_[cp] = cp;
  std::vector<char32_t> touched;
  touched.reserve(pairs.size() + 256);
  auto set = [&](char32_t cp, char32_t to) {
    table_[cp] = to;
    touched.push_back(cp);
  };
  for (char32_t cp = 'A'; cp <= 'Z'; ++cp) set(cp, cp + 32);
  for (char32_t cp = 0xFF01; cp <= 0xFF5E; ++cp) {
    char32_t ascii = cp - 0xFEE0;
    set(cp, ascii >= 'A' && ascii <= 'Z' ? ascii + 32 : ascii);
  }
  set(0x30FB, 0x00B7);  // middle dots
  set(0x2027, 0x00B7);
  set(0xFF65, 0x00B7);
  set(0x2014, 0x2014);  // dashes of `——`
  set(0x2015, 0x2014);

  for (const FoldPair& p : pairs)
    if (p.from < table_limit) set(p.from, p.to);
  touched.insert(touched.end(), std::begin(kDropped), std::end(kDropped));
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  // Chains (a -> b where b -> c) would make the fold depend on which form a text uses: follow each
  // to its end, so that fold(fold(c)) == fold(c).
  for (const char32_t cp : touched) {
    char32_t f = table_[cp];
    for (int hops = 0; hops < 8 && f < table_limit && table_[f] != f; ++hops) f = table_[f];
    table_[cp] = f;
  }
  for (const char32_t cp : touched) {
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
