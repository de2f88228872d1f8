// The folding, the sentence split and the pass over unmarked characters take shortcuts on their hot
// paths (four bytes read at once, sixteen bytes or eight characters tested at once); each must give what the plain step-by-step reading gives, on the
// corpus and on damaged text nobody has seen: random mixes of valid and broken UTF-8.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <docpipe/utf8.hpp>

#include "char_fold.hpp"
#include "folded_text.hpp"
#include "marked_scan.hpp"
#include "read_file.hpp"
#include "sentence_splitter.hpp"
#include "three_byte_run.hpp"

using namespace number_extract;

namespace {

// Pieces of text, valid and broken, that random documents are made of.
const std::vector<std::string>& fragments() {
  static const std::vector<std::string> pieces = {
      "a", "7", " ", "\n", "\t", "!", "?", ".", "%", "。", "！", "？", "；", "，", "、", "”", "」", "）", ")", "’", "“",
      "增长", "億元", "萬戶", "５.５％", "２０２４", "\xE3\x80\x80",  // ideographic space
      "\xF0\x9F\x98\x80",                                                // a four-byte character
      "\xE0\xA4\x85", "\xED\x95\x9C",                                    // E0 and ED leads, valid
      "\xED\xA0\x80",                                                    // a surrogate: invalid
      "\xE0\x80\x80",                                                    // overlong: invalid
      "\xE4\xB8", "\xE3\x80", "\xEF\xBC", "\xF0\x9F", "\xC3",            // cut short
      "\x80", "\xBF", "\xFF", "\xE3", "\xEF",                            // lone bytes
  };
  return pieces;
}

std::vector<std::string> random_texts(int count) {
  std::mt19937 rng(20240124);
  std::uniform_int_distribution<std::size_t> piece(0, fragments().size() - 1), length(0, 60);
  std::vector<std::string> out;
  for (int n = 0; n < count; ++n) {
    std::string s;
    for (std::size_t k = length(rng); k > 0; --k) s += fragments()[piece(rng)];
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> corpus() {
  std::vector<std::string> docs;
  const std::filesystem::path dir = std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus/reports";
  if (!std::filesystem::is_directory(dir)) return docs;
  for (const auto& e : std::filesystem::directory_iterator(dir)) docs.push_back(number_extract_test::read_file(e.path()));
  return docs;
}

// FoldedText the plain way: one general decode and one fold per code point.
void check_against_plain_decode(const std::string& text) {
  const FoldedText t(text);
  std::vector<char32_t> cps;
  std::vector<std::size_t> starts;
  for (std::size_t pos = 0; pos < text.size();) {
    starts.push_back(pos);
    cps.push_back(fold(docpipe::utf8::next(text, pos)));
  }
  starts.push_back(text.size());
  const std::u32string_view all = t.view(0, t.size());
  std::vector<std::size_t> fast_starts;
  for (std::size_t i = 0; i <= t.size(); ++i) fast_starts.push_back(t.byte(i));
  REQUIRE(std::vector<char32_t>(all.begin(), all.end()) == cps);
  REQUIRE(fast_starts == starts);
}

// The sentence split the plain way: every byte looked at, terminators 。！？ ! ? and line ends, closing
// quotes and brackets kept with their sentence, spaces trimmed.
std::vector<docpipe::Span> plain_split(std::string_view text) {
  std::vector<docpipe::Span> out;
  std::size_t begin = 0;
  auto close = [&](std::size_t end) {
    std::size_t b = begin, e = end;
    auto space = [&](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (b < e && space(text[b])) ++b;
    while (e > b && space(text[e - 1])) --e;
    if (e > b) out.push_back({b, e});
    begin = end;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t len = 0;
    if (text[pos] == '\n' || text[pos] == '!' || text[pos] == '?') len = 1;
    else if (text.compare(pos, 3, "。") == 0 || text.compare(pos, 3, "！") == 0 || text.compare(pos, 3, "？") == 0)
      len = 3;
    if (len == 0) {
      ++pos;
      continue;
    }
    pos += len;
    while (pos < text.size()) {
      std::size_t p = pos;
      const char32_t n = docpipe::utf8::next(text, p);
      if (n != U'”' && n != U'」' && n != U'）' && n != U')' && n != U'’') break;
      pos = p;
    }
    close(pos);
  }
  close(text.size());
  return out;
}

// Runs @p path from every byte of @p text and checks what it took against the general decoder: only
// whole three-byte characters, folded, with their offsets, and `at` just after the last.
void check_vector_path(VectorPath path, const std::string& text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::vector<char32_t> cps(text.size() + 8);
  std::vector<std::uint32_t> offsets(text.size() + 9);
  for (std::size_t start = 0; start < text.size(); ++start) {
    std::size_t at = start, n = 0;
    decode_three_byte_run(bytes, text.size(), at, n, cps.size(), fold_table(), cps.data(), offsets.data(), path);
    std::size_t pos = start;
    for (std::size_t k = 0; k < n; ++k) {
      REQUIRE(offsets[k] == pos);
      const char32_t c = docpipe::utf8::next(text, pos);
      REQUIRE(pos - offsets[k] == 3);
      REQUIRE(cps[k] == fold(c));
    }
    REQUIRE(at == pos);
  }
}

}  // namespace

TEST_CASE("fold: each vector path reads three-byte runs as the general decoder does", "[number-extract][fold]") {
  std::vector<std::string> texts = random_texts(1500);
  // A long clean run, so every path takes whole steps, and the same with damage near its end.
  std::string run;
  for (int k = 0; k < 40; ++k) run += "億元增长，萬戶";
  texts.push_back(run);
  texts.push_back(run + "\xED\xA0\x80" + run.substr(0, 30));
  const bool avx2 = best_vector_path() == VectorPath::avx2 || best_vector_path() == VectorPath::avx2_gather;
  for (VectorPath path : {VectorPath::ssse3, VectorPath::avx2, VectorPath::avx2_gather}) {
    if ((path == VectorPath::avx2 || path == VectorPath::avx2_gather) && !avx2) continue;  // not on this processor
    if (best_vector_path() == VectorPath::none) continue;
    INFO("path " << static_cast<int>(path));
    for (const auto& text : texts) check_vector_path(path, text);
    // The path does take whole steps where it can.
    std::size_t at = 0, n = 0;
    std::vector<char32_t> cps(run.size());
    std::vector<std::uint32_t> offsets(run.size() + 1);
    decode_three_byte_run(reinterpret_cast<const unsigned char*>(run.data()), run.size(), at, n, cps.size(), fold_table(),
                          cps.data(), offsets.data(), path);
    CHECK(n + 9 >= run.size() / 3);
  }
}

TEST_CASE("fold: the fast decode equals the general one on damaged text", "[number-extract][fold]") {
  for (const auto& text : random_texts(3000)) {
    INFO(text);
    check_against_plain_decode(text);
  }
  // A text too short for the four-byte read, and one that ends inside a character.
  check_against_plain_decode("增");
  check_against_plain_decode("增长\xE4\xB8");
}

TEST_CASE("fold: the fast decode equals the general one on every report", "[number-extract][fold][corpus]") {
  const auto docs = corpus();
  REQUIRE(docs.size() >= 190);
  for (const auto& d : docs) check_against_plain_decode(d);
}

TEST_CASE("split: the sixteen-byte search finds the sentences a byte-by-byte one finds", "[number-extract][split]") {
  for (const auto& text : random_texts(3000)) {
    INFO(text);
    const auto fast = split_sentences(text), plain = plain_split(text);
    REQUIRE(fast.size() == plain.size());
    for (std::size_t k = 0; k < fast.size(); ++k) {
      CHECK(fast[k].begin == plain[k].begin);
      CHECK(fast[k].end == plain[k].end);
    }
  }
  for (const auto& d : corpus()) {
    const auto fast = split_sentences(d), plain = plain_split(d);
    REQUIRE(fast.size() == plain.size());
    for (std::size_t k = 0; k < fast.size(); ++k) REQUIRE((fast[k].begin == plain[k].begin && fast[k].end == plain[k].end));
  }
}

TEST_CASE("scan: the eight-at-a-time search finds the mark a one-by-one search finds", "[number-extract][scan]") {
  // Sparse and dense marks, code points beyond the BMP whose low 16 bits are marked, and every length
  // around the eight-character step (the tail is searched one by one).
  std::mt19937 rng(20240305);
  auto marks = std::make_unique<bool[]>(0x10000);
  std::uniform_int_distribution<char32_t> bmp(0, 0xFFFF), plane(0, 3);
  for (int density : {2, 10, 60}) {
    for (std::size_t c = 0; c < 0x10000; ++c) marks[c] = rng() % static_cast<unsigned>(density) == 0;
    for (int round = 0; round < 400; ++round) {
      std::vector<char32_t> cps(static_cast<std::size_t>(round % 41));
      for (auto& c : cps) c = bmp(rng) + 0x10000 * plane(rng);
      const char32_t* const begin = cps.data();
      const char32_t* const end = begin + cps.size();
      for (std::size_t from = 0; from <= cps.size(); ++from) {
        std::size_t expected = from;
        while (expected < cps.size() && !marks[cps[expected] & 0xFFFF]) ++expected;
        REQUIRE(static_cast<std::size_t>(find_marked(begin + from, end, marks.get()) - begin) == expected);
      }
    }
  }
}
