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
  }
  return terminal_key_[state];
}

void TermMatcher::build() {
  const std::size_t n = trie_.size();
  // Only the code points that fold into the alphabet get a code; the rest stay 0 (back to the root).
  code_block_.assign(ScriptFold::table_limit >> 8, 0);
  code_data_.assign(256, 0);
  for (char32_t cp : fold_.dropped_code_points()) set_code(cp, drop_code);
  std::vector<char32_t> coded;  // every code point given a code of the alphabet
  for (const auto& [folded, code] : alphabet_map_) {
    if (folded < ScriptFold::table_limit && fold_.fold(folded) == folded) {
      set_code(folded, code);
      coded.push_back(folded);
    }
    for (char32_t raw : fold_.sources(folded)) {
      set_code(raw, code);
      coded.push_back(raw);
    }
  }
  for (auto& edges : trie_) std::sort(edges.begin(), edges.end());
  auto child = [&](std::uint32_t node, std::uint32_t code) -> std::uint32_t {
    const auto& edges = trie_[node];
    auto it = std::lower_bound(edges.begin(), edges.end(), std::make_pair(code, std::uint32_t(0)));
    return it != edges.end() && it->first == code ? it->second : 0;
  };
  // Fail links and outputs over trie nodes, in breadth-first order.
  std::vector<std::uint32_t> fail(n, 0), output_node(n, 0);
  std::vector<std::uint32_t> queue;
  queue.reserve(n);
  for (const auto& [c, t] : trie_[0]) queue.push_back(t);
  for (std::size_t qi = 0; qi < queue.size(); ++qi) {
    const std::uint32_t s = queue[qi];
    // A node's own key is longer than any key of its fail chain, which BFS order has finished.
    output_node[s] = terminal_key_[s] != no_key ? s : output_node[fail[s]];
    for (const auto& [c, t] : trie_[s]) {
      std::uint32_t f = fail[s], next = 0;
      while (true) {
        next = child(f, c);
        if (next != 0 || f == 0) break;
        f = fail[f];
      }
      fail[t] = next;
      queue.push_back(t);
    }
  }
  build_double_array(fail, output_node);
  // The scan's root test (see find()), per code point, from the finished tables.
  starts_key_.assign(0x10000 / 64, 0);
  const std::uint32_t root_base = units_[0].base;
  for (char32_t cp : coded) {
    if (cp >= 0x10000) continue;
    const std::uint32_t c = raw_code(cp);
    if (c != 0 && c != drop_code && units_[root_base + c].check == 1) starts_key_[cp >> 6] |= std::uint64_t{1} << (cp & 63);
  }
  states_ = n;
  built_ = true;
}

void TermMatcher::set_code(char32_t cp, std::uint32_t code) {
  std::uint32_t& block = code_block_[cp >> 8];
  if (block == 0) {
    block = static_cast<std::uint32_t>(code_data_.size() >> 8);
    code_data_.resize(code_data_.size() + 256, 0);
  }
  code_data_[(std::size_t(block) << 8) | (cp & 0xFF)] = code;
}

