// docpipe-build-charmodel: builds data/charmodel.bin from the corpus reports and two word lists.
//
//   docpipe-build-charmodel CORPUS_REPORTS_DIR OUTPUT_FILE [ESSAY_TXT JIEBA_DICT]
//
// Trains on every report not held out (training_split.hpp), as written (simplified) and converted
// to traditional script with OpenCC twice: s2t (OpenCC's standard forms, e.g. 爲) and s2tw (the
// forms Taiwan, Hong Kong and most traditional-script web pages use, e.g. 為), so the model scores
// every script a scraped report may come in. Beside each of the three, the words of two lexicons
// (Debian rime-essay and python3-jieba, default paths below) are counted in the same script, inside
// each word only, weighted by frequency (kLexiconShare, kLexiconExponent). Deterministic: the same
// corpus and word lists give the same bytes.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <opencc/SimpleConverter.hpp>

#include "char_model_format.hpp"
#include "lexicon.hpp"
#include "docpipe/utf8.hpp"
#include "training_split.hpp"

namespace fs = std::filesystem;
namespace fmt = encoding_repair::charmodel_format;

namespace {

// Trigrams seen fewer times are left out of the file (they stay in the Witten-Bell totals).
constexpr std::uint32_t kMinTrigramCount = 3;

// The lexicons' weight: all words of both, counted in one script, weigh this share of the characters
// the reports give that script (half each). Small enough that the reports' own statistics (their
// punctuation, digits, enumerators, and which character follows which across words) still decide
// where both know the characters; large enough that a word the reports never have (擇校) is a known
// pair. Chosen on the corruption benchmark (plugin README, "Measured").
constexpr double kLexiconShare = 0.5;
// A word's weight grows as frequency^kLexiconExponent: below 1 it flattens the lists' Zipf curve, so
// rare words still reach the pruning thresholds while everyday words do not crowd out the reports.
constexpr double kLexiconExponent = 1.0;

// The lexicons' share of what the reports leave unseen in a context (the rest backs off to the
// shorter context as before): the words they know take it from the characters merely frequent.
constexpr double kLexiconWeight = 0.3;

const char* const kDefaultEssay = "/usr/share/rime-data/essay.txt";          // Debian rime-essay
const char* const kDefaultJieba = "/usr/lib/python3/dist-packages/jieba/dict.txt";  // Debian python3-jieba

struct Counts {
  std::map<char32_t, std::uint64_t> unigram;
  std::unordered_map<std::uint64_t, std::uint32_t> bigram;   // (a << 32) | b
  std::unordered_map<std::uint64_t, std::uint32_t> trigram;  // (a << 42) | (b << 21) | c
};

/// Counts the n-grams of @p text; returns the number of characters counted.
std::uint64_t count(const std::string& text, Counts& counts) {
  std::uint64_t n = 0;
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
    ++n;
  }
  return n;
}

/// Weighted n-gram counts of lexicon words, rounded into Counts once all are in.
struct WeightedCounts {
  std::unordered_map<char32_t, double> unigram;
  std::unordered_map<std::uint64_t, double> bigram, trigram;  // keys as in Counts

  /// Counts the n-grams inside each line of @p words (one word a line) with the weight of @p weights.
  void add(const std::string& words, const std::vector<double>& weights) {
    std::size_t pos = 0, line = 0;
    char32_t prev = 0, prev2 = 0;
    while (pos < words.size() && line < weights.size()) {
      const char32_t c = docpipe::utf8::next(words, pos);
      if (c == '\n') {
        ++line;
        prev = prev2 = 0;
        continue;
      }
      const double w = weights[line];
      unigram[c] += w;
      if (prev) bigram[(std::uint64_t{prev} << 32) | c] += w;
      if (prev2) trigram[(std::uint64_t{prev2} << 42) | (std::uint64_t{prev} << 21) | c] += w;
      prev2 = prev;
      prev = c;
    }
  }

