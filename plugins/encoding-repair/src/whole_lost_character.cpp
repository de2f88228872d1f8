#include "whole_lost_character.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "double_byte_table.hpp"
#include "mixup_latin.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {

/// The GBK characters WHATWG's Big5 decoder drops whole: a non-ASCII trail (an ASCII one would be
/// read again, losing the lead alone) and a pair the Big5 table (the same Windows-950 table the
/// stage decodes with) does not know. Built once.
const std::vector<char32_t>& candidates() {
  static const std::vector<char32_t> set = [] {
    const DoubleByteTable& gbk = DoubleByteTable::get(Legacy::gbk);
    const DoubleByteTable& big5 = DoubleByteTable::get(Legacy::big5);
    std::vector<char32_t> out;
    for (int lead = 0x81; lead <= 0xFE; ++lead)
      for (int trail = 0x80; trail <= 0xFE; ++trail) {
        const auto l = static_cast<unsigned char>(lead), t = static_cast<unsigned char>(trail);
        const char32_t c = gbk.decode(l, t);
        if (c && !big5.decode(l, t) && ordinary_character(c)) out.push_back(c);
      }
    return out;
  }();
  return set;
}

}  // namespace

char32_t guess_whole_lost_character(char32_t p2, char32_t p1, char32_t n1, char32_t n2,
                                    const CharModel& model, double margin) {
  const CharModel::Context x = model.context(p2, p1);
  // Scored from the left first, best first: a candidate whose left score plus the best right-hand
  // scores cannot pass the runner-up changes neither the best nor the runner-up, nor can any after it.
  thread_local std::vector<std::pair<double, char32_t>> left;
  left.clear();
  for (const char32_t c : candidates())
    // A character the model has never seen scores as any other unknown one: it cannot win, and
    // two of them tie, so it only lowers the best when nothing known reads there at all.
    if (model.known(c)) left.push_back({model.score(x, c), c});
  std::sort(left.begin(), left.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  double best = -1e300, second = -1e300;
  char32_t pick = docpipe::utf8::replacement_character;
  for (const auto& [l, c] : left) {
    if (l + 2 * CharModel::kMaxScore <= second) break;
    const double s = l + model.score(p1, c, n1) + model.score(c, n1, n2);
    if (s > best) second = best, best = s, pick = c;
    else if (s > second) second = s;
  }
  return best - second >= margin ? pick : docpipe::utf8::replacement_character;
}

}  // namespace encoding_repair
