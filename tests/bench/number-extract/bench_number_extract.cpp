// bench_number_extract: throughput of the number-extract stage on one core, over the shared corpus
// (corpus/reports/*.txt and the seed), read in place. Prints MB/s for three layers measured in the
// same process: decoding and folding alone (the floor any scanner pays), the number scanner, and
// the whole stage (numbers and indicator facts, with its own sentence split). Times are the
// thread's CPU time, single-threaded.
//
// Usage: bench_number_extract [SHARED_DIR] [SECONDS_PER_MEASURE]
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "folded_text.hpp"
#include "indicator_table.hpp"
#include "number_extract.hpp"
#include "number_scanner.hpp"

namespace {

std::vector<std::string> load_corpus(const std::filesystem::path& shared) {
  std::vector<std::string> docs;
  std::vector<std::filesystem::path> paths;
  for (const auto& sub : {"corpus/reports", "seed"}) {
    const auto dir = shared / sub;
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    docs.push_back(ss.str());
  }
  return docs;
}

// CPU time of this thread: the machine is shared, so wall-clock time would count other people's work.
double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// Runs `pass` over the corpus until `seconds` of CPU time passed (at least twice); returns MB/s.
template <class Pass>
double measure(std::size_t bytes, double seconds, Pass&& pass) {
  pass();  // warm up
  int rounds = 0;
  const double start = thread_seconds();
  double elapsed = 0;
  do {
    pass();
    ++rounds;
    elapsed = thread_seconds() - start;
  } while (elapsed < seconds || rounds < 2);
  return bytes * double(rounds) / elapsed / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path shared = argc > 1 ? argv[1] : DOCPIPE_SHARED_DIR;
  const double seconds = argc > 2 ? std::atof(argv[2]) : 2.0;
  const auto docs = load_corpus(shared);
  std::size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  if (docs.empty()) {
    std::fprintf(stderr, "no documents under %s\n", shared.string().c_str());
    return 1;
  }
  std::size_t sink = 0, mentions = 0, facts = 0;
  const double fold_mbs = measure(bytes, seconds, [&] {
    for (const auto& d : docs) sink += number_extract::FoldedText(d).size();
  });
  const double scan_mbs = measure(bytes, seconds, [&] {
    mentions = 0;
    for (const auto& d : docs) mentions += number_extract::scan_numbers(number_extract::FoldedText(d)).size();
  });
  const auto& table = number_extract::IndicatorTable::builtin();
  number_extract::Options numbers_only;
  numbers_only.indicators = false;
  const double numbers_mbs = measure(bytes, seconds, [&] {
    for (const auto& d : docs) {
      docpipe::Document doc;
      doc.text = d;
      number_extract::extract_numbers(doc, table, numbers_only);
    }
  });
  const double stage_mbs = measure(bytes, seconds, [&] {
    facts = 0;
    for (const auto& d : docs) {
      docpipe::Document doc;
      doc.text = d;
      number_extract::extract_numbers(doc, table);
      facts += doc.indicators.size();
    }
  });
  std::printf("corpus: %zu documents, %.2f MB (%s)\n", docs.size(), bytes / 1e6, shared.string().c_str());
  std::printf("decode+fold only (baseline) : %8.1f MB/s\n", fold_mbs);
  std::printf("number scanner              : %8.1f MB/s  (%.2fx the baseline's time)  %zu mentions\n", scan_mbs,
              fold_mbs / scan_mbs, mentions);
  std::printf("stage, numbers layer only    : %8.1f MB/s  (%.2fx the baseline's time)\n", numbers_mbs,
              fold_mbs / numbers_mbs);
  std::printf("whole stage (numbers+facts) : %8.1f MB/s  (%.2fx the baseline's time)  %zu indicator facts\n",
              stage_mbs, fold_mbs / stage_mbs, facts);
  return sink == 0 ? 1 : 0;
}
