#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>
#include <tuple>

#include "score_memo.hpp"

using namespace encoding_repair;

namespace {
/// A score that differs for every key, down to the last bit.
double score_of(char32_t a, char32_t b, char32_t c) { return std::log10(1.0 + a * 1e-3 + b * 1e-7 + c * 1e-11); }
}  // namespace

TEST_CASE("the memo gives back exactly what was computed for each key whatever was evicted") {
  ScoreMemo memo(6);  // 64 slots for thousands of keys: evictions on most lookups
  std::mt19937 rng(7);
  std::map<std::tuple<char32_t, char32_t, char32_t>, int> computed;
  std::size_t wrong = 0, lookups = 0;
  for (int i = 0; i < 20000; ++i) {
    // A few keys asked for often (hits), many once (misses), some beyond 21 bits (never stored).
    const char32_t a = rng() % 4 == 0 ? 0x4E00 + rng() % 4 : 0x4E00 + rng() % 3000;
    const char32_t b = 0x6000 + rng() % 8;
    const char32_t c = rng() % 50 == 0 ? 0x200000 + rng() % 5 : 0x7000 + rng() % 16;
    int calls = 0;
    const double v = memo.get(a, b, c, [&] {
      ++calls;
      return score_of(a, b, c);
    });
    wrong += v != score_of(a, b, c);
    computed[{a, b, c}] += calls;
    ++lookups;
  }
  CHECK(lookups == 20000);
  CHECK(wrong == 0);
  // Keys past 21 bits are computed on every lookup; the memo saved work on the others.
  std::size_t computations = 0;
  for (const auto& [key, n] : computed) computations += n;
  CHECK(computations < lookups);
}

TEST_CASE("keys that share their low bits do not collide") {
  ScoreMemo memo(10);
  // (a, b, c) and (a, c, b), and keys differing only in the first code point.
  const double x = memo.get(0x4E00, 0x4E01, 0x4E02, [] { return 1.0; });
  const double y = memo.get(0x4E00, 0x4E02, 0x4E01, [] { return 2.0; });
  const double z = memo.get(0x14E00, 0x4E01, 0x4E02, [] { return 3.0; });
  CHECK(x == 1.0);
  CHECK(y == 2.0);
  CHECK(z == 3.0);
  // Asked again: the stored value, not a new computation.
  CHECK(memo.get(0x4E00, 0x4E01, 0x4E02, [] { return -1.0; }) == 1.0);
}
