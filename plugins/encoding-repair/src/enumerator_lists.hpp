#pragma once
// The numbered lists a document writes with enumerator characters (①②③, ⑴⑵⑶, ⒈⒉⒊). A damaged
// run that swallowed an enumerator leaves its list going on after it without that item: a list
// that continues with ② right after the run most likely had its ① inside it. A model of other
// reports cannot know this (an enumerator after a comma is rare anywhere); the document says it.

#include <cstddef>
#include <string_view>
#include <vector>

namespace encoding_repair {

/// Where the enumerators of one text are, to tell which one a damaged stretch most likely lost.
class EnumeratorLists {
 public:
  /// Finds the enumerators of @p text (UTF-8), which must outlive this object.
  explicit EnumeratorLists(std::string_view text);

  /// An enumerator the text lacks in a stretch.
  struct Missing {
    char32_t enumerator = 0;     ///< 0 when no list lacks an item there.
    std::size_t distance = 0;    ///< Characters from the stretch's start to the item that follows it.
  };

  /// The enumerator E(k) that the bytes [@p begin, @p end) most likely held: the next enumerator of
  /// its family at or after @p end is E(k+1), and the last one before @p begin is not E(k) (that
  /// list has its item already). Enumerators inside the stretch (mojibake makes them) are ignored;
  /// the nearest follower decides when families are nested.
  Missing missing_between(std::size_t begin, std::size_t end) const noexcept;

  /// The family (0: circled, 1: parenthesized, 2: with a full stop) and 0-based number of @p c, or
  /// a family of -1 when @p c is not an enumerator.
  static int family(char32_t c) noexcept;

 private:
  struct Seen {
    std::size_t pos;
    char32_t c;
  };
  std::string_view text_;
  std::vector<Seen> seen_;  // in text order
};

}  // namespace encoding_repair
