#pragma once
// Finds configured keywords in a UTF-8 text, tolerant of the damage scraped reports carry: full-width
// Latin letters and digits (５Ｇ for 5G), Latin case, and a U+3000 ideographic space.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace keyword_tag {

/// How matches may relate to each other.
enum class MatchMode {
  longest,  ///< Leftmost-longest, non-overlapping: 高质量发展 wins over 高质量 at the same place.
  all       ///< Every occurrence of every keyword, overlaps included.
};

/// One occurrence of a keyword.
struct KeywordMatch {
  std::size_t begin = 0;    ///< Byte offset in the searched text (a code point boundary).
  std::size_t end = 0;      ///< One past its last byte.
  std::size_t keyword = 0;  ///< Index into KeywordMatcher::keywords().
};

/// Splits a keyword list written in a config: items separated by `,` `，` `、` `;` `；` or a line
/// break, trimmed of spaces; empty items and repeats dropped (first spelling kept).
std::vector<std::string> split_keyword_list(std::string_view list);

/// The folded form used for matching: full-width ASCII to ASCII, U+3000 to a space, and (when
/// @p ignore_case) ASCII letters to lower case.
char32_t fold(char32_t cp, bool ignore_case) noexcept;

/// A byte trie over the folded keywords, walked one code point at a time from every code point of the
/// text; the cost is bounded by the text's length times the longest keyword.
class KeywordMatcher {
 public:
  /// Builds the matcher. Throws std::invalid_argument when no keyword is left after splitting.
  KeywordMatcher(std::vector<std::string> keywords, bool ignore_case);

  /// The matches in @p text, in text order. Malformed UTF-8 never matches and is skipped safely.
  std::vector<KeywordMatch> find(std::string_view text, MatchMode mode) const;

  /// The keywords as configured.
  const std::vector<std::string>& keywords() const noexcept { return keywords_; }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, int>> next;  // few children per node: a sorted list
    int keyword = -1;                                 // keyword ending here
  };
  int child(int node, unsigned char byte) const noexcept;
  int add_child(int node, unsigned char byte);

  std::vector<std::string> keywords_;
  bool ignore_case_;
  std::vector<Node> nodes_;
};

}  // namespace keyword_tag
