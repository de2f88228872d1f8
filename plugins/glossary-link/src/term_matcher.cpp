#include "term_matcher.hpp"

#include <algorithm>
#include <stdexcept>

#include "docpipe/utf8.hpp"

namespace docpipe::glossary_link {
namespace {

constexpr std::uint32_t drop_code = 0xFFFFFFFFu;

// Decodes one code point of text that is valid UTF-8 by contract (Document::text); a stray byte
// decodes as itself, so the loop always advances.
inline char32_t decode(const unsigned char* p, const unsigned char* end, std::size_t& len) noexcept {
  const unsigned char b = p[0];
  if (b < 0x80) { len = 1; return b; }
  if (b >= 0xE0 && b < 0xF0 && end - p >= 3) {
    len = 3;
    return (char32_t(b & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  if (b >= 0xC0 && b < 0xE0 && end - p >= 2) {
    len = 2;
    return (char32_t(b & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (b >= 0xF0 && end - p >= 4) {
    len = 4;
    return (char32_t(b & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) | (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  }
  len = 1;
  return b;
}

}  // namespace

TermMatcher::TermMatcher(const ScriptFold& fold) : fold_(fold) {
  trie_.emplace_back();
  terminal_key_.push_back(no_key);
}

std::uint32_t TermMatcher::add(std::string_view key, std::size_t min_length) {
  const std::u32string folded = fold_.fold_string(key);
  if (folded.size() < std::max<std::size_t>(min_length, 1)) return no_key;
  built_ = false;
  std::uint32_t state = 0;
  for (char32_t cp : folded) {
    auto [it, inserted] = alphabet_map_.try_emplace(cp, codes_);
    if (inserted) ++codes_;
    const std::uint32_t code = it->second;
    std::uint32_t next = 0;
    for (const auto& [c, target] : trie_[state])
      if (c == code) next = target;
    if (next == 0) {
      next = static_cast<std::uint32_t>(trie_.size());
      trie_[state].emplace_back(code, next);
      trie_.emplace_back();
      terminal_key_.push_back(no_key);
    }
    state = next;
  }
  if (terminal_key_[state] == no_key) {
    terminal_key_[state] = static_cast<std::uint32_t>(key_length_.size());
    key_length_.push_back(static_cast<std::uint32_t>(folded.size()));
    max_length_ = std::max<std::uint32_t>(max_length_, static_cast<std::uint32_t>(folded.size()));
  }
  return terminal_key_[state];
}

void TermMatcher::build() {
  const std::size_t n = trie_.size();
  // Only the code points that fold into the alphabet get a code; the rest stay 0 (back to the root).
  raw_code_.assign(ScriptFold::table_limit, 0);
  for (char32_t cp : fold_.dropped_code_points()) raw_code_[cp] = drop_code;
  for (const auto& [folded, code] : alphabet_map_) {
    if (folded < ScriptFold::table_limit && fold_.fold(folded) == folded) raw_code_[folded] = code;
    for (char32_t raw : fold_.sources(folded)) raw_code_[raw] = code;
  }
  state_.assign(n, State{0, 0, 0, no_key});
  edges_.clear();
  for (std::size_t s = 0; s < n; ++s) {
    auto& edges = trie_[s];
    std::sort(edges.begin(), edges.end());
    state_[s].edge_begin = static_cast<std::uint32_t>(edges_.size());
    state_[s].edge_count = static_cast<std::uint32_t>(edges.size());
    for (const auto& [c, t] : edges) edges_.push_back({c, t});
  }
  root_next_.assign(codes_, 0);
  for (const auto& [c, t] : trie_[0]) root_next_[c] = t;

  fail_.assign(n, 0);
  output_state_.assign(n, 0);
  std::vector<std::uint32_t> queue;
  queue.reserve(n);
  for (const auto& [c, t] : trie_[0]) queue.push_back(t);
  for (std::size_t qi = 0; qi < queue.size(); ++qi) {
    const std::uint32_t s = queue[qi];
    // A state's own key is longer than any key of its fail chain, which BFS order has finished.
    state_[s].output = terminal_key_[s] != no_key ? terminal_key_[s] : state_[fail_[s]].output;
    output_state_[s] = terminal_key_[s] != no_key ? s : output_state_[fail_[s]];
    for (const auto& [c, t] : trie_[s]) {
      std::uint32_t f = fail_[s];
      std::uint32_t next = 0;
      while (true) {
        next = f == 0 ? root_next_[c] : child(f, c);
        if (next != 0 || f == 0) break;
        f = fail_[f];
      }
      fail_[t] = next;
      state_[t].fail = next;
      queue.push_back(t);
    }
  }
  built_ = true;
}

inline std::uint32_t TermMatcher::child(std::uint32_t state, std::uint32_t code) const noexcept {
  const State& st = state_[state];
  const Edge* first = edges_.data() + st.edge_begin;
  const Edge* last = first + st.edge_count;
  if (st.edge_count <= 8) {
    for (const Edge* p = first; p != last; ++p)
      if (p->code == code) return p->target;
    return 0;
  }
  const Edge* p = std::lower_bound(first, last, code, [](const Edge& e, std::uint32_t c) { return e.code < c; });
  return p != last && p->code == code ? p->target : 0;
}

std::vector<TermMatch> TermMatcher::find(std::string_view text, Span range, bool all_keys) const {
  if (!built_) throw std::logic_error("TermMatcher::find before build()");
  std::vector<TermMatch> out;
  if (key_length_.empty() || range.end > text.size() || range.begin >= range.end) return out;
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* p = base + range.begin;
  const unsigned char* end = base + range.end;
  // Where a match of @p length folded code points ending at @p stop begins: walk back over the text,
  // not counting dropped code points. Done per match only, so the scan itself stores nothing.
  auto start_of = [&](std::size_t stop, std::uint32_t length) {
    std::size_t pos = stop;
    while (length > 0 && pos > range.begin) {
      do --pos;
      while (pos > range.begin && (base[pos] & 0xC0) == 0x80);
      std::size_t len;
      const char32_t cp = decode(base + pos, end, len);
      if (cp >= ScriptFold::table_limit || raw_code_[cp] != drop_code) --length;
    }
    return pos;
  };
  std::uint32_t state = 0;
  while (p < end) {
    std::uint32_t code;
    if (*p < 0x80) {
      code = raw_code_[*p++];
    } else {
      std::size_t len;
      const char32_t cp = decode(p, end, len);
      p += len;
      if (cp < ScriptFold::table_limit) {
        code = raw_code_[cp];
      } else {
        auto it = alphabet_map_.find(cp);
        code = it == alphabet_map_.end() ? 0 : it->second;
      }
    }
    if (code == drop_code) continue;
    if (code == 0) {
      state = 0;
      continue;
    }
    while (true) {
      if (state == 0) {
        state = root_next_[code];
        break;
      }
      const std::uint32_t next = child(state, code);
      if (next != 0) {
        state = next;
        break;
      }
      state = state_[state].fail;
    }
    const std::uint32_t key = state_[state].output;
    if (key != no_key) {
      const std::size_t end_at = static_cast<std::size_t>(p - base);
      const std::uint32_t length = key_length_[key];
      out.push_back({{start_of(end_at, length), end_at}, key, length});
      if (all_keys) {
        // Shorter keys ending here: the output chain through the fail links.
        for (std::uint32_t s = output_state_[fail_[output_state_[state]]]; s != 0; s = output_state_[fail_[s]]) {
          const std::uint32_t k = terminal_key_[s];
          out.push_back({{start_of(end_at, key_length_[k]), end_at}, k, key_length_[k]});
        }
      }
    }
  }
  return out;
}

std::vector<TermMatch> select_longest(std::vector<TermMatch> matches, const std::vector<Span>& taken) {
  if (matches.empty()) return matches;
  std::size_t lo = matches[0].span.begin, hi = 0;
  std::uint32_t longest = 0;
  for (const TermMatch& m : matches) {
    lo = std::min(lo, m.span.begin);
    hi = std::max(hi, m.span.end);
    longest = std::max(longest, m.length);
  }
  // Bytes already covered; a match is free when none of its bytes is.
  std::vector<unsigned char> used(hi - lo, 0);
  for (const Span& s : taken) {
    const std::size_t b = std::max(s.begin, lo), e = std::min(s.end, hi);
    if (b < e) std::fill(used.begin() + (b - lo), used.begin() + (e - lo), 1);
  }
  // Counting sort by length, longest first; within one length the earlier match first.
  std::vector<std::uint32_t> first(longest + 2, 0);
  for (const TermMatch& m : matches) ++first[longest - m.length + 1];
  for (std::size_t i = 1; i < first.size(); ++i) first[i] += first[i - 1];
  std::vector<std::uint32_t> order(matches.size());
  std::vector<std::size_t> by_begin(matches.size());
  for (std::size_t i = 0; i < matches.size(); ++i) by_begin[i] = i;
  std::stable_sort(by_begin.begin(), by_begin.end(),
                   [&](std::size_t a, std::size_t b) { return matches[a].span.begin < matches[b].span.begin; });
  for (std::size_t i : by_begin) order[first[longest - matches[i].length]++] = static_cast<std::uint32_t>(i);
  std::vector<TermMatch> chosen;
  for (std::uint32_t i : order) {
    const Span& s = matches[i].span;
    unsigned char* b = used.data() + (s.begin - lo);
    unsigned char* e = used.data() + (s.end - lo);
    if (std::find(b, e, 1) != e) continue;
    std::fill(b, e, 1);
    chosen.push_back(matches[i]);
  }
  std::sort(chosen.begin(), chosen.end(), [](const TermMatch& a, const TermMatch& b) { return a.span < b.span; });
  return chosen;
}

}  // namespace docpipe::glossary_link
