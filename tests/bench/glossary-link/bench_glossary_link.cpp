// Speed of glossary-link's matching with a 10,000-term glossary over the shared corpus, one core.
//
//   bench_glossary_link [CORPUS_DIR] [TERMS]
//
// Terms: every glossary term of the corpus, topped up with n-grams (2 to 8 characters) sampled from
// the corpus text, so that many of them occur, as a policy dictionary's would. Prints MB/s of
//   - the Aho–Corasick scan alone (longest key per position),
//   - the scan reporting every key plus longest-first selection,
//   - the whole stage (GlossaryLinker::process: appendix, markers, document and external terms),
// and, as the baseline, one std::string_view::find per term, measured on a slice of the same text.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "docpipe/utf8.hpp"
#include "glossary_linker.hpp"
#include "term_matcher.hpp"

namespace gl = docpipe::glossary_link;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Byte offsets of the code points of @p s.
std::vector<std::size_t> code_point_starts(const std::string& s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path dir = argc > 1 ? argv[1] : std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports";
  const std::size_t wanted = argc > 2 ? std::stoul(argv[2]) : 10000;
  std::vector<docpipe::Document> docs;
  std::string all;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    docpipe::Document d;
    d.id = f.stem().string();
    d.text = read_file(f);
    if (!docpipe::utf8::is_valid(d.text)) continue;
    all += d.text;
    all += '\n';
    docs.push_back(std::move(d));
  }
  if (docs.empty()) {
    std::fprintf(stderr, "no UTF-8 .txt files in %s\n", dir.c_str());
    return 1;
  }

  // The terms: the corpus's own glossaries first, then sampled n-grams of Han text.
  std::set<std::string> terms;
  gl::GlossaryLinker plain;
  std::size_t document_terms = 0;
  for (auto d : docs) {
    plain.process(d);
    for (const auto& e : d.glossary.entries) document_terms += terms.insert(e.term).second;
  }
  const auto starts = code_point_starts(all);
  std::mt19937 rng(42);
  while (terms.size() < wanted) {
    const std::size_t len = 2 + rng() % 7;
    const std::size_t at = rng() % (starts.size() - len - 1);
    const std::string gram = all.substr(starts[at], starts[at + len] - starts[at]);
    bool han = true;
    for (std::size_t p = 0; p < gram.size() && han;) han = gl::is_han(docpipe::utf8::next(gram, p));
    if (han) terms.insert(gram);
  }
  std::vector<docpipe::GlossaryEntry> external;
  for (const auto& t : terms) {
    docpipe::GlossaryEntry e;
    e.term = t;
    e.origin = "bench";
    external.push_back(std::move(e));
  }

  const auto t_build = Clock::now();
  gl::TermMatcher matcher;
  for (const auto& t : terms) matcher.add(t);
  matcher.build();
  const double build_s = seconds_since(t_build);

  const double mb = all.size() / 1e6;
  const int rounds = 5;
  std::size_t hits = 0;
  double best_scan = 1e9, best_select = 1e9, best_stage = 1e9;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = Clock::now();
    hits = matcher.find(all, {0, all.size()}).size();
    best_scan = std::min(best_scan, seconds_since(t0));
    t0 = Clock::now();
    auto chosen = gl::select_longest(matcher.find(all, {0, all.size()}, true));
    best_select = std::min(best_select, seconds_since(t0));
    if (chosen.empty()) return 1;
  }
  const gl::GlossaryLinker linker(external);
  std::size_t links = 0;
  for (int r = 0; r < 3; ++r) {
    links = 0;
    auto t0 = Clock::now();
    for (auto d : docs) {
      linker.process(d);
      links += d.glossary.links.size();
    }
    best_stage = std::min(best_stage, seconds_since(t0));  // includes copying each document
  }

  // Baseline: one find() per term, on a slice (the full text would take minutes).
  const std::string slice = all.substr(0, starts[std::min<std::size_t>(starts.size() - 1, 100000)]);
  auto t0 = Clock::now();
  std::size_t naive_hits = 0;
  for (const auto& t : terms)
    for (std::size_t p = slice.find(t); p != std::string::npos; p = slice.find(t, p + 1)) ++naive_hits;
  const double naive_s = seconds_since(t0);
  const double naive_mbps = slice.size() / 1e6 / naive_s;

  std::printf("corpus: %zu documents, %.2f MB; terms: %zu (%zu from the corpus glossaries), %zu automaton states, built in %.1f ms\n",
              docs.size(), mb, terms.size(), document_terms, matcher.states(), build_s * 1e3);
  std::printf("aho-corasick scan (longest per position): %8.1f MB/s  (%zu matches)\n", mb / best_scan, hits);
  std::printf("scan all keys + longest-first selection:  %8.1f MB/s\n", mb / best_select);
  std::printf("whole stage with a %zu-term external glossary: %8.1f MB/s  (%zu links)\n", terms.size(),
              mb / best_stage, links);
  std::printf("baseline, one find() per term:             %8.3f MB/s  (%zu hits on %.2f MB)\n", naive_mbps, naive_hits,
              slice.size() / 1e6);
  std::printf("speed-up of the scan over the baseline:    %8.0fx\n", (mb / best_scan) / naive_mbps);
  return 0;
}
