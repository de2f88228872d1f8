#include "term_matcher.hpp"

#include <algorithm>
#include <map>
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
  edge_begin_.assign(n + 1, 0);
  edge_code_.clear();
  edge_target_.clear();
  for (std::size_t s = 0; s < n; ++s) {
    auto& edges = trie_[s];
    std::sort(edges.begin(), edges.end());
    edge_begin_[s] = static_cast<std::uint32_t>(edge_code_.size());
    for (const auto& [c, t] : edges) {
      edge_code_.push_back(c);
      edge_target_.push_back(t);
    }
  }
  edge_begin_[n] = static_cast<std::uint32_t>(edge_code_.size());
  root_next_.assign(codes_, 0);
  for (const auto& [c, t] : trie_[0]) root_next_[c] = t;

  fail_.assign(n, 0);
  output_.assign(n, no_key);
  output_state_.assign(n, 0);
  std::vector<std::uint32_t> queue;
  queue.reserve(n);
  for (const auto& [c, t] : trie_[0]) queue.push_back(t);
  for (std::size_t qi = 0; qi < queue.size(); ++qi) {
    const std::uint32_t s = queue[qi];
    // A state's own key is longer than any key of its fail chain, which BFS order has finished.
    output_[s] = terminal_key_[s] != no_key ? terminal_key_[s] : output_[fail_[s]];
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
      queue.push_back(t);
    }
  }
  built_ = true;
}

inline std::uint32_t TermMatcher::child(std::uint32_t state, std::uint32_t code) const noexcept {
  const std::uint32_t* first = edge_code_.data() + edge_begin_[state];
  const std::uint32_t* last = edge_code_.data() + edge_begin_[state + 1];
  if (last - first <= 8) {
    for (const std::uint32_t* p = first; p != last; ++p)
      if (*p == code) return edge_target_[p - edge_code_.data()];
    return 0;
  }
  const std::uint32_t* p = std::lower_bound(first, last, code);
  return p != last && *p == code ? edge_target_[p - edge_code_.data()] : 0;
}

std::vector<TermMatch> TermMatcher::find(std::string_view text, Span range, bool all_keys) const {
  if (!built_) throw std::logic_error("TermMatcher::find before build()");
  std::vector<TermMatch> out;
  if (key_length_.empty() || range.end > text.size() || range.begin >= range.end) return out;
  // Ring of the start offsets of the last code points fed to the automaton, to find where a match
  // of a given folded length began.
  std::size_t ring_size = 1;
  while (ring_size < max_length_ + 1) ring_size <<= 1;
  std::vector<std::size_t> ring(ring_size, 0);
  const std::size_t mask = ring_size - 1;
  std::size_t fed = 0;

  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* p = base + range.begin;
  const unsigned char* end = base + range.end;
  std::uint32_t state = 0;
  while (p < end) {
    std::size_t len;
    const char32_t cp = decode(p, end, len);
    std::uint32_t code;
    if (cp < ScriptFold::table_limit) {
      code = raw_code_[cp];
    } else {
      auto it = alphabet_map_.find(cp);
      code = it == alphabet_map_.end() ? 0 : it->second;
    }
    const std::size_t at = static_cast<std::size_t>(p - base);
    p += len;
    if (code == drop_code) continue;
    ring[fed++ & mask] = at;
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
      state = fail_[state];
    }
    const std::uint32_t key = output_[state];
    if (key != no_key) {
      const std::size_t end_at = static_cast<std::size_t>(p - base);
      const std::uint32_t length = key_length_[key];
      out.push_back({{ring[(fed - length) & mask], end_at}, key, length});
      if (all_keys) {
        // Shorter keys ending here: the output chain through the fail links.
        for (std::uint32_t s = output_state_[fail_[output_state_[state]]]; s != 0; s = output_state_[fail_[s]]) {
          const std::uint32_t k = terminal_key_[s];
          out.push_back({{ring[(fed - key_length_[k]) & mask], end_at}, k, key_length_[k]});
        }
      }
    }
  }
  return out;
}

std::vector<TermMatch> select_longest(std::vector<TermMatch> matches, const std::vector<Span>& taken) {
  std::vector<std::size_t> order(matches.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (matches[a].length != matches[b].length) return matches[a].length > matches[b].length;
    return matches[a].span.begin < matches[b].span.begin;
  });
  std::map<std::size_t, std::size_t> occupied;  // begin -> end of chosen spans
  auto free = [&](const Span& s) {
    auto it = occupied.upper_bound(s.begin);
    if (it != occupied.end() && it->first < s.end) return false;
    if (it != occupied.begin() && std::prev(it)->second > s.begin) return false;
    return true;
  };
  for (const Span& s : taken)
    if (!s.empty() && free(s)) occupied.emplace(s.begin, s.end);
  std::vector<TermMatch> chosen;
  for (std::size_t i : order) {
    if (!free(matches[i].span)) continue;
    occupied.emplace(matches[i].span.begin, matches[i].span.end);
    chosen.push_back(matches[i]);
  }
  std::sort(chosen.begin(), chosen.end(), [](const TermMatch& a, const TermMatch& b) { return a.span < b.span; });
  return chosen;
}

}  // namespace docpipe::glossary_link
