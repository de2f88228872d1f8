#include <catch2/catch.hpp>

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
