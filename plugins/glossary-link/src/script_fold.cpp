#include "script_fold.hpp"

#include <memory>
#include <mutex>
#include <stdexcept>

#include <opencc/opencc.h>

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

// Ranges whose characters OpenCC may convert: CJK Ext A, the unified block, compatibility ideographs
// and the supplementary ideographic planes.
struct Range {
  char32_t first, last;
};
constexpr Range kHanRanges[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2FFFF}};

}  // namespace

bool is_han(char32_t cp) noexcept {
  for (const Range& r : kHanRanges)
    if (cp >= r.first && cp <= r.last) return true;
  return cp >= 0x30000 && cp <= 0x3134F;
}

ScriptFold::ScriptFold(const std::string& opencc_config) : table_(table_limit) {
  for (char32_t cp = 0; cp < table_limit; ++cp) table_[cp] = cp;
  for (char32_t cp = 'A'; cp <= 'Z'; ++cp) table_[cp] = cp + 32;
  for (char32_t cp = 0xFF01; cp <= 0xFF5E; ++cp) {
    char32_t ascii = cp - 0xFEE0;
    table_[cp] = ascii >= 'A' && ascii <= 'Z' ? ascii + 32 : ascii;
  }
  table_[0x30FB] = table_[0x2027] = table_[0xFF65] = 0x00B7;  // middle dots
  table_[0x2014] = table_[0x2015] = 0x2014;                    // dashes of `——`

  opencc_t od = opencc_open(opencc_config.c_str());
  if (od == reinterpret_cast<opencc_t>(-1))
    throw std::runtime_error("glossary-link: cannot open OpenCC configuration " + opencc_config + ": " +
                             opencc_error());
  std::unique_ptr<void, int (*)(opencc_t)> guard(od, opencc_close);
  // One character per line, so that no phrase of OpenCC's dictionaries can span two of them.
  std::string batch;
  std::vector<char32_t> order;
  for (const Range& r : kHanRanges) {
    for (char32_t cp = r.first; cp <= r.last && cp < table_limit; ++cp) {
      utf8::append(batch, cp);
      batch += '\n';
      order.push_back(cp);
    }
  }
  char* converted = opencc_convert_utf8(od, batch.data(), batch.size());
  if (converted == nullptr) throw std::runtime_error(std::string("glossary-link: OpenCC failed: ") + opencc_error());
  std::string out(converted);
  opencc_convert_utf8_free(converted);

  std::size_t pos = 0, line = 0;
  while (pos < out.size() && line < order.size()) {
    std::size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) nl = out.size();
    std::string_view piece(out.data() + pos, nl - pos);
    std::size_t p = 0;
    char32_t first = piece.empty() ? 0 : utf8::next(piece, p);
    if (!piece.empty() && p == piece.size()) {
      table_[order[line]] = first;
    } else {
      ++non_one_to_one_;  // kept unchanged: a one-to-many conversion would break exact offsets
    }
    pos = nl + 1;
    ++line;
  }
  if (line != order.size()) throw std::runtime_error("glossary-link: OpenCC changed the line structure");
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
  std::call_once(once, [] { fold = std::make_unique<ScriptFold>(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP); });
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
