// docpipe-build-charmodel: builds data/charmodel.bin from the corpus reports and two word lists.
//
//   docpipe-build-charmodel [OPTIONS] CORPUS_REPORTS_DIR OUTPUT_FILE [ESSAY_TXT JIEBA_DICT]
//
// Smoothing: interpolated Witten-Bell (the shipped model), or with --kneser-ney interpolated
// modified Kneser-Ney (measured and not kept: data/README.md). Either way a self-check sums P over
// the vocabulary for some contexts, as the loader computes it, and prints how far from one it is.
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

// Trigrams seen fewer times are left out of the file (Witten-Bell: they stay in the totals;
// Kneser-Ney: their mass goes to the back-off weight).
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

/// How the model is smoothed (command-line switches; the defaults build data/charmodel.bin).
/// Kneser-Ney was measured against Witten-Bell and not kept (data/README.md); the switches rebuild
/// each model of that table.
struct Options {
  bool kneser_ney = false;       ///< --kneser-ney: interpolated modified Kneser-Ney
  bool continuation = true;      ///< off by --raw-pair-counts: Kneser-Ney's pairs counted as seen
  bool renormalize = true;       ///< off by --lossy-pruning: pruned mass left out, as Witten-Bell does
  bool continuation_unigrams = false;  ///< --continuation-unigrams: unigrams by distinct predecessors
  bool per_script = false;       ///< --per-script: Kneser-Ney discounts each script's counts on their own
  double lexicon_weight = kLexiconWeight;  ///< --lexicon-weight=W
};

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

/// How often a context was followed, and by how many distinct characters seen once, twice and
/// three times or more: what both Witten-Bell and modified Kneser-Ney need of it.
struct ContextStats {
  std::uint64_t count = 0;
  std::uint64_t n[3] = {0, 0, 0};  // followers seen once, twice, 3+ times
  void add(std::uint64_t c) {
    if (!c) return;
    count += c;
    ++n[std::min<std::uint64_t>(c, 3) - 1];
  }
  std::uint64_t types() const { return n[0] + n[1] + n[2]; }
};

/// Modified Kneser-Ney's three discounts of one order (followers seen once, twice, 3+ times),
/// estimated from its count-of-counts (Chen and Goodman's formula).
struct Discounts {
  double d[3] = {0.5, 1.0, 1.5};  // for counts too few to estimate from (the builder's own tests)
  static Discounts estimate(const std::uint64_t (&count_of)[5]) {  // count_of[k]: n-grams seen k times, k = 1..4
    Discounts out;
    for (int k = 1; k <= 4; ++k)
      if (count_of[k] == 0) return out;
    const double y = double(count_of[1]) / double(count_of[1] + 2 * count_of[2]);
    for (int k = 1; k <= 3; ++k)
      out.d[k - 1] = std::clamp(k - (k + 1) * y * double(count_of[k + 1]) / double(count_of[k]), 0.0, double(k));
    return out;
  }
  double of(std::uint64_t c) const { return c ? d[std::min<std::uint64_t>(c, 3) - 1] : 0.0; }
};

/// The smoothing of one order: how a context's seen followers keep their share and what is left
/// for the next shorter context. Reports and lexicons each have their own statistics per context.
struct Smoothing {
  bool kneser_ney = true;
  double lexicon_weight = kLexiconWeight;
  Discounts reports, lexicon;

