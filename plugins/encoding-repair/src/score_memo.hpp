#pragma once
// A small direct-mapped cache of scores: the lost-byte search asks for the same (context, character)
// scores over and over across beam nodes and passes, and a full memo of a document's scores is too
// large to stay in the processor's cache.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace encoding_repair {

/// Scores keyed by up to three code points, one slot per key hash: a newer key evicts an older one.
/// Returns exactly the double computed for a key (a hit is the stored value, bit for bit).
class ScoreMemo {
 public:
  /// A memo of 2^@p bits slots.
  explicit ScoreMemo(unsigned bits) : slots_(std::size_t{1} << bits), shift_(64 - bits) {}

  /// The score of (@p a, @p b, @p c): the stored one, or @p compute() stored.
  template <typename Compute>
  double get(char32_t a, char32_t b, char32_t c, Compute&& compute) {
    // Code points fit in 21 bits; anything larger is computed, never stored.
    if ((a | b | c) >= kLimit) return compute();
    const std::uint64_t key = (std::uint64_t{a} << 42) | (std::uint64_t{b} << 21) | c;
    // The top bits of the product depend on every bit of the key.
    Slot& slot = slots_[static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_)];
    if (slot.key != key) {
      slot.value = compute();
      slot.key = key;
    }
    return slot.value;
  }

 private:
  static constexpr char32_t kLimit = 1u << 21;
  struct Slot {
    std::uint64_t key = ~std::uint64_t{0};  // no key: keys use 63 bits
    double value = 0;
  };
  std::vector<Slot> slots_;
  unsigned shift_;
};

}  // namespace encoding_repair
