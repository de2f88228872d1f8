#pragma once
// A cache model: the character pairs of the document being repaired. Reports repeat their own
// terms (a district's road names, its enumerators), which a model of other reports cannot know.

#include <cstdint>
#include <string_view>
#include <vector>

namespace encoding_repair {

/// Bigram counts of one text, as a probability to interpolate with the character model.
class DocumentCache {
 public:
  /// Counts the character pairs of @p text (UTF-8), normalized like the character model, leaving
  /// out the runs after `?` and U+FFFD that may be damage.
  explicit DocumentCache(std::string_view text);
  /// P(@p cur | @p prev) in the document (0 when @p prev never occurs).
  double probability(char32_t prev, char32_t cur) const noexcept;
  /// A first character looked up once, to ask for many characters after it.
  struct Row {
    char32_t prev = 0;       ///< Normalized.
    std::uint32_t count = 0;  ///< How often it is followed by anything.
  };
  /// The row of @p prev for probability(const Row&, char32_t).
  Row row(char32_t prev) const noexcept;
  /// probability(prev, @p cur) for the row @p r of prev, bit for bit.
  double probability(const Row& r, char32_t cur) const noexcept;

 private:
  // One open-addressing table for pair counts (prev << 32 | cur) and first-character counts
  // (prev << 32 | kFirst): the search asks for millions of pairs, most of them absent, and a
  // flat table answers those in one or two probes.
  static constexpr std::uint32_t kFirst = 0xFFFFFFFF;  // no code point
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  struct Slot {
    std::uint64_t key = kEmpty;
    std::uint32_t count = 0;
  };
  void add(std::uint64_t key);
  std::uint32_t count(std::uint64_t key) const noexcept;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace encoding_repair
