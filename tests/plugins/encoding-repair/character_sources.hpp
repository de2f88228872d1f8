#pragma once
// Checking a decoded document's source map character by character (Catch2 assertions).

#include <catch2/catch.hpp>

#include <string_view>

#include "docpipe/document.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair::test {

/// Every code point of @p d's text maps back to a non-empty range of whole input bytes, which
/// @p fits(character, bytes) must accept (both as UTF-8 / raw views).
template <class Fits>
void check_character_sources(const docpipe::Document& d, Fits fits) {
  std::size_t pos = 0;
  while (pos < d.text.size()) {
    std::size_t next = pos;
    docpipe::utf8::next(d.text, next);
    const std::size_t b = d.source_map.to_source(pos), e = d.source_map.to_source_end(next);
    REQUIRE(e > b);
    INFO("text offset " << pos);
    CHECK(fits(std::string_view(d.text).substr(pos, next - pos), std::string_view(d.raw).substr(b, e - b)));
    pos = next;
  }
}

}  // namespace encoding_repair::test
