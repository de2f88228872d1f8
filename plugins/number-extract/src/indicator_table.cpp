#include "indicator_table.hpp"

#include <algorithm>
#include <span>
#include <stdexcept>

#include "folded_text.hpp"
#include "marked_scan.hpp"

extern "C" const char number_extract_default_indicators[];
extern "C" const char number_extract_default_indicators_end[];

namespace number_extract {
namespace {

// Two sector or flow characters written as one word name the whole, not a part: 工农业总产值 is
// industry and agriculture together, 存贷款 deposits and loans, 进出口 imports and exports. A pattern
// that begins with the second character does not match there (工农业总产值 is not 农业总产值).
bool joins_previous(char32_t before, char32_t first) {
  // The second characters first: most pattern starts are none of them.
  switch (first) {
    case U'农': case U'商': case U'贸': case U'林': case U'牧': case U'渔': case U'出': case U'贷': case U'工': break;
    default: return false;
  }
  static constexpr std::u32string_view kCombined[] = {U"工农", U"农工", U"工商", U"工贸", U"商贸", U"农林",
                                                       U"林牧", U"牧渔", U"农牧", U"进出", U"存贷"};
  for (auto w : kCombined)
    if (w[0] == before && w[1] == first) return true;
  return false;
}

std::uint64_t pair_key(char32_t first, char32_t second) { return (std::uint64_t{first} << 32) | second; }

}  // namespace

void IndicatorTable::add_tsv(std::string_view tsv, const std::string& origin) {
  std::size_t line_no = 0;
  while (!tsv.empty()) {
    const std::size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view{} : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    while (true) {
      const std::size_t tab = line.find('\t');
      fields.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line = line.substr(tab + 1);
    }
    std::string id(fields[0]);
    std::size_t added = 0;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      if (fields[i].empty() || fields[i] == "=") continue;
      const bool whole = fields[i].front() == '=';
      patterns_.push_back({fold_utf8(whole ? fields[i].substr(1) : fields[i]), id, whole});
      ++added;
    }
    if (id.empty() || added == 0)
      throw std::runtime_error(origin + ":" + std::to_string(line_no) +
                               ": expected a canonical id and at least one tab-separated name pattern");
  }
  std::stable_sort(patterns_.begin(), patterns_.end(),
                   [](const Pattern& a, const Pattern& b) { return a.folded.size() > b.folded.size(); });
  by_first_two_.clear();
  single_.clear();
  for (auto& slot : whole_) slot.clear();
  whole_lengths_ = 0;
  marks_.fill(false);
  marks_[U' '] = true;
  starts_beyond_bmp_ = false;
  pairs_.reset();
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    const std::u32string& f = patterns_[i].folded;
    if (patterns_[i].whole) {
      // The first of equal patterns wins (the table's order), as a map's emplace kept it.
      auto& slot = whole_[whole_slot(f)];
      bool known = false;
      for (std::size_t k : slot) known = known || patterns_[k].folded == f;
      if (!known) slot.push_back(i);
      whole_lengths_ |= f.size() < 64 ? std::uint64_t{1} << f.size() : 0;
      continue;
    }
    if (f.size() >= 2) {
      by_first_two_[pair_key(f[0], f[1])].push_back(i);
      pairs_.set(pair_bit(f[0], f[1]));
    }
    else single_[f[0]].push_back(i);
    if (f[0] < 0x10000) marks_[f[0]] = true;
    else starts_beyond_bmp_ = true;
  }
  std::size_t slots = 64;
  while (slots < 2 * by_first_two_.size()) slots *= 2;
  pair_slots_.assign(slots, PairSlot{});
  pair_lists_.clear();
  pair_shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(slots));
  for (const auto& [key, list] : by_first_two_) {
    std::size_t at = pair_home(key);
    while (pair_slots_[at].key != ~std::uint64_t{0}) at = (at + 1) & (slots - 1);
    pair_slots_[at].key = key;
    pair_slots_[at].begin = static_cast<std::uint32_t>(pair_lists_.size());
    for (std::size_t idx : list) pair_lists_.push_back(static_cast<std::uint32_t>(idx));
    pair_slots_[at].end = static_cast<std::uint32_t>(pair_lists_.size());
  }
}

std::string IndicatorTable::lookup(std::string_view name) const { return lookup(std::u32string_view(fold_utf8(name))); }