  /// The share of the context's mass its seen followers keep (Witten-Bell's lambda, Kneser-Ney's
  /// 1 - gamma); 0 for an unseen context.
  double kept(const ContextStats& s, const Discounts& d) const {
    if (!s.count) return 0.0;
    if (!kneser_ney) return double(s.count) / double(s.count + s.types());
    return 1.0 - (d.d[0] * double(s.n[0]) + d.d[1] * double(s.n[1]) + d.d[2] * double(s.n[2])) / double(s.count);
  }
  /// The part of that share a follower seen @p c times gets.
  double term(const ContextStats& s, const Discounts& d, std::uint64_t c) const {
    if (!s.count) return 0.0;
    if (!kneser_ney) return kept(s, d) * (double(c) / double(s.count));
    return std::max(double(c) - d.of(c), 0.0) / double(s.count);
  }
  /// The probability a context stores for a follower seen @p n_reports times in the reports and
  /// @p n_lexicon times in the lexicons: the reports' share, then the lexicons' share of what the
  /// reports leave unseen.
  double seen_mass(const ContextStats& r, std::uint64_t n_reports, const ContextStats& l, std::uint64_t n_lexicon) const {
    if (!kneser_ney) {  // the association of the Witten-Bell models built before, for the same bytes
      const double to_lexicon = lexicon_weight * kept(l, lexicon);
      const double ml = l.count ? double(n_lexicon) / double(l.count) : 0.0;
      return term(r, reports, n_reports) + (1 - kept(r, reports)) * to_lexicon * ml;
    }
    return term(r, reports, n_reports) + (1 - kept(r, reports)) * lexicon_weight * term(l, lexicon, n_lexicon);
  }
  /// seen_mass() of a follower counted per script (@p n_reports: each script's count or
  /// continuation count; the pooled count in [0] and zeros when the scripts are not told apart).
  double seen_mass(const ContextStats& r, const std::uint32_t (&n_reports)[3], const ContextStats& l,
                   std::uint64_t n_lexicon) const {
    if (!kneser_ney) return seen_mass(r, n_reports[0], l, n_lexicon);
    double own = 0;
    for (const std::uint32_t c : n_reports) own += term(r, reports, c);
    return own + (1 - kept(r, reports)) * lexicon_weight * term(l, lexicon, n_lexicon);
  }
  /// What Witten-Bell leaves for the next shorter context: unseen by the reports and not given to
  /// the lexicons. (Kneser-Ney's is one minus what the kept followers store: see one_minus_rows().)
  double backoff(const ContextStats& r, const ContextStats& l) const {
    return (1 - kept(r, reports)) * (1 - lexicon_weight * kept(l, lexicon));
  }
};

std::uint8_t quantize(double log10p) {
  const double q = std::round(-log10p * fmt::kScale);
  return static_cast<std::uint8_t>(std::clamp(q, 0.0, 255.0));
}

template <class T>
void put(std::ofstream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}

/// The model's probabilities before quantization, in file order (char_model_format.hpp).
struct Model {
  std::vector<char32_t> chars;
  std::vector<double> unigram, backoff;
  std::vector<std::uint32_t> bigram_keys;
  std::vector<double> bigram, bigram_backoff;
  std::vector<std::uint64_t> trigram_keys;
  std::vector<double> trigram;
};

/// Kneser-Ney's back-off weights: per row (key >> 16) of @p keys, one minus what its kept entries
/// store, so the mass of the entries pruned from the file backs off and every row sums to one.
std::vector<double> one_minus_rows(const std::vector<std::uint32_t>& keys, const std::vector<double>& p, std::size_t rows) {
  std::vector<double> left(rows, 1.0);
  for (std::size_t i = 0; i < keys.size(); ++i) left[keys[i] >> 16] -= p[i];
  for (double& x : left) x = std::max(x, 1e-12);
  return left;
}
std::vector<double> one_minus_rows(const std::vector<std::uint64_t>& keys, const std::vector<double>& p, std::size_t rows) {
  std::vector<double> left(rows, 1.0);
  for (std::size_t i = 0; i < keys.size(); ++i) left[keys[i] >> 16] -= p[i];
  for (double& x : left) x = std::max(x, 1e-12);
  return left;
}

