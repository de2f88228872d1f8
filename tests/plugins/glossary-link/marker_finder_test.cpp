#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "enumerator.hpp"
#include "marker_finder.hpp"
#include "text_cursor.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;

TEST_CASE("markers follow a word; list numbers and years do not count") {
  const std::string text = "“雙減”(6)工作,“瞪羚”企業（14）,清单 [2]进口。\n(1)第一项；（2）第二项：(3)第三项(2025)";
  auto ms = find_markers(text, {0, text.size()}, 100);
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].number == 6);
  CHECK(ms[0].span.of(text) == "(6)");
  CHECK(ms[1].number == 14);
  CHECK(ms[2].span.of(text) == "[2]");
}

TEST_CASE("full-width and tortoise-shell brackets") {
  const std::string text = "清单［4］进口，旅游公路〔6〕建设";
  auto ms = find_markers(text, {0, text.size()}, 100);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].number == 4);
  CHECK(ms[1].span.of(text) == "〔6〕");
}

TEST_CASE("numbers above the limit are ignored") {
  const std::string text = "工程(16)和项目(99)";
  auto ms = find_markers(text, {0, text.size()}, 20);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].number == 16);
}

// find_markers skips to bracket bytes sixteen at a time; a plain walk over every code point with the
// same rules must find the same markers in every report of the shared corpus, at every range start.
TEST_CASE("markers: the bracket scan finds what a code point walk finds (corpus)") {
  auto walk = [](std::string_view text, Span range, int max_number) {
    std::vector<Enumerator> out;
    for (std::size_t pos = range.begin; pos < range.end; pos = next_pos(text, pos)) {
      const char32_t c = at(text, pos);
      if (c != '(' && c != 0xFF08 && c != '[' && c != 0x3010 && c != 0xFF3B && c != 0x3014) continue;
      auto m = read_marker(text, pos);
      if (!m || m->span.end > range.end || m->number > max_number) continue;
      // The word-before rule, as find_markers states it: a blank may sit between.
      std::size_t p = pos;
      if (p > range.begin && is_blank(before(text, p))) p = prev_pos(text, p);
      const char32_t b = before(text, p);
      const bool clause = b == 0 || b == '\n' || b == 0x3002 || b == 0xFF1A || b == ':' || b == 0xFF0C ||
                          b == ',' || b == 0x3001 || b == 0xFF1B || b == ';' || b == 0xFF01 || b == '!' ||
                          b == 0xFF1F || b == '?' || b == '(' || b == 0xFF08 || b == '[' || b == 0x3010 ||
                          b == 0xFF3B || b == 0x3014 || b == '-' || b == '*' || b == '#' || b == '>';
      if (p <= range.begin || clause || is_space(b)) continue;
      out.push_back(*m);
      pos = prev_pos(text, m->span.end);
    }
    return out;
  };
  std::size_t files = 0, markers = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ++files;
    INFO(e.path().filename().string());
    for (std::size_t begin : {std::size_t{0}, std::size_t{1}, std::size_t{7}, text.size() / 3}) {
      const Span range{begin, text.size() - std::min<std::size_t>(text.size(), begin)};
      const auto fast = find_markers(text, range, 999);
      const auto slow = walk(text, range, 999);
      REQUIRE(fast.size() == slow.size());
      for (std::size_t i = 0; i < fast.size(); ++i) {
        REQUIRE(fast[i].span == slow[i].span);
        REQUIRE(fast[i].number == slow[i].number);
      }
      markers += fast.size();
    }
  }
  CHECK(files >= 100);
  CHECK(markers > 100);
}

TEST_CASE("markers are found at every offset from the start, among commas and full stops") {
  // The scan reads the text in blocks; each bracket kind must be found wherever a block starts.
  const std::string body = "推进“雙減”(6)工作，建设“瞪羚”企业（14）、清单［4］。旅游公路〔6〕建设【2】，项目[3]。";
  for (std::size_t pad = 0; pad < 70; ++pad) {
    std::string text;
    for (std::size_t i = 0; i < pad; ++i) text += i % 3 == 0 ? "，" : "的";
    text += body;
    const auto ms = find_markers(text, {0, text.size()}, 100);
    REQUIRE(ms.size() == 6);
    CHECK(ms[0].number == 6);
    CHECK(ms[1].span.of(text) == "（14）");
    CHECK(ms[2].number == 4);
    CHECK(ms[3].span.of(text) == "〔6〕");
    CHECK(ms[4].span.of(text) == "【2】");
    CHECK(ms[5].span.of(text) == "[3]");
  }
}
