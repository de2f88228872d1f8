#include <catch2/catch.hpp>

#include <random>

#include "docpipe/export/text_offsets.hpp"
#include "docpipe/utf8.hpp"

using docpipe::exporting::TextOffsets;

TEST_CASE("TextOffsets agrees with CodepointIndex at every byte of mixed-width texts") {
  std::mt19937 rng(11);
  const std::string pieces[] = {"a", "é", "叢", "😀", "\xff", "\x80", "\n"};
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
