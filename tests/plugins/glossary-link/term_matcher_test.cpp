#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "docpipe/utf8.hpp"
#include "term_matcher.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;

namespace {
std::vector<std::string> texts_of(const std::vector<TermMatch>& ms, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.emplace_back(m.span.of(text));
  return out;
}
}  // namespace

TEST_CASE("term matcher: longest key ending at each position, exact byte offsets") {
  TermMatcher m;
  const auto k_short = m.add("工程");
  const auto k_long = m.add("千万工程");
  m.build();
  const std::string text = "学习运用“千萬工程”经验,推进工程";
  auto found = m.find(text, {0, text.size()});
  REQUIRE(found.size() == 2);
  CHECK(found[0].key == k_long);
  CHECK(found[0].span.of(text) == "千萬工程");  // traditional mention, simplified key, quotes outside
  CHECK(found[1].key == k_short);
  CHECK(found[1].span.of(text) == "工程");
  CHECK(found[1].span.end == text.size());
}

TEST_CASE("term matcher: keys equal after folding share an id; short keys are refused") {
  TermMatcher m;
  CHECK(m.add("雙減") == m.add("双减"));
  CHECK(m.add("减") == TermMatcher::no_key);
  CHECK(m.add("减", 1) != TermMatcher::no_key);
  CHECK(m.keys() == 2);
}

TEST_CASE("term matcher: a range restricts the search") {
  TermMatcher m;
  m.add("雙減");
  m.build();
  const std::string text = "雙減,雙減,雙減";
  CHECK(m.find(text, {0, text.size()}).size() == 3);
  CHECK(m.find(text, {7, text.size()}).size() == 2);
  CHECK(m.find(text, {0, 5}).empty());
}

TEST_CASE("select_longest: longer wins, then earlier; taken spans block") {
  TermMatcher m;
  m.add("ab");
  m.add("bcd");
  m.add("cd");
  m.build();
  const std::string text = "abcd abcd";
  auto all = m.find(text, {0, text.size()}, true);
  CHECK(all.size() == 6);
  CHECK(texts_of(select_longest(all), text) == std::vector<std::string>{"bcd", "bcd"});
  CHECK(texts_of(select_longest(all, {{1, 2}}), text) == std::vector<std::string>{"cd", "bcd"});
}

// Checks find() on @p text against a brute-force search over the folded @p keys: the longest key
// ending at each position, and (all_keys) every key occurrence.
static void check_against_brute_force(const TermMatcher& m, const std::vector<std::u32string>& keys, const std::string& text) {
  const ScriptFold& fold = ScriptFold::instance();
  // Folded text with the byte offset of each folded code point.
  std::u32string folded;
  std::vector<std::size_t> begin_of, end_of;
  for (std::size_t p = 0; p < text.size();) {
    const std::size_t b = p;
    const char32_t f = fold.fold(utf8::next(text, p));
    if (f == ScriptFold::dropped) continue;
    folded.push_back(f);
    begin_of.push_back(b);
    end_of.push_back(p);
  }
  std::vector<std::pair<std::size_t, std::size_t>> expected;
  for (std::size_t end = 1; end <= folded.size(); ++end) {
    std::size_t best = 0;
    for (const auto& k : keys)
      if (k.size() <= end && k.size() > best && folded.compare(end - k.size(), k.size(), k) == 0) best = k.size();
    if (best) expected.emplace_back(begin_of[end - best], end_of[end - 1]);
  }
  std::vector<std::pair<std::size_t, std::size_t>> got;
  for (const auto& t : m.find(text, {0, text.size()})) got.emplace_back(t.span.begin, t.span.end);
  REQUIRE(got == expected);
  // With all_keys: every key occurrence, as brute force finds them.
  std::size_t every = 0;
  for (std::size_t end = 1; end <= folded.size(); ++end)
    for (const auto& k : keys) every += k.size() <= end && folded.compare(end - k.size(), k.size(), k) == 0;
  REQUIRE(m.find(text, {0, text.size()}, true).size() == every);
}

// Property: find() equals a brute-force search for the longest key ending at each position.
TEST_CASE("term matcher agrees with brute force on random texts") {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {"雙", "減", "双", "工", "程", "a", "b", "“"};
  auto pick = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  const ScriptFold& fold = ScriptFold::instance();
  for (int round = 0; round < 50; ++round) {
    TermMatcher m;
    std::vector<std::u32string> keys;
    for (int i = 0; i < 12; ++i) {
      const std::string k = pick(2 + int(rng() % 4));
      if (m.add(k) != TermMatcher::no_key && m.keys() > keys.size()) keys.push_back(fold.fold_string(k));
    }
    m.build();
    const std::string text = pick(200);
    check_against_brute_force(m, keys, text);
  }
}

TEST_CASE("term matcher agrees with brute force where most of the text starts no key") {
  // The scan skips three-byte code points that start no key by one bit of a table made at build():
  // texts mostly of code points outside the keys (Han, punctuation, two- and four-byte sequences),
  // keys from part of the alphabet only, traditional and simplified forms of the same key start.
  std::mt19937 rng(41);
  const std::vector<std::string> alphabet = {"雙", "減", "双", "工", "程", "a", "b", "“", "经", "济", "。", "é", "😀", "发", "發", "展"};
  auto pick = [&](int n, std::size_t from = 0) {
    std::string s;
    for (int i = 0; i < n; ++i) s += alphabet[from + rng() % (alphabet.size() - from)];
    return s;
  };
  const ScriptFold& fold = ScriptFold::instance();
  for (int round = 0; round < 200; ++round) {
    TermMatcher m;
    std::vector<std::u32string> keys;
    for (int i = 0; i < 12; ++i) {
      const std::string k = pick(2 + int(rng() % 3), rng() % 2 ? 8 : 12);
      if (m.add(k) != TermMatcher::no_key && m.keys() > keys.size()) keys.push_back(fold.fold_string(k));
    }
    m.build();
    const std::string text = pick(300);
    check_against_brute_force(m, keys, text);
  }
}
