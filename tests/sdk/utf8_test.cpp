#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "docpipe/utf8.hpp"

using namespace docpipe;

TEST_CASE("utf8::find_invalid finds the first malformed byte") {
  CHECK(utf8::is_valid("plain ascii text that is longer than eight bytes"));
  CHECK(utf8::is_valid("叢臺區政府工作報告"));
  CHECK(utf8::find_invalid("abc\xff") == 3);
  CHECK(utf8::find_invalid("abcdefghij\xe4\xb8") == 10);      // truncated sequence
  CHECK(utf8::find_invalid("\xc0\xaf") == 0);                 // overlong
  CHECK(utf8::find_invalid("ok\xed\xa0\x80") == 2);           // surrogate
  CHECK(utf8::find_invalid("\xf4\x90\x80\x80") == 0);         // past U+10FFFF
}

// The fast paths of find_invalid (ASCII words, runs of three-byte sequences) and of next() must agree
// with the plain walk over sequence_length() on any input, wherever the malformed byte falls.
TEST_CASE("utf8::find_invalid and utf8::next agree with a walk over sequence_length") {
  auto reference = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t len = utf8::sequence_length(s, i);
      if (len == 0) return i;
      i += len;
    }
    return std::string_view::npos;
  };
  // Pieces around every boundary of the well-formedness table, plus whole characters so that long
  // valid runs (and so the fast paths) occur.
  const std::vector<std::string> pieces = {
      "a", "0123456789", "\x7f", "\x80", "\x9f", "\xa0", "\xbf", "\xc0", "\xc1", "\xc2", "\xdf", "\xe0", "\xe1",
      "\xec", "\xed", "\xee", "\xef", "\xf0", "\xf3", "\xf4", "\xf5", "\xff", "中", "國", "，", "\xe0\xa0\x80",
      "\xed\x9f\xbf", "\xed\xa0\x80", "\xe0\x9f\xbf", "\xef\xbf\xbf", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf",
      "\xf4\x90\x80\x80", "\xc3\xa9", "政府工作报告", "ascii words of text"};
  std::uint64_t state = 88172645463325252ULL;  // xorshift: the same cases on every run
  auto next_random = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  std::size_t malformed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    // Short strings, and (every fourth round) strings of several 32-byte blocks, where find_invalid
    // takes its AVX2 path on machines that have it.
    const std::size_t count = round % 4 == 0 ? 20 + next_random() % 120 : next_random() % 12;
    for (std::size_t k = 0; k < count; ++k) {
      // Mostly valid pieces, so that the malformed byte lands anywhere in long clean runs.
      const std::size_t pick = next_random() % 100;
      s += pick < 70 ? pieces[22 + pick % 3] : pieces[next_random() % pieces.size()];
    }
    const std::size_t expected = reference(s);
    malformed += expected != std::string_view::npos;
    REQUIRE(utf8::find_invalid(s) == expected);
    REQUIRE(utf8::is_valid(s) == (expected == std::string_view::npos));
    // next() and its general path decode the same code points with the same steps.
    for (std::size_t fast = 0, general = 0; fast < s.size();) {
      REQUIRE(utf8::next(s, fast) == utf8::next_general(s, general));
      REQUIRE(fast == general);
    }
  }
  CHECK(malformed > 1000);  // both outcomes were exercised
  CHECK(malformed < 19000);
}

// One malformed sequence at every offset of a long clean Chinese text (and a lead byte cut off at its
// end): the first error must be found exactly, whichever 32-byte block and lane it falls in.
TEST_CASE("utf8::find_invalid finds one error at every offset of a long text") {
  std::string clean;
  while (clean.size() < 300) clean += "政府工作报告，2024年GDP增长5.2%。“十四五”规划𠀀";
  REQUIRE(utf8::is_valid(clean));
  const std::vector<std::string> damage = {"\xff", "\x80", "\xc0\xaf", "\xe0\x80\x80", "\xed\xa0\x80",
                                           "\xf4\x90\x80\x80", "\xe4\xb8", "\xf0\x9f\x98"};
  for (const std::string& bad : damage) {
    for (std::size_t at = 0; at <= clean.size(); ++at) {
      if (at < clean.size() && (static_cast<unsigned char>(clean[at]) & 0xC0) == 0x80) continue;  // inside a character
      const std::string s = clean.substr(0, at) + bad + clean.substr(at);
      INFO("damage at " << at);
      REQUIRE(utf8::find_invalid(s) == at);
    }
  }
  for (std::size_t cut = 1; cut < clean.size(); ++cut) {
    const std::string s = clean.substr(0, cut);
    std::size_t expected = std::string_view::npos;
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t len = utf8::sequence_length(s, i);
      if (len == 0) {
        expected = i;
        break;
      }
      i += len;
    }
    REQUIRE(utf8::find_invalid(s) == expected);
  }
}

TEST_CASE("utf8::next decodes and never stalls") {
  std::string s = "a\xe4\xb8\xad\xff\xf0\x9f\x98\x80";
  std::size_t pos = 0;
  CHECK(utf8::next(s, pos) == U'a');
  CHECK(utf8::next(s, pos) == U'中');
  CHECK(utf8::next(s, pos) == utf8::replacement_character);
  CHECK(pos == 5);
  CHECK(utf8::next(s, pos) == 0x1F600);
  CHECK(pos == s.size());
  CHECK(utf8::encode(U'中') == "\xe4\xb8\xad");
  CHECK(utf8::encode(0xD800) == "\xef\xbf\xbd");
}

TEST_CASE("CodepointIndex converts byte offsets to code point offsets") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "政a";  // crosses several index blocks
  CodepointIndex index(text);
  CHECK(index.size() == 600);
  CHECK(index.to_codepoint(0) == 0);
  CHECK(index.to_codepoint(3) == 1);
  CHECK(index.to_codepoint(4) == 2);
  CHECK(index.to_codepoint(4 * 150) == 300);
  CHECK(index.to_codepoint(4 * 150 + 1) == 300);  // inside a character: the character holding it
  CHECK(index.to_codepoint(text.size()) == 600);
}
