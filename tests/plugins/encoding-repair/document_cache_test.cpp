#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "document_cache.hpp"
#include "docpipe/utf8.hpp"

using namespace encoding_repair;

TEST_CASE("the cache knows the document's own character pairs") {
  const DocumentCache cache("回车巷历史文化街区。回车巷改造。");
  CHECK(cache.probability(U'回', U'车') == Approx(1.0));
  CHECK(cache.probability(U'巷', U'历') == Approx(0.5));
  CHECK(cache.probability(U'巷', U'改') == Approx(0.5));
  CHECK(cache.probability(U'回', U'国') == 0.0);
  CHECK(cache.probability(U'国', U'家') == 0.0);
}

TEST_CASE("possible damage does not count: the cache must not vouch for mojibake") {
  const DocumentCache cache("活力?;剀囅餁v史文化。剀囅");
  CHECK(cache.probability(U'剀', U'囅') == Approx(1.0));  // the clean occurrence at the end
  const DocumentCache only_damage("活力?;剀囅餁v史文化");
  CHECK(only_damage.probability(U'剀', U'囅') == 0.0);
  CHECK(only_damage.probability(U'史', U'文') == Approx(1.0));  // after the ASCII byte it counts again
}

TEST_CASE("pairs are counted in the model's classes") {
  const DocumentCache cache("增长6.4%，增长7%");
  CHECK(cache.probability(U'长', U'9') == Approx(1.0));  // digits are one class
  CHECK(cache.probability(U'%', U',') > 0.0);            // ， counts as ,
}

TEST_CASE("the cache counts every pair of a long text, as a plain count of the pairs has them") {
  // Thousands of distinct pairs: the table grows many times while counting.
  std::string text;
  std::vector<char32_t> chars;
  std::uint32_t state = 7;
  for (int i = 0; i < 20000; ++i) {
    state = state * 1664525u + 1013904223u;
    const char32_t c = 0x4E00 + (state >> 8) % 300;
    chars.push_back(c);
    docpipe::utf8::append(text, c);
  }
  const DocumentCache cache(text);
  std::map<std::pair<char32_t, char32_t>, double> pairs;
  std::map<char32_t, double> firsts;
  char32_t prev = ' ';
  for (char32_t c : chars) {
    ++pairs[{prev, c}];
    ++firsts[prev];
    prev = c;
  }
  std::size_t wrong = 0;
  for (const auto& [pair, n] : pairs) wrong += cache.probability(pair.first, pair.second) != n / firsts[pair.first];
  CHECK(pairs.size() > 10000);
  CHECK(wrong == 0);
  CHECK(cache.probability(U'一', U'\u4E00' + 400) == 0.0);
}
