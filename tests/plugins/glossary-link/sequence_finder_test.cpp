#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "golden_support.hpp"
#include "sequence_finder.hpp"

using namespace docpipe::glossary_link;

namespace {

// Every start SequenceFinder::next() reports over [begin, end), walking on from each.
std::vector<std::size_t> all_starts(const SequenceFinder& f, const std::string& text, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> out;
  for (std::size_t p = f.next(text, begin, end); p < end; p = f.next(text, p + 1, end)) out.push_back(p);
  return out;
}

// The same by comparing every sequence at every position.
std::vector<std::size_t> naive_starts(const std::vector<std::string>& seqs, const std::string& text, std::size_t begin,
                                      std::size_t end) {
  std::vector<std::size_t> out;
  for (std::size_t p = begin; p < end; ++p)
    for (const std::string& s : seqs)
      if (s.size() <= end - p && text.compare(p, s.size(), s) == 0) {
        out.push_back(p);
        break;
      }
  return out;
}

}  // namespace

TEST_CASE("sequence finder: starts at block edges, at the end, and not past the end") {
  const std::vector<std::string> seqs = {"名", "詞", "(", "【", "ab"};
  const SequenceFinder f(seqs);
  for (std::size_t pad = 0; pad < 40; ++pad) {
    const std::string text = std::string(pad, 'x') + "名x(y詞za" + std::string(pad % 7, 'q') + "b【";
    CHECK(all_starts(f, text, 0, text.size()) == naive_starts(seqs, text, 0, text.size()));
    // an end inside the last sequence hides it
    CHECK(all_starts(f, text, 0, text.size() - 1) == naive_starts(seqs, text, 0, text.size() - 1));
    CHECK(all_starts(f, text, 3, text.size() - 2) == naive_starts(seqs, text, 3, text.size() - 2));
  }
  CHECK(f.next("", 0, 0) == 0);
  CHECK(f.next("abc", 1, 100) == 3);  // an end past the text is the text's end
  CHECK_THROWS(SequenceFinder({""}));
  CHECK_THROWS(SequenceFinder({"abcde"}));
}

TEST_CASE("sequence finder agrees with a byte-by-byte search over corpus reports") {
  // First characters of glossary keywords, opening brackets, and a few common ones (，。的) that hit
  // in nearly every block.
  const std::vector<std::vector<std::string>> sets = {
      {"名", "詞", "词", "注", "註"}, {"(", "[", "【", "〔", "（", "［"}, {"，", "。", "的"}, {"\n"}, {"年", "2"}};
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(glossary_test::shared("corpus/reports")))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  REQUIRE(files.size() >= 20);
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; i < files.size(); i += 10) {
    const std::string text = glossary_test::read_file(files[i].string());
    for (const auto& seqs : sets) {
      const SequenceFinder f(seqs);
      CHECK(all_starts(f, text, 0, text.size()) == naive_starts(seqs, text, 0, text.size()));
      const std::size_t mid = text.size() / 3;
      CHECK(all_starts(f, text, mid + 1, 2 * mid) == naive_starts(seqs, text, mid + 1, 2 * mid));
    }
  }
}

TEST_CASE("sequence finder agrees with a byte-by-byte search for random sequence sets over near-miss text") {
  // The block filter tests each class's two byte sets by nibble tables (AVX2) or by compares (SSE2):
  // sets of up to six bytes with up to six distinct high nibbles, several classes, every length, and
  // text made of the same bytes shuffled, so most positions share a byte or two with a sequence.
  std::mt19937 rng(17);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> seqs;
    std::string alphabet;
    const std::size_t count = 1 + rng() % 20;
    for (std::size_t k = 0; k < count; ++k) {
      std::string s(1 + rng() % 4, '\0');
      for (char& c : s) c = static_cast<char>(rng() % 256);
      alphabet += s;
      seqs.push_back(s);
    }
    std::string text;
    const std::size_t size = rng() % 400;
    while (text.size() < size) {
      if (rng() % 8 == 0) text += seqs[rng() % seqs.size()];
      else text += alphabet[rng() % alphabet.size()];
    }
    const SequenceFinder f(seqs);
    INFO("round " << round);
    REQUIRE(all_starts(f, text, 0, text.size()) == naive_starts(seqs, text, 0, text.size()));
    if (text.size() > 10) REQUIRE(all_starts(f, text, 5, text.size() - 3) == naive_starts(seqs, text, 5, text.size() - 3));
  }
}