/// Sums P(c | context) over the whole vocabulary for some one- and two-character contexts (the
/// largest rows and a spread of others), as the loader computes it (char_model.cpp) from the
/// quantized bytes and from the exact values; prints the worst deviations from one and returns the
/// quantized one. Kneser-Ney's sums are one up to quantization; Witten-Bell's fall short by what the
/// pruned n-grams held.
double self_check(const Model& m, bool kneser_ney) {
  const std::size_t n = m.chars.size();
  auto dequantize = [](double p) { return std::pow(10.0, -quantize(std::log10(p)) / fmt::kScale); };
  // Per vocabulary character, exact [0] and quantized [1].
  auto pair_row = [&](std::size_t a, std::vector<double> (&out)[2]) {
    for (int q = 0; q < 2; ++q) {
      out[q].resize(n);
      const double gamma = q ? dequantize(m.backoff[a]) : m.backoff[a];
      for (std::size_t c = 0; c < n; ++c) out[q][c] = gamma * (q ? dequantize(m.unigram[c]) : m.unigram[c]);
    }
    const auto first = std::lower_bound(m.bigram_keys.begin(), m.bigram_keys.end(), std::uint32_t(a << 16));
    for (auto it = first; it != m.bigram_keys.end() && (*it >> 16) == a; ++it) {
      const double p = m.bigram[std::size_t(it - m.bigram_keys.begin())];
      out[0][*it & 0xFFFF] += p;
      out[1][*it & 0xFFFF] += dequantize(p);
    }
  };
  auto rows_by_size = [](const auto& keys, std::size_t rows) {
    std::vector<std::size_t> size(rows, 0), order(rows);
    for (const auto k : keys) ++size[k >> 16];
    for (std::size_t i = 0; i < rows; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return size[x] > size[y]; });
    std::vector<std::size_t> picked(order.begin(), order.begin() + std::min<std::size_t>(8, rows));
    for (std::size_t i = 1; i <= 16; ++i) picked.push_back(order[(rows - 1) * i / 16]);
    return picked;
  };
  double worst[2][2] = {};  // [order 2, 3][exact, quantized]
  std::vector<double> row[2];
  for (const std::size_t a : rows_by_size(m.bigram_keys, n)) {
    pair_row(a, row);
    for (int q = 0; q < 2; ++q) {
      double sum = 0;
      for (double p : row[q]) sum += p;
      worst[0][q] = std::max(worst[0][q], std::abs(sum - 1));
    }
  }
  for (const std::size_t ab : rows_by_size(m.trigram_keys, m.bigram_keys.size())) {
    pair_row(m.bigram_keys[ab] & 0xFFFF, row);
    for (int q = 0; q < 2; ++q) {
      const double gamma = q ? dequantize(m.bigram_backoff[ab]) : m.bigram_backoff[ab];
      for (double& p : row[q]) p *= gamma;
    }
    const auto first = std::lower_bound(m.trigram_keys.begin(), m.trigram_keys.end(), std::uint64_t{ab} << 16);
    for (auto it = first; it != m.trigram_keys.end() && (*it >> 16) == ab; ++it) {
      const double p = m.trigram[std::size_t(it - m.trigram_keys.begin())];
      row[0][*it & 0xFFFF] += p;
      row[1][*it & 0xFFFF] += dequantize(p);
    }
    for (int q = 0; q < 2; ++q) {
      double sum = 0;
      for (double p : row[q]) sum += p;
      worst[1][q] = std::max(worst[1][q], std::abs(sum - 1));
    }
  }
  std::cerr << "self-check (" << (kneser_ney ? "Kneser-Ney" : "Witten-Bell")
            << "): sum of P over the vocabulary differs from 1 by at most " << worst[0][0] << " exact, " << worst[0][1]
            << " quantized after one character; " << worst[1][0] << ", " << worst[1][1] << " after two\n";
  return std::max(worst[0][1], worst[1][1]);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--kneser-ney") options.kneser_ney = true;
    else if (a == "--raw-pair-counts") options.continuation = false;
    else if (a == "--lossy-pruning") options.renormalize = false;
    else if (a == "--continuation-unigrams") options.continuation_unigrams = true;
    else if (a == "--per-script") options.per_script = true;
    else if (a.rfind("--lexicon-weight=", 0) == 0) options.lexicon_weight = std::stod(a.substr(17));
    else args.push_back(a);
  }
  if (args.size() != 2 && args.size() != 4) {
    std::cerr << "usage: docpipe-build-charmodel [OPTIONS] CORPUS_REPORTS_DIR OUTPUT_FILE [ESSAY_TXT JIEBA_DICT]\n"
                 "  ESSAY_TXT defaults to "
              << kDefaultEssay << " (Debian rime-essay), JIEBA_DICT to " << kDefaultJieba << " (Debian python3-jieba)\n"
                 "  OPTIONS (data/README.md): --kneser-ney (instead of Witten-Bell), with it --raw-pair-counts,\n"
                 "  --lossy-pruning, --continuation-unigrams, --per-script; --lexicon-weight=W (default "
              << kLexiconWeight << ")\n";
    return 2;
  }
  const std::string output = args[1];
  namespace lx = encoding_repair::lexicon;
  Lexicon essay, jieba;
  try {
    essay = load(args.size() == 4 ? args[2] : kDefaultEssay, lx::Format::rime_essay);
    jieba = load(args.size() == 4 ? args[3] : kDefaultJieba, lx::Format::jieba);
  } catch (const std::exception& e) {
    std::cerr << "docpipe-build-charmodel: " << e.what() << "\n";
    return 1;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(args[0]))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  opencc::SimpleConverter s2t("s2t.json");
  opencc::SimpleConverter s2tw("s2tw.json");
  opencc::SimpleConverter t2s("t2s.json");
  opencc::SimpleConverter t2tw("t2tw.json");

  Counts reports;
  const bool per_script = options.kneser_ney && options.per_script;
  Counts by_script[3];  // with --per-script: simplified, s2t, s2tw
  std::size_t used = 0;
  std::uint64_t chars_simplified = 0, chars_s2t = 0, chars_s2tw = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (encoding_repair::held_out_of_training(i)) continue;
    std::ifstream in(files[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const std::string t = s2t.Convert(text), tw = s2tw.Convert(text);
    chars_simplified += count(text, reports);
    chars_s2t += count(t, reports);
    chars_s2tw += count(tw, reports);
    if (per_script) {
      count(text, by_script[0]);
      count(t, by_script[1]);
      count(tw, by_script[2]);
    }
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

  // Bigrams: the reports' smoothed counts, whose unseen mass goes to the lexicons' smoothed counts
  // (a share kLexiconWeight of it), the rest to the unigrams. Where the reports know a context they
  // decide; the lexicons only share out what the reports leave to chance (which character follows
  // 擇 when the reports never wrote 擇校), so the reports' punctuation and style keep their weight.
  // Kneser-Ney counts a pair of the reports by the number of distinct characters seen before it
  // (its continuation count): the bigrams are what the trigrams back off to, and a pair that only
  // ever follows one character (賓 in 嘉賓) says little about new contexts. The lexicons' counts
  // are frequency-weighted word counts, used as they are at every order.
  // With --per-script each script's counts are discounted on their own: the three scripts triple
  // every n-gram spelled alike in all of them, so pooled counts of one or two are only the
  // script-specific spellings, and the pooled count-of-counts misjudge the discounts.
  const Counts* const sources[3] = {per_script ? &by_script[0] : &reports, &by_script[1], &by_script[2]};
  const int n_sources = per_script ? 3 : 1;
  std::unordered_map<std::uint64_t, std::uint32_t> continuation[3];  // reports' bigram key -> distinct predecessors
  if (options.kneser_ney && options.continuation)
    for (int s = 0; s < n_sources; ++s)
      for (const auto& [key, n] : sources[s]->trigram) ++continuation[s][key & ((std::uint64_t{1} << 42) - 1)];
  struct Seen {
    std::uint32_t reports = 0, lexicon = 0;  // raw counts: they decide what the file keeps
    std::uint32_t smoothed[3] = {0, 0, 0};   // the reports' counts the smoothing uses, per source
  };
  std::unordered_map<std::uint32_t, Seen> pairs;
  auto in_vocabulary = [&](std::uint64_t code, std::uint32_t& i) {
    const auto it = index.find(static_cast<char32_t>(code));
    if (it == index.end()) return false;
    i = it->second;
    return true;
  };
  for (const auto& [key, n] : reports.bigram) {
    std::uint32_t ia, ib;
    if (!in_vocabulary(key >> 32, ia) || !in_vocabulary(key & 0xFFFFFFFFu, ib)) continue;
    pairs[(ia << 16) | ib].reports += n;
  }
  for (int s = 0; s < n_sources; ++s)
    for (const auto& [key, n] : sources[s]->bigram) {
      std::uint32_t ia, ib;
      if (!in_vocabulary(key >> 32, ia) || !in_vocabulary(key & 0xFFFFFFFFu, ib)) continue;
      // bigram keys (a << 32 | b) and trigram keys' low 42 bits (a << 21 | b) differ in layout
      const std::uint64_t tail = ((key >> 32) << 21) | (key & 0xFFFFFFFFu);
      pairs[(ia << 16) | ib].smoothed[s] += options.kneser_ney && options.continuation ? continuation[s].at(tail) : n;
    }
  for (const auto& [key, n] : lexicon.bigram) {
    std::uint32_t ia, ib;
    if (!in_vocabulary(key >> 32, ia) || !in_vocabulary(key & 0xFFFFFFFFu, ib)) continue;
    pairs[(ia << 16) | ib].lexicon += n;
  }
  std::vector<ContextStats> follow_reports(chars.size()), follow_lexicon(chars.size());
  std::uint64_t pair_count_of[2][5] = {};
  for (const auto& [key, n] : pairs) {
    for (const std::uint32_t c : n.smoothed) {
      follow_reports[key >> 16].add(c);
      if (c <= 4) ++pair_count_of[0][c];
    }
    follow_lexicon[key >> 16].add(n.lexicon);
    if (n.lexicon <= 4) ++pair_count_of[1][n.lexicon];
  }
  Smoothing pair_smoothing{options.kneser_ney, options.lexicon_weight, Discounts::estimate(pair_count_of[0]), Discounts::estimate(pair_count_of[1])};
  // Pairs seen once are dropped from the file (Witten-Bell: they stay in the totals; Kneser-Ney:
  // their mass goes to the back-off weight, so each row still sums to one).
  std::vector<std::pair<std::uint32_t, Seen>> kept;
  for (const auto& [key, n] : pairs)
    if (n.reports >= 2 || n.lexicon >= 2) kept.push_back({key, n});
  std::sort(kept.begin(), kept.end(), [](const auto& x, const auto& y) { return x.first < y.first; });

  // Trigram contexts: the same over the kept bigrams (a trigram count >= 2 implies its context's).
  std::unordered_map<std::uint32_t, std::uint32_t> bigram_position;
  for (std::uint32_t i = 0; i < kept.size(); ++i) bigram_position[kept[i].first] = i;
  std::unordered_map<std::uint64_t, Seen> triples;
  auto gather_triples = [&](const Counts& counts, int source) {  // source: -1 lexicon, 0-2 reports, 3 pooled reports
    for (const auto& [key, n] : counts.trigram) {
      std::uint32_t ia, ib, ic;
      if (!in_vocabulary(key >> 42, ia) || !in_vocabulary((key >> 21) & 0x1FFFFF, ib) || !in_vocabulary(key & 0x1FFFFF, ic))
        continue;
      auto pos = bigram_position.find((ia << 16) | ib);
      if (pos == bigram_position.end()) continue;
      Seen& slot = triples[(std::uint64_t{pos->second} << 16) | ic];
      if (source < 0) slot.lexicon += n;
      else if (source == 3) slot.reports += n;
      else slot.smoothed[source] += n;
    }
  };
  gather_triples(reports, 3);
  for (int s = 0; s < n_sources; ++s) gather_triples(*sources[s], s);
  gather_triples(lexicon, -1);
  std::vector<ContextStats> context_reports(kept.size()), context_lexicon(kept.size());
  std::uint64_t triple_count_of[2][5] = {};
  for (const auto& [key, n] : triples) {
    for (const std::uint32_t c : n.smoothed) {
      context_reports[key >> 16].add(c);
      if (c <= 4) ++triple_count_of[0][c];
    }
    context_lexicon[key >> 16].add(n.lexicon);
    if (n.lexicon <= 4) ++triple_count_of[1][n.lexicon];
  }
  Smoothing triple_smoothing{options.kneser_ney, options.lexicon_weight, Discounts::estimate(triple_count_of[0]),
                             Discounts::estimate(triple_count_of[1])};
  std::vector<std::pair<std::uint64_t, Seen>> trigrams;
  for (const auto& [key, n] : triples)
    if (n.reports >= kMinTrigramCount || n.lexicon >= kMinTrigramCount) trigrams.push_back({key, n});
  std::sort(trigrams.begin(), trigrams.end(), [](const auto& x, const auto& y) { return x.first < y.first; });

  // The probabilities, before quantization.
  Model m;
  m.chars = chars;
  if (options.continuation_unigrams) {
    // A character's weight: how many distinct characters precede it in the reports or a word list
    // (one at least: a word-initial character of the lists).
    std::vector<std::uint64_t> before(chars.size(), 0);
    for (const auto& [key, n] : pairs) ++before[key & 0xFFFF];
    std::uint64_t sum = 0;
    for (auto& b : before) sum += (b = std::max<std::uint64_t>(b, 1));
    for (std::size_t i = 0; i < chars.size(); ++i) m.unigram.push_back(double(before[i]) / double(sum));
  } else {
    for (char32_t c : chars) m.unigram.push_back(double(unigram[c]) / double(total));
  }
  for (const auto& [key, n] : kept) {
    const std::size_t a = key >> 16;
    m.bigram_keys.push_back(key);
    m.bigram.push_back(pair_smoothing.seen_mass(follow_reports[a], n.smoothed, follow_lexicon[a], n.lexicon));
  }
  for (const auto& [key, n] : trigrams) {
    const std::size_t ab = key >> 16;
    m.trigram_keys.push_back(key);
    m.trigram.push_back(triple_smoothing.seen_mass(context_reports[ab], n.smoothed, context_lexicon[ab], n.lexicon));
  }
  if (options.kneser_ney && options.renormalize) {
    m.backoff = one_minus_rows(m.bigram_keys, m.bigram, chars.size());
    m.bigram_backoff = one_minus_rows(m.trigram_keys, m.trigram, kept.size());
  } else {
    for (std::size_t i = 0; i < chars.size(); ++i) m.backoff.push_back(pair_smoothing.backoff(follow_reports[i], follow_lexicon[i]));
    for (std::size_t i = 0; i < kept.size(); ++i)
      m.bigram_backoff.push_back(triple_smoothing.backoff(context_reports[i], context_lexicon[i]));
  }
  const double worst = self_check(m, options.kneser_ney);
  if (options.kneser_ney && options.renormalize && worst > 0.08) {
    std::cerr << "docpipe-build-charmodel: a context's probabilities sum to 1 +- " << worst << " after quantization\n";
    return 1;
  }

  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out.write(fmt::kMagic, 4);
  put(out, fmt::kVersion);
  put(out, static_cast<std::uint32_t>(chars.size()));
  put(out, static_cast<std::uint32_t>(kept.size()));
  put(out, static_cast<std::uint32_t>(trigrams.size()));
  put(out, std::uint32_t{0});
  for (char32_t c : chars) put(out, static_cast<std::uint32_t>(c));
  for (double p : m.unigram) put(out, quantize(std::log10(p)));
  for (double p : m.backoff) put(out, quantize(std::log10(p)));
  std::size_t written = 24 + chars.size() * 6;
  auto pad_to = [&](std::size_t align) {
    for (; written % align; ++written) put(out, std::uint8_t{0});
  };
  pad_to(4);
  for (std::uint32_t key : m.bigram_keys) put(out, key);
  for (double p : m.bigram) put(out, quantize(std::log10(p)));
  for (double p : m.bigram_backoff) put(out, quantize(std::log10(p)));
  written += kept.size() * 6;
  pad_to(8);
  for (std::uint64_t key : m.trigram_keys) put(out, key);
  for (double p : m.trigram) put(out, quantize(std::log10(p)));
  if (options.kneser_ney)
    std::cerr << "modified Kneser-Ney discounts (reports; lexicons): pairs " << pair_smoothing.reports.d[0] << " "
              << pair_smoothing.reports.d[1] << " " << pair_smoothing.reports.d[2] << "; " << pair_smoothing.lexicon.d[0]
              << " " << pair_smoothing.lexicon.d[1] << " " << pair_smoothing.lexicon.d[2] << ", triples "
              << triple_smoothing.reports.d[0] << " " << triple_smoothing.reports.d[1] << " " << triple_smoothing.reports.d[2]
              << "; " << triple_smoothing.lexicon.d[0] << " " << triple_smoothing.lexicon.d[1] << " "
              << triple_smoothing.lexicon.d[2] << "\n";
  std::cerr << "trained on " << used << " of " << files.size() << " reports (" << chars_simplified
            << " characters a script) and " << essay.frequency.size() << " + " << jieba.frequency.size()
            << " lexicon words (share " << kLexiconShare << ", exponent " << kLexiconExponent << "): " << chars.size()
            << " characters, " << kept.size() << " bigrams, " << trigrams.size() << " trigrams\n";
  return out ? 0 : 1;
}
