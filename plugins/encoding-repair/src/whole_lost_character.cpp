#include "whole_lost_character.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <utility>
#include <vector>

#include "mixup_latin.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {

/// A character that can be lost whole, with its trail byte (which a byte-by-byte decoder reads
/// again as a lead).
struct Lost {
  char32_t c;
  unsigned char trail;
};

/// The characters of @p right whose pair @p wrong does not know, with a non-ASCII trail (an ASCII
/// one would be read again, losing the lead alone). Built once per pair of encodings.
const std::vector<Lost>& candidates(Legacy right, Legacy wrong) {
  constexpr std::size_t kEncodings = 3;  // Legacy::gbk, big5, gb2312
  static std::array<std::array<std::vector<Lost>, kEncodings>, kEncodings> sets;
  static std::array<std::array<std::once_flag, kEncodings>, kEncodings> built;
  const auto r = static_cast<std::size_t>(right), w = static_cast<std::size_t>(wrong);
  std::call_once(built[r][w], [&] {
    const DoubleByteTable& from = DoubleByteTable::get(right);
    const DoubleByteTable& to = DoubleByteTable::get(wrong);
    for (int lead = 0x81; lead <= 0xFE; ++lead)
      for (int trail = 0x80; trail <= 0xFE; ++trail) {
        const auto l = static_cast<unsigned char>(lead), t = static_cast<unsigned char>(trail);
        const char32_t c = from.decode(l, t);
        if (c && !to.decode(l, t) && ordinary_character(c)) sets[r][w].push_back({c, t});
      }
  });
  return sets[r][w];
}

}  // namespace

char32_t guess_whole_lost_character(const WholeLoss& loss, char32_t p2, char32_t p1, char32_t n1, char32_t n2,
                                    const CharModel& model, double margin) {
  const DoubleByteTable& wrong = DoubleByteTable::get(loss.wrong);
  const CharModel::Context x = model.context(p2, p1);
  // Scored from the left first, best first: a candidate whose left score plus the best right-hand
  // scores cannot pass the runner-up changes neither the best nor the runner-up, nor can any after it.
  thread_local std::vector<std::pair<double, char32_t>> left;
  left.clear();
  for (const Lost& l : candidates(loss.right, loss.wrong)) {
    // A trail the decoder could read as a lead before the next byte would not be lost.
    if (loss.next >= 0 && wrong.decode(l.trail, static_cast<unsigned char>(loss.next))) continue;
    // A character the model has never seen scores as any other unknown one: it cannot win, and
    // two of them tie, so it only lowers the best when nothing known reads there at all.
    if (model.known(l.c)) left.push_back({model.score(x, l.c), l.c});
  }
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
