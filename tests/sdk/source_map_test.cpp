#include <catch2/catch.hpp>

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