const std::string& IndicatorTable::lookup(std::u32string_view name) const {
  // Scraped text scatters spaces inside words (地区 生产总值); they never matter to a name. Most
  // names have none and are read in place; the others are copied without their spaces into a buffer
  // that is reused (lookups run per name in the indicator pass's inner loop). The buffer is a
  // thread_local reached only here: each use of one in a shared library calls __tls_get_addr.
  bool spaced = false;
  const std::string& id = lookup_spaceless(name, spaced);
  if (!spaced) return id;
  thread_local std::u32string folded;
  folded.clear();
  for (char32_t c : name)
    if (c != U' ') folded.push_back(c);
  return lookup_spaceless(folded, spaced);
}

const std::string& IndicatorTable::lookup_spaceless(std::u32string_view view, bool& spaced) const {
  static const std::string none;
  spaced = false;
  // The longest pattern found at any position; ties go to the earlier line of the table.
  std::size_t best = patterns_.size();
  // Tries the patterns that start at pos in table order: a pattern worse than the best so far (shorter,
  // or as long and later) ends the list, a match is the best at pos.
  auto try_list = [&](const auto& list, std::size_t pos) {
    for (std::size_t idx : list) {
      if (best < patterns_.size() && (patterns_[idx].folded.size() < patterns_[best].folded.size() ||
                                      (patterns_[idx].folded.size() == patterns_[best].folded.size() && idx > best)))
        return true;
      if (view.substr(pos, patterns_[idx].folded.size()) == patterns_[idx].folded) {
        best = idx;
        return true;
      }
    }
    return false;
  };
  const bool singles = !single_.empty();
  const char32_t* const begin = view.data();
  const char32_t* const end = begin + view.size();
  for (const char32_t* p = begin; p < end; ++p) {
    // A position whose character starts no pattern (in the BMP) and is no space is passed over; a
    // character beyond the BMP can start one only if some pattern starts there.
    if (!starts_beyond_bmp_) {
      p = find_marked(p, end, marks_.data());
      if (p == end) break;
    } else if (*p < 0x10000 && !marks_[*p]) {
      continue;
    }
    const std::size_t pos = static_cast<std::size_t>(p - begin);
    if (view[pos] == U' ') {
      spaced = true;  // the caller reads the name again without its spaces
      return none;
    }
    // Most positions whose character starts a pattern start none with the character after it: one
    // bit of the pair filter says so before the map of pairs is searched.
    const bool pair = pos + 1 < view.size() && pairs_[pair_bit(view[pos], view[pos + 1])];
    if (!pair && !singles) continue;
    if (pos > 0 && joins_previous(view[pos - 1], view[pos])) continue;
    // Longer patterns come first in the table, so those of two code points or more before those of one.
    if (pair) {
      const std::uint64_t key = pair_key(view[pos], view[pos + 1]);
      std::size_t at = pair_home(key);
      while (pair_slots_[at].key != key && pair_slots_[at].key != ~std::uint64_t{0}) at = (at + 1) & (pair_slots_.size() - 1);
      if (const PairSlot& slot = pair_slots_[at]; slot.key == key) {
        if (try_list(std::span<const std::uint32_t>(pair_lists_.data() + slot.begin, slot.end - slot.begin), pos)) continue;
      }
    }
    if (!singles) continue;
    if (auto one = single_.find(view[pos]); one != single_.end()) try_list(one->second, pos);
  }
  // Whole-name patterns come first; they are few and short: a name of another length is not compared.
  if (view.size() >= 64 || ((whole_lengths_ >> view.size()) & 1u) != 0) {
    if (!view.empty())
      for (std::size_t k : whole_[whole_slot(view)])
        if (patterns_[k].folded == view) return patterns_[k].id;
  }
  return best < patterns_.size() ? patterns_[best].id : none;
}

bool IndicatorTable::is_ratio(const std::string& id) const {
  auto ends = [](const std::u32string& s, std::u32string_view w) {
    return s.size() >= w.size() && std::u32string_view(s).substr(s.size() - w.size()) == w;
  };
  for (const Pattern& p : patterns_)
    if (p.id == id && (ends(p.folded, U"率") || ends(p.folded, U"比重") || ends(p.folded, U"占比") ||
                       ends(p.folded, U"比例") || ends(p.folded, U"强度")))
      return true;
  return false;
}

std::string_view IndicatorTable::builtin_tsv() {
  return {number_extract_default_indicators,
          static_cast<std::size_t>(number_extract_default_indicators_end - number_extract_default_indicators)};
}

const IndicatorTable& IndicatorTable::builtin() {
  static const IndicatorTable table = [] {
    IndicatorTable t;
    t.add_tsv(builtin_tsv(), "indicators.tsv (built in)");
    return t;
  }();
  return table;
}

}  // namespace number_extract