  /// Adds the rounded counts to @p counts (n-grams weighing less than half a sighting are left out).
  void round_into(Counts& counts) const {
    for (const auto& [k, v] : unigram)
      if (const auto n = std::llround(v)) counts.unigram[k] += static_cast<std::uint64_t>(n);
    for (const auto& [k, v] : bigram)
      if (const auto n = std::llround(v)) counts.bigram[k] += static_cast<std::uint32_t>(n);
    for (const auto& [k, v] : trigram)
      if (const auto n = std::llround(v)) counts.trigram[k] += static_cast<std::uint32_t>(n);
  }
};

/// One lexicon as the builder counts it: its words one a line, and each word's frequency.
struct Lexicon {
  std::string lines;
  std::vector<double> frequency;
};

Lexicon load(const std::string& path, encoding_repair::lexicon::Format format) {
  Lexicon lex;
  for (const auto& w : encoding_repair::lexicon::read(path, format)) {
    lex.lines += w.text;
    lex.lines += '\n';
    lex.frequency.push_back(w.frequency);
  }
  return lex;
}

/// Counts @p words (a Lexicon's lines, in the script of one pass) so that together they weigh
/// @p mass characters, each word in proportion to frequency^kLexiconExponent.
void add_lexicon(const std::string& words, const std::vector<double>& frequency, double mass, WeightedCounts& out) {
  std::vector<double> weights(frequency.size());
  double total = 0;
  std::size_t pos = 0, line = 0, length = 0;
  std::vector<std::size_t> lengths(frequency.size(), 0);
  while (pos < words.size() && line < frequency.size()) {
    if (docpipe::utf8::next(words, pos) == '\n') {
      lengths[line++] = length;
      length = 0;
    } else {
      ++length;
    }
  }
  if (line != frequency.size()) throw std::runtime_error("OpenCC changed the number of lexicon lines");
  for (std::size_t i = 0; i < frequency.size(); ++i) {
    weights[i] = std::pow(frequency[i], kLexiconExponent);
    total += weights[i] * double(lengths[i]);
  }
  for (double& w : weights) w *= mass / total;
  out.add(words, weights);
}

/// Witten-Bell statistics of one context: how often it was followed, by how many distinct characters.
struct Witten {
  std::uint64_t count = 0, types = 0;
  void add(std::uint64_t n) {
    count += n;
    ++types;
  }
  /// lambda = c / (c + T): the share of the context's seen followers; 0 for an unseen context.
  double lambda() const { return count ? double(count) / double(count + types) : 0.0; }
  /// The maximum-likelihood probability of a follower seen @p n times.
  double ml(std::uint64_t n) const { return count ? double(n) / double(count) : 0.0; }
};

/// The probability a context stores for a follower seen @p n_reports times in the reports and
/// @p n_lexicon times in the lexicons: the reports' share, then the lexicons' share of what the
/// reports leave unseen.
double seen_mass(const Witten& reports, std::uint64_t n_reports, const Witten& lexicon, std::uint64_t n_lexicon) {
  const double to_lexicon = kLexiconWeight * lexicon.lambda();
  return reports.lambda() * reports.ml(n_reports) + (1 - reports.lambda()) * to_lexicon * lexicon.ml(n_lexicon);
}

