#include "marker_alignment.hpp"

#include <algorithm>
#include <vector>

#include "text_cursor.hpp"

namespace docpipe::glossary_link {
namespace {

struct Folded {
  char32_t cp;
  Span span;
};

bool stops_alignment(char32_t c) { return c == '\n' || is_sentence_end(c) || c == 0x3002; }

// How many characters may stand between a whole title and its marker.
constexpr std::size_t kMaxGap = 6;

// The whole title a few characters before the marker (`“七要件”工作闭环运作体系[20]`): the marker then
// annotates a phrase that contains the term. Only a complete match counts at a distance.
std::optional<MarkerAlignment> align_at_distance(const std::vector<Folded>& back, std::u32string_view title) {
  for (std::size_t gap = 1; gap <= kMaxGap && gap + title.size() <= back.size(); ++gap) {
    bool same = true;
    for (std::size_t k = 0; same && k < title.size(); ++k) same = back[gap + k].cp == title[title.size() - 1 - k];
    if (!same) continue;
    MarkerAlignment out;
    out.before = {back[gap + title.size() - 1].span.begin, back[gap].span.end};
    out.matched = title.size();
    return out;
  }
  return std::nullopt;
}

std::optional<MarkerAlignment> align_adjacent(std::string_view text, Span marker, std::u32string_view title,
                                              Span limit, const ScriptFold& fold, const std::vector<Folded>& back) {
  // Best end j of the title: the longest run title[j-k, j) equal to the text just before the marker.
  std::size_t best_k = 0, best_j = 0;
  for (std::size_t j = title.size(); j >= 1; --j) {
    std::size_t k = 0;
    while (k < j && k < back.size() && title[j - 1 - k] == back[k].cp) ++k;
    if (k > best_k) best_k = k, best_j = j;
  }
  if (best_k == 0 || (best_k < 2 && best_k < title.size())) return std::nullopt;
  // A match that starts inside the title with a single character before an opening quote is a
  // coincidence (`全市“六大…”` against `邯鄲市“六大…”`): start at the quote instead.
  if (best_j > best_k && best_k >= 2) {
    const std::size_t k = best_k - 1;  // the furthest matched code point
    const std::size_t gap_begin = back[k].span.end, gap_end = back[k - 1].span.begin;
    for (std::size_t p = gap_begin; p < gap_end; p = next_pos(text, p)) {
      const char32_t c = at(text, p);
      if (c == 0x201C || c == 0x300C || c == 0x300E) {
        --best_k;
        break;
      }
    }
  }
  // A Latin fragment of a longer title (`MO` of `CDMO` before `CD-MO[23]`) is no evidence.
  if (best_k < title.size()) {
    bool han = false;
    for (std::size_t k = 0; k < best_k; ++k) han |= is_han(back[k].cp);
    if (!han) return std::nullopt;
  }
  MarkerAlignment out;
  out.before = {back[best_k - 1].span.begin, back[0].span.end};
  out.matched = best_k;
  // The rest of the title, when the text continues it after the marker.
  std::size_t t = 0;
  std::size_t p = marker.end, last_end = marker.end;
  while (best_j + t < title.size() && p < limit.end) {
    const std::size_t q = next_pos(text, p);
    const char32_t c = at(text, p);
    if (stops_alignment(c)) break;
    const char32_t f = fold.fold(c);
    if (f != ScriptFold::dropped) {
      if (f != title[best_j + t]) break;
      ++t;
      last_end = q;
    }
    p = q;
  }
  if (t >= 2 || (t > 0 && best_j + t == title.size())) {
    std::size_t b = marker.end;
    while (b < last_end && fold.fold(at(text, b)) == ScriptFold::dropped) b = next_pos(text, b);
    out.after = {b, last_end};
    out.matched += t;
  }
  return out;
}

}  // namespace

std::optional<MarkerAlignment> align_marker(std::string_view text, Span marker, std::u32string_view title,
                                            Span limit, const ScriptFold& fold) {
  if (title.empty()) return std::nullopt;
  const std::size_t window = title.size() + 4 + kMaxGap;
  // Folded code points before the marker, nearest first.
  std::vector<Folded> back;
  for (std::size_t p = marker.begin; p > limit.begin && back.size() < window;) {
    const std::size_t q = prev_pos(text, p);
    const char32_t c = at(text, q);
    if (stops_alignment(c)) break;
    const char32_t f = fold.fold(c);
    if (f != ScriptFold::dropped) back.push_back({f, {q, p}});
    p = q;
  }
  if (auto adjacent = align_adjacent(text, marker, title, limit, fold, back)) return adjacent;
  return align_at_distance(back, title);
}

}  // namespace docpipe::glossary_link
