// Speed of glossary-link's matching with a 10,000-term glossary over the shared corpus, one core.
// Times are CPU seconds of the measuring thread (best of several rounds), so MB/s means MB per
// CPU-second even on a loaded machine.
//
//   bench_glossary_link [CORPUS_DIR] [TERMS]
//
// Terms: every glossary term of the corpus, topped up to TERMS (10,000) as described below. Prints MB/s of
//   - the Aho–Corasick scan alone (longest key per position),
//   - the scan reporting every key plus longest-first selection,
//   - the whole stage (GlossaryLinker::process: appendix, markers, document and external terms),
// for two term lists (dense corpus n-grams, a worst case; dictionary-like terms), and, as the baseline, one std::string_view::find per term, measured on a slice of the same text.
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

#include <time.h>

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

// CPU time of this thread: the machine is shared, and wall time would measure the neighbours' load.
double cpu_now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// Byte offsets of the code points of @p s.
std::vector<std::size_t> code_point_starts(const std::string& s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  return out;
}

std::size_t utf8_chars(const std::string& s) { return docpipe::utf8::length(s); }

// Measures one term list; returns the MB/s of the plain scan.
double run_workload(const char* name, const std::set<std::string>& terms, const std::vector<docpipe::Document>& docs,
                    const std::string& all) {
  const auto t_build = Clock::now();
  gl::TermMatcher matcher;
  for (const auto& t : terms) matcher.add(t);
  matcher.build();
  const double build_ms = seconds_since(t_build) * 1e3;
  const double mb = all.size() / 1e6;
  std::size_t hits = 0;
  double best_scan = 1e9, best_select = 1e9, best_stage = 1e9;
  for (int r = 0; r < 5; ++r) {
    double t0 = cpu_now();
    hits = matcher.find(all, {0, all.size()}).size();
    best_scan = std::min(best_scan, cpu_now() - t0);
    t0 = cpu_now();
    const auto chosen = gl::select_longest(matcher.find(all, {0, all.size()}, true));
    best_select = std::min(best_select, cpu_now() - t0);
  }
  std::vector<docpipe::GlossaryEntry> external;
  for (const auto& t : terms) {
    docpipe::GlossaryEntry e;
    e.term = t;
    e.origin = "bench";
    external.push_back(std::move(e));
  }
  const gl::GlossaryLinker linker(external);
  std::vector<docpipe::Document> copies = docs;
  std::size_t links = 0;
  for (int r = 0; r < 3; ++r) {
    for (std::size_t i = 0; i < docs.size(); ++i) copies[i].diagnostics.clear();
    links = 0;
    const double t0 = cpu_now();
    for (auto& d : copies) {
      linker.process(d);
      links += d.glossary.links.size();
    }
    best_stage = std::min(best_stage, cpu_now() - t0);
  }
  std::printf("%s: %zu terms, %zu automaton states, built in %.1f ms\n", name, terms.size(), matcher.states(), build_ms);
  std::printf("  aho-corasick scan (longest per position): %8.1f MB/s  (%zu positions with a match)\n", mb / best_scan, hits);
  std::printf("  scan every key + longest-first selection: %8.1f MB/s\n", mb / best_select);
  std::printf("  whole stage, terms as external glossary:  %8.1f MB/s  (%zu links)\n", mb / best_stage, links);
  return mb / best_scan;
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

  // The corpus's own glossary terms, in both workloads.
  std::set<std::string> glossary_terms;
  gl::GlossaryLinker plain;
  for (auto d : docs) {
    plain.process(d);
    for (const auto& e : d.glossary.entries) glossary_terms.insert(e.term);
  }
  const auto starts = code_point_starts(all);
  std::mt19937 rng(42);

  // Dense: topped up with n-grams (2 to 8 characters) sampled from the corpus text, so every term
  // occurs, the short ones thousands of times: a worst case, about one match per four characters.
  std::set<std::string> dense = glossary_terms;
  while (dense.size() < wanted) {
    const std::size_t len = 2 + rng() % 7;
    const std::size_t at = rng() % (starts.size() - len - 1);
    const std::string gram = all.substr(starts[at], starts[at + len] - starts[at]);
    bool han = true;
    for (std::size_t p = 0; p < gram.size() && han;) han = gl::is_han(docpipe::utf8::next(gram, p));
    if (han) dense.insert(gram);
  }
  // Dictionary-like: topped up with 2 to 8 characters drawn from the corpus's own character
  // frequencies, independently, so terms share the text's alphabet (and the automaton its size) but
  // occur about as rarely as a policy dictionary's terms do.
  std::set<std::string> sparse = glossary_terms;
  while (sparse.size() < wanted) {
    const std::size_t len = 2 + rng() % 7;
    std::string term;
    while (utf8_chars(term) < len) {
      const std::size_t at = rng() % (starts.size() - 1);
      const std::string ch = all.substr(starts[at], starts[at + 1] - starts[at]);
      std::size_t p = 0;
      if (gl::is_han(docpipe::utf8::next(ch, p))) term += ch;
    }
    sparse.insert(term);
  }
  std::printf("corpus: %zu documents, %.2f MB; %zu terms from the corpus glossaries\n", docs.size(), all.size() / 1e6,
              glossary_terms.size());
  // Floor: one pass that only decodes the text and looks every code point up in the fold table.
  {
    const gl::ScriptFold& fold = gl::ScriptFold::instance();
    double best = 1e9;
    std::size_t sum = 0;
    for (int r = 0; r < 5; ++r) {
      const double t0 = cpu_now();
      for (std::size_t p = 0; p < all.size();) sum += fold.fold(docpipe::utf8::next(all, p));
      best = std::min(best, cpu_now() - t0);
    }
    std::printf("floor, decode + fold-table lookup only:  %8.1f MB/s  (checksum %zu)\n", all.size() / 1e6 / best,
                sum % 10);
  }
  // The default configuration: each document against its own glossary only.
  {
    std::vector<docpipe::Document> copies = docs;
    double best = 1e9;
    std::size_t links = 0;
    for (int r = 0; r < 3; ++r) {
      for (auto& d : copies) d.diagnostics.clear();
      links = 0;
      const double t0 = cpu_now();
      for (auto& d : copies) {
        plain.process(d);
        links += d.glossary.links.size();
      }
      best = std::min(best, cpu_now() - t0);
    }
    std::printf("whole stage, documents' own glossaries:  %8.1f MB/s  (%zu links)\n", all.size() / 1e6 / best, links);
  }
  const double dense_scan = run_workload("dense (corpus n-grams)", dense, docs, all);
  run_workload("dictionary-like", sparse, docs, all);

  // Baseline: one find() per term, on a slice (the full text would take minutes).
  const std::string slice = all.substr(0, starts[std::min<std::size_t>(starts.size() - 1, 100000)]);
  const double t0 = cpu_now();
  std::size_t naive_hits = 0;
  for (const auto& t : dense)
    for (std::size_t p = slice.find(t); p != std::string::npos; p = slice.find(t, p + 1)) ++naive_hits;
  const double naive_mbps = slice.size() / 1e6 / (cpu_now() - t0);
  std::printf("baseline, one find() per dense term:   %8.3f MB/s  (%zu hits on %.2f MB)\n", naive_mbps, naive_hits,
              slice.size() / 1e6);
  std::printf("dense scan / baseline:                 %8.0fx\n", dense_scan / naive_mbps);
  return 0;
}