/// What is left for the next shorter context: unseen by the reports and not given to the lexicons.
double backoff(const Witten& reports, const Witten& lexicon) {
  return (1 - reports.lambda()) * (1 - kLexiconWeight * lexicon.lambda());
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
  if (argc != 3 && argc != 5) {
    std::cerr << "usage: docpipe-build-charmodel CORPUS_REPORTS_DIR OUTPUT_FILE [ESSAY_TXT JIEBA_DICT]\n"
                 "  ESSAY_TXT defaults to "
              << kDefaultEssay << " (Debian rime-essay), JIEBA_DICT to " << kDefaultJieba << " (Debian python3-jieba)\n";
    return 2;
  }
  namespace lx = encoding_repair::lexicon;
  Lexicon essay, jieba;
  try {
    essay = load(argc == 5 ? argv[3] : kDefaultEssay, lx::Format::rime_essay);
    jieba = load(argc == 5 ? argv[4] : kDefaultJieba, lx::Format::jieba);
  } catch (const std::exception& e) {
    std::cerr << "docpipe-build-charmodel: " << e.what() << "\n";
    return 1;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(argv[1]))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  opencc::SimpleConverter s2t("s2t.json");
  opencc::SimpleConverter s2tw("s2tw.json");
  opencc::SimpleConverter t2s("t2s.json");
  opencc::SimpleConverter t2tw("t2tw.json");

  Counts reports;
  std::size_t used = 0;
  std::uint64_t chars_simplified = 0, chars_s2t = 0, chars_s2tw = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (encoding_repair::held_out_of_training(i)) continue;
    std::ifstream in(files[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    chars_simplified += count(text, reports);
    chars_s2t += count(s2t.Convert(text), reports);
    chars_s2tw += count(s2tw.Convert(text), reports);
    ++used;
  }
  // The lexicons in the script of each pass: rime-essay is written in OpenCC's standard traditional
  // forms (爲), jieba in simplified.
  Counts lexicon;
  {
    WeightedCounts weighted;
    const double half = kLexiconShare / 2;
    add_lexicon(t2s.Convert(essay.lines), essay.frequency, half * double(chars_simplified), weighted);
    add_lexicon(jieba.lines, jieba.frequency, half * double(chars_simplified), weighted);
    add_lexicon(essay.lines, essay.frequency, half * double(chars_s2t), weighted);
    add_lexicon(s2t.Convert(jieba.lines), jieba.frequency, half * double(chars_s2t), weighted);
    add_lexicon(t2tw.Convert(essay.lines), essay.frequency, half * double(chars_s2tw), weighted);
    add_lexicon(s2tw.Convert(jieba.lines), jieba.frequency, half * double(chars_s2tw), weighted);
    weighted.round_into(lexicon);
  }

  // Vocabulary: every character seen at least twice (a single sighting is noise). Unigrams are the
  // reports' own; the lexicons only add the characters the reports lack (or saw once).
  std::map<char32_t, std::uint64_t> unigram;
  for (const auto& [c, n] : reports.unigram)
    if (n >= 2) unigram[c] = n;
  for (const auto& [c, n] : lexicon.unigram) {
    const auto r = reports.unigram.find(c);
    const std::uint64_t own = r == reports.unigram.end() ? 0 : r->second;
    if (own < 2 && own + n >= 2) unigram[c] = own + n;
  }
  std::vector<char32_t> chars;
  std::uint64_t total = 0;
  for (const auto& [c, n] : unigram) {
    chars.push_back(c);
    total += n;
  }
  if (chars.size() >= 65535) {
    std::cerr << "vocabulary too large\n";
    return 1;
  }
  std::unordered_map<char32_t, std::uint32_t> index;
  for (std::uint32_t i = 0; i < chars.size(); ++i) index[chars[i]] = i;

  // Bigrams: Witten-Bell over the reports, whose unseen mass goes to Witten-Bell over the lexicons,
  // whose unseen mass goes to the unigrams. Where the reports know a context they decide; the
  // lexicons only share out what the reports leave to chance (which character follows 擇 when the
  // reports never wrote 擇校), so the reports' punctuation and style keep their weight.
  std::vector<Witten> follow_reports(chars.size()), follow_lexicon(chars.size());
  std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> pairs;  // key -> (reports, lexicon)
  auto gather_pairs = [&](const Counts& counts, std::vector<Witten>& follow, bool from_reports) {
    for (const auto& [key, n] : counts.bigram) {
      auto ia = index.find(static_cast<char32_t>(key >> 32));
      auto ib = index.find(static_cast<char32_t>(key & 0xFFFFFFFFu));
      if (ia == index.end() || ib == index.end()) continue;
      follow[ia->second].add(n);
      auto& slot = pairs[(ia->second << 16) | ib->second];
      (from_reports ? slot.first : slot.second) += n;
    }
  };
  gather_pairs(reports, follow_reports, true);
  gather_pairs(lexicon, follow_lexicon, false);
  // Pairs seen once are dropped from the file (they stay in the Witten-Bell totals).
  std::vector<std::pair<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>>> kept;
  for (const auto& [key, n] : pairs)
    if (n.first >= 2 || n.second >= 2) kept.push_back({key, n});
  std::sort(kept.begin(), kept.end());

  // Trigram contexts: the same over the kept bigrams (a trigram count >= 2 implies its context's).
  std::unordered_map<std::uint32_t, std::uint32_t> bigram_position;
  for (std::uint32_t i = 0; i < kept.size(); ++i) bigram_position[kept[i].first] = i;
  std::vector<Witten> context_reports(kept.size()), context_lexicon(kept.size());
  std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> triples;
  auto gather_triples = [&](const Counts& counts, std::vector<Witten>& context, bool from_reports) {
    for (const auto& [key, n] : counts.trigram) {
      auto ia = index.find(static_cast<char32_t>(key >> 42));
      auto ib = index.find(static_cast<char32_t>((key >> 21) & 0x1FFFFF));
      auto ic = index.find(static_cast<char32_t>(key & 0x1FFFFF));
      if (ia == index.end() || ib == index.end() || ic == index.end()) continue;
      auto pos = bigram_position.find((ia->second << 16) | ib->second);
      if (pos == bigram_position.end()) continue;
      context[pos->second].add(n);
      auto& slot = triples[(std::uint64_t{pos->second} << 16) | ic->second];
      (from_reports ? slot.first : slot.second) += n;
    }
  };
  gather_triples(reports, context_reports, true);
  gather_triples(lexicon, context_lexicon, false);
  std::vector<std::pair<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>>> trigrams;
  for (const auto& [key, n] : triples)
    if (n.first >= kMinTrigramCount || n.second >= kMinTrigramCount) trigrams.push_back({key, n});
  std::sort(trigrams.begin(), trigrams.end());

  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out.write(fmt::kMagic, 4);
  put(out, fmt::kVersion);
  put(out, static_cast<std::uint32_t>(chars.size()));
  put(out, static_cast<std::uint32_t>(kept.size()));
  put(out, static_cast<std::uint32_t>(trigrams.size()));
  put(out, std::uint32_t{0});
  for (char32_t c : chars) put(out, static_cast<std::uint32_t>(c));
  for (char32_t c : chars) put(out, quantize(std::log10(double(unigram[c]) / double(total))));
  for (std::size_t i = 0; i < chars.size(); ++i) put(out, quantize(std::log10(backoff(follow_reports[i], follow_lexicon[i]))));
  std::size_t written = 24 + chars.size() * 6;
  auto pad_to = [&](std::size_t align) {
    for (; written % align; ++written) put(out, std::uint8_t{0});
  };
  pad_to(4);
  for (const auto& [key, n] : kept) put(out, key);
  for (const auto& [key, n] : kept) {
    const std::size_t a = key >> 16;
    put(out, quantize(std::log10(seen_mass(follow_reports[a], n.first, follow_lexicon[a], n.second))));
  }
  for (std::size_t i = 0; i < kept.size(); ++i) put(out, quantize(std::log10(backoff(context_reports[i], context_lexicon[i]))));
  written += kept.size() * 6;
  pad_to(8);
  for (const auto& [key, n] : trigrams) put(out, key);
  for (const auto& [key, n] : trigrams) {
    const std::size_t ab = key >> 16;
    put(out, quantize(std::log10(seen_mass(context_reports[ab], n.first, context_lexicon[ab], n.second))));
  }
  std::cerr << "trained on " << used << " of " << files.size() << " reports (" << chars_simplified
            << " characters a script) and " << essay.frequency.size() << " + " << jieba.frequency.size()
            << " lexicon words (share " << kLexiconShare << ", exponent " << kLexiconExponent << "): " << chars.size()
            << " characters, " << kept.size() << " bigrams, " << trigrams.size() << " trigrams\n";
  return out ? 0 : 1;
}