void TermMatcher::build_double_array(const std::vector<std::uint32_t>& fail,
                                     const std::vector<std::uint32_t>& output_node) {
  const std::size_t n = trie_.size();
  std::vector<std::uint32_t> slot_of(n, 0), base_of(n, 0);
  std::vector<bool> used(std::size_t(codes_) + 1, false);
  used[0] = true;  // the root
  // next_free[i]: a hint towards the first free slot at or after i (path-compressed), so placing a
  // node skips the filled prefix of the array.
  std::vector<std::uint32_t> next_free(used.size());
  for (std::size_t i = 0; i < next_free.size(); ++i) next_free[i] = static_cast<std::uint32_t>(i);
  auto grow = [&](std::size_t size) {
    if (size <= used.size()) return;
    const std::size_t old = used.size();
    used.resize(size, false);
    next_free.resize(size);
    for (std::size_t i = old; i < size; ++i) next_free[i] = static_cast<std::uint32_t>(i);
  };
  auto find_free = [&](std::uint32_t i) {
    std::uint32_t r = i;
    while (true) {
      grow(std::size_t(r) + 1);
      if (!used[r]) break;
      r = next_free[r] > r ? next_free[r] : r + 1;
    }
    for (std::uint32_t j = i; j < r;) {  // compress the path walked
      const std::uint32_t nx = next_free[j] > j ? next_free[j] : j + 1;
      next_free[j] = r;
      j = nx;
    }
    return r;
  };
  std::vector<std::uint32_t> order{0};
  order.reserve(n);
  for (std::size_t qi = 0; qi < order.size(); ++qi) {
    const std::uint32_t node = order[qi];
    const auto& edges = trie_[node];
    if (edges.empty()) continue;
    const std::uint32_t first_code = edges.front().first;  // codes start at 1, so every base >= 0 works
    std::uint32_t f = find_free(first_code);
    while (true) {
      const std::uint32_t b = f - first_code;
      bool fits = true;
      for (std::size_t k = 1; fits && k < edges.size(); ++k) {
        grow(std::size_t(b) + edges[k].first + 1);
        fits = !used[b + edges[k].first];
      }
      if (fits) {
        base_of[node] = b;
        for (const auto& [c, t] : edges) {
          used[b + c] = true;
          slot_of[t] = b + c;
          order.push_back(t);
        }
        break;
      }
      f = find_free(f + 1);
    }
  }
  std::uint32_t max_base = 0;
  for (std::uint32_t b : base_of) max_base = std::max(max_base, b);
  // Room for base + any code, so the scan needs no bounds check.
  units_.assign(std::max<std::size_t>(used.size(), std::size_t(max_base) + codes_ + 1), Unit{});
  output_slot_.assign(units_.size(), 0);
  slot_key_.assign(units_.size(), no_key);
  for (std::size_t node = 0; node < n; ++node) {
    Unit& u = units_[slot_of[node]];
    u.base = base_of[node];
    u.fail = slot_of[fail[node]];
    const std::uint32_t out = output_node[node];
    u.output = out == 0 ? no_key : terminal_key_[out];
    output_slot_[slot_of[node]] = slot_of[out];
    slot_key_[slot_of[node]] = terminal_key_[node];
    for (const auto& [c, t] : trie_[node]) units_[slot_of[t]].check = slot_of[node] + 1;
  }
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
      if (cp >= ScriptFold::table_limit || raw_code(cp) != drop_code) --length;
    }
    return pos;
  };
  const std::uint32_t root_base = units_[0].base;
  std::uint32_t state = 0;
  while (p < end) {
    if (state == 0) {
      // At the root, a code point that starts no key (code 0, or no child of the root) or is dropped
      // leaves the state at the root and reports nothing: most of a text is stepped over here, ASCII
      // and three-byte sequences decoded inline as decode() would.
      while (p < end) {
        const unsigned char b = *p;
        std::uint32_t c;
        const unsigned char* after;
        if (b < 0x80) {
          c = raw_code(b);
          after = p + 1;
        } else if (b >= 0xE0 && b < 0xF0 && end - p >= 3) {
          // Most of a Chinese text: one bit says whether the code point starts a key (what the test
          // below would find from its code), and only then is the code looked up.
          const char32_t cp = (char32_t(b & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          if (!((starts_key_[cp >> 6] >> (cp & 63)) & 1)) {
            p += 3;
            continue;
          }
          c = raw_code(cp);
          after = p + 3;
        } else {
          break;
        }
        if (c != 0 && c != drop_code && units_[root_base + c].check == 1) break;  // a key starts here
        p = after;
      }
      if (p >= end) break;
    }
    std::uint32_t code;
    if (*p < 0x80) {
      code = raw_code(*p++);
    } else {
      std::size_t len;
      const char32_t cp = decode(p, end, len);
      p += len;
      if (cp < ScriptFold::table_limit) {
        code = raw_code(cp);
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
      const std::uint32_t next = units_[state].base + code;
      if (units_[next].check == state + 1) {
        state = next;
        break;
      }
      if (state == 0) break;
      state = units_[state].fail;
    }
    const std::uint32_t key = units_[state].output;
    if (key != no_key) {
      const std::size_t end_at = static_cast<std::size_t>(p - base);
      const std::uint32_t length = key_length_[key];
      out.push_back({{start_of(end_at, length), end_at}, key, length});
      if (all_keys) {
        // Shorter keys ending here: the output chain through the fail links.
        for (std::uint32_t s = output_slot_[units_[output_slot_[state]].fail]; s != 0;
             s = output_slot_[units_[s].fail]) {
          const std::uint32_t k = slot_key_[s];
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
  // Counting sort by length, longest first. find() reports matches in order of their ends, and for
  // one length that is also the order of their beginnings, so the sort keeps earlier matches first.
  const auto by_end = [](const TermMatch& a, const TermMatch& b) { return a.span.end < b.span.end; };
  if (!std::is_sorted(matches.begin(), matches.end(), by_end)) std::stable_sort(matches.begin(), matches.end(), by_end);
  std::vector<std::uint32_t> first(longest + 2, 0);
  for (const TermMatch& m : matches) ++first[longest - m.length + 1];
  for (std::size_t i = 1; i < first.size(); ++i) first[i] += first[i - 1];
  std::vector<std::uint32_t> order(matches.size());
  for (std::size_t i = 0; i < matches.size(); ++i) order[first[longest - matches[i].length]++] = static_cast<std::uint32_t>(i);
  std::vector<bool> keep(matches.size(), false);
  for (std::uint32_t i : order) {
    const Span& s = matches[i].span;
    unsigned char* b = used.data() + (s.begin - lo);
    unsigned char* e = used.data() + (s.end - lo);
    if (std::find(b, e, 1) != e) continue;
    std::fill(b, e, 1);
    keep[i] = true;
  }
  // Chosen matches do not overlap, so their order of ends is text order.
  std::vector<TermMatch> chosen;
  for (std::size_t i = 0; i < matches.size(); ++i)
    if (keep[i]) chosen.push_back(matches[i]);
  return chosen;
}

}  // namespace docpipe::glossary_link
