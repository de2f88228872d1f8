#include <catch2/catch.hpp>

#include <random>

#include "docpipe/export/text_offsets.hpp"
#include "docpipe/utf8.hpp"

using docpipe::exporting::TextOffsets;

TEST_CASE("TextOffsets agrees with CodepointIndex at every byte of mixed-width texts") {
  std::mt19937 rng(11);
  const std::string pieces[] = {"a", "é", "叢", "😀", "\n"};
  for (int round = 0; round < 50; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 400);
    for (int i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    const TextOffsets fast(text);
    const docpipe::CodepointIndex reference(text);
    REQUIRE(fast.size() == reference.size());
    for (std::size_t b = 0; b <= text.size() + 2; ++b) {
      INFO("round " << round << " byte " << b);
      REQUIRE(fast.to_codepoint(b) == reference.to_codepoint(b));
    }
  }
}

TEST_CASE("code point offsets count an emoji and a CJK character as one each") {
  const std::string text = "叢臺😀ab";
  const TextOffsets at(text);
  CHECK(at.size() == 5);
  CHECK(at.to_codepoint(3) == 1);   // after 叢
  CHECK(at.to_codepoint(6) == 2);   // after 臺
  CHECK(at.to_codepoint(10) == 3);  // after the emoji
  CHECK(at.to_codepoint(8) == 2);   // inside the emoji: the code point that holds it
  const auto [b, e] = at.convert({6, 10});
  CHECK(b == 2);
  CHECK(e == 3);
}

TEST_CASE("on malformed text, offsets count code points as the JSON writer emits them") {
  std::mt19937 rng(13);
  // Stray trail bytes, a lone lead byte, a truncated sequence, a surrogate: each malformed byte
  // becomes one U+FFFD in the JSON text.
  const std::string pieces[] = {"a", "叢", "😀", "\x80", "\xbf", "\xff", "\xe4\xb8", "\xed\xa0\x80"};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    const TextOffsets at(text);
    // The reference: decode the whole text the lenient way (docpipe::utf8::next, one U+FFFD per
    // malformed byte), as append_string does; at each code point's first byte, its index.
    std::size_t index = 0;
    for (std::size_t pos = 0; pos < text.size(); ++index) {
      INFO("round " << round << " byte " << pos);
      REQUIRE(at.to_codepoint(pos) == index);
      docpipe::utf8::next(text, pos);
    }
    std::size_t total = 0;
    for (std::size_t pos = 0; pos < text.size(); ++total) docpipe::utf8::next(text, pos);
    CHECK(at.size() == total);
  }
}

TEST_CASE("TextOffsets agrees with CodepointIndex on long texts, whatever their length past 32-byte blocks") {
  // Long enough for the 32-byte path (AVX2, where the processor has it) and every remainder of words
  // and bytes after it.
  std::mt19937 rng(29);
  const std::string pieces[] = {"a", "é", "叢", "😀", "\n", "12"};
  for (int round = 0; round < 40; ++round) {
    std::string text;
    while (text.size() < 4096 + static_cast<std::size_t>(round)) text += pieces[rng() % std::size(pieces)];
    const TextOffsets fast(text);
    const docpipe::CodepointIndex reference(text);
    REQUIRE(fast.size() == reference.size());
    for (std::size_t b = 0; b <= text.size(); ++b) {
      if (fast.to_codepoint(b) != reference.to_codepoint(b)) {
        INFO("round " << round << " byte " << b);
        REQUIRE(fast.to_codepoint(b) == reference.to_codepoint(b));
      }
    }
  }
}
