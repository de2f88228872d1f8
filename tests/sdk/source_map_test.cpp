#include <catch2/catch.hpp>

#include <cstdint>
#include <utility>
#include <vector>

#include "docpipe/source_map.hpp"

using docpipe::SourceMap;

TEST_CASE("identity map") {
  auto m = SourceMap::identity(10);
  CHECK(m.runs().size() == 1);
  CHECK(m.to_source(4) == 4);
  CHECK(m.to_source_end(4) == 4);
  CHECK(m.to_source(10) == 10);
}

TEST_CASE("GBK-like units: 3 text bytes from 2 source bytes") {
  SourceMap m;
  m.append(1, 1);                        // 'A'
  for (int i = 0; i < 4; ++i) m.append(3, 2);  // four CJK characters
  m.append(1, 1);                        // 'B'
  CHECK(m.text_size() == 14);
  CHECK(m.source_size() == 10);
  CHECK(m.runs().size() == 3);
  CHECK(m.to_source(1) == 1);
  CHECK(m.to_source(4) == 3);
  CHECK(m.to_source(13) == 9);
  CHECK(m.to_source_end(7) == 5);   // after the second character
  CHECK(m.to_source(5) == 3);       // inside a character: its start
  CHECK(m.to_source_end(5) == 5);   // inside a character: its end
}

TEST_CASE("deleted source bytes are zero-width units") {
  SourceMap m;
  m.append(2, 2);
  m.append(0, 7);  // a removed tag
  m.append(3, 3);
  CHECK(m.to_source(2) == 9);      // the character after the tag starts after it
  CHECK(m.to_source_end(2) == 2);  // the text before the tag ends before it
  SourceMap slice;
  slice.append_slice(m, 2, 5);     // a slice starting at the deletion takes it along
  CHECK(slice.source_size() == 10);
  SourceMap head;
  head.append_slice(m, 0, 2);      // ...and a slice ending there does not
  CHECK(head.source_size() == 2);
}

TEST_CASE("append_slice of a slice composes") {
  SourceMap m;
  for (int i = 0; i < 5; ++i) m.append(3, 2);
  SourceMap part;
  part.append_slice(m, 3, 12);
  CHECK(part.text_size() == 9);
  CHECK(part.source_size() == 6);
}

namespace {

/// A map built of random units: byte runs, GBK-like 3:2 characters, 4:4 and 2:1 units, deletions
/// and insertions, each repeated a few times so that runs form.
SourceMap random_map(unsigned seed, std::vector<std::pair<std::size_t, std::size_t>>& units) {
  const std::pair<std::size_t, std::size_t> shapes[] = {{1, 1}, {3, 2}, {3, 3}, {4, 4}, {2, 1}, {0, 5}, {3, 0}, {0, 2}};
  SourceMap m;
  std::uint64_t x = seed * 2654435761u + 1;
  auto next = [&x](std::uint64_t n) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (x >> 33) % n;
  };
  for (int i = 0; i < 40; ++i) {
    const auto shape = shapes[next(8)];
    for (std::uint64_t k = next(5); k > 0; --k) {
      m.append(shape.first, shape.second);
      units.push_back(shape);
    }
  }
  return m;
}

/// The documented meaning of append_slice, unit by unit: the units whose text lies in [begin, end)
/// (cut units give their text bytes there, and their source bytes to the piece holding their first
/// text byte); zero-width units at @p begin are taken, those at @p end only at the map's end.
SourceMap slice_by_units(const std::vector<std::pair<std::size_t, std::size_t>>& units, std::size_t total,
                         std::size_t begin, std::size_t end) {
  SourceMap out;
  std::size_t at = 0;
  for (const auto& [t, s] : units) {
    if (t == 0) {
      if (at >= begin && (at < end || end == total)) out.append(0, s);
    } else if (at + t > begin && at < end) {
      const std::size_t lo = std::max(at, begin), hi = std::min(at + t, end);
      if (t == s && t > 1) {
        out.append(hi - lo, hi - lo);  // equal-length units are stored as bytes: any cut is exact
      } else {
        out.append(hi - lo, lo == at ? s : 0);
      }
    }
    at += t;
  }
  return out;
}

bool same_runs(const SourceMap& a, const SourceMap& b) {
  if (a.text_size() != b.text_size() || a.source_size() != b.source_size() || a.runs().size() != b.runs().size())
    return false;
  for (std::size_t i = 0; i < a.runs().size(); ++i) {
    const auto &x = a.runs()[i], &y = b.runs()[i];
    if (x.text_begin != y.text_begin || x.source_begin != y.source_begin || x.count != y.count ||
        x.text_unit != y.text_unit || x.source_unit != y.source_unit)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("appending count equal units builds the map of as many single appends") {
  const std::pair<std::size_t, std::size_t> shapes[] = {{1, 1}, {3, 2}, {3, 3}, {0, 4}, {2, 0}, {0, 0}};
  for (const auto& before : shapes)
    for (const auto& unit : shapes)
      for (std::size_t count : {0, 1, 2, 7}) {
        SourceMap one_by_one, bulk;
        one_by_one.append(before.first, before.second);
        bulk.append(before.first, before.second);
        for (std::size_t k = 0; k < count; ++k) one_by_one.append(unit.first, unit.second);
        bulk.append(unit.first, unit.second, count);
        INFO("after " << before.first << ":" << before.second << ", " << count << " units " << unit.first << ":" << unit.second);
        CHECK(same_runs(bulk, one_by_one));
      }
}

TEST_CASE("append_slice takes whole units in bulk and cut units as documented") {
  for (unsigned seed = 1; seed <= 30; ++seed) {
    std::vector<std::pair<std::size_t, std::size_t>> units;
    const SourceMap m = random_map(seed, units);
    const std::size_t n = m.text_size();
    for (std::size_t begin = 0; begin <= n; begin += 1 + seed % 5)
      for (std::size_t end = begin; end <= n; end += 1 + (begin + seed) % 7) {
        SourceMap slice, expected;
        slice.append(2, 1);  // the slice continues a map that already holds something
        expected.append(2, 1);
        slice.append_slice(m, begin, end);
        const SourceMap by_units = slice_by_units(units, n, begin, end);
        for (const auto& run : by_units.runs()) expected.append(run.text_unit, run.source_unit, run.count);
        INFO("seed " << seed << ", slice [" << begin << ", " << end << ") of " << n);
        REQUIRE(same_runs(slice, expected));
      }
  }
}
