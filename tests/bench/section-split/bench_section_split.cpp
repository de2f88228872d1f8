// Throughput of section_split::split_document over every report of the shared corpus plus the
// seed, on one core, with a baseline measured in the same process: counting lines with memchr over
// the same bytes (the least any splitter must do). Prints MB/s and the ratio. Time is the thread's
// CPU time, so that other processes on a shared machine do not distort the figure.
#include <ctime>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "section_splitter.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& e : fs::directory_iterator(std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports")) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
    bytes += texts.back().size();
  }
  {
    std::ifstream in(std::string(DOCPIPE_SHARED_DIR) + "/seed/000_dbdc0dc46ac71758.txt", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
    bytes += texts.back().size();
  }
  auto cpu_seconds = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
  };
  auto measure = [&](auto&& one_pass) {
    std::size_t passes = 0;
    const double start = cpu_seconds();
    double elapsed = 0;
    do {
      one_pass();
      ++passes;
      elapsed = cpu_seconds() - start;
    } while (elapsed < seconds);
    return double(bytes) * double(passes) / elapsed / 1e6;
  };
  std::size_t sink = 0;
  const double baseline = measure([&] {
    for (const auto& t : texts) {
      const char* p = t.data();
      const char* end = p + t.size();
      while ((p = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p))))) ++p, ++sink;
    }
  });
  auto run = [&](bool sentences) {
    section_split::SplitOptions options;
    options.sentences = sentences;
    return measure([&] {
      for (const auto& t : texts) {
        docpipe::Document doc;
        doc.text = t;
        section_split::split_document(doc, options);
        sink += doc.sections.size() + doc.sentences.size();
      }
    });
  };
  const double full = run(true);
  const double no_sentences = run(false);
  std::cout << "corpus: " << texts.size() << " documents, " << double(bytes) / 1e6 << " MB\n";
  std::cout << "section-split (all layers):   " << full << " MB/s\n";
  std::cout << "section-split (no sentences): " << no_sentences << " MB/s\n";
  std::cout << "baseline memchr line count:   " << baseline << " MB/s\n";
  std::cout << "ratio full/baseline:          " << full / baseline << "\n";
  std::cout << "(checksum " << sink % 1000 << ")\n";
}
