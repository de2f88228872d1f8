#pragma once
// A cache model: the character pairs of the document being repaired. Reports repeat their own
// terms (a district's road names, its enumerators), which a model of other reports cannot know.

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace encoding_repair {

/// Bigram counts of one text, as a probability to interpolate with the character model.
class DocumentCache {
 public:
  /// Counts the character pairs of @p text (UTF-8), normalized like the character model, leaving
  /// out the runs after `?` and U+FFFD that may be damage.
  explicit DocumentCache(std::string_view text);
  /// P(@p cur | @p prev) in the document (0 when @p prev never occurs).
  double probability(char32_t prev, char32_t cur) const noexcept;

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> pairs_;
  std::unordered_map<char32_t, std::uint32_t> firsts_;
};

}  // namespace encoding_repair
