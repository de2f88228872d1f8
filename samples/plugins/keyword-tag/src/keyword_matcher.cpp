#include "keyword_matcher.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "docpipe/utf8.hpp"

namespace keyword_tag {

namespace {

bool is_separator(char32_t cp) {
  return cp == U',' || cp == U'，' || cp == U'、' || cp == U';' || cp == U'；' || cp == U'\n' || cp == U'\r';
}

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\u3000'; }

std::string trimmed(std::string_view s) {
  std::size_t b = 0, e = s.size();
  // Trim whole code points only, so a multi-byte character is never cut.
  while (b < e) {
    std::size_t p = b;
    if (!is_space(docpipe::utf8::next(s, p))) break;
    b = p;
  }
  while (e > b) {
    std::size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t p = start;
    if (!is_space(docpipe::utf8::next(s, p))) break;
    e = start;
  }
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::vector<std::string> split_keyword_list(std::string_view list) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::size_t item_begin = 0, pos = 0;
  auto flush = [&](std::size_t end) {
    std::string k = trimmed(list.substr(item_begin, end - item_begin));
    if (!k.empty() && seen.insert(k).second) out.push_back(std::move(k));
  };
  while (pos < list.size()) {
    const std::size_t at = pos;
    const char32_t cp = docpipe::utf8::next(list, pos);
    if (is_separator(cp)) {
      flush(at);
      item_begin = pos;
    }
  }
  flush(list.size());
  return out;
}

char32_t fold(char32_t cp, bool ignore_case) noexcept {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width forms of ASCII ! .. ~
  else if (cp == 0x3000) cp = U' ';
  if (ignore_case && cp >= U'A' && cp <= U'Z') cp += 32;
  return cp;
}

KeywordMatcher::KeywordMatcher(std::vector<std::string> keywords, bool ignore_case)
    : keywords_(std::move(keywords)), ignore_case_(ignore_case) {
  if (keywords_.empty()) throw std::invalid_argument("keyword-tag: the keyword list is empty");
  nodes_.emplace_back();
  for (std::size_t k = 0; k < keywords_.size(); ++k) {
    const std::string& word = keywords_[k];
    if (!docpipe::utf8::is_valid(word)) throw std::invalid_argument("keyword-tag: keyword is not valid UTF-8");
    int node = 0;
    std::size_t pos = 0;
    while (pos < word.size()) {
      for (char byte : docpipe::utf8::encode(fold(docpipe::utf8::next(word, pos), ignore_case_)))
        node = add_child(node, static_cast<unsigned char>(byte));
    }
    // Two spellings that fold alike (ＧＤＰ and GDP) are one keyword: the first one configured.
    if (nodes_[static_cast<std::size_t>(node)].keyword < 0) nodes_[static_cast<std::size_t>(node)].keyword = static_cast<int>(k);
  }
}

int KeywordMatcher::child(int node, unsigned char byte) const noexcept {
  const auto& next = nodes_[static_cast<std::size_t>(node)].next;
  auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(byte, -1));
  return it != next.end() && it->first == byte ? it->second : -1;
}

int KeywordMatcher::add_child(int node, unsigned char byte) {
  if (int c = child(node, byte); c >= 0) return c;
  const int created = static_cast<int>(nodes_.size());
  nodes_.emplace_back();
  auto& next = nodes_[static_cast<std::size_t>(node)].next;
  next.insert(std::lower_bound(next.begin(), next.end(), std::make_pair(byte, -1)), {byte, created});
  return created;
}

std::vector<KeywordMatch> KeywordMatcher::find(std::string_view text, MatchMode mode) const {
  std::vector<KeywordMatch> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t step = std::max<std::size_t>(1, docpipe::utf8::sequence_length(text, start));
    int node = 0;
    std::size_t pos = start;
    KeywordMatch longest{start, start, 0};
    bool found = false;
    while (pos < text.size() && node >= 0) {
      if (docpipe::utf8::sequence_length(text, pos) == 0) break;  // malformed bytes end every match
      const std::string folded = docpipe::utf8::encode(fold(docpipe::utf8::next(text, pos), ignore_case_));
      for (char byte : folded) {
        node = child(node, static_cast<unsigned char>(byte));
        if (node < 0) break;
      }
      if (node < 0) break;
      if (const int k = nodes_[static_cast<std::size_t>(node)].keyword; k >= 0) {
        if (mode == MatchMode::all) out.push_back({start, pos, static_cast<std::size_t>(k)});
        longest = {start, pos, static_cast<std::size_t>(k)};
        found = true;
      }
    }
    if (mode == MatchMode::longest && found) {
      out.push_back(longest);
      start = longest.end;
    } else {
      start += step;
    }
  }
  return out;
}

}  // namespace keyword_tag
