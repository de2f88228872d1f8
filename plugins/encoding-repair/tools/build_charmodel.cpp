// docpipe-build-charmodel: builds data/charmodel.bin from the corpus reports.
//
//   docpipe-build-charmodel CORPUS_REPORTS_DIR OUTPUT_FILE
//
// Trains on every report not held out (training_split.hpp), as written (simplified) and converted
// to traditional script with OpenCC twice: s2t (OpenCC's standard forms, e.g. 爲) and s2tw (the
// forms Taiwan, Hong Kong and most traditional-script web pages use, e.g. 為), so the model scores
// every script a scraped report may come in. Deterministic:
// the same corpus gives the same bytes.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <opencc/SimpleConverter.hpp>

#include "char_model_format.hpp"
#include "docpipe/utf8.hpp"
#include "training_split.hpp"

namespace fs = std::filesystem;
namespace fmt = encoding_repair::charmodel_format;

namespace {

// Trigrams seen fewer times are left out of the file (they stay in the Witten-Bell totals).
constexpr std::uint32_t kMinTrigramCount = 3;

struct Counts {
  std::map<char32_t, std::uint64_t> unigram;
  std::unordered_map<std::uint64_t, std::uint32_t> bigram;   // (a << 32) | b
  std::unordered_map<std::uint64_t, std::uint32_t> trigram;  // (a << 42) | (b << 21) | c
};

void count(const std::string& text, Counts& counts) {
  std::size_t pos = 0;
  char32_t prev = ' ', prev2 = ' ';
  while (pos < text.size()) {
    const char32_t c = fmt::normalize(docpipe::utf8::next(text, pos));
    if (c == ' ' && prev == ' ') continue;  // runs of white space count once
    ++counts.unigram[c];
    ++counts.bigram[(std::uint64_t{prev} << 32) | c];
    ++counts.trigram[(std::uint64_t{prev2} << 42) | (std::uint64_t{prev} << 21) | c];
    prev2 = prev;
    prev = c;
  }
}

std::uint8_t quantize(double log10p) {
  const double q = std::round(-log10p * fmt::kScale);
  return static_cast<std::uint8_t>(std::clamp(q, 0.0, 255.0));
}

template <class T>
void put(std::ofstream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: docpipe-build-charmodel CORPUS_REPORTS_DIR OUTPUT_FILE\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(argv[1]))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  opencc::SimpleConverter s2t("s2t.json");
  opencc::SimpleConverter s2tw("s2tw.json");

  Counts counts;
  std::size_t used = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (encoding_repair::held_out_of_training(i)) continue;
    std::ifstream in(files[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    count(text, counts);
    count(s2t.Convert(text), counts);
    count(s2tw.Convert(text), counts);
    ++used;
  }

  // Vocabulary: every character seen at least twice (a single sighting is noise).
  std::vector<char32_t> chars;
  std::uint64_t total = 0;
  for (const auto& [c, n] : counts.unigram)
    if (n >= 2) {
      chars.push_back(c);
      total += n;
    }
  if (chars.size() >= 65535) {
    std::cerr << "vocabulary too large\n";
    return 1;
  }
  std::unordered_map<char32_t, std::uint32_t> index;
  for (std::uint32_t i = 0; i < chars.size(); ++i) index[chars[i]] = i;

  // Witten-Bell: lambda(a) = c(a) / (c(a) + T(a)), T(a) = distinct followers of a.
  std::vector<std::uint64_t> follow_count(chars.size(), 0), follow_types(chars.size(), 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> kept;  // key, count
  for (const auto& [key, n] : counts.bigram) {
    auto ia = index.find(static_cast<char32_t>(key >> 32));
    auto ib = index.find(static_cast<char32_t>(key & 0xFFFFFFFFu));
    if (ia == index.end() || ib == index.end()) continue;
    follow_count[ia->second] += n;
    ++follow_types[ia->second];
    // Pairs seen once are dropped from the file (they stay in the Witten-Bell totals).
    if (n >= 2) kept.push_back({(ia->second << 16) | ib->second, n});
  }
  std::sort(kept.begin(), kept.end());

  // Trigram contexts: Witten-Bell over the kept bigrams (a trigram count >= 2 implies its context's).
  std::unordered_map<std::uint32_t, std::uint32_t> bigram_position;
  for (std::uint32_t i = 0; i < kept.size(); ++i) bigram_position[kept[i].first] = i;
  std::vector<std::uint64_t> context_count(kept.size(), 0), context_types(kept.size(), 0);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> trigrams;  // key, count
  for (const auto& [key, n] : counts.trigram) {
    auto ia = index.find(static_cast<char32_t>(key >> 42));
    auto ib = index.find(static_cast<char32_t>((key >> 21) & 0x1FFFFF));
    auto ic = index.find(static_cast<char32_t>(key & 0x1FFFFF));
    if (ia == index.end() || ib == index.end() || ic == index.end()) continue;
    auto pos = bigram_position.find((ia->second << 16) | ib->second);
    if (pos == bigram_position.end()) continue;
    context_count[pos->second] += n;
    ++context_types[pos->second];
    if (n >= kMinTrigramCount) trigrams.push_back({(std::uint64_t{pos->second} << 16) | ic->second, n});
  }
  std::sort(trigrams.begin(), trigrams.end());

  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out.write(fmt::kMagic, 4);
  put(out, fmt::kVersion);
  put(out, static_cast<std::uint32_t>(chars.size()));
  put(out, static_cast<std::uint32_t>(kept.size()));
  put(out, static_cast<std::uint32_t>(trigrams.size()));
  put(out, std::uint32_t{0});
  for (char32_t c : chars) put(out, static_cast<std::uint32_t>(c));
  for (char32_t c : chars) put(out, quantize(std::log10(double(counts.unigram[c]) / double(total))));
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const double c = double(follow_count[i]), t = double(follow_types[i]);
    put(out, quantize(c + t > 0 ? std::log10(t / (c + t)) : 0.0));
  }
  std::size_t written = 24 + chars.size() * 6;
  auto pad_to = [&](std::size_t align) {
    for (; written % align; ++written) put(out, std::uint8_t{0});
  };
  pad_to(4);
  for (const auto& [key, n] : kept) put(out, key);
  for (const auto& [key, n] : kept) {
    const std::size_t a = key >> 16;
    const double c = double(follow_count[a]), t = double(follow_types[a]);
    put(out, quantize(std::log10(c / (c + t) * double(n) / c)));
  }
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const double c = double(context_count[i]), t = double(context_types[i]);
    put(out, quantize(c + t > 0 ? std::log10(t / (c + t)) : 0.0));
  }
  written += kept.size() * 6;
  pad_to(8);
  for (const auto& [key, n] : trigrams) put(out, key);
  for (const auto& [key, n] : trigrams) {
    const std::size_t ab = key >> 16;
    const double c = double(context_count[ab]), t = double(context_types[ab]);
    put(out, quantize(std::log10(c / (c + t) * double(n) / c)));
  }
  std::cerr << "trained on " << used << " of " << files.size() << " reports: " << chars.size()
            << " characters, " << kept.size() << " bigrams, " << trigrams.size() << " trigrams\n";
  return out ? 0 : 1;
}
